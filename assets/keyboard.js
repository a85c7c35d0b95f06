//# allFunctionsCalledOnLoad
/* Keyboard use beyond Tab: the chart's keyboard mode, focus into and out of the event details, arrow keys
   in the events table, Escape for the filter drawer; and activating a table row (a key or a click). Selection
   goes through the Dash store "key-select", so the server writes the URL exactly as for a click on the chart. */
(function () {
  "use strict";
  const frt = window.frt;  // assets/_frt.js: the namespace and the component ids

  let cursor = null;          // the event the arrow keys last chose (before the server has answered)
  let seenSelected = null;    // the chart's data-selected when the cursor was last set
  let returnTo = null;        // where focus goes when the details close: {chart: true} or {row: id}
  let focusWhenShown = null;  // the event whose details should take focus once rendered
  let keepRow = null;         // {id, until}: the table row focus returned to, refocused if the table re-renders

  function chartKeys() { return document.getElementById(frt.ids.CHART_KEYS); }
  function detailsPanel() { return document.getElementById(frt.ids.DETAILS_PANEL); }

  function order() {
    const el = chartKeys();
    const text = el ? el.getAttribute("data-order") || "" : "";
    return text ? text.split(" ") : [];
  }

  function selected() {
    const el = chartKeys();
    const now = el ? el.getAttribute("data-selected") || "" : "";
    if (now !== seenSelected) {  // chosen by a click, the URL or back/forward: follow it
      seenSelected = now;
      cursor = now || null;
    }
    return cursor;
  }

  function choose(id) {
    cursor = id;
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props(frt.ids.KEY_SELECT, {data: {event: id, at: Date.now()}});
    }
  }

  function detailsTitle(id) {
    const title = document.getElementById(frt.ids.DETAILS_TITLE);
    return title && (!id || title.getAttribute("data-event") === id) ? title : null;
  }

  function openDetails(id, from) {
    returnTo = from;
    const title = detailsTitle(id);
    if (title) { title.focus(); } else { focusWhenShown = id; }
  }

  function closeDetails() {
    const target = returnTo;
    returnTo = null;
    focusWhenShown = null;
    choose(null);
    let el = null;
    if (target && target.row) {
      el = document.querySelector('.events-table tr[data-event="' + CSS.escape(target.row) + '"] .row-button');
      keepRow = {id: target.row, until: Date.now() + 5000};
    }
    (el || chartKeys()).focus();
  }

  function onChartKey(e) {
    const ids = order();
    if (!ids.length) { return; }
    const current = selected();
    const at = current ? ids.indexOf(current) : -1;
    let next = null;
    switch (e.key) {
      case "ArrowRight": case "ArrowDown":
        next = at < 0 ? ids[0] : ids[Math.min(at + 1, ids.length - 1)]; break;
      case "ArrowLeft": case "ArrowUp":
        next = at < 0 ? ids[ids.length - 1] : ids[Math.max(at - 1, 0)]; break;
      case "Home": next = ids[0]; break;
      case "End": next = ids[ids.length - 1]; break;
      case "Enter": case " ":
        if (at < 0) { next = ids[0]; } else { openDetails(current, {chart: true}); }
        break;
      case "Escape":
        if (current) { choose(null); } else { return; }
        break;
      case "+": case "=":
        if (frt.timeline) { frt.timeline.zoom(0.5); } break;
      case "-": case "_":
        if (frt.timeline) { frt.timeline.zoom(2); } break;
      default:
        return;
    }
    e.preventDefault();
    if (next && next !== current) { choose(next); }
  }

  function onTableKey(e) {
    const button = e.target;
    const rows = Array.from(document.querySelectorAll(".events-table .row-button"));
    const at = rows.indexOf(button);
    let target = null;
    if (e.key === "ArrowDown") { target = rows[at + 1]; }
    else if (e.key === "ArrowUp") { target = rows[at - 1]; }
    else if (e.key === "Home" && e.ctrlKey) { target = rows[0]; }
    else if (e.key === "End" && e.ctrlKey) { target = rows[rows.length - 1]; }
    else { return; }
    e.preventDefault();
    if (target) { target.focus(); }
  }

  document.addEventListener("keydown", function (e) {
    const t = e.target;
    if (t && t.id === frt.ids.CHART_KEYS) { onChartKey(e); return; }
    if (t && t.classList && t.classList.contains("row-button")) { onTableKey(e); if (e.defaultPrevented) { return; } }
    if (e.key !== "Escape") { return; }
    const panel = detailsPanel();
    if (panel && panel.contains(t) && panel.classList.contains("open")) {
      e.preventDefault();
      closeDetails();
      return;
    }
    const filters = document.getElementById(frt.ids.FILTERS_PANEL);
    const toggle = document.getElementById(frt.ids.FILTERS_TOGGLE);
    if (filters && filters.contains(t) && toggle && toggle.getAttribute("aria-expanded") === "true") {
      e.preventDefault();
      toggle.click();
      toggle.focus();
    }
  });

  // Activating an event in the table (Enter, Space or a click) selects it, opens its details and moves focus
  // there.
  document.addEventListener("click", function (e) {
    const button = e.target.closest && e.target.closest(".events-table .row-button");
    if (button) {
      const id = button.closest("tr").getAttribute("data-event");
      choose(id);
      openDetails(id, {row: id});
      return;
    }
    const close = e.target.closest && e.target.closest("#" + frt.ids.DETAILS_CLOSE);
    if (close && returnTo) {
      const target = returnTo;
      returnTo = null;
      setTimeout(function () {
        const el = target.row
          ? document.querySelector('.events-table tr[data-event="' + CSS.escape(target.row) + '"] .row-button')
          : null;
        if (target.row) { keepRow = {id: target.row, until: Date.now() + 5000}; }
        (el || chartKeys()).focus();
      }, 0);
    }
  });

  new MutationObserver(function () {
    // The table re-renders when the view changes: a row that had focus keeps it (when focus fell to the page)
    if (keepRow && Date.now() < keepRow.until && (!document.activeElement || document.activeElement === document.body)) {
      const button = document.querySelector('.events-table tr[data-event="' + CSS.escape(keepRow.id) + '"] .row-button');
      if (button) { button.focus(); }
    }
    if (!focusWhenShown) { return; }
    const title = detailsTitle(focusWhenShown);
    if (title) {
      focusWhenShown = null;
      title.focus();
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
})();

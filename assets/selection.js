//# allFunctionsCalledOnLoad
/* The selected event marked in the events table: the row of the URL's event has the class "selected" and its
   button aria-pressed="true". The server marks it when it renders the table; choosing an event does not
   render the table again (dashboard/web/callbacks.py, table_key), so this follows the chart's data-selected,
   which the render callback writes with the details. */
(function () {
  "use strict";
  const frt = window.frt;  // assets/_frt.js: the namespace and the component ids

  function mark() {
    const keys = document.getElementById(frt.ids.CHART_KEYS);
    const table = document.getElementById(frt.ids.TABLE);
    if (!keys || !table) return;
    const id = keys.getAttribute("data-selected") || "";
    table.querySelectorAll("tr[data-event]").forEach(function (row) {
      const on = row.getAttribute("data-event") === id;
      if (row.classList.contains("selected") !== on) row.classList.toggle("selected", on);
      const button = row.querySelector(".row-button");
      if (button && button.getAttribute("aria-pressed") !== String(on)) {
        button.setAttribute("aria-pressed", String(on));
      }
    });
  }

  // Batched per task: a redraw of the chart or the table calls mark once.
  new MutationObserver(mark).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-selected"]
  });
})();

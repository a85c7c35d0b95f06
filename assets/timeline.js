/* The chart's HTML zoom buttons, keyboard zoom and two-finger pinch zoom (Plotly's own controls are mouse-only),
   and the labels that do not fit hidden (dashboard/static/labels.js).
   Exposes window.frtTimeline for keyboard.js. Dates on a Plotly date axis are UTC wall-clock strings. */
(function () {
  "use strict";

  function graph() {
    return document.querySelector("#timeline .js-plotly-plot");
  }

  function toMs(value) {
    if (typeof value === "number") { return value; }
    let text = String(value).trim().replace(" ", "T").replace(/(\.\d{3})\d+/, "$1");
    if (/^\d{4}$/.test(text)) { text += "-01-01"; }
    if (/^\d{4}-\d{2}$/.test(text)) { text += "-01"; }
    return Date.parse(text.length <= 10 ? text + "T00:00:00Z" : text + "Z");
  }

  function toDate(ms) {
    return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
  }

  const DAY = 86400000;

  /* On a "days since" axis (URL `anchor`) x values are days, not dates: the toolbar's data-day0 is day 0. */
  function dayZero() {
    const bar = document.getElementById("chart-toolbar");
    const text = bar ? bar.getAttribute("data-day0") || "" : "";
    return text ? toMs(text) : null;
  }

  function isDays(gd) {
    const axis = gd && gd._fullLayout && gd._fullLayout.xaxis;
    return Boolean(axis && axis.type === "linear");
  }

  /* The smallest span a zoom may reach: three days, in the axis's unit. */
  function minSpan(gd) { return isDays(gd) ? 3 : 3 * DAY; }

  function currentRange(gd) {
    const axis = gd && gd._fullLayout && gd._fullLayout.xaxis;
    if (!axis || !axis.range) { return null; }
    return [toMs(axis.range[0]), toMs(axis.range[1])];
  }

  function setRange(lo, hi) {
    const gd = graph();
    if (!gd || !window.Plotly) { return; }
    const range = isDays(gd) ? [lo, hi] : [toDate(lo), toDate(hi)];
    window.Plotly.relayout(gd, {"xaxis.range": range, "xaxis.autorange": false});
  }

  /* factor < 1 zooms in, > 1 out; around `center` (ms) when given, else the middle of the view. */
  function zoom(factor, center) {
    const range = currentRange(graph());
    if (!range) { return; }
    const mid = center === undefined ? (range[0] + range[1]) / 2 : center;
    const half = Math.max((range[1] - range[0]) * factor / 2, minSpan(graph()));
    setRange(mid - half, mid + half);
  }

  function eventX(id) {
    const gd = graph();
    if (!gd || !gd.data) { return null; }
    for (const trace of gd.data) {
      const ids = trace.customdata || [];
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] === id) { return toMs(trace.x[i]); }
      }
    }
    return null;
  }

  /* Pan (keeping the zoom) so that event `id` is in view. */
  function reveal(id) {
    const x = eventX(id);
    const range = currentRange(graph());
    if (x === null || !range) { return; }
    const margin = (range[1] - range[0]) * 0.05;
    if (x >= range[0] + margin && x <= range[1] - margin) { return; }
    const half = (range[1] - range[0]) / 2;
    setRange(x - half, x + half);
  }

  function reset() {
    const gd = graph();
    if (gd && window.Plotly) { window.Plotly.relayout(gd, {"xaxis.autorange": true}); }
  }

  document.addEventListener("click", function (e) {
    const button = e.target.closest && e.target.closest("#chart-toolbar button");
    if (!button) { return; }
    if (button.dataset.range) {
      const parts = button.dataset.range.split(" ");
      const lo = toMs(parts[0]), hi = toMs(parts[1]) + DAY;
      const zero = isDays(graph()) ? dayZero() : null;
      if (zero !== null) { setRange((lo - zero) / DAY, (hi - zero) / DAY); } else { setRange(lo, hi); }
    } else if (button.dataset.zoom === "in") {
      zoom(0.5);
    } else if (button.dataset.zoom === "out") {
      zoom(2);
    } else if (button.dataset.zoom === "all") {
      reset();
    }
  });

  /* Two fingers on the chart zoom it; one finger pans (Plotly's drag, dragmode "pan"). */
  let pinch = null;

  function spread(touches) {
    return Math.abs(touches[0].clientX - touches[1].clientX);
  }

  document.addEventListener("touchstart", function (e) {
    const gd = graph();
    if (!gd || e.touches.length !== 2 || !gd.contains(e.target)) { return; }
    const range = currentRange(gd);
    const box = gd.querySelector(".nsewdrag") || gd;
    const rect = box.getBoundingClientRect();
    if (!range || !rect.width) { return; }
    const midX = (e.touches[0].clientX + e.touches[1].clientX) / 2;
    const at = range[0] + (range[1] - range[0]) * Math.min(Math.max((midX - rect.left) / rect.width, 0), 1);
    pinch = {range: range, at: at, distance: Math.max(spread(e.touches), 10)};
    e.preventDefault();
    e.stopPropagation();
  }, {capture: true, passive: false});

  document.addEventListener("touchmove", function (e) {
    if (!pinch || e.touches.length !== 2) { return; }
    const scale = pinch.distance / Math.max(spread(e.touches), 10);
    const lo = pinch.at - (pinch.at - pinch.range[0]) * scale;
    const hi = pinch.at + (pinch.range[1] - pinch.at) * scale;
    if (hi - lo > minSpan(graph())) { setRange(lo, hi); }
    e.preventDefault();
    e.stopPropagation();
  }, {capture: true, passive: false});

  document.addEventListener("touchend", function (e) {
    if (pinch && e.touches.length < 2) { pinch = null; }
  }, {capture: true});

  /* Labels that do not fit are hidden (dashboard/static/labels.js, shared with the embed page). */
  new MutationObserver(function () {
    const gd = graph();
    if (gd && !gd.frtFitLabels && typeof gd.on === "function" && window.frtFitLabels) { window.frtFitLabels(gd); }
  }).observe(document.documentElement, {childList: true, subtree: true});

  window.frtTimeline = {zoom: zoom, reveal: reveal, reset: reset, range: function () { return currentRange(graph()); }};
})();

//# allFunctionsCalledOnLoad
/* The chart's HTML zoom buttons, keyboard zoom and two-finger pinch zoom (Plotly's own controls are mouse-only),
   and the labels that do not fit hidden (dashboard/static/labels.js).
   Exposes frt.timeline for keyboard.js. Dates on a Plotly date axis are UTC wall-clock strings. */
(function () {
  "use strict";
  const frt = window.frt;  // assets/_frt.js: the namespace and the component ids

  function graph() {
    return document.querySelector("#" + frt.ids.GRAPH + " .js-plotly-plot");
  }

  /* Plotly writes a year before AD 1 as "-0500" (500 BCE); Date.parse wants the expanded "-000500". */
  function toMs(value) {
    if (typeof value === "number") { return value; }
    let text = String(value).trim().replace(" ", "T").replace(/(\.\d{3})\d+/, "$1");
    const bce = /^-\d{4}/.test(text);
    if (bce) { text = text.slice(1); }
    if (/^\d{4}$/.test(text)) { text += "-01-01"; }
    if (/^\d{4}-\d{2}$/.test(text)) { text += "-01"; }
    return Date.parse((bce ? "-00" : "") + (text.length <= 10 ? text + "T00:00:00Z" : text + "Z"));
  }

  /* A moment as ISO text with a four-digit year, as Plotly and the URL write it: "-0500-01-01T00:00:00". */
  function isoText(ms) {
    return new Date(ms).toISOString().replace(/^([+-])00(\d{4})/, function (m, sign, year) {
      return (sign === "-" ? "-" : "") + year;
    });
  }

  function toDate(ms) {
    const text = isoText(ms);
    return text.slice(0, text.indexOf("T") + 9).replace("T", " ");
  }

  const DAY = 86400000;

  /* On a "days since" axis (URL `anchor`) x values are days, not dates: the toolbar's data-day0 is day 0. */
  function dayZero() {
    const bar = document.getElementById(frt.ids.CHART_TOOLBAR);
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

  /* A zoom button (or key) marks its move as deliberate: the URL then gets a history entry for it. */
  let deliberate = false;
  function takeDeliberate() { const was = deliberate; deliberate = false; return was; }

  /* The URL's `zoom` for what is on screen (dashboard/view/urlstate.py, format_zoom): whole days when that
     moves neither end by more than 0.1% of the window, else hours, else minutes. */
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function formatZoom(lo, hi) {
    const tolerance = (hi - lo) * 0.001;
    const steps = [[DAY, 10], [3600000, 13], [60000, 16]];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i][0];
      const a = Math.round(lo / step) * step;
      let b = Math.round(hi / step) * step;
      if (i === steps.length - 1 || (b > a && Math.abs(a - lo) <= tolerance && Math.abs(b - hi) <= tolerance)) {
        b = Math.max(b, a + step);
        if (step === DAY) { b -= DAY; }  // the last day is inclusive
        const cut = steps[i][1];
        const text = function (ms) {
          const iso = isoText(ms);
          return iso.slice(0, cut + (iso.charAt(0) === "-" ? 1 : 0));
        };
        return text(a) + ".." + text(b);
      }
    }
    return null;
  }

  function zoomValue() {
    const gd = graph();
    const range = currentRange(gd);
    if (!range || !(range[1] > range[0])) { return null; }
    let lo = range[0], hi = range[1];
    if (isDays(gd)) {
      const zero = dayZero();
      if (zero === null) { return null; }
      lo = zero + lo * DAY;
      hi = zero + hi * DAY;
    }
    return formatZoom(lo, hi);
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

  function reset() {
    const gd = graph();
    if (gd && window.Plotly) { window.Plotly.relayout(gd, {"xaxis.autorange": true}); }
  }

  document.addEventListener("click", function (e) {
    const button = e.target.closest && e.target.closest("#" + frt.ids.CHART_TOOLBAR + " button");
    if (!button) { return; }
    deliberate = true;
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
    if (gd && !gd.frtFitLabels && typeof gd.on === "function" && frt.fitLabels) { frt.fitLabels(gd); }
    // A tap or click opens the details: the hover box it raised (a phone keeps it) goes away.
    if (gd && !gd.frtUnhover && typeof gd.on === "function") {
      gd.frtUnhover = true;
      gd.on("plotly_click", function () {
        window.setTimeout(function () { if (window.Plotly && window.Plotly.Fx) { window.Plotly.Fx.unhover(gd); } }, 0);
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true});

  frt.timeline = {
    zoom: function (factor, center) { deliberate = true; zoom(factor, center); },
    reset: reset, zoomValue: zoomValue, takeDeliberate: takeDeliberate,
    range: function () { return currentRange(graph()); },
  };
})();

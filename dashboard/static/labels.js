//# allFunctionsCalledOnLoad
/* Chart labels that do not fit, for the app's chart (assets/timeline.js) and the embed and exported page
   (embed.js). A label on the data (xref "x": a key moment, the protest band, an era) that runs outside the
   plot area (a phone's narrow chart, a label near the edge of a zoomed view) slides back inside when it fits.
   The corner of Plotly's modebar (its buttons, top right, shown while the pointer is over the chart) is taken
   too: a label under it slides left, by at most half its width so that its tick stays under it. A label that
   still does not fit, or that runs over a label before it (the figure lists them by importance), is hidden
   until a redraw makes room. The event stays a marker, and its text is in the details and the table. Titles,
   footers and messages are placed on the paper and stay. */
(function () {
  "use strict";

  function overlap(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  /* Move a label's text sideways by dx px, on top of where plotly put it (undone before measuring again). */
  function shift(text, dx) {
    var move = " translate(" + dx.toFixed(1) + ",0)";
    text.setAttribute("transform", (text.getAttribute("transform") || "") + move);
    text.setAttribute("data-frt-shift", move);
  }

  function unshift(text) {
    var move = text.getAttribute("data-frt-shift");
    var now = text.getAttribute("transform") || "";
    if (move && now.slice(-move.length) === move) { text.setAttribute("transform", now.slice(0, -move.length)); }
    text.removeAttribute("data-frt-shift");
  }

  /* The box of the modebar's buttons while they are displayed (a narrow chart hides them in CSS), else null.
     Measured even while they are faded out: a label must not sit where they appear when the pointer comes. */
  function modebarBox(gd) {
    var out = null;
    gd.querySelectorAll(".modebar-btn").forEach(function (button) {
      var r = button.getBoundingClientRect();
      if (!r.width || !r.height) { return; }
      out = out ? {left: Math.min(out.left, r.left), top: Math.min(out.top, r.top),
                   right: Math.max(out.right, r.right), bottom: Math.max(out.bottom, r.bottom)} : r;
    });
    // A label touching it is not under it (text boxes fall on fractions of a pixel).
    return out && {left: out.left + 1, top: out.top + 1, right: out.right - 1, bottom: out.bottom - 1};
  }

  function fit(gd) {
    var area = gd.querySelector(".nsewdrag");
    var specs = (gd._fullLayout && gd._fullLayout.annotations) || [];
    var kept = [];
    if (!area) { return; }
    var box = area.getBoundingClientRect();
    var bar = modebarBox(gd);
    gd.querySelectorAll(".annotation").forEach(function (label) {
      var spec = specs[Number(label.getAttribute("data-index"))];
      label.style.visibility = "";
      if (!spec || spec.xref !== "x") { return; }
      var text = label.querySelector(".annotation-text-g") || label;
      unshift(text);
      var r = text.getBoundingClientRect();
      if (!r.width) { label.style.visibility = "hidden"; return; }  // plotly leaves one out of range undrawn
      // A label running over an edge slides back inside when it fits (its tick still points at its date).
      var dx = r.left < box.left ? box.left - r.left : r.right > box.right ? box.right - r.right : 0;
      var moved = 0;
      if (dx && r.width <= box.width) {
        shift(text, dx);
        moved = dx;
        r = text.getBoundingClientRect();
      }
      // Under the modebar: slide left to clear it, when that keeps the label inside and over its tick.
      var clear = bar && overlap(r, bar) ? bar.left - 6 - r.right : 0;
      if (clear && r.left + clear >= box.left && -clear <= r.width / 2) {
        unshift(text);
        shift(text, moved + clear);
        r = text.getBoundingClientRect();
      }
      var outside = r.left < box.left - 1 || r.right > box.right + 1;
      if (outside || (bar && overlap(r, bar)) || kept.some(function (k) { return overlap(r, k); })) {
        label.style.visibility = "hidden";
      } else {
        kept.push(r);
      }
    });
  }

  /* Lane names closer than their own height (a short chart of many lanes, such as an oEmbed frame with a
     small maxheight) would print over each other: every other one is hidden until they clear, then every
     third... The lanes stay, striped, and every event names its lane in its hover and details. */
  function fitLanes(gd) {
    var ticks = Array.prototype.slice.call(gd.querySelectorAll(".yaxislayer-above .ytick text"));
    ticks.forEach(function (t) { t.style.visibility = ""; });
    if (ticks.length < 2) { return; }
    var boxes = ticks.map(function (t) { return t.getBoundingClientRect(); });
    var step = 1;
    function clear(k) {
      var last = null;
      for (var i = 0; i < boxes.length; i += k) {
        if (last && overlap(boxes[i], last)) { return false; }
        last = boxes[i];
      }
      return true;
    }
    while (step < ticks.length && !clear(step)) { step += 1; }
    ticks.forEach(function (t, i) { if (i % step) { t.style.visibility = "hidden"; } });
  }

  function fitAll(gd) { fit(gd); fitLanes(gd); }

  /* Fit now and after every redraw of this chart (zoom, pan, resize, new figure). */
  (window.frt = window.frt || {}).fitLabels = function (gd) {
    if (!gd.frtFitLabels && typeof gd.on === "function") {
      gd.frtFitLabels = true;
      gd.on("plotly_afterplot", function () { fitAll(gd); });
    }
    fitAll(gd);
  };
})();

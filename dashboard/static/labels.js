/* Chart labels that do not fit, for the app's chart (assets/timeline.js) and the embed and exported page
   (embed.js). A label on the data (xref "x": a key moment, the protest band, an era) that runs outside the
   plot area (a phone's narrow chart, a label near the edge of a zoomed view) slides back inside when it fits; one
   that does not, or that runs over a label before it (the
   figure lists them by importance) is hidden until a redraw makes room. The event stays a marker, and its
   text is in the details and the table. Titles, footers and messages are placed on the paper and stay. */
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

  function fit(gd) {
    var area = gd.querySelector(".nsewdrag");
    var specs = (gd._fullLayout && gd._fullLayout.annotations) || [];
    var kept = [];
    if (!area) { return; }
    var box = area.getBoundingClientRect();
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
      if (dx && r.width <= box.width) {
        shift(text, dx);
        r = text.getBoundingClientRect();
      }
      var outside = r.left < box.left - 1 || r.right > box.right + 1;
      if (outside || kept.some(function (k) { return overlap(r, k); })) {
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

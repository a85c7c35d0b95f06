/* Chart labels that do not fit, for the app's chart (assets/timeline.js) and the embed and exported page
   (embed.js). A label on the data (xref "x": a key moment, the protest band, an era) that runs outside the
   plot area (a phone's narrow chart, a label near the edge of a zoomed view) or over a label before it (the
   figure lists them by importance) is hidden until a redraw makes room. The event stays a marker, and its
   text is in the details and the table. Titles, footers and messages are placed on the paper and stay. */
(function () {
  "use strict";

  function overlap(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
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
      var r = (label.querySelector(".annotation-text-g") || label).getBoundingClientRect();
      if (!r.width) { return; }
      var outside = r.left < box.left - 1 || r.right > box.right + 1;
      if (outside || kept.some(function (k) { return overlap(r, k); })) {
        label.style.visibility = "hidden";
      } else {
        kept.push(r);
      }
    });
  }

  /* Fit now and after every redraw of this chart (zoom, pan, resize, new figure). */
  window.frtFitLabels = function (gd) {
    if (!gd.frtFitLabels && typeof gd.on === "function") {
      gd.frtFitLabels = true;
      gd.on("plotly_afterplot", function () { fit(gd); });
    }
    fit(gd);
  };
})();

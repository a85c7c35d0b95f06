//# allFunctionsCalledOnLoad
/* A chart's first drawing, for the app's page (predraw.js) and for /embed and exported pages (embed.js).
   plotly.js learns the margins that the axes' labels and the range slider take only once it has drawn them,
   and then draws the whole chart a second time to fit them. So the frame is drawn first, without the data,
   the labels on it and the shapes (nothing there takes a margin), and the chart is then drawn once, into
   margins that no longer move (Plotly.react keeps them).
   The two steps are two tasks: between them the browser may handle the reader's input (a tap, a scroll)
   instead of waiting for the whole drawing, which takes a phone's main thread for up to a second. The chart
   stays hidden until the second step is done, so the frame alone is never painted. */
(function () {
  "use strict";
  var frt = window.frt = window.frt || {};

  /* Resolves in a later task: scheduler.yield() where the browser has it (its continuation comes before other
     waiting tasks of the page, so nothing else's work, such as Dash's scripts, slips in), else a timeout. */
  function nextTask() {
    var scheduler = window.scheduler;
    if (scheduler && typeof scheduler.yield === "function") { return scheduler.yield(); }
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  frt.firstDraw = function (gd, figure, config) {
    var frame = Object.assign({}, figure.layout, {annotations: [], shapes: [], images: []});
    function show() { gd.style.visibility = ""; }
    gd.style.visibility = "hidden";
    return window.Plotly.newPlot(gd, [], frame, config).then(nextTask).then(function () {
      return window.Plotly.react(gd, figure.data, figure.layout, config);
    }).then(function (drawn) {
      show();
      return drawn;
    }, function (error) {
      show();  // a drawing that failed shows what it drew, not an empty space
      throw error;
    });
  };
})();

//# allFunctionsCalledOnLoad
/* A chart's first drawing, for the app's page (predraw.js) and for /embed and exported pages (embed.js).
   plotly.js learns the margins that the axes' labels and the range slider take only once it has drawn them,
   and then draws the whole chart a second time to fit them. So the frame is drawn first, without the data,
   the labels on it and the shapes (nothing there takes a margin), and the chart is then drawn once, into
   margins that no longer move (Plotly.react keeps them). Both steps run before the browser paints. */
(function () {
  "use strict";
  var frt = window.frt = window.frt || {};

  frt.firstDraw = function (gd, figure, config) {
    var frame = Object.assign({}, figure.layout, {annotations: [], shapes: [], images: []});
    return window.Plotly.newPlot(gd, [], frame, config).then(function () {
      return window.Plotly.react(gd, figure.data, figure.layout, config);
    });
  };
})();

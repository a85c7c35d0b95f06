//# allFunctionsCalledOnLoad
/* The page's first chart, drawn from the figure in its HTML (dashboard/web/predraw.py) as soon as plotly.js is
   here, long before Dash's renderer has built the page. Dash's graph then takes over this very chart:
   - the renderer's layout_post hook gives the graph the drawn figure (its very data arrays) and config, and
     seeds the figure-key store, so the render callback answers "no new figure" (web/chart.py, PREDRAWN);
   - the drawn chart waits in the graph's place while dcc.Graph's code loads, and when the graph mounts it
     replaces the graph's own empty div (the graph's first Plotly.react, for this very figure, is skipped).
   So the chart is drawn once and never blank. A reader the server could not draw for (a dark system theme with
   no theme in the URL, an upload in this tab) is left to Dash, as is any case the takeover cannot handle. */
(function () {
  "use strict";
  // A resize to the size the chart already has is no resize: plotly would redraw the whole chart anyway, and
  // dcc.Graph asks for one as it mounts (its size observer's first report), on every page load. The labels
  // are fitted again (labels.js): what is around the chart (the modebar shown or not) may have changed.
  var plots = window.Plotly && window.Plotly.Plots;
  if (plots && !plots.frtResize) {
    var resize = plots.resize;
    plots.resize = function (gd) {
      var el = typeof gd === "string" ? document.getElementById(gd) : gd;
      var full = el && el._fullLayout;
      if (full && el.layout && !el.layout.width) {
        var style = window.getComputedStyle(el);
        var width = parseFloat(style.width), height = parseFloat(style.height);
        if (width && height && Math.abs(width - full.width) < 1 && Math.abs(height - full.height) < 1) {
          if (window.frt && window.frt.fitLabels) { window.frt.fitLabels(el); }
          return Promise.resolve(el);
        }
      }
      return resize.apply(this, arguments);
    };
    plots.frtResize = true;
  }
})();
(function () {
  "use strict";
  var frt = (window.frt = window.frt || {});
  // The header in the page's HTML (web/predraw.py) goes when Dash's own is in the page, in the same frame.
  var head = document.getElementById("frt-prehead");
  if (head) {
    var heading = new MutationObserver(function () {
      if (document.querySelector("#react-entry-point .page-header")) {
        heading.disconnect();
        head.remove();
      }
    });
    heading.observe(document.body, {childList: true, subtree: true});
  }
  // Dash's layout, before it is rendered (the renderer's layout_post hook): the theme store holds the theme
  // the page's template applied (layout.THEME_SCRIPT), so the first render is asked for with it and the theme
  // callback (assets/clientside.js) has nothing to change; a pre-drawn page seeds its chart too (below).
  function eachProps(node, visit) {  // every component's props in Dash's layout
    if (Array.isArray(node)) { node.forEach(function (child) { eachProps(child, visit); }); return; }
    if (!node || typeof node !== "object" || !node.props) { return; }
    visit(node.props);
    eachProps(node.props.children, visit);
  }
  var seeds = [function (layout) {
    var themeId = frt.ids && frt.ids.THEME;
    eachProps(layout, function (props) {
      if (themeId && props.id === themeId) { props.data = document.documentElement.dataset.theme || "light"; }
    });
  }];
  frt.predraw = {
    hooks: {layout_post: function (layout) { seeds.forEach(function (seed) { seed(layout); }); }},
    chart: null,
  };

  var data = document.getElementById("frt-first");
  var frame = document.getElementById("frt-predraw");
  if (!data || !frame) { return; }
  if (!window.Plotly) { frame.remove(); return; }
  var first = JSON.parse(data.textContent);
  var ids = first.ids;

  function stored(id) {  // a dcc.Store with storage_type "session" that holds something
    try {
      var value = window.sessionStorage.getItem(id);
      return value !== null && value !== "null";
    } catch (e) {
      return false;
    }
  }
  var theme = document.documentElement.dataset.theme;  // as the page's template set it (layout.THEME_SCRIPT)
  if (theme !== first.theme || stored(ids.userData) || stored(ids.userContext)) {
    frame.remove();
    return;
  }

  var gd = frame.querySelector(".predraw-chart");
  // Dash's copy of the figure: the data arrays plotly draws (so Plotly.react finds nothing new), the layout as
  // sent (plotly fills in the one it draws).
  var figure = first.figure;
  var forDash = {data: figure.data, layout: JSON.parse(JSON.stringify(figure.layout))};
  var config = Object.assign({}, first.config, {typesetMath: false});  // dcc.Graph adds typesetMath
  var pending = true;
  var plotlyReact = window.Plotly.react;

  frt.firstDraw(gd, figure, config).then(function () {
    if (frt.fitLabels) { frt.fitLabels(gd); }
  });

  function done() {
    pending = false;
    mover.disconnect();
    if (frame.parentNode) { frame.remove(); }
  }

  // Dash's layout has a place for the graph (dcc.Graph's placeholder while its code loads): the chart waits
  // there, so the page is built around it.
  var mover = new MutationObserver(function () {
    var place = document.getElementById(ids.graph);
    if (pending && place && gd.parentNode !== place && !place.querySelector(".js-plotly-plot")) {
      place.appendChild(gd);
      if (frame.parentNode) { frame.remove(); }
    }
  });
  mover.observe(document.body, {childList: true, subtree: true});

  // The graph's own div (a React element) gives its place to the drawn chart; the graph's ref follows.
  function adopt(own) {
    var key = Object.keys(own).find(function (k) { return k.indexOf("__reactFiber$") === 0; });
    var fiber = key ? own[key] : null;
    if (!fiber || !fiber.ref || typeof fiber.ref !== "object" || !("current" in fiber.ref)) { return false; }
    gd.style.cssText = own.style.cssText;
    own.replaceWith(gd);
    fiber.ref.current = gd;
    fiber.stateNode = gd;
    Object.keys(own).forEach(function (k) { if (k.indexOf("__react") === 0) { gd[k] = own[k]; } });
    return true;
  }

  window.Plotly.react = function (target) {
    if (pending && target !== gd && target && target.parentNode && target.parentNode.id === ids.graph) {
      done();
      // The graph holds the figure drawn here (layout_post): nothing to draw. Plotly.react would draw it all
      // again, as dcc.Graph hands it a deep copy of the layout (its template and typed arrays are new objects).
      if (adopt(target)) { return Promise.resolve(gd); }
      window.Plotly.purge(gd);  // cannot take over: Dash draws its own chart, the pre-drawn one goes
      gd.remove();
    }
    return plotlyReact.apply(this, arguments);
  };

  // Dash's layout, before it is rendered: the graph holds the drawn figure, the figure-key store names it.
  function seed(props) {
    if (props.id === ids.graph) {
      props.figure = forDash;
      props.config = first.config;
      props.style = first.style;
    } else if (props.id === ids.figureKey) {
      props.data = first.seed;
    } else if (props.id === ids.count) {
      props.children = first.count;
    }
  }

  seeds.push(function (layout) { if (pending) { eachProps(layout, seed); } });
  frt.predraw.chart = gd;
})();

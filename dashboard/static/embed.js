//# allFunctionsCalledOnLoad
/* frt-timeline embed and exported page: draw the chart, its HTML zoom buttons and legend, show an event's
   details on click or from the keyboard (Tab to the chart, arrows walk the events, Enter opens one), report
   the height. It never takes focus or scrolls on its own: the host page keeps its reader's place.
   Event text is inserted with textContent only: it is data from a CSV, never markup. */
(function () {
  "use strict";
  var chart = document.getElementById("frt-chart");
  var panel = document.getElementById("frt-details");
  var status = document.getElementById("frt-status");
  var opener = null;  // what had focus when the reader opened the details (focus returns there)
  function data(id) { return JSON.parse(document.getElementById(id).textContent); }
  var figure = data("frt-figure"), config = data("frt-config"), events = data("frt-events");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function isHttp(url) { return /^https?:\/\/[^\s]+$/i.test(url); }
  function link(url, text) {
    var a = el("a", null, text);
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }

  function hide() {
    var back = panel.contains(document.activeElement) ? opener : null;  // focus was in the panel: return it
    panel.hidden = true; panel.replaceChildren(); opener = null;
    if (back) back.focus({preventScroll: true});
  }
  /* `byReader`: opened by the reader (click, Enter): focus moves to the panel's Close button. Opened by the
     page itself (an `event=` link), nothing is focused: focus stays in the host page. */
  function show(id, byReader) {
    var e = events[id], fields, sources;
    if (!e) return;
    panel.replaceChildren();
    var close = el("button", "frt-close", "Close");
    close.type = "button";
    close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", function () { hide(); });
    panel.appendChild(close);
    panel.appendChild(el("h2", "frt-details-title", e.title));
    panel.appendChild(el("p", "frt-details-when", e.when));
    fields = el("dl", "frt-details-fields");
    [["Actor", e.actor], ["Companies", e.companies], ["Category", e.category], ["Location", e.location]]
      .forEach(function (f) {
        if (!f[1]) return;
        fields.appendChild(el("dt", null, f[0]));
        fields.appendChild(el("dd", null, f[1]));
      });
    panel.appendChild(fields);
    panel.appendChild(el("p", "frt-details-description", e.description));
    sources = el("ul", "frt-details-sources");
    e.sources.forEach(function (url) {
      var li = el("li");
      li.appendChild(isHttp(url) ? link(url, url) : document.createTextNode(url));
      sources.appendChild(li);
    });
    panel.appendChild(el("h3", null, "Sources"));
    panel.appendChild(sources);
    if (e.link && isHttp(e.link)) panel.appendChild(el("p")).appendChild(link(e.link, "Open in frt-timeline"));
    panel.hidden = false;
    if (byReader) { opener = opener || byReader; close.focus({preventScroll: true}); }
  }

  function report() {
    if (window.parent === window) return;
    window.parent.postMessage({type: "frt-timeline:height",
                               height: Math.ceil(document.body.getBoundingClientRect().height)}, "*");
  }

  /* The events in date order, each at its first marker: what the arrow keys walk. */
  var walk = [], at = -1;
  function index() {
    var ax = chart._fullLayout.xaxis, seen = {};
    walk = [];
    chart.data.forEach(function (trace, c) {
      if (!trace.legendgroup && trace.legendgroup !== "" || !trace.customdata || trace.mode !== "markers") return;
      if (trace.visible === false) return;
      for (var p = 0; p < trace.customdata.length; p++) {
        var id = trace.customdata[p];
        if (typeof id !== "string" || seen[id] || !events[id]) continue;
        seen[id] = true;
        walk.push({id: id, c: c, p: p, x: ax.d2l(trace.x[p])});
      }
    });
    walk.sort(function (a, b) { return a.x - b.x; });
  }
  function keepInView(item) {
    var ax = chart._fullLayout.xaxis, lo = ax.r2l(ax.range[0]), hi = ax.r2l(ax.range[1]);
    if (item.x >= lo && item.x <= hi) return Promise.resolve();
    var half = (hi - lo) / 2;
    return Plotly.relayout(chart, {"xaxis.range": [ax.l2r(item.x - half), ax.l2r(item.x + half)],
                                   "xaxis.autorange": false});
  }
  function go(to) {
    if (!walk.length) index();
    if (!walk.length) return;
    at = Math.max(0, Math.min(walk.length - 1, to));
    var item = walk[at], e = events[item.id];
    keepInView(item).then(function () {
      Plotly.Fx.hover(chart, [{curveNumber: item.c, pointNumber: item.p}]);
    });
    status.textContent = e.title + ", " + e.when + " (event " + (at + 1) + " of " + walk.length +
      "). Enter: details.";
  }
  chart.addEventListener("keydown", function (ev) {
    var keys = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1};
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (!walk.length) index();
    if (keys[ev.key]) go(at < 0 ? (keys[ev.key] > 0 ? 0 : walk.length - 1) : at + keys[ev.key]);
    else if (ev.key === "Home") go(0);
    else if (ev.key === "End") go(walk.length - 1);
    else if ((ev.key === "Enter" || ev.key === " ") && at >= 0) show(walk[at].id, chart);
    else return;
    ev.preventDefault();  // the arrows walk the chart, not the host page
  });
  chart.addEventListener("blur", function () { if (window.Plotly && Plotly.Fx) Plotly.Fx.unhover(chart); });

  /* The HTML zoom buttons and legend (web/embed/chrome.py). */
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest(".frt-preset, .frt-key");
    if (!button) return;
    if (button.classList.contains("frt-preset")) {
      Plotly.relayout(chart, JSON.parse(button.getAttribute("data-relayout")));
      return;
    }
    var on = button.getAttribute("aria-pressed") !== "true", group = button.getAttribute("data-group");
    var traces = [];
    chart.data.forEach(function (t, i) { if (t.legendgroup === group) traces.push(i); });
    button.setAttribute("aria-pressed", on ? "true" : "false");
    Plotly.restyle(chart, {visible: on}, traces).then(function () { walk = []; at = -1; });
  });

  /* `maxheight` (an oEmbed consumer's limit): the page fits in it. The chart shrinks to what the title,
     buttons, legend and footer leave, down to MIN_CHART px; below that the zoom buttons, then the legend,
     then the visible title give way (the title stays for screen readers). Never taller than drawn. */
  var MIN_CHART = 120, natural = figure.layout.height;
  var yielding = [".frt-presets", ".frt-legend", ".frt-title"];
  function fit() {
    var max = +document.body.getAttribute("data-max-height");
    if (!max) return Promise.resolve();
    yielding.forEach(function (s) { var n = document.querySelector(s); if (n) n.classList.remove("frt-gone"); });
    function room() {
      return Math.floor(max - (document.body.getBoundingClientRect().height - chart.getBoundingClientRect().height));
    }
    for (var i = 0; room() < MIN_CHART && i < yielding.length; i++) {
      var node = document.querySelector(yielding[i]);
      if (node) node.classList.add("frt-gone");
    }
    var height = Math.max(MIN_CHART, Math.min(natural || Infinity, room()));
    return chart.layout.height === height ? Promise.resolve() : Plotly.relayout(chart, {height: height});
  }
  /* A narrow column (a phone, a sidebar) gets smaller axis labels: the lane names leave the plot more room.
     The first drawing has them already (a relayout after it would draw the whole chart a second time). */
  function narrow() { return document.documentElement.clientWidth < 480; }
  function tickSize(isNarrow) { return isNarrow ? 10 : 12; }
  var small = narrow();
  ["xaxis", "yaxis"].forEach(function (name) {
    var axis = figure.layout[name] = figure.layout[name] || {};
    axis.tickfont = Object.assign({}, axis.tickfont, {size: tickSize(small)});
  });
  function scale() {
    var now = narrow();
    if (now === small) return Promise.resolve();
    small = now;
    var size = tickSize(now);
    return Plotly.relayout(chart, {"yaxis.tickfont.size": size, "xaxis.tickfont.size": size});
  }
  var width = 0;
  window.addEventListener("resize", function () {
    if (window.innerWidth !== width) { width = window.innerWidth; scale().then(fit); }  // text rewraps
  });

  window.frt.firstDraw(chart, figure, config).then(fit).then(function () {
    width = window.innerWidth;
    chart.on("plotly_click", function (ev) {
      var point = ev.points && ev.points[0];
      if (point && point.customdata) show(point.customdata, chart);
    });
    if (window.frt && window.frt.fitLabels) window.frt.fitLabels(chart);
    if (chart.dataset.selected) show(chart.dataset.selected, null);
    chart.classList.add("frt-ready");
    report();
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && !panel.hidden) hide(); });
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  window.addEventListener("load", report);
})();

/* frt-timeline embed and exported page: draw the chart, show an event's details on click, report height.
   Event text is inserted with textContent only: it is data from a CSV, never markup. */
(function () {
  "use strict";
  var chart = document.getElementById("frt-chart");
  var panel = document.getElementById("frt-details");
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

  function hide() { panel.hidden = true; panel.replaceChildren(); }
  function show(id) {
    var e = events[id], fields, sources;
    if (!e) return;
    panel.replaceChildren();
    var close = el("button", "frt-close", "Close");
    close.type = "button";
    close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", hide);
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
    close.focus({preventScroll: true});
  }

  function report() {
    if (window.parent === window) return;
    window.parent.postMessage({type: "frt-timeline:height",
                               height: Math.ceil(document.body.getBoundingClientRect().height)}, "*");
  }

  Plotly.newPlot(chart, figure.data, figure.layout, config).then(function () {
    chart.on("plotly_click", function (ev) {
      var point = ev.points && ev.points[0];
      if (point && point.customdata) show(point.customdata);
    });
    if (window.frt && window.frt.fitLabels) window.frt.fitLabels(chart);
    if (chart.dataset.selected) show(chart.dataset.selected);
    chart.classList.add("frt-ready");
    report();
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && !panel.hidden) hide(); });
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  window.addEventListener("load", report);
})();

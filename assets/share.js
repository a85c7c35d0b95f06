//# allFunctionsCalledOnLoad
/* frt-timeline: clientside callbacks of the share panel (copy to the clipboard) and the PNG/SVG buttons. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  // Merged into the namespace: several asset files add functions to `frt`.
  frt: Object.assign({}, (window.dash_clientside || {}).frt, {
    copy: function (_linkClicks, _snippetClicks, link, snippet) {
      var ctx = window.dash_clientside.callback_context;
      var which = ctx.triggered_id === window.frt.ids.SHARE_COPY_SNIPPET ? "Embed code" : "Link";
      var text = which === "Link" ? link : snippet;
      function fallback() {
        var area = document.createElement("textarea");
        area.value = text || "";
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        area.remove();
        return ok ? which + " copied." : "Select the text and press Ctrl+C (⌘C on a Mac) to copy it.";
      }
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(text || "").then(function () { return which + " copied."; }, fallback);
      }
      return fallback();
    },
    // An SVG data URL from Plotly.toImage -> the same drawing with <title> and <desc> first in its root.
    titledSvg: function (url, title, desc) {
      var comma = url.indexOf(",");
      var svg = decodeURIComponent(url.slice(comma + 1));
      var doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      var root = doc.documentElement;
      if (root.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length) return url;
      [["desc", desc], ["title", title]].forEach(function (pair) {
        if (!pair[1]) return;
        var el = doc.createElementNS("http://www.w3.org/2000/svg", pair[0]);
        el.textContent = pair[1];
        root.insertBefore(el, root.firstChild);
      });
      return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(doc));
    },
    preparingImage: function () {
      return "Preparing image…";
    },
    // Draws the image the server framed (web/image.py: title, filters, legend, source line, no range slider),
    // off-screen with the page's plotly.js, and saves it. An SVG gets a <title> and <desc> naming the view.
    downloadImage: function (image) {
      if (!image || !image.figure) return window.dash_clientside.no_update;
      if (!window.Plotly) return "The image could not be drawn: the chart library has not loaded.";
      var format = image.format === "svg" ? "svg" : "png";
      var name = (image.filename || "frt-timeline") + "." + format;
      var figure = {data: image.figure.data, layout: image.figure.layout,
                    config: {displayModeBar: false, responsive: false}};
      return window.Plotly.toImage(figure, {
        format: format, width: image.width, height: image.height, scale: image.scale || 1
      }).then(function (url) {
        if (format === "svg") url = window.dash_clientside.frt.titledSvg(url, image.title, image.desc);
        var link = document.createElement("a");
        link.href = url;
        link.download = name;
        link.hidden = true;
        document.body.appendChild(link);
        link.click();
        link.remove();
        return "Saved " + name;
      }, function (err) {
        return "The image could not be drawn (" + ((err && err.message) || err) + ").";
      });
    }
  })
});


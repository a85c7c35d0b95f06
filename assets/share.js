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
    downloadImage: function () {
      var ctx = window.dash_clientside.callback_context;
      var format = ctx.triggered_id === window.frt.ids.DOWNLOAD_SVG ? "svg" : "png";
      var graph = document.querySelector("#" + window.frt.ids.GRAPH + " .js-plotly-plot");
      if (!graph || !window.Plotly) return "The chart is not drawn yet.";
      var options = (graph._context && graph._context.toImageButtonOptions) || {};
      var filename = options.filename || "frt-timeline";
      return window.Plotly.downloadImage(graph, {
        format: format, filename: filename, scale: format === "png" ? 2 : 1,
        width: graph._fullLayout.width, height: graph._fullLayout.height
      }).then(function () { return "Saved " + filename + "." + format; });
    }
  })
});

//# allFunctionsCalledOnLoad
/* frt-timeline: check an upload's size in the browser before it is sent, so a file over the limit gets a
   clear message instead of a refused request. The server checks the size (and everything else) again. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  // Merged into the namespace: several asset files add functions to `frt`.
  frt: Object.assign({}, (window.dash_clientside || {}).frt, {
    pendingUpload: function (contents, filename, maxBytes) {
      var noUpdate = window.dash_clientside.no_update;
      if (!contents) {
        return [noUpdate, noUpdate];
      }
      var data = contents.slice(contents.indexOf(",") + 1);
      var padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
      var size = Math.floor(data.length * 3 / 4) - padding;
      var pending = { name: filename || "your file", size: size, nonce: Date.now() };
      if (size > maxBytes) {
        pending.too_big = true;
      } else {
        pending.contents = contents;
      }
      return [pending, null];
    }
  })
});

/* dcc.Upload renders its own file input, which has no name: name each by its zone's visible words (the
   `.upload-label` element the layout gives an id), so a screen reader says "Events: drop a file here or choose
   a file" on it. Dash re-renders the zone after each file, hence the observer. */
(function () {
  "use strict";
  var queued = false;
  function name() {
    queued = false;
    var inputs = document.querySelectorAll(".upload-zone input[type=file]:not([aria-labelledby])");
    for (var i = 0; i < inputs.length; i++) {
      var label = inputs[i].parentElement.querySelector(".upload-label[id]");
      if (label) inputs[i].setAttribute("aria-labelledby", label.id);
    }
  }
  new MutationObserver(function () {
    if (!queued) { queued = true; Promise.resolve().then(name); }
  }).observe(document.documentElement, {childList: true, subtree: true});
})();

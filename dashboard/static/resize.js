/* frt-timeline: resize iframes marked data-frt-embed to the height their page reports, never past the
   data-frt-max-height an oEmbed consumer's maxheight set. */
(function () {
  if (window.frtResize) return;
  window.frtResize = 1;
  addEventListener("message", function (e) {
    var d = e.data, f = document.querySelectorAll("iframe[data-frt-embed]"), i, h;
    if (!d || d.type !== "frt-timeline:height") return;
    for (i = 0; i < f.length; i++) {
      if (f[i].contentWindow === e.source && new URL(f[i].src, location.href).origin === e.origin) {
        h = Math.min(Math.round(+d.height), +f[i].getAttribute("data-frt-max-height") || 5000);
        if (h > 50 && h < 5000) f[i].style.height = h + "px";
      }
    }
  });
})();

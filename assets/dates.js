/* Event dates in the reader's locale. The server writes them in English inside
   <time datetime="2020-06-08" data-precision="day">; where the browser names a language (navigator.languages)
   and has Intl, they are re-worded for it ("8. Juni 2020", "June 8, 2020") and marked with that lang.
   Without Intl or a language the English stays. Only the text node's value changes, so React's node stays. */
(function () {
  "use strict";
  const wanted = (navigator.languages && navigator.languages[0]) || navigator.language;
  if (!wanted || !window.Intl || !window.MutationObserver) { return; }
  let formats;
  try {
    formats = {
      day: new Intl.DateTimeFormat(wanted, {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"}),
      month: new Intl.DateTimeFormat(wanted, {month: "long", year: "numeric", timeZone: "UTC"}),
      year: new Intl.DateTimeFormat(wanted, {year: "numeric", timeZone: "UTC"}),
    };
  } catch (err) {
    return;  // a language Intl does not know: keep English
  }
  const lang = formats.day.resolvedOptions().locale;

  function localize(el) {
    const parts = (el.getAttribute("datetime") || "").split("-").map(Number);
    const format = formats[el.getAttribute("data-precision")];
    const text = el.firstChild;
    if (!format || !parts[0] || !text || el.childNodes.length !== 1 || text.nodeType !== Node.TEXT_NODE) { return; }
    const label = format.format(new Date(Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1)));
    if (text.nodeValue !== label) { text.nodeValue = label; }
    if (el.getAttribute("lang") !== lang) { el.setAttribute("lang", lang); }
  }

  function run() {
    document.querySelectorAll("time[data-precision]").forEach(localize);
  }

  new MutationObserver(run).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
  run();
})();

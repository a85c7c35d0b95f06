//# allFunctionsCalledOnLoad
/* frt-timeline: keyboard steps for the guided tour, and the Copy buttons of citations. Served by the app. */
(function () {
  "use strict";
  const frt = window.frt;  // assets/_frt.js: the namespace and the component ids

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    if (typing(event.target)) return;
    var t = event.target;  // the chart and the table use the arrow keys to move between events
    if (t && (t.id === frt.ids.CHART_KEYS || (t.classList && t.classList.contains("row-button")))) return;
    var bar = document.getElementById(frt.ids.TOUR_BAR);
    if (!bar || !bar.classList.contains("active")) return;
    var link = document.getElementById(event.key === "ArrowRight" ? frt.ids.TOUR_NEXT : frt.ids.TOUR_PREV);
    if (!link || link.classList.contains("hidden") || link.classList.contains("finish")) return;
    event.preventDefault();
    link.click();
  });

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var done = function (label) {
      button.textContent = label;
      window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
    };
    var fallback = function () {
      selectText(source);  // the text is selected: Ctrl+C / Cmd+C copies it
      done("Selected");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.textContent).then(function () { done("Copied"); }, fallback);
    } else {
      fallback();
    }
  });
})();

//# allFunctionsCalledOnLoad
/* Clientside callbacks (registered in dashboard/web/a11y.py and dashboard/web/callbacks.py): the theme in effect, the filter
   drawer, the print URL, the filters' URL, the chart's zoom in the URL. */
(function () {
  "use strict";
  const frt = window.frt;  // assets/_frt.js: the namespace and the component ids
  const dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function explicitTheme(search) {
    const value = new URLSearchParams(search || "").get("theme");
    return value === "dark" || value === "light" ? value : null;
  }

  // The theme button says what a press does: switch to the other theme.
  function themeLabel(theme) { return theme === "dark" ? "Light theme" : "Dark theme"; }

  function applyTheme(theme) {
    document.documentElement.dataset.theme = theme;
    return theme;
  }

  // The theme at load is set before the first paint by the page's template (dashboard/web/layout.py,
  // THEME_SCRIPT); from here on the URL and the system setting change it.

  // Follow the system setting live while the URL does not fix a theme.
  if (dark && dark.addEventListener) {
    dark.addEventListener("change", function (e) {
      if (explicitTheme(window.location.search) || !window.dash_clientside || !window.dash_clientside.set_props) {
        return;
      }
      const theme = applyTheme(e.matches ? "dark" : "light");
      window.dash_clientside.set_props(frt.ids.THEME, {data: theme});
      window.dash_clientside.set_props(frt.ids.THEME_TOGGLE, {children: themeLabel(theme)});
    });
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.frt = Object.assign(window.dash_clientside.frt || {}, {
      // The theme store changes only when the theme does, through set_props: as an output of this callback it
      // would hold back the render callback (which reads it) on every change of the URL, until this one's
      // answer had gone through Dash, and the chart's request would leave last (dashboard/web/a11y.py).
      theme: function (search, current) {
        const theme = applyTheme(explicitTheme(search) || (dark && dark.matches ? "dark" : "light"));
        if (theme !== current) { window.dash_clientside.set_props(frt.ids.THEME, {data: theme}); }
        return themeLabel(theme);
      },
      drawer: function (_clicks, expanded) {
        const open = expanded !== "true";
        return [open ? "true" : "false", open ? "filters open" : "filters"];
      },
      printUrl: function (href) {
        return href || window.location.href;
      },
      // The query the filters ask for (dashboard/web/callbacks.py, sync) -> the URL (a new history entry).
      requestUrl: function (search) {
        if (typeof search === "string" && search !== window.location.search) {
          window.dash_clientside.set_props(frt.ids.URL, {search: search});
        }
      },
      // The chart's zoom -> the URL's `zoom` (dashboard/web/callbacks.py). What is on screen is read from the
      // chart itself after any x change (a drag, the modebar, the range slider, a pinch, the zoom buttons, a
      // reset): a button press adds a history entry, a gesture on the chart replaces the current one.
      zoomUrl: function (relayout) {
        const keys = Object.keys(relayout || {});
        if (!keys.some(function (k) { return k.indexOf("xaxis.range") === 0 || k === "xaxis.autorange"; })) {
          return window.dash_clientside.no_update;
        }
        const zoom = frt.timeline ? frt.timeline.zoomValue() : null;
        if (!zoom) { return window.dash_clientside.no_update; }
        const params = new URLSearchParams(window.location.search);
        if (params.get("zoom") === zoom) { return window.dash_clientside.no_update; }
        params.set("zoom", zoom);
        const search = "?" + params.toString().replace(/%3A/g, ":");
        const deliberate = frt.timeline.takeDeliberate();
        window.history[deliberate ? "pushState" : "replaceState"]({}, "", window.location.pathname + search);
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));  // dcc.Location reads the new URL
        return zoom;
      },
  });
})();

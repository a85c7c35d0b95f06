/* Clientside callbacks (registered in dashboard/a11y.py and dashboard/web/chart.py): the theme in effect, the filter
   drawer, the print URL, the filters' URL, the chart's x-axis changes. */
(function () {
  "use strict";
  const dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function explicitTheme(search) {
    const value = new URLSearchParams(search || "").get("theme");
    return value === "dark" || value === "light" ? value : null;
  }

  function applyTheme(theme) {
    document.documentElement.dataset.theme = theme;
    return theme;
  }

  // Before Dash renders: no flash of the wrong theme when the URL asks for one.
  applyTheme(explicitTheme(window.location.search) || (dark && dark.matches ? "dark" : "light"));

  // Follow the system setting live while the URL does not fix a theme.
  if (dark && dark.addEventListener) {
    dark.addEventListener("change", function (e) {
      if (explicitTheme(window.location.search) || !window.dash_clientside || !window.dash_clientside.set_props) {
        return;
      }
      const theme = applyTheme(e.matches ? "dark" : "light");
      window.dash_clientside.set_props("theme", {data: theme});
      window.dash_clientside.set_props("theme-toggle", {"aria-pressed": theme === "dark" ? "true" : "false"});
    });
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.frt = Object.assign(window.dash_clientside.frt || {}, {
      theme: function (search) {
        const theme = applyTheme(explicitTheme(search) || (dark && dark.matches ? "dark" : "light"));
        return [theme, theme === "dark" ? "true" : "false"];
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
          window.dash_clientside.set_props("url", {search: search});
        }
      },
      // The chart's relayoutData, x axis only; nothing when x did not move (see dashboard/web/chart.py).
      xChange: function (relayout) {
        const keep = {};
        Object.keys(relayout || {}).forEach(function (key) {
          if (key === "xaxis.autorange" || key === "xaxis.range" || key.indexOf("xaxis.range[") === 0) {
            keep[key] = relayout[key];
          }
        });
        return Object.keys(keep).length ? keep : window.dash_clientside.no_update;
      },
  });
})();

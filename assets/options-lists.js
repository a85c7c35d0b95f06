//# allFunctionsCalledOnLoad
/* Dash 4 draws dcc.Checklist and dcc.RadioItems as role="listbox" with role="option" labels around native
   inputs: an option may not contain a focusable control (axe: nested-interactive, aria-allowed-role). The
   native checkboxes and radio buttons, with their labels, are accessible by themselves, so the wrapper roles
   are removed (and aria-selected, which React sets again when the choice changes). */
(function () {
  "use strict";
  function repair(root) {
    root.querySelectorAll(".dash-options-list[role=listbox]").forEach(function (list) {
      list.removeAttribute("role");
    });
    root.querySelectorAll(".dash-options-list [role=option], .dash-options-list [aria-selected]").forEach(function (o) {
      o.removeAttribute("role");
      o.removeAttribute("aria-selected");
    });
  }
  new MutationObserver(function () { repair(document); })
    .observe(document.documentElement, {childList: true, subtree: true, attributes: true,
                                        attributeFilter: ["role", "aria-selected"]});
  repair(document);
})();

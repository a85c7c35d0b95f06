//# allFunctionsCalledOnLoad
/* The From and To fields (native <input type="date"> inside dcc.Input, dashboard/web/components.py): a date
   applies when the reader is done with it, not on every keystroke.

   Typing a year fires a change per digit (0002-06-09, 0020-06-09, 0202-06-09, 2020-06-09), and dcc.Input
   would send each one (or, with `debounce`, call setSelectionRange, which date inputs refuse, on every
   keystroke). So while the reader types, the field's input/change events are held back from React; the
   date goes through, as one input event that dcc.Input reads, on Enter, on Tab (which can move between the
   field's own parts without leaving it), when focus leaves, and at once when a date is picked with the
   mouse or the browser's picker. */
(function () {
  "use strict";
  const typing = new WeakSet();  // fields the reader is typing in since the last apply
  let releasing = null;          // the field whose own input event is being let through

  function dateField(target) {
    return target instanceof HTMLInputElement && target.type === "date" && target.closest(".date-input")
      ? target : null;
  }

  // Hand the field's current value to dcc.Input (React's onChange); React ignores it when unchanged.
  function apply(field) {
    typing.delete(field);
    releasing = field;
    try {
      field.dispatchEvent(new Event("input", {bubbles: true}));
    } finally {
      releasing = null;
    }
  }

  function hold(e) {
    const field = dateField(e.target);
    if (field && field !== releasing && typing.has(field)) { e.stopImmediatePropagation(); }
  }

  // Capturing on window runs before React's listeners on its root element.
  window.addEventListener("input", hold, true);
  window.addEventListener("change", hold, true);

  window.addEventListener("keydown", function (e) {
    const field = dateField(e.target);
    if (!field) { return; }
    if (e.key === "Enter") {
      e.preventDefault();  // never submit the filter form
      apply(field);
    } else if (e.key === "Tab") {
      apply(field);
    } else if (e.altKey || e.key === "F4" || e.key === " ") {
      typing.delete(field);  // opening the browser's picker: its choice applies at once
    } else if (e.key !== "Shift" && e.key !== "Escape") {
      typing.add(field);
    }
  }, true);

  window.addEventListener("pointerdown", function (e) {
    const field = dateField(e.target);
    if (field) { typing.delete(field); }  // a click, e.g. on the picker's icon
  }, true);

  window.addEventListener("focusout", function (e) {
    const field = dateField(e.target);
    if (field) { apply(field); }
  }, true);
})();

//# allFunctionsCalledOnLoad
/* The events table's rows, drawn from data (dashboard/web/components.py, table_data) with text nodes, never
   markup: CSV text stays text. The server sends the rows through the store "table-data"; the clientside
   callback renderTable (registered in dashboard/web/callbacks.py) draws them here. Activating a row's button
   selects its event (assets/keyboard.js, through the store "key-select", as the arrow keys do), and
   assets/selection.js marks the selected row. */
(function () {
  "use strict";
  const frt = window.frt;  // assets/_frt.js: the namespace and the component ids

  function part(p) {
    if (p.time !== undefined) {
      const time = document.createElement("time");
      time.textContent = p.time;
      time.setAttribute("datetime", p.datetime);
      time.setAttribute("data-precision", p.precision);
      return time;
    }
    if (p.ongoing !== undefined) {
      const span = document.createElement("span");
      span.className = "ongoing";
      p.ongoing.forEach(function (q) { span.appendChild(part(q)); });
      return span;
    }
    return document.createTextNode(String(p.text));
  }

  function cell(tr, content, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    if (typeof content === "string") { td.textContent = content; } else { td.appendChild(content); }
    tr.appendChild(td);
    return td;
  }

  function row(r) {
    const tr = document.createElement("tr");
    tr.setAttribute("data-event", r.id);
    const date = document.createDocumentFragment();
    r.when.forEach(function (p) { date.appendChild(part(p)); });
    cell(tr, date, "nowrap");
    const button = document.createElement("button");
    button.type = "button";
    button.className = frt.ids.ROW_BUTTON;
    button.setAttribute("aria-pressed", "false");
    button.textContent = r.title;
    cell(tr, button);
    cell(tr, r.actor);
    cell(tr, r.companies);
    const swatch = document.createElement("span");
    // the category's class only when it is a plain name (the CSV's own category is text, not classes)
    swatch.className = "swatch" + (/^[a-z][a-z0-9-]*$/.test(r.category) ? " swatch-" + r.category : "");
    swatch.style.color = r.color;
    swatch.setAttribute("aria-hidden", "true");
    const category = document.createDocumentFragment();
    category.appendChild(swatch);
    category.appendChild(document.createTextNode(r.category));
    cell(tr, category);
    return tr;
  }

  function renderTable(data) {
    const body = document.getElementById(frt.ids.TABLE_BODY);
    if (!body || !data || !Array.isArray(data.rows)) return window.dash_clientside.no_update;
    const rows = document.createDocumentFragment();
    data.rows.forEach(function (r) { rows.appendChild(row(r)); });
    body.replaceChildren(rows);  // assets/selection.js marks the selected row (a childList change)
    return String(data.rows.length);
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.frt = Object.assign(window.dash_clientside.frt || {}, {renderTable: renderTable});
})();

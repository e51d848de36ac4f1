/* dossier table sorting: the column headers of a table with class
   "sortable" become buttons that reorder its rows (a cell's data-sort value
   first, else its text; empty cells last either way). Rows are moved, never
   rebuilt from text. Without JavaScript the table stays in the order the
   page was built in, which its header marks with aria-sort. */
(function () {
  "use strict";

  function key(cell) {
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    return (v === null ? cell.textContent : v).trim();
  }

  function sortable(table) {
    var body = table.tBodies[0];
    if (!body || !table.tHead || body.rows.length < 2) return;
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      if (th.hasAttribute("data-nosort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = key(x.cells[col]), b = key(y.cells[col]);
          if (a === b) return 0;
          if (a === "") return 1;
          if (b === "") return -1;
          return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" }) * (up ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
})();

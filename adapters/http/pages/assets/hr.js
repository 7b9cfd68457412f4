// Sortable and filterable tables for HR's pages: plain DOM, no framework, keyboard-usable (the
// sort controls are buttons). Pages work without it; it only adds sorting, filtering and "tick all".
(function () {
  'use strict';

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    return cell.getAttribute('data-value') || cell.textContent.trim().toLowerCase();
  }

  function sortBy(table, th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute('data-sort') === 'number';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th[aria-sort]').forEach(function (other) {
      other.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index),
        y = cellValue(b, index);
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  function applyFilters(table) {
    var text = document.querySelector('[data-filter="' + table.id + '"]');
    var status = document.querySelector('[data-status-filter="' + table.id + '"]');
    var words = text ? text.value.trim().toLowerCase() : '';
    var wanted = status ? status.value : '';
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var show = (words === '' || row.textContent.toLowerCase().indexOf(words) !== -1) && (wanted === '' || row.getAttribute('data-status') === wanted);
      row.hidden = !show;
      if (!show)
        row.querySelectorAll('input[type=checkbox]').forEach(function (box) {
          box.checked = false;
        });
    });
  }

  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('th[data-sort] button').forEach(function (button) {
      button.addEventListener('click', function () {
        sortBy(table, button.parentNode);
      });
    });
    var controls = document.querySelectorAll('[data-filter="' + table.id + '"], [data-status-filter="' + table.id + '"]');
    controls.forEach(function (control) {
      control.addEventListener('input', function () {
        applyFilters(table);
      });
    });
    var all = table.querySelector('[data-select-all]');
    if (all) {
      all.addEventListener('change', function () {
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          if (row.hidden) return;
          row.querySelectorAll('input[name=ids]').forEach(function (box) {
            box.checked = all.checked;
          });
        });
      });
    }
  });
})();

// A chosen CSV file is read into the textarea the form posts (no multipart upload to parse).
(function () {
  'use strict';
  document.querySelectorAll('input[type=file][data-fills]').forEach(function (input) {
    input.addEventListener('change', function () {
      var target = document.getElementById(input.getAttribute('data-fills'));
      var file = input.files && input.files[0];
      if (!target || !file) return;
      file.text().then(function (text) {
        target.value = text;
      });
    });
  });
})();

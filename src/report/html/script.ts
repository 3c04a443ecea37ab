/**
 * The page's only script: status filters and expand/collapse. The content is rendered on the
 * server side, so the script only toggles `hidden` and `open`; it never builds markup from data.
 */

/** Inline JavaScript (plain ES2019, no modules) for the report page. */
export const FILTER_SCRIPT = `(function () {
  'use strict';
  var bar = document.getElementById('filters');
  if (!bar) return;
  var boxes = Array.prototype.slice.call(bar.querySelectorAll('input[data-status]'));
  var cases = Array.prototype.slice.call(document.querySelectorAll('li.case'));
  var suites = Array.prototype.slice.call(document.querySelectorAll('section.suite'));
  var shown = document.getElementById('shown-count');
  var none = document.getElementById('no-match');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-status')] = b.checked; });
    var visible = 0;
    cases.forEach(function (c) {
      var show = on[c.getAttribute('data-status')] === true;
      c.hidden = !show;
      if (show) visible++;
    });
    suites.forEach(function (s) {
      var own = s.querySelectorAll('li.case').length;
      s.hidden = own > 0 && !s.querySelector('li.case:not([hidden])');
    });
    shown.textContent = visible === cases.length ? 'all ' + cases.length + ' shown' : visible + ' of ' + cases.length + ' shown';
    if (none) none.hidden = visible > 0 || cases.length === 0;
  }
  function setAll(predicate) {
    boxes.forEach(function (b) { b.checked = predicate(b.getAttribute('data-status')); });
    apply();
  }
  function setOpen(open) {
    document.querySelectorAll('details.case-details').forEach(function (d) {
      if (!d.closest('[hidden]')) d.open = open;
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  bar.addEventListener('click', function (event) {
    var action = event.target && event.target.getAttribute && event.target.getAttribute('data-action');
    if (action === 'problems') setAll(function (s) { return s === 'failed' || s === 'errored'; });
    else if (action === 'all') setAll(function () { return true; });
    else if (action === 'expand') setOpen(true);
    else if (action === 'collapse') setOpen(false);
  });
  bar.hidden = false;
  apply();
})();
`;

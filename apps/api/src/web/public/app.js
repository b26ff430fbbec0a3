/* Small enhancements for every page; the pages work without them. */
(function () {
  'use strict';
  // An error summary takes focus so screen-reader and keyboard users land on what to fix.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
  // Buttons that undo something ask first.
  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    var question = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) event.preventDefault();
  });
})();

/*
 * The planning form's live conflict check: choosing an auditor or a date asks the server (the same
 * rule as the no-script "check" button) and shows the answer before anything is submitted.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-planning]');
  if (!form || !window.fetch) return;
  var region = form.querySelector('[data-conflicts]');
  var checkButton = form.querySelector('[data-check-button]');
  if (checkButton) checkButton.hidden = true;
  var latest = 0;
  function check() {
    var auditor = form.elements.auditorId.value;
    if (!auditor) {
      region.innerHTML = '';
      return;
    }
    var query = new URLSearchParams({ locatieId: form.elements.locatieId.value, auditorId: auditor, datum: form.elements.datum.value });
    var mine = ++latest;
    fetch(form.getAttribute('data-conflicts-url') + '?' + query.toString(), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        // Only the answer to the last choice counts: an earlier, slower one must not overwrite it.
        if (mine !== latest) return;
        if (answer) region.innerHTML = answer.html;
        else if (checkButton) checkButton.hidden = false;
      })
      .catch(function () {
        if (checkButton) checkButton.hidden = false;
      });
  }
  form.elements.auditorId.addEventListener('change', check);
  form.elements.datum.addEventListener('change', check);
  if (form.elements.auditorId.value && !region.textContent.trim()) check();
})();

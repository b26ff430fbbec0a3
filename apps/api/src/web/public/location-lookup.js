/*
 * The location form's address lookup: once postcode and house number look complete, ask the server
 * (GET /app/adres, the BAG through PDOK Locatieserver) and fill street, town, municipality and BAG id
 * where they are still empty (or were filled by this script before). Progressive enhancement only: the
 * form is complete without it, and a lookup that is off, fails or finds nothing leaves it as typed.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-adres-zoeken]');
  var status = document.getElementById('adres-status');
  if (!form || !status || !window.fetch || !window.URLSearchParams) return;
  var last = '';
  var timer;

  function input(name) {
    return form.querySelector('[name="' + name + '"]');
  }
  function fill(name, value) {
    var element = input(name);
    if (!element || !value) return;
    if (element.value.trim() === '' || element.getAttribute('data-gevuld') === 'ja') {
      element.value = value;
      element.setAttribute('data-gevuld', 'ja');
    }
  }
  function lookup() {
    var postcode = input('adres.postcode').value.replace(/\s+/g, '').toUpperCase();
    var number = input('adres.huisnummer').value.trim();
    if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(postcode) || !/^[1-9][0-9]{0,4}$/.test(number)) return;
    var params = new URLSearchParams({ postcode: postcode, huisnummer: number });
    var letter = input('adres.huisletter');
    var addition = input('adres.huisnummertoevoeging');
    if (letter && letter.value.trim()) params.set('huisletter', letter.value.trim());
    if (addition && addition.value.trim()) params.set('huisnummertoevoeging', addition.value.trim());
    var query = params.toString();
    if (query === last) return;
    last = query;
    fetch(form.getAttribute('data-adres-zoeken') + '?' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (found) {
        if (!found || !found.gevonden || query !== last) return;
        fill('adres.straatnaam', found.straatnaam);
        fill('adres.woonplaats', found.woonplaats);
        fill('gemeentecode', found.gemeentecode);
        fill('bagNummeraanduidingId', found.bagNummeraanduidingId);
        status.textContent = (status.getAttribute('data-gevonden') || '')
          .replace('{straat}', found.straatnaam)
          .replace('{plaats}', found.woonplaats)
          .replace('{gemeente}', found.gemeentenaam + ' (' + found.gemeentecode + ')');
      })
      .catch(function () {
        // No answer is no help; the landlord types the address.
      });
  }
  ['adres.postcode', 'adres.huisnummer', 'adres.huisletter', 'adres.huisnummertoevoeging'].forEach(function (name) {
    var element = input(name);
    if (!element) return;
    element.addEventListener('change', lookup);
    element.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 400);
    });
  });
})();

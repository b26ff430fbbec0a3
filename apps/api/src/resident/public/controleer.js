/*
 * Sends the complaint form as JSON to /v1/meldingen and shows the reference in place. Without it (or
 * without fetch) the form posts to /controleer/melding, which does the same on the server. Every
 * text it shows comes from the form's data-* attributes, in the page's language; it writes only
 * textContent, never markup.
 */
(function () {
  'use strict';
  if (!window.fetch || !window.FormData) return;
  var forms = document.querySelectorAll('form[data-complaint-form]');
  Array.prototype.forEach.call(forms, function (form) {
    var status = form.querySelector('[data-complaint-status]');
    var button = form.querySelector('button[type="submit"]');
    var text = form.querySelector('textarea');
    function say(message, isError) {
      status.textContent = message;
      status.className = 'form-status' + (isError ? ' form-status--error' : '');
      if (text) {
        if (isError) text.setAttribute('aria-invalid', 'true');
        else text.removeAttribute('aria-invalid');
      }
    }
    function value(name) {
      var field = form.elements.namedItem(name);
      return field && field.value ? String(field.value).trim() : '';
    }
    function receipt(reference) {
      var box = document.createElement('div');
      box.className = 'receipt';
      box.setAttribute('data-complaint-receipt', '');
      var heading = document.createElement('h3');
      heading.textContent = form.getAttribute('data-msg-received');
      heading.setAttribute('tabindex', '-1');
      var label = document.createElement('p');
      label.textContent = form.getAttribute('data-msg-reference');
      var ref = document.createElement('p');
      var strong = document.createElement('strong');
      strong.className = 'reference';
      strong.textContent = reference;
      ref.appendChild(strong);
      var next = document.createElement('p');
      next.textContent = form.getAttribute('data-msg-next');
      box.appendChild(heading);
      box.appendChild(label);
      box.appendChild(ref);
      box.appendChild(next);
      form.parentNode.replaceChild(box, form);
      heading.focus();
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = { omschrijving: value('omschrijving'), taal: value('taal') };
      if (value('certificaatnummer')) {
        body.certificaatnummer = value('certificaatnummer');
      } else {
        body.adres = { postcode: value('postcode'), huisnummer: Number(value('huisnummer')) };
        if (value('huisletter')) body.adres.huisletter = value('huisletter');
        if (value('huisnummertoevoeging')) body.adres.huisnummertoevoeging = value('huisnummertoevoeging');
      }
      button.disabled = true;
      say(form.getAttribute('data-msg-sending'), false);
      fetch('/v1/meldingen', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'omit',
        body: JSON.stringify(body),
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (json) {
              if (response.status === 201 && json.referentie) {
                receipt(json.referentie);
                return;
              }
              if (response.status === 429) {
                var seconds = Number(response.headers.get('Retry-After')) || 600;
                say(form.getAttribute('data-msg-too-many').replace('{minutes}', String(Math.max(1, Math.ceil(seconds / 60)))), true);
              } else if (response.status === 400) {
                var params = json.invalidParams || [];
                var problem = params.filter(function (p) {
                  return p.name === 'omschrijving';
                })[0];
                if (problem) say(form.getAttribute(problem.code === 'max-length' ? 'data-msg-too-long' : 'data-msg-description'), true);
                else say(form.getAttribute('data-msg-failed'), true);
              } else {
                say(form.getAttribute('data-msg-failed'), true);
              }
              button.disabled = false;
            });
        })
        .catch(function () {
          say(form.getAttribute('data-msg-failed'), true);
          button.disabled = false;
        });
    });
  });
})();

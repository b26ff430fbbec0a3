/*
 * The auditor's pages in the browser. Without this script the checklist is plain forms; with it:
 * - the service worker is registered, so the list and every checklist opened stay available offline;
 * - an answer or photo is first put in an IndexedDB queue, then sent (now, on 'online', on load and
 *   every 30 s). The queue survives a reload, a closed tab and a dead battery.
 * - Sending again never duplicates: an answer is keyed by inspection and criterion (the newest
 *   replaces an older one not yet sent, and the server stores one answer per criterion), a photo
 *   by a client reference the server stores once (PUT …/bewijs/<reference>).
 * - measured fields show the persons they support and the running maximum as they are typed, with
 *   the formula of auditor-capacity.js on the rule the server resolved for this location.
 */
/* global KeurmerkCapacity -- defined by auditor-capacity.js, loaded before this script */
(function () {
  'use strict';
  var RETRY_MS = 30000;
  var DB_NAME = 'keurmerk-auditor';
  var STORE = 'wachtrij';

  registerWorker();
  var root = document.querySelector('[data-checklist]');
  if (!root || !root.hasAttribute('data-open') || !window.indexedDB) return;
  document.body.classList.add('js-enhanced');

  var inspectionId = root.getAttribute('data-inspection');
  var base = '/app/keuringen/' + inspectionId;
  var texts = JSON.parse(root.getAttribute('data-texts'));
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var syncState = root.querySelector('[data-sync-state]');
  var syncNow = root.querySelector('[data-sync-now]');
  var bar = root.querySelector('[data-requested]');
  var requestedBeds = Number(bar.getAttribute('data-requested'));

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) {
      return values[name];
    });
  }

  // ---- IndexedDB queue ----------------------------------------------------------------------
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore(STORE, { keyPath: 'key' });
        };
        request.onsuccess = function () {
          resolve(request.result);
        };
        request.onerror = function () {
          reject(request.error);
        };
      });
    }
    return dbPromise;
  }
  function withStore(mode, work) {
    return db().then(function (database) {
      return new Promise(function (resolve, reject) {
        var transaction = database.transaction(STORE, mode);
        var result;
        work(transaction.objectStore(STORE), function (value) {
          result = value;
        });
        transaction.oncomplete = function () {
          resolve(result);
        };
        transaction.onerror = function () {
          reject(transaction.error);
        };
        transaction.onabort = function () {
          reject(transaction.error);
        };
      });
    });
  }
  function enqueue(item) {
    return withStore('readwrite', function (store) {
      store.put(item);
    });
  }
  function queued() {
    return withStore('readonly', function (store, done) {
      var request = store.getAll();
      request.onsuccess = function () {
        done(
          request.result
            .filter(function (item) {
              return item.inspectionId === inspectionId;
            })
            .sort(function (a, b) {
              return a.queuedAt - b.queuedAt;
            }),
        );
      };
    });
  }
  // Removes what was sent, unless a newer answer to the same criterion replaced it meanwhile.
  function dequeue(item) {
    return withStore('readwrite', function (store) {
      var request = store.get(item.key);
      request.onsuccess = function () {
        if (request.result && request.result.clientId === item.clientId) store.delete(item.key);
      };
    });
  }
  function newId() {
    return crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  // ---- the page -----------------------------------------------------------------------------
  function criterionOf(code) {
    return root.querySelector('[data-criterion="' + code + '"]');
  }
  function setState(code, message, tone) {
    var element = criterionOf(code) && criterionOf(code).querySelector('[data-answer-state]');
    if (!element) return;
    element.textContent = message;
    element.className = 'answer-state' + (tone ? ' answer-state--' + tone : '');
  }
  function supportsText(persons) {
    return persons === 1 ? texts.supportsOne : fill(texts.supportsMany, { n: persons });
  }
  function measuredInput(article) {
    return article.querySelector('[data-measurement]');
  }
  function ruleOf(article) {
    return JSON.parse(article.getAttribute('data-rule'));
  }

  // The persons each measurement supports and the lowest of them, as the auditor types.
  function updateCapacity() {
    var supported = [];
    root.querySelectorAll('[data-kind="measured"]').forEach(function (article) {
      var input = measuredInput(article);
      var output = article.querySelector('[data-supports]');
      var value = input.value === '' ? NaN : input.valueAsNumber;
      var persons = isNaN(value) ? null : KeurmerkCapacity.personsSupported(ruleOf(article), value);
      output.textContent = persons === null ? '' : supportsText(persons);
      output.classList.toggle('supports--none', persons === 0);
      output.classList.toggle('supports--short', persons !== null && persons > 0 && persons < requestedBeds);
      supported.push(persons);
    });
    // No maximum before anything is measured: the requested beds are not a measurement.
    var measured = supported.some(function (persons) {
      return persons !== null;
    });
    var maximum = KeurmerkCapacity.runningMaximum(requestedBeds, supported);
    root.querySelector('[data-running-max]').textContent = measured ? maximum : '–';
    bar.classList.toggle('capacity-bar--short', measured && maximum < requestedBeds);
  }

  // Each section's "answered/total" in the index, counted from the page as the auditor answers.
  function updateSectionCounts() {
    root.querySelectorAll('[data-section-count]').forEach(function (count) {
      var section = root.querySelector('#sectie-' + count.getAttribute('data-section-count'));
      if (!section) return;
      var total = section.querySelectorAll('[data-criterion]').length;
      var answered = section.querySelectorAll('[data-criterion].criterion--answered').length;
      count.textContent = answered + '/' + total;
    });
  }

  // A failed yes/no criterion is sent only with its description: open the remark and ask for one.
  function needsRemark(article, body) {
    if (body.resultaat !== 'voldoet-niet' || body.opmerking) return false;
    var remark = article.querySelector('details.remark');
    if (remark) remark.open = true;
    var textarea = article.querySelector('textarea[name="opmerking"]');
    textarea.setAttribute('aria-invalid', 'true');
    setState(article.getAttribute('data-criterion'), texts.remarkNeeded, 'error');
    textarea.focus();
    return true;
  }

  // The REST body of a criterion's form as it stands; null while it has no value to send.
  function answerBody(article) {
    var remark = article.querySelector('textarea[name="opmerking"]').value.trim();
    var body = {};
    if (article.getAttribute('data-kind') === 'measured') {
      var input = measuredInput(article);
      if (input.value === '' || isNaN(input.valueAsNumber)) return null;
      body.meetwaarde = input.valueAsNumber;
    } else {
      var chosen = article.querySelector('[data-result]:checked');
      if (!chosen) return null;
      body.resultaat = chosen.value;
    }
    if (remark) body.opmerking = remark;
    return body;
  }

  function queueAnswer(article) {
    var body = answerBody(article);
    if (!body || needsRemark(article, body)) return;
    article.querySelector('textarea[name="opmerking"]').removeAttribute('aria-invalid');
    var code = article.getAttribute('data-criterion');
    var item = {
      key: 'answer:' + inspectionId + ':' + code,
      kind: 'answer',
      inspectionId: inspectionId,
      code: code,
      body: body,
      clientId: newId(),
      queuedAt: Date.now(),
    };
    setState(code, texts.waiting, 'waiting');
    // Answered here and now, though perhaps not yet sent: the section counts it.
    article.classList.add('criterion--answered');
    updateSectionCounts();
    enqueue(item).then(sync);
  }

  function addEvidenceItem(article, label, reference, href) {
    var list = article.querySelector('[data-evidence-list]');
    var existing = reference && list.querySelector('[data-reference="' + reference + '"]');
    var item = existing || document.createElement('li');
    if (reference) item.setAttribute('data-reference', reference);
    item.textContent = '';
    if (href) {
      var link = document.createElement('a');
      link.href = href;
      link.textContent = label;
      item.appendChild(link);
    } else {
      item.textContent = label;
    }
    if (!existing) list.appendChild(item);
  }

  function queuePhotos(article, input) {
    var code = article.getAttribute('data-criterion');
    var files = Array.prototype.slice.call(input.files);
    input.value = '';
    files.forEach(function (file) {
      var reference = newId();
      var item = {
        key: 'photo:' + reference,
        kind: 'photo',
        inspectionId: inspectionId,
        code: code,
        clientId: reference,
        blob: file,
        fileName: file.name || 'foto.jpg',
        queuedAt: Date.now(),
      };
      addEvidenceItem(article, item.fileName + ' — ' + texts.photoWaiting, reference);
      enqueue(item).then(sync);
    });
  }

  // Shows what is still queued (after a reload offline: the answers given since).
  function restoreQueued(items) {
    items.forEach(function (item) {
      var article = criterionOf(item.code);
      if (!article) return;
      if (item.kind === 'photo') {
        addEvidenceItem(article, item.fileName + ' — ' + texts.photoWaiting, item.clientId);
        return;
      }
      if (item.body.meetwaarde !== undefined) measuredInput(article).value = String(item.body.meetwaarde);
      if (item.body.resultaat) {
        var radio = article.querySelector('[data-result][value="' + item.body.resultaat + '"]');
        if (radio) radio.checked = true;
      }
      article.querySelector('textarea[name="opmerking"]').value = item.body.opmerking || '';
      article.classList.add('criterion--answered');
      setState(item.code, texts.waiting, 'waiting');
    });
    updateSectionCounts();
  }

  // ---- sending ------------------------------------------------------------------------------
  // 'sent', 'refused' (the server will never take it: shown and dropped), 'later' (no connection,
  // server trouble) or 'sign-in' (the session ended: kept until the auditor signs in again).
  function outcomeOf(response) {
    if (response.ok) return 'sent';
    if (response.status === 401 || response.status === 403) return 'sign-in';
    if (response.status === 408 || response.status === 429 || response.status >= 500) return 'later';
    return 'refused';
  }

  function send(item) {
    var request;
    if (item.kind === 'answer') {
      request = fetch(base + '/antwoorden/' + encodeURIComponent(item.code), {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify(item.body),
      });
    } else {
      var form = new FormData();
      form.append('criteriumCode', item.code);
      form.append('bestand', item.blob, item.fileName);
      request = fetch(base + '/bewijs/' + encodeURIComponent(item.clientId), {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
        body: form,
      });
    }
    return request.then(
      function (response) {
        var outcome = outcomeOf(response);
        if (outcome !== 'sent' && outcome !== 'refused') return { outcome: outcome };
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (json) {
            return { outcome: outcome, json: json };
          });
      },
      function () {
        return { outcome: 'later' };
      },
    );
  }

  function settle(item, result) {
    var article = criterionOf(item.code);
    if (result.outcome === 'refused') {
      var reason = (result.json && (result.json.melding || result.json.detail)) || '';
      if (item.kind === 'photo' && article)
        addEvidenceItem(article, item.fileName + ' — ' + fill(texts.rejected, { reden: reason }), item.clientId);
      else setState(item.code, fill(texts.rejected, { reden: reason }), 'error');
      return;
    }
    if (item.kind === 'photo') {
      if (article) addEvidenceItem(article, result.json.bestandsnaam || item.fileName, item.clientId, result.json.href);
      return;
    }
    setState(item.code, texts.saved, 'saved');
    // The platform's own judgement of the measurement, which the live figure anticipated.
    if (article && typeof result.json.personenOndersteund === 'number') {
      article.querySelector('[data-supports]').textContent = supportsText(result.json.personenOndersteund);
    }
    if (article) article.classList.add('criterion--answered');
    updateSectionCounts();
  }

  var running = false;
  var again = false;
  var blocked = null;
  function sync() {
    // A sync under way takes one more round for what came in meanwhile; the caller waits for it, so
    // "sync, then see what is left" (the submit link) never looks while answers are still on their way.
    if (running) {
      again = true;
      return running;
    }
    // Known to be offline: nothing to try, and no "saving" to flash.
    if (navigator.onLine === false) {
      blocked = 'later';
      return showState(false);
    }
    blocked = null;
    function round() {
      again = false;
      return queued()
        .then(function (items) {
          return items.reduce(function (previous, item) {
            return previous.then(function () {
              if (blocked) return;
              return send(item).then(function (result) {
                if (result.outcome === 'later' || result.outcome === 'sign-in') {
                  blocked = result.outcome;
                  return;
                }
                return dequeue(item).then(function () {
                  settle(item, result);
                });
              });
            });
          }, Promise.resolve());
        })
        .then(function () {
          if (again && !blocked) return round();
        });
    }
    showState(true);
    running = round()
      .catch(function () {
        blocked = 'later';
      })
      .then(function () {
        running = false;
        // Asked for again after the last round had looked: once more, and the callers wait for that too.
        if (again && !blocked) return sync();
        return showState(false);
      });
    return running;
  }

  function showState(busy) {
    return queued().then(function (items) {
      var message;
      if (busy && items.length > 0) message = texts.syncing;
      else if (items.length === 0) message = texts.allSaved;
      else if (blocked === 'sign-in')
        message = texts.signIn + ' ' + fill(items.length === 1 ? texts.pendingOne : texts.pendingMany, { n: items.length });
      else message = fill(items.length === 1 ? texts.pendingOne : texts.pendingMany, { n: items.length });
      syncState.textContent = message;
      syncState.setAttribute('data-pending', String(items.length));
      syncNow.hidden = busy || items.length === 0;
      return items.length;
    });
  }

  // ---- wiring -------------------------------------------------------------------------------
  root.addEventListener('input', function (event) {
    if (event.target.matches('[data-measurement]')) updateCapacity();
  });
  root.addEventListener('change', function (event) {
    var article = event.target.closest('[data-criterion]');
    if (!article) return;
    if (event.target.matches('[data-photo]')) queuePhotos(article, event.target);
    else queueAnswer(article);
  });
  root.addEventListener('submit', function (event) {
    var article = event.target.closest('[data-criterion]');
    if (!article) return;
    event.preventDefault();
    if (event.target.classList.contains('answer')) queueAnswer(article);
  });
  syncNow.addEventListener('click', function () {
    sync();
  });
  var submitLink = root.querySelector('[data-submit-link]');
  submitLink.addEventListener('click', function (event) {
    event.preventDefault();
    var error = root.querySelector('[data-submit-error]');
    sync()
      .then(function () {
        return queued();
      })
      .then(function (items) {
        if (items.length === 0) {
          window.location.href = submitLink.href;
          return;
        }
        error.textContent = texts.syncFirst;
        error.hidden = false;
      });
  });
  window.addEventListener('online', function () {
    sync();
  });
  setInterval(function () {
    sync();
  }, RETRY_MS);

  queued().then(restoreQueued).then(updateCapacity).then(sync);

  // ---- offline availability -----------------------------------------------------------------
  function registerWorker() {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker
      .register('/app/sw.js', { scope: '/app/' })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (!event.data || !event.data.remembered) return;
          document.documentElement.setAttribute('data-offline-ready', '');
          var note = document.querySelector('[data-offline-note]');
          var textsHolder = document.querySelector('[data-texts]');
          if (note && textsHolder) {
            note.textContent = JSON.parse(textsHolder.getAttribute('data-texts')).offlineReady;
            note.hidden = false;
          }
        };
        registration.active.postMessage({ type: 'remember', paths: [location.pathname, '/app/keuringen'] }, [channel.port2]);
      })
      .catch(function () {
        /* without a worker the pages still work online */
      });
  }
})();

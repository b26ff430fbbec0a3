/*
 * The capacity formula in the browser, so a measured field shows at once how many persons it
 * supports, offline too. The server never uses this: it judges answers with @keurmerk/norm's
 * judgeMeasurement, and the variant (housing type, new build) is chosen there too
 * (resolveMeasurementRule), so the page only carries each criterion's resolved rule as JSON.
 * This is a port of that library's personsSupportedBy and tolerantFloor; auditor-capacity.spec.ts
 * checks that the two agree.
 */
(function (root) {
  'use strict';
  // Floor that forgives binary rounding (0.7 / 0.1 is 6.999999999999999): as in @keurmerk/norm.
  function tolerantFloor(value) {
    var nearest = Math.round(value);
    return Math.abs(value - nearest) <= 1e-9 * Math.max(1, Math.abs(value)) ? nearest : Math.floor(value);
  }
  // rule: { minimumPerPerson?, personsPerUnit?, minimumUnits, minimumPersons } as resolved by the server.
  // Answers null for a value the server would refuse (not a finite number >= 0).
  function personsSupported(rule, value) {
    if (typeof value !== 'number' || !isFinite(value) || value < 0) return null;
    if (value < rule.minimumUnits) return 0;
    var persons;
    if (rule.minimumPerPerson !== undefined && rule.minimumPerPerson > 0) persons = tolerantFloor(value / rule.minimumPerPerson);
    else if (rule.personsPerUnit !== undefined && rule.personsPerUnit > 0) persons = tolerantFloor(value * rule.personsPerUnit);
    else return null;
    return Math.max(rule.minimumPersons, persons);
  }
  // The evaluation's maximum: the requested beds, lowered by every measured criterion answered so far.
  function runningMaximum(requestedBeds, supported) {
    return supported.reduce(function (max, persons) {
      return persons === null ? max : Math.min(max, persons);
    }, requestedBeds);
  }
  root.KeurmerkCapacity = { personsSupported: personsSupported, runningMaximum: runningMaximum };
})(typeof self !== 'undefined' ? self : globalThis);

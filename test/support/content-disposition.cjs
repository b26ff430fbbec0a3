'use strict';
/*
 * @fastify/static (CommonJS) requires content-disposition 3, an ES module. Node loads that itself
 * (require(esm), Node 20.19+), but Jest on Node 20 cannot, so jest.config.js maps the name here for
 * tests only. @fastify/static uses create() for reply.download(), which the app does not call; the
 * app's own headers come from apps/api/src/http/content-disposition.ts.
 */
exports.create = function create(filename, options) {
  const type = (options && options.type) || 'attachment';
  if (filename === undefined) return type;
  const name = String(filename).replace(/^.*[\\/]/, '');
  const ascii = name.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, '\\$&');
  if (/^[\x20-\x7e]*$/.test(name)) return `${type}; filename="${ascii}"`;
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

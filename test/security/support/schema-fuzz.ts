import fc from 'fast-check';
import type { HttpCall } from './http-call';
import { type OpenApiDocument, type OpenApiOperation, parameterSchema, resolveSchema } from './openapi-routes';
import { HOSTILE_PATH_VALUES } from './hostile-corpus';

/**
 * Requests generated from the OpenAPI document the app serves: valid ones (every value drawn inside
 * its schema, references to real resources where the world has them) and broken ones (one value or
 * the whole body replaced by something the schema forbids: wrong types, values at and past every
 * bound, text that is not text, depth, unknown fields, missing fields, bodies of the wrong kind).
 */

export type Schema = NonNullable<ReturnType<typeof resolveSchema>> & {
  required?: string[];
  minItems?: number;
  exclusiveMinimum?: boolean;
  nullable?: boolean;
};

/** Real values the world holds, so valid requests reach the handlers' rules rather than stop at "not found". */
export interface ValuePools {
  /** Real ids a path parameter can take, by "METHOD /path/{template}" and parameter name; undefined: `uuids`. */
  pathValues(routeKey: string, parameter: string): string[] | undefined;
  uuids: string[];
  /** Real values for body and query fields by name (certificaatnummer, gemeentecode, callbackUrl ...). */
  byName: Record<string, unknown[]>;
}

/** One generated request: the call (without credentials) and what kind of request it was meant to be. */
export interface FuzzRequest {
  call: HttpCall;
  intent: string;
}

const DAY = 86_400_000;
const NUL_AND_SURROGATES = ['a\u0000b', '\ud800', 'x\udc00y', '\u0000'];
const UNICODE = ['🏠👷‍♀️', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̯', 'gpj.\u202etxt.exe', 'İıſ', '\ufeff', '\u2028\u2029', '𝕂𝕖𝕦𝕣𝕞𝕖𝕣𝕜'];
const deepJson = (depth: number, open = '{"a":', close = '}', leaf = '1') => `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;

const isoDay = (millis: number) => new Date(millis).toISOString().slice(0, 10);

function dateArbitrary(schema: Schema): fc.Arbitrary<string> {
  const earliest = Date.parse(`${schema['x-earliest'] ?? '2000-01-01'}T00:00:00Z`);
  const latest = Date.parse(`${schema['x-latest'] ?? '2100-12-31'}T00:00:00Z`);
  if (schema.format === 'date')
    return fc.integer({ min: 0, max: Math.floor((latest - earliest) / DAY) }).map((days) => isoDay(earliest + days * DAY));
  const offsets = ['Z', '+01:00', '-05:00', '+14:00'];
  return fc.tuple(fc.integer({ min: earliest + 14 * 3_600_000, max: latest }), fc.constantFrom(...offsets)).map(([millis, offset]) => {
    if (offset === 'Z') return new Date(millis).toISOString();
    const sign = offset[0] === '+' ? 1 : -1;
    const shift = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4))) * 60_000;
    return `${new Date(millis + shift).toISOString().slice(0, 19)}${offset}`;
  });
}

/** Values just past (and at) the bounds of a date or timestamp, and dates that do not exist. */
function brokenDates(schema: Schema): unknown[] {
  const earliest = Date.parse(`${schema['x-earliest'] ?? '2000-01-01'}T00:00:00Z`);
  const latest = Date.parse(`${schema['x-latest'] ?? '2100-12-31'}T00:00:00Z`);
  if (schema.format === 'date') {
    return [
      isoDay(earliest - DAY),
      isoDay(latest + DAY),
      '9999-12-31',
      '0000-01-01',
      '2026-02-30',
      '2026-13-01',
      '2026-1-1',
      '20260101',
      '2026-06-01T00:00:00Z',
      '+012026-01-01',
    ];
  }
  return [
    new Date(earliest - 1).toISOString(),
    new Date(latest + DAY).toISOString(),
    '9999-12-31T23:59:59.999999999Z',
    '+275760-09-13T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-06-01T25:00:00Z',
    '2026-06-01T10:00:00',
    '2026-06-01',
    '2026-06-01T10:00:00+24:00',
    `2026-06-01T10:00:00.${'9'.repeat(40)}Z`,
  ];
}

/** Values at and just past the bounds of a number, date or timestamp, and the overflows an outside test used. */
export function boundaryValues(document: OpenApiDocument, raw: Schema | undefined): unknown[] {
  const schema = (resolveSchema(document, raw) ?? {}) as Schema;
  if (schema.format === 'date' || schema.format === 'date-time') return brokenDates(schema);
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? 1e9;
  return [
    min,
    max,
    min - 1,
    max + 1,
    max + 0.5,
    1e15,
    99_999_999_999,
    2 ** 31,
    2 ** 31 - 1 + min,
    2 ** 53 + 2,
    -(2 ** 31) - 1,
    1e308,
    -1e308,
  ];
}

/** A valid value for a schema; `name` picks a real value from the pools where one exists. */
export function validValue(
  document: OpenApiDocument,
  raw: Schema | undefined,
  name: string,
  pools: ValuePools,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolveSchema(document, raw) as Schema | undefined;
  if (!schema) return fc.constant('x');
  const real = pools.byName[name];
  if (real?.length && schema.type !== 'object' && schema.type !== 'array') return fc.constantFrom(...real);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? min + 1000;
      if (schema.type === 'integer')
        return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.constantFrom(Math.ceil(min), Math.floor(max)));
      const low = schema.exclusiveMinimum ? min + 0.001 : min;
      return fc.oneof(
        fc.double({ min: low, max, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: Math.ceil(low), max: Math.floor(max) }),
        fc.constant(max),
      );
    }
    case 'array': {
      if (depth > 6) return fc.constant([]);
      const minLength = schema.minItems ?? 0;
      return fc.array(validValue(document, schema.items, name, pools, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
      });
    }
    case 'string':
      if (schema.format === 'uuid') return pools.uuids.length ? fc.oneof(fc.constantFrom(...pools.uuids), fc.uuid()) : fc.uuid();
      if (schema.format === 'date' || schema.format === 'date-time') return dateArbitrary(schema);
      if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
      if (schema.format === 'password')
        return fc.string({ minLength: Math.max(schema.minLength ?? 1, 12), maxLength: Math.min(schema.maxLength ?? 64, 64) });
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 1000));
      return fc.oneof(
        fc.string({ minLength: Math.max(1, schema.minLength ?? 1), maxLength: Math.min(schema.maxLength ?? 50, 50) }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(schema.maxLength ?? 20, 20) }),
        fc.constantFrom(...UNICODE),
      );
    default: {
      if (depth > 6) return fc.constant({});
      const required = new Set(schema.required ?? []);
      const properties = Object.entries(schema.properties ?? {});
      return fc.record(
        Object.fromEntries(properties.map(([key, property]) => [key, validValue(document, property as Schema, key, pools, depth + 1)])),
        {
          requiredKeys: properties.map(([key]) => key).filter((key) => required.has(key)),
        },
      );
    }
  }
}

/** Values that break one field of this schema: wrong types, at and past every bound, non-text, depth. */
export function brokenValues(document: OpenApiDocument, raw: Schema | undefined): unknown[] {
  const schema = (resolveSchema(document, raw) ?? {}) as Schema;
  const wrongTypes: unknown[] = [null, true, 12345, 'tekst', [], {}, [1, 2], { $gt: '' }];
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? 1e9;
      return [
        ...wrongTypes.filter((v) => typeof v !== 'number'),
        min - 1,
        max + 1,
        min - 0.5,
        max + 0.5,
        max * 10,
        ...(schema.type === 'integer' ? [min + 0.5] : []),
        1e15,
        99_999_999_999,
        2 ** 31,
        2 ** 53 + 2,
        -(2 ** 31) - 1,
        -1e308,
        1e308,
        Number.MIN_VALUE,
        String(max),
        '1e3',
        '0x10',
      ];
    }
    case 'boolean':
      return [...wrongTypes.filter((v) => typeof v !== 'boolean'), 'true', 0, 1];
    case 'array':
      return [
        ...wrongTypes.filter((v) => !Array.isArray(v)),
        Array.from({ length: (schema.maxItems ?? 1000) + 1 }, () => ({})),
        [null],
        ['x'],
        [[[[[[[[]]]]]]]],
      ];
    case 'string': {
      const longest = schema.maxLength ?? 4000;
      const values: unknown[] = [
        ...wrongTypes.filter((v) => typeof v !== 'string'),
        '',
        ' ',
        'x'.repeat(longest + 1),
        'é'.repeat(longest + 1),
        '🏠'.repeat(Math.ceil((longest + 1) / 2)),
        ...NUL_AND_SURROGATES,
        ...UNICODE,
        "' OR '1'='1",
        '../../etc/passwd',
        '<script>alert(1)</script>',
        '%s%n',
      ];
      if (schema.format === 'date' || schema.format === 'date-time') values.push(...brokenDates(schema));
      if (schema.format === 'uuid')
        values.push(
          '00000000-0000-0000-0000-000000000000',
          'ffffffff-ffff-ffff-ffff-ffffffffffff',
          '0000000-0000-4000-8000-000000000000',
          'not-a-uuid',
        );
      if (schema.pattern) values.push(`${'9'.repeat(20)}`, 'GM99999', 'KM-2026-000001-0', '1234 AB', '0123AB');
      return values;
    }
    default:
      return [
        ...wrongTypes.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
        { onbekend: 1 },
        JSON.parse(deepJson(40)),
      ];
  }
}

type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema?: Schema };

/** Every field of an object schema, with its path, down to a small depth: where a broken value can go. */
function fieldPaths(
  document: OpenApiDocument,
  raw: Schema | undefined,
  prefix: (string | number)[] = [],
  depth = 0,
): { path: (string | number)[]; schema: Schema }[] {
  const schema = resolveSchema(document, raw) as Schema | undefined;
  if (!schema || depth > 4) return [];
  if (schema.type === 'array') return fieldPaths(document, schema.items, [...prefix, 0], depth + 1);
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => [
    { path: [...prefix, key], schema: property as Schema },
    ...fieldPaths(document, property as Schema, [...prefix, key], depth + 1),
  ]);
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (remove) delete copy[head];
    else copy[head] = replacement;
    return copy;
  }
  const inner = copy[head];
  // A path through a list that came out empty: give it one element to break.
  copy[head] = setAt(inner ?? (typeof rest[0] === 'number' ? [] : {}), rest, replacement, remove);
  return copy;
}

/** What the body of an operation is, as the document declares it. */
function bodyKind(operation: OpenApiOperation): 'json' | 'multipart' | 'pdf' | 'none' {
  const content = operation.operation.requestBody?.content ?? {};
  if (content['application/json']) return 'json';
  if (content['multipart/form-data']) return 'multipart';
  if (content['application/pdf']) return 'pdf';
  return 'none';
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2cf7a6f0000000049454e4' +
    '4ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * The generator of one route: a request with valid path values, query and body about a third of the
 * time, and otherwise the same with one thing broken.
 */
export function requestsFor(document: OpenApiDocument, operation: OpenApiOperation, pools: ValuePools): fc.Arbitrary<FuzzRequest> {
  const method = operation.method as HttpCall['method'];
  const parameters = (operation.operation.parameters ?? []) as Parameter[];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const kind = bodyKind(operation);
  const bodySchema = operation.operation.requestBody?.content[kind === 'json' ? 'application/json' : 'multipart/form-data']?.schema as
    Schema | undefined;

  const pathValue = (parameter: Parameter) => {
    const real = pools.pathValues(operation.key, parameter.name) ?? pools.uuids;
    // The first value of a pool is the resource that still accepts the most (an open inspection ...).
    if (real.length) return fc.oneof({ arbitrary: fc.constant(real[0]), weight: 2 }, { arbitrary: fc.constantFrom(...real), weight: 1 });
    return validValue(document, parameterSchema(parameter) as Schema, parameter.name, pools).map(String);
  };
  const validPath = fc.tuple(...pathParameters.map(pathValue)).map((values) => values.map((v) => encodeURIComponent(String(v))));
  const validQuery = fc.record(
    Object.fromEntries(queryParameters.map((p) => [p.name, validValue(document, parameterSchema(p) as Schema, p.name, pools)])),
    { requiredKeys: queryParameters.filter((p) => p.required).map((p) => p.name) },
  );
  const validBody: fc.Arbitrary<unknown> = bodySchema ? validValue(document, bodySchema, '', pools) : fc.constant(undefined);

  const build = (pathValues: string[], query: Record<string, unknown>, body: unknown, extra: Partial<HttpCall> = {}): HttpCall => {
    let index = 0;
    const path = operation.path.replace(/\{[^}]+\}/g, () => pathValues[index++] ?? '');
    const call: HttpCall = {
      method,
      path,
      query: Object.fromEntries(
        Object.entries(query)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ),
    };
    if (kind === 'json' && body !== undefined) call.json = body;
    if (kind === 'multipart' && body && typeof body === 'object') {
      const fields = Object.fromEntries(
        Object.entries(body as Record<string, unknown>)
          .filter(([k, v]) => k !== 'bestand' && v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      );
      call.fields = fields;
      call.attach = { field: 'bestand', bytes: PNG, fileName: 'foto.png', contentType: 'image/png' };
    }
    if (kind === 'pdf') {
      call.raw = PDF;
      call.contentType = 'application/pdf';
    }
    return { ...call, ...extra };
  };

  const valid = fc.tuple(validPath, validQuery, validBody).map(([p, q, b]) => ({ call: build(p, q, b), intent: 'valid' }));

  const broken: fc.Arbitrary<FuzzRequest>[] = [];
  // A path parameter replaced by a hostile or random value.
  if (pathParameters.length > 0) {
    broken.push(
      fc
        .tuple(
          validPath,
          validQuery,
          validBody,
          fc.nat(pathParameters.length - 1),
          fc.oneof(
            fc.constantFrom(...HOSTILE_PATH_VALUES.map(([, v]) => v)),
            fc.uuid(),
            fc.string({ minLength: 1, maxLength: 60 }).map(encodeURIComponent),
          ),
        )
        .map(([p, q, b, i, value]) => ({
          call: build(
            p.map((v, j) => (j === i ? value : v)),
            q,
            b,
          ),
          intent: `path ${pathParameters[i].name}=${value.slice(0, 40)}`,
        })),
    );
  }
  // A query parameter broken, repeated, or an unknown one added.
  {
    const queryBreaks: fc.Arbitrary<[string, unknown]>[] = queryParameters.map((p) =>
      fc.constantFrom(
        ...brokenValues(document, parameterSchema(p) as Schema)
          .filter((v) => typeof v !== 'object' || v === null)
          .map((v) => [p.name, v] as [string, unknown]),
      ),
    );
    queryBreaks.push(fc.constant(['onbekend', '1'] as [string, unknown]));
    queryBreaks.push(fc.constant(['pagina', ['1', '2']] as [string, unknown]));
    broken.push(
      fc.tuple(validPath, validQuery, validBody, fc.oneof(...queryBreaks)).map(([p, q, b, [name, value]]) => {
        const call = build(p, q, b);
        call.query = { ...call.query, [name]: (Array.isArray(value) ? value : value === null ? '' : String(value)) as string };
        return { call, intent: `query ${name}=${JSON.stringify(value)?.slice(0, 40)}` };
      }),
    );
  }
  if (kind === 'json' && bodySchema) {
    const fields = fieldPaths(document, bodySchema);
    if (fields.length > 0) {
      const fieldBreaks = fields.map(({ path, schema }) =>
        fc.constantFrom(...brokenValues(document, schema)).map((value) => ({ path, value })),
      );
      broken.push(
        fc.tuple(validPath, validQuery, validBody, fc.oneof(...fieldBreaks)).map(([p, q, b, { path, value }]) => ({
          call: build(p, q, setAt(b ?? {}, path, value)),
          intent: `body ${path.join('.')}=${JSON.stringify(value)?.slice(0, 40)}`,
        })),
      );
      // Numbers and dates once more on their own, at and past their bounds: where overflows live.
      const bounded = fields.filter(({ schema }) => {
        const resolved = resolveSchema(document, schema) as Schema | undefined;
        return (
          resolved?.type === 'number' || resolved?.type === 'integer' || resolved?.format === 'date' || resolved?.format === 'date-time'
        );
      });
      if (bounded.length > 0) {
        const boundBreaks = bounded.map(({ path, schema }) =>
          fc.constantFrom(...boundaryValues(document, schema)).map((value) => ({ path, value })),
        );
        const boundsBroken = fc.tuple(validPath, validQuery, validBody, fc.oneof(...boundBreaks)).map(([p, q, b, { path, value }]) => ({
          call: build(p, q, setAt(b ?? {}, path, value)),
          intent: `bound ${path.join('.')}=${JSON.stringify(value)?.slice(0, 40)}`,
        }));
        broken.push(boundsBroken, boundsBroken);
      }
      broken.push(
        fc.tuple(validPath, validQuery, validBody, fc.constantFrom(...fields)).map(([p, q, b, { path }]) => ({
          call: build(p, q, setAt(b ?? {}, path, undefined, true)),
          intent: `body without ${path.join('.')}`,
        })),
      );
    }
    broken.push(
      fc.tuple(validPath, validQuery, validBody, fc.string({ maxLength: 20 })).map(([p, q, b, key]) => ({
        call: build(p, q, { ...(b as object), [`onbekend${key}`]: 1 }),
        intent: 'unknown field',
      })),
    );
  }
  // The whole body: not JSON, not an object, too deep, the wrong kind, or any JSON at all.
  const wholeBodies: fc.Arbitrary<Partial<HttpCall> & { intent: string }>[] = [
    fc
      .constantFrom(3_000, 10_000, 100_000)
      .map((depth) => ({ raw: deepJson(depth), contentType: 'application/json', intent: `body nested ${depth} deep` })),
    fc
      .constantFrom(3_000, 50_000)
      .map((depth) => ({ raw: deepJson(depth, '[', ']', ''), contentType: 'application/json', intent: `array nested ${depth} deep` })),
    fc
      .constantFrom(
        '{"a":',
        '',
        'null',
        '[]',
        '"x"',
        '1e400',
        '{"a":1}xyz',
        '\ufeff{}',
        '{"__proto__":{"x":1}}',
        '{"constructor":{"prototype":{"x":1}}}',
      )
      .map((raw) => ({
        raw,
        contentType: 'application/json',
        intent: `raw body ${raw.slice(0, 20)}`,
      })),
    fc.jsonValue({ maxDepth: 4 }).map((value) => ({ json: value, intent: 'any JSON' })),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'application/json; charset=utf-16',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/pdf',
        'image/png',
        '',
      )
      .map((contentType) => ({
        raw: contentType.startsWith('multipart')
          ? '--x\r\nContent-Disposition: form-data; name="bestand"; filename="a.png"\r\n\r\n\x89PNG'
          : 'a=1&b=%00',
        contentType,
        intent: `content type ${contentType || '(none)'}`,
      })),
    fc
      .uint8Array({ maxLength: 512 })
      .map((bytes) => ({ raw: Buffer.from(bytes), contentType: 'application/octet-stream', intent: 'random bytes' })),
  ];
  if (kind === 'multipart') {
    const fileFields = Object.keys((resolveSchema(document, bodySchema) as Schema | undefined)?.properties ?? {}).filter(
      (f) => f !== 'bestand',
    );
    wholeBodies.push(
      fc
        .record({
          bytes: fc.oneof(
            fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
            fc.constantFrom(
              PNG,
              PDF,
              Buffer.alloc(0),
              Buffer.from('<html><script>alert(1)</script></html>'),
              Buffer.concat([PNG.subarray(0, 16), Buffer.from('<html>')]),
            ),
          ),
          fileName: fc.oneof(
            fc.string({ maxLength: 80 }),
            fc.constantFrom('../../etc/passwd', 'a\u0000.png', '\ud800.pdf', 'x'.repeat(300), ''),
          ),
          contentType: fc.constantFrom('image/png', 'application/pdf', 'text/html', 'application/octet-stream', 'image/svg+xml'),
          field: fc.constantFrom('bestand', 'bestand', 'ander'),
          values: fc.dictionary(
            fc.constantFrom(...fileFields, 'onbekend'),
            fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...NUL_AND_SURROGATES, 'x'.repeat(5000))),
          ),
        })
        .map(({ bytes, fileName, contentType, field, values }) => ({
          fields: values,
          attach: { field, bytes, fileName, contentType },
          intent: `upload ${JSON.stringify(fileName).slice(0, 30)}`,
        })),
    );
  }
  // Only where a body means something: content on a GET has no defined semantics (RFC 9110, 9.3.1), and
  // Node may reset the connection of a GET answered before its 100 kB body was read, which says
  // nothing about the route.
  if (operation.operation.requestBody || method !== 'GET')
    broken.push(
      fc.tuple(validPath, validQuery, fc.oneof(...wholeBodies)).map(([p, q, { intent, ...extra }]) => {
        const call = build(p, q, undefined);
        delete call.json;
        delete call.fields;
        delete call.attach;
        delete call.raw;
        return { call: { ...call, ...extra }, intent };
      }),
    );
  // About a third valid, the rest spread over the ways to break a request.
  return fc.oneof({ arbitrary: valid, weight: Math.ceil(broken.length / 2) }, ...broken.map((arbitrary) => ({ arbitrary, weight: 1 })));
}

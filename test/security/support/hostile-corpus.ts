import fc from 'fast-check';
import type { HttpCall } from './http-call';

/** A hostile request with a name for the report; `call` is complete apart from credentials. */
export interface HostileCase {
  name: string;
  call: HttpCall;
}

export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

const deepObject = (depth: number): unknown => (depth === 0 ? 'bodem' : { a: deepObject(depth - 1) });
const deepArray = (depth: number): unknown => (depth === 0 ? [] : [deepArray(depth - 1)]);
export const TEN_THOUSAND = 'x'.repeat(10_000);
/** Just over the JSON body limit (1 MiB). */
export const OVER_ONE_MIB = 'a'.repeat(1024 * 1024 + 16);

/** Values that are wrong for a field of each type, whatever the field: each must be refused. */
export const WRONG_FOR: Record<FieldType, [string, unknown][]> = {
  string: [
    ['number', 12345],
    ['boolean', true],
    ['array', ['a']],
    ['object', { $gt: '' }],
    ['null byte', 'voor\u0000na'],
    ['10k characters', TEN_THOUSAND],
  ],
  number: [
    ['numeric string', '12'],
    ['boolean', true],
    ['array', [1]],
    ['object', {}],
    ['negative', -1],
    ['huge', 1e308],
    ['huge negative', -1e308],
    ['2^64', 2 ** 64],
  ],
  boolean: [
    ['string', 'true'],
    ['number', 1],
    ['array', [true]],
    ['object', {}],
  ],
  object: [
    ['string', 'adres'],
    ['number', 7],
    ['array', []],
    ['50-deep nesting', deepObject(50)],
    ['unknown member', { onbekend: 1 }],
  ],
  array: [
    ['string', 'lijst'],
    ['object', {}],
    ['array of null', [null]],
    ['50-deep nesting', deepArray(50)],
    ['10,001 items', Array.from({ length: 10_001 }, () => ({}))],
  ],
};

/** Strings that are fine as text but dangerous where text meets SQL, paths, terminals or renderers. */
export const SUSPICIOUS_STRINGS: [string, string][] = [
  ['sql quote', "' OR '1'='1"],
  ['sql statement', '1; DROP TABLE location; --'],
  ['sql comment', '*/ SELECT pg_sleep(10) /*'],
  ['path traversal', '../../../../etc/passwd'],
  ['encoded traversal', '..%2F..%2F..%2Fetc%2Fpasswd'],
  ['windows path', 'C:\\Windows\\system32\\config\\SAM'],
  ['right-to-left override', 'gpj.\u202etxt.exe'],
  ['emoji and combining marks', '🏠👷‍♀️ Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̯'],
  ['lone surrogate', '\ud800'],
  ['html', '<script>alert(1)</script>'],
  ['format string', '%s%s%s%n'],
  ['crlf injection', 'a\r\nX-Injected: 1'],
];

/** Path parameter values: traversal, SQL, encodings, numbers and lengths a router or parser may trip on. */
export const HOSTILE_PATH_VALUES: [string, string][] = [
  ['traversal', encodeURIComponent('../../etc/passwd')],
  ['encoded traversal', '..%252F..%252Fetc%252Fpasswd'],
  ['sql', encodeURIComponent("' OR '1'='1")],
  ['null byte', '%00'],
  ['bad percent-encoding', '%ZZ'],
  ['overlong utf-8', '%C0%AE%C0%AE'],
  ['emoji', encodeURIComponent('🏠')],
  ['negative number', '-1'],
  ['huge number', '99999999999999999999999999'],
  ['300 characters', 'a'.repeat(300)],
  ['unknown uuid', '00000000-0000-4000-8000-000000000000'],
  ['uppercase nil uuid', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'],
  ['certificate number with wrong check digit', 'KM-2026-000001-0'],
  ['empty segment', ''],
];

/** Whole bodies that are not the object a write endpoint expects. */
export function bodyShapeCases(path: string, method: HttpCall['method'], base: Record<string, unknown>): HostileCase[] {
  const json = (name: string, value: unknown): HostileCase => ({ name, call: { method, path, json: value } });
  const raw = (name: string, text: string, contentType: string): HostileCase => ({ name, call: { method, path, raw: text, contentType } });
  const first = Object.keys(base)[0] ?? 'veld';
  return [
    json('null body', null),
    json('array body', [base]),
    json('string body', 'tekst'),
    json('number body', 42),
    json('boolean body', true),
    json('empty object', {}),
    json('50-deep object', deepObject(50)),
    json('50-deep array', deepArray(50)),
    json('unknown field', { ...base, onbekendVeld: 'x' }),
    json('prototype pollution', JSON.parse(`{"__proto__": {"isAdmin": true}, ${JSON.stringify(first)}: 1}`)),
    json('constructor pollution', { ...base, constructor: { prototype: { isAdmin: true } } }),
    raw('body over 1 MiB', JSON.stringify({ ...base, [first]: OVER_ONE_MIB }), 'application/json'),
    raw('invalid JSON', '{"a":', 'application/json'),
    raw('trailing garbage', `${JSON.stringify(base)}xyz`, 'application/json'),
    raw('empty JSON body', '', 'application/json'),
    // A byte order mark and a wrong charset are tolerated by the parser: the unknown field makes sure the body is still refused.
    raw('byte order mark', `\ufeff${JSON.stringify({ ...base, onbekendVeld: 1 })}`, 'application/json'),
    raw('number overflowing to Infinity', `{${JSON.stringify(first)}: 1e400}`, 'application/json'),
    raw('JSON as text/plain', JSON.stringify(base), 'text/plain'),
    raw('form encoded', 'a=1&b=2', 'application/x-www-form-urlencoded'),
    raw('xml', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', 'application/xml'),
    raw('JSON with a charset that is not UTF-8', JSON.stringify({ ...base, onbekendVeld: 1 }), 'application/json; charset=utf-16'),
    raw(
      'multipart where JSON is expected',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      'multipart/form-data; boundary=x',
    ),
  ];
}

/** Each field of a valid body replaced, one at a time, by each value wrong for its type. */
export function wrongFieldCases(
  path: string,
  method: HttpCall['method'],
  base: Record<string, unknown>,
  types: Record<string, FieldType>,
): HostileCase[] {
  return Object.entries(types).flatMap(([field, type]) =>
    WRONG_FOR[type].map(([what, value]) => ({ name: `${field}: ${what}`, call: { method, path, json: { ...base, [field]: value } } })),
  );
}

/**
 * Each string field of a body replaced by each suspicious string. `anchor` keeps a valid body from
 * creating anything where such text is legitimate (an organisation may well be called "' OR 1=1").
 */
export function suspiciousFieldCases(
  path: string,
  method: HttpCall['method'],
  base: Record<string, unknown>,
  types: Record<string, FieldType>,
  anchor: boolean,
): HostileCase[] {
  return Object.entries(types)
    .filter(([, type]) => type === 'string')
    .flatMap(([field]) =>
      SUSPICIOUS_STRINGS.map(([what, value]) => ({
        name: `${field}: ${what}${anchor ? ' (with an unknown field)' : ''}`,
        call: { method, path, json: { ...base, [field]: value, ...(anchor ? { onbekendVeld: true } : {}) } },
      })),
    );
}

/** Files whose bytes are not what their name and declared type say, plus the other ways to break an upload. */
export function uploadCases(path: string, fileField: string, fields: Record<string, string>): HostileCase[] {
  const file = (
    name: string,
    bytes: Buffer,
    fileName: string,
    contentType: string,
    extra: Record<string, string> = fields,
  ): HostileCase => ({
    name,
    call: { method: 'POST', path, fields: extra, attach: { field: fileField, bytes, fileName, contentType } },
  });
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const someField = Object.keys(fields)[0];
  return [
    file('html named .pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'contract.pdf', 'application/pdf'),
    file('windows executable named .jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]), 'foto.jpg', 'image/jpeg'),
    file('zip named .png', Buffer.from('504b0304140000000800', 'hex'), 'foto.png', 'image/png'),
    file('gif named .png', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'foto.png', 'image/png'),
    file(
      'svg with script named .png',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'foto.png',
      'image/svg+xml',
    ),
    file('pdf signature too short', Buffer.from('%PD'), 'kort.pdf', 'application/pdf'),
    file('empty file', Buffer.alloc(0), 'leeg.pdf', 'application/pdf'),
    file('png bytes named .pdf (valid by content: the target refuses it)', png, 'contract.pdf', 'application/pdf'),
    file('traversal file name', png, '../../../etc/passwd', 'image/png'),
    file('null byte in file name', png, 'foto.png\u0000.exe', 'image/png'),
    file('file over 10 MiB', Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1)]), 'groot.png', 'image/png'),
    ...(someField
      ? [
          file(`${someField}: null byte`, png, 'foto.png', 'image/png', { ...fields, [someField]: 'a\u0000b' }),
          file(`${someField}: 10k characters`, png, 'foto.png', 'image/png', { ...fields, [someField]: TEN_THOUSAND }),
        ]
      : []),
    file('unknown form field', png, 'foto.png', 'image/png', { ...fields, onbekend: 'x' }),
    {
      name: 'file in another field',
      call: { method: 'POST', path, fields, attach: { field: 'ander', bytes: png, fileName: 'foto.png', contentType: 'image/png' } },
    },
    { name: 'fields without a file', call: { method: 'POST', path, fields } },
    { name: 'JSON instead of multipart', call: { method: 'POST', path, json: { ...fields, [fileField]: png.toString('base64') } } },
    {
      name: 'broken multipart body',
      call: {
        method: 'POST',
        path,
        raw: '--grens\r\nContent-Disposition: form-data; name="bestand"; filename="a.png"\r\n\r\n\x89PNG',
        contentType: 'multipart/form-data; boundary=grens',
      },
    },
    { name: 'multipart without boundary', call: { method: 'POST', path, raw: 'rommel', contentType: 'multipart/form-data' } },
  ];
}

/** Generated JSON bodies: any JSON value, and objects with the endpoint's own field names holding anything. */
export function generatedBodies(fields: string[]): fc.Arbitrary<unknown> {
  const anyJson = fc.jsonValue({ maxDepth: 4 });
  if (fields.length === 0) return anyJson;
  const ownFields = fc.record(Object.fromEntries(fields.map((f) => [f, fc.jsonValue({ maxDepth: 3 })])), { requiredKeys: [] });
  return fc.oneof(anyJson, ownFields, ownFields);
}

/** Generated multipart uploads: arbitrary bytes under arbitrary names, with arbitrary text in the fields. */
export function generatedUploads(fields: string[]): fc.Arbitrary<{ bytes: Uint8Array; fileName: string; values: Record<string, string> }> {
  return fc
    .record({
      bytes: fc.uint8Array({ minLength: 1, maxLength: 2048 }),
      fileName: fc.string({ minLength: 1, maxLength: 80 }),
      values: fc.record(Object.fromEntries(fields.map((f) => [f, fc.string({ maxLength: 200 })])), { requiredKeys: [] }),
    })
    .map(({ bytes, fileName, values }) => ({
      bytes,
      fileName,
      values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>,
    }));
}

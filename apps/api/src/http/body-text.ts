import { AppException, InvalidParam } from '@keurmerk/common';

/**
 * A NUL character, or half of a UTF-16 surrogate pair: JSON can carry them (\u0000, \ud800) but they
 * are not text. PostgreSQL refuses NUL in text and jsonb, and validators that re-encode a string throw
 * on a lone surrogate, so both would otherwise surface as 500s deep inside a service.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isNotText = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** Every place in a parsed body (values and member names) that holds something that is not text, by its JSON path. */
export function nonTextIn(value: unknown, path = ''): InvalidParam[] {
  const problem = (name: string): InvalidParam => ({ name: name || 'body', code: 'invalid-character', reason: 'Text may not contain NUL characters or unpaired surrogates.' });
  if (typeof value === 'string') return isNotText(value) ? [problem(path)] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nonTextIn(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const name = path ? `${path}.${key}` : key;
    return isNotText(key) ? [problem(name)] : nonTextIn(item, name);
  });
}

/** Refuses a parsed request body that contains non-text, naming every place at once. */
export function assertBodyIsText(body: unknown): void {
  const problems = nonTextIn(body);
  if (problems.length > 0) throw AppException.invalid(problems);
}

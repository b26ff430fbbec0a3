import { AppException, InvalidParam } from '@keurmerk/common';

/**
 * A NUL character, or half of a UTF-16 surrogate pair: JSON can carry them (\u0000, \ud800) but they
 * are not text. PostgreSQL refuses NUL in text and jsonb, and validators that re-encode a string throw
 * on a lone surrogate, so both would otherwise surface as 500s deep inside a service.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isNotText = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/**
 * How deep a body may nest objects and arrays. The deepest body the contract has is the norm document
 * (object, secties, section, criteria, criterion, varianten, variant: 7); every walker after the
 * parser (class-transformer, class-validator, the services) recurses, and 3,000 levels overflowed
 * the stack (issue 16). Checked here, before any of them, without recursion.
 */
export const MAX_BODY_DEPTH = 32;

const nonText = (name: string): InvalidParam => ({
  name: name || 'body',
  code: 'invalid-character',
  reason: 'Text may not contain NUL characters or unpaired surrogates.',
});
const tooDeep = (): InvalidParam => ({
  name: 'body',
  code: 'depth',
  reason: `The request body nests objects and arrays more than ${MAX_BODY_DEPTH} deep.`,
});

interface Entry {
  value: unknown;
  path: string;
  depth: number;
  /** A member name that is not text: reported in its place, its value not walked. */
  badName?: boolean;
}

/**
 * Every place in a parsed body (values and member names) that holds something that is not text, by
 * its JSON path; or, for a body nested deeper than MAX_BODY_DEPTH, that one problem naming `body`.
 * Walks with an explicit stack, so no body can exhaust the call stack.
 */
export function nonTextIn(value: unknown): InvalidParam[] {
  const problems: InvalidParam[] = [];
  // Filled in reverse so the problems come out in document order.
  const stack: Entry[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: item, path, depth, badName } = stack.pop()!;
    if (badName) {
      problems.push(nonText(path));
      continue;
    }
    if (typeof item === 'string') {
      if (isNotText(item)) problems.push(nonText(path));
      continue;
    }
    if (item === null || typeof item !== 'object' || Buffer.isBuffer(item)) continue;
    if (depth >= MAX_BODY_DEPTH) return [tooDeep()];
    const children: Entry[] = [];
    if (Array.isArray(item)) {
      item.forEach((child, index) => children.push({ value: child, path: `${path}[${index}]`, depth: depth + 1 }));
    } else {
      for (const [key, child] of Object.entries(item)) {
        const name = path ? `${path}.${key}` : key;
        if (isNotText(key)) children.push({ value: undefined, path: name, depth, badName: true });
        else children.push({ value: child, path: name, depth: depth + 1 });
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return problems;
}

/** Refuses a parsed request body that nests too deep or contains non-text, naming every place at once. */
export function assertBodyIsText(body: unknown): void {
  const problems = nonTextIn(body);
  if (problems.length > 0) throw AppException.invalid(problems);
}

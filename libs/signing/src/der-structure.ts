const MAX_DEPTH = 32;

/**
 * The length of the DER element at the start of `bytes` if every length in its tree is definite,
 * minimally encoded and exactly filled by its contents; undefined otherwise.
 *
 * asn1js tolerates lengths that disagree with the contents, so an altered length byte in a CMS
 * would still parse and verify. The signature does not cover the CMS encoding itself; holding the
 * encoding to DER's structure keeps a signed file from having several accepted forms.
 */
export function derElementLength(bytes: Uint8Array): number | undefined {
  return walk(bytes, 0, bytes.length, 0);
}

function walk(bytes: Uint8Array, offset: number, limit: number, depth: number): number | undefined {
  if (depth > MAX_DEPTH || offset + 2 > limit) {
    return undefined;
  }
  const tag = bytes[offset];
  if (tag === 0 || (tag & 0x1f) === 0x1f) {
    // 0 is end-of-contents, which DER never uses (so padding cannot pass as content);
    // multi-byte tag numbers are not used by CMS or X.509.
    return undefined;
  }
  let position = offset + 1;
  const first = bytes[position++];
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || position + count > limit || bytes[position] === 0) {
      return undefined; // indefinite, too long, or not minimal
    }
    length = 0;
    for (let i = 0; i < count; i++) {
      length = length * 256 + bytes[position++];
    }
    if (length < 0x80) {
      return undefined; // long form where the short form fits
    }
  }
  const contentEnd = position + length;
  if (contentEnd > limit) {
    return undefined;
  }
  if (tag & 0x20) {
    let child = position;
    while (child < contentEnd) {
      const next = walk(bytes, child, contentEnd, depth + 1);
      if (next === undefined) {
        return undefined;
      }
      child = next;
    }
  }
  return contentEnd;
}

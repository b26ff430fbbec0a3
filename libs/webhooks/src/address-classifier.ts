import { isIP } from 'node:net';

/**
 * What an IP address is, for the SSRF guard: only `public` may be called back. The ranges follow
 * the IANA special-purpose registries (RFC 6890 and successors). IPv6 forms that carry an IPv4
 * address (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address, and anything outside
 * 2000::/3, the only global unicast block, is not public.
 */
export type AddressClass =
  'public' | 'unspecified' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'cgnat' | 'multicast' | 'reserved';

type Rule = { prefix: number[]; bits: number; class: AddressClass } | { prefix: number[]; bits: number; embeddedIpv4At: number };

const IPV4_RULES: { prefix: number[]; bits: number; class: AddressClass }[] = [
  { prefix: [0, 0, 0, 0], bits: 8, class: 'unspecified' }, // "this network"
  { prefix: [10, 0, 0, 0], bits: 8, class: 'private' },
  { prefix: [100, 64, 0, 0], bits: 10, class: 'cgnat' },
  { prefix: [127, 0, 0, 0], bits: 8, class: 'loopback' },
  { prefix: [169, 254, 0, 0], bits: 16, class: 'link-local' }, // includes cloud metadata, 169.254.169.254
  { prefix: [172, 16, 0, 0], bits: 12, class: 'private' },
  { prefix: [192, 0, 0, 0], bits: 24, class: 'reserved' }, // IETF protocol assignments
  { prefix: [192, 0, 2, 0], bits: 24, class: 'reserved' }, // documentation
  { prefix: [192, 88, 99, 0], bits: 24, class: 'reserved' }, // 6to4 relay anycast
  { prefix: [192, 168, 0, 0], bits: 16, class: 'private' },
  { prefix: [198, 18, 0, 0], bits: 15, class: 'reserved' }, // benchmarking
  { prefix: [198, 51, 100, 0], bits: 24, class: 'reserved' }, // documentation
  { prefix: [203, 0, 113, 0], bits: 24, class: 'reserved' }, // documentation
  { prefix: [224, 0, 0, 0], bits: 4, class: 'multicast' },
  { prefix: [240, 0, 0, 0], bits: 4, class: 'reserved' }, // includes broadcast
];

const IPV6_RULES: Rule[] = [
  { prefix: v6('::'), bits: 128, class: 'unspecified' },
  { prefix: v6('::1'), bits: 128, class: 'loopback' },
  { prefix: v6('::ffff:0:0'), bits: 96, embeddedIpv4At: 12 }, // IPv4-mapped
  { prefix: v6('::ffff:0:0:0'), bits: 96, embeddedIpv4At: 12 }, // IPv4-translated (SIIT)
  { prefix: v6('::'), bits: 96, embeddedIpv4At: 12 }, // IPv4-compatible (deprecated)
  { prefix: v6('64:ff9b::'), bits: 96, embeddedIpv4At: 12 }, // NAT64 well-known prefix
  { prefix: v6('64:ff9b:1::'), bits: 48, class: 'private' }, // local-use NAT64
  { prefix: v6('100::'), bits: 64, class: 'reserved' }, // discard-only
  { prefix: v6('2001::'), bits: 32, class: 'reserved' }, // Teredo
  { prefix: v6('2001:2::'), bits: 48, class: 'reserved' }, // benchmarking
  { prefix: v6('2001:db8::'), bits: 32, class: 'reserved' }, // documentation
  { prefix: v6('2002::'), bits: 16, embeddedIpv4At: 2 }, // 6to4
  { prefix: v6('fc00::'), bits: 7, class: 'unique-local' },
  { prefix: v6('fe80::'), bits: 10, class: 'link-local' },
  { prefix: v6('fec0::'), bits: 10, class: 'private' }, // site-local (deprecated)
  { prefix: v6('ff00::'), bits: 8, class: 'multicast' },
];

/** Classifies an IP literal (`10.0.0.1`, `::1`, `[fe80::1%eth0]`); undefined when the text is not one. */
export function classifyAddress(text: string): AddressClass | undefined {
  const bytes = parseIpAddress(text);
  if (!bytes) return undefined;
  return bytes.length === 4 ? classifyIpv4(bytes) : classifyIpv6(bytes);
}

export function isPublicAddress(text: string): boolean {
  return classifyAddress(text) === 'public';
}

function classifyIpv4(bytes: number[]): AddressClass {
  return IPV4_RULES.find((rule) => matches(bytes, rule.prefix, rule.bits))?.class ?? 'public';
}

function classifyIpv6(bytes: number[]): AddressClass {
  for (const rule of IPV6_RULES) {
    if (!matches(bytes, rule.prefix, rule.bits)) continue;
    return 'class' in rule ? rule.class : classifyIpv4(bytes.slice(rule.embeddedIpv4At, rule.embeddedIpv4At + 4));
  }
  // Only 2000::/3 is global unicast.
  return (bytes[0] & 0xe0) === 0x20 ? 'public' : 'reserved';
}

function matches(bytes: number[], prefix: number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const take = Math.min(8, bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8] & mask) !== (prefix[bit / 8] & mask)) return false;
  }
  return true;
}

/** The address as 4 or 16 bytes; brackets and an IPv6 zone (`%eth0`) are allowed and ignored. */
export function parseIpAddress(text: string): number[] | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const family = isIP(bare);
  if (family === 4) return parseIpv4(bare);
  if (family === 6) return parseIpv6(bare.replace(/%.*$/, ''));
  return undefined;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number);
}

function parseIpv6(text: string): number[] | undefined {
  let source = text;
  // A trailing dotted quad is the last 32 bits.
  const lastColon = source.lastIndexOf(':');
  const tail = source.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    if (!v4) return undefined;
    source = `${source.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = source.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.flatMap((g) => {
    const value = parseInt(g, 16);
    return [value >> 8, value & 0xff];
  });
}

function v6(text: string): number[] {
  const bytes = parseIpv6(text);
  if (!bytes) throw new Error(`bad IPv6 constant ${text}`);
  return bytes;
}

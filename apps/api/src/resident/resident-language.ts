export const RESIDENT_LANGUAGES = ['nl', 'en', 'pl', 'ro', 'bg'] as const;
export type ResidentLanguage = (typeof RESIDENT_LANGUAGES)[number];

/** Without a preference the page is Dutch, the scheme's language. */
export const DEFAULT_LANGUAGE: ResidentLanguage = 'nl';
/** A browser that asks only for languages the page lacks gets English, which more residents read than Dutch. */
export const FALLBACK_LANGUAGE: ResidentLanguage = 'en';

export function isResidentLanguage(value: unknown): value is ResidentLanguage {
  return typeof value === 'string' && (RESIDENT_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header (RFC 9110 §12.5.4): ranges by q-value,
 * highest first, ties in the order given; `pl-PL` matches `pl`, `*` takes the default; q=0 refuses.
 */
export function negotiateLanguage(header: string | undefined): ResidentLanguage {
  if (!header || header.trim() === '') return DEFAULT_LANGUAGE;
  const ranges = header
    .split(',')
    .slice(0, 50)
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      let q = 1;
      for (const param of params) {
        const [key, value] = param.trim().split('=');
        if (key?.trim().toLowerCase() === 'q') q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value?.trim() ?? '') ? Number(value) : 0;
      }
      return { range: range.trim().toLowerCase(), q, index };
    })
    .filter((r) => r.range !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    if (range === '*') return DEFAULT_LANGUAGE;
    const primary = range.split('-')[0];
    if (isResidentLanguage(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}

/** `?taal=` wins (a resident's own choice); otherwise the browser's preference. */
export function chooseLanguage(taal: unknown, acceptLanguage: string | undefined): { language: ResidentLanguage; explicit: boolean } {
  if (isResidentLanguage(taal)) return { language: taal, explicit: true };
  return { language: negotiateLanguage(acceptLanguage), explicit: false };
}

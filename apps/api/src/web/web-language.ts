import type { Language } from './web-context';

/** The language chosen in the app (cookie), else the browser's first of Dutch or English, else Dutch. */
export function chooseWebLanguage(cookie: string | undefined, acceptLanguage: string | undefined): Language {
  if (cookie === 'nl' || cookie === 'en') return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { tag: tag.split('-')[0], q: q ? Number(q[1]) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) if (tag === 'nl' || tag === 'en') return tag;
  return 'nl';
}

import type { Language, WebContext } from '../web-context';

/** A count with its noun, singular for one: `1 bewoner`, `3 bewoners`. `shown`: the count as the page writes it (`1.234`). */
export function counted(count: number, one: string, many: string, shown: string = String(count)): string {
  return `${shown} ${count === 1 ? one : many}`;
}

/** One text in both languages: a string, a sentence with values, or a table (e.g. one word per status). */
export interface Bilingual<V> {
  nl: V;
  en: V;
}

/** A catalog as one language sees it: every key, with that language's value. */
export type Texts<T extends Record<string, Bilingual<unknown>>> = { [K in keyof T]: T[K]['nl'] };

/**
 * A page's texts, each entry with its Dutch and English side by side, so a translator reads them
 * together and a missing one does not compile (`en` must have the type of `nl`: the same parameters
 * for a sentence with values, the same keys for a table). Use: `adminText(web).planInspection`.
 */
export function catalog<T extends Record<string, Bilingual<unknown>>>(
  entries: T & { [K in keyof T]: { nl: T[K]['nl']; en: T[K]['nl'] } },
): (context: Pick<WebContext, 'language'>) => Texts<T> {
  const pick = (language: Language) =>
    Object.fromEntries(Object.entries(entries).map(([key, entry]) => [key, entry[language]])) as Texts<T>;
  const byLanguage: Record<Language, Texts<T>> = { nl: pick('nl'), en: pick('en') };
  return (context) => byLanguage[context.language];
}

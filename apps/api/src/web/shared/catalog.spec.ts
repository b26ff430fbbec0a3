import { describe, expect, it } from '@jest/globals';
import { catalog } from './catalog';

describe('catalog', () => {
  const text = catalog({
    signOut: { nl: 'Uitloggen', en: 'Sign out' },
    pageOf: {
      nl: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
      en: (page: number, pages: number) => `Page ${page} of ${pages}`,
    },
    kinds: { nl: { a: 'Eerste' }, en: { a: 'First' } },
  });

  it('gives each language its own value: strings, sentences with values and tables', () => {
    expect(text({ language: 'nl' }).signOut).toBe('Uitloggen');
    expect(text({ language: 'en' }).pageOf(2, 5)).toBe('Page 2 of 5');
    expect(text({ language: 'nl' }).kinds.a).toBe('Eerste');
  });

  it('does not compile with a translation missing or of another shape (checked by tsc, not at run time)', () => {
    // @ts-expect-error: no English.
    catalog({ signOut: { nl: 'Uitloggen' } });
    // @ts-expect-error: the English sentence takes other values than the Dutch one.
    catalog({ pageOf: { nl: (page: number) => `Pagina ${page}`, en: (page: string, of: string) => `Page ${page} of ${of}` } });
    // @ts-expect-error: the English table misses a key.
    catalog({ kinds: { nl: { a: 'Eerste', b: 'Tweede' }, en: { a: 'First' } } });
    expect(true).toBe(true);
  });
});

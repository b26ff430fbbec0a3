import { pageLinks } from './pagination';

describe('pageLinks', () => {
  const url = new URL('http://x/v1/locaties?status=geldig&pagina=2');

  it('links first, prev, next and last from a middle page', () => {
    const header = pageLinks(url, { items: [], page: 2, pageSize: 20, total: 57 });
    expect(header).toBe(
      [
        '</v1/locaties?status=geldig&pagina=1&paginaGrootte=20>; rel="first"',
        '</v1/locaties?status=geldig&pagina=1&paginaGrootte=20>; rel="prev"',
        '</v1/locaties?status=geldig&pagina=3&paginaGrootte=20>; rel="next"',
        '</v1/locaties?status=geldig&pagina=3&paginaGrootte=20>; rel="last"',
      ].join(', '),
    );
  });

  it('has no prev on the first page and no next on the last', () => {
    const header = pageLinks(url, { items: [], page: 1, pageSize: 20, total: 0 });
    expect(header).not.toContain('prev');
    expect(header).not.toContain('next');
    expect(header).toContain('pagina=1&paginaGrootte=20>; rel="last"');
  });
});

/** A page request as the contract defines it: `pagina` from 1, `paginaGrootte` up to 100. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageOffset(request: PageRequest): number {
  return (request.page - 1) * request.pageSize;
}

/** RFC 8288 links for a collection, given the request's own URL (path and query). */
export function pageLinks(url: URL, page: Page<unknown>): string {
  const last = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (target: number, rel: string) => {
    const next = new URL(url.toString());
    next.searchParams.set('pagina', String(target));
    next.searchParams.set('paginaGrootte', String(page.pageSize));
    return `<${next.pathname}${next.search}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (page.page > 1) links.push(link(Math.min(page.page - 1, last), 'prev'));
  if (page.page < last) links.push(link(page.page + 1, 'next'));
  links.push(link(last, 'last'));
  return links.join(', ');
}

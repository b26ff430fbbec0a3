import { describe, expect, it } from '@jest/globals';
import { pageRequest } from './page-parts';

describe('pageRequest', () => {
  it('takes a positive page number and falls back to the first page', () => {
    expect(pageRequest('3')).toEqual({ page: 3, pageSize: 20 });
    for (const value of ['0', '-1', 'x', undefined, ['2'], '1e3']) expect(pageRequest(value).page).toBe(1);
  });
});

import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './unique-violation';

const failed = (code: string, constraint?: string) =>
  new QueryFailedError('INSERT', [], Object.assign(new Error('refused'), { code, constraint }));

describe('isUniqueViolation', () => {
  it.each([
    ['a unique violation, any constraint', failed('23505', 'uq_a'), undefined, true],
    ['a unique violation of the named constraint', failed('23505', 'uq_a'), 'uq_a', true],
    ['a unique violation of another constraint', failed('23505', 'uq_b'), 'uq_a', false],
    ['a foreign key violation', failed('23503', 'uq_a'), 'uq_a', false],
    ['an error that is not from the database', Object.assign(new Error('x'), { code: '23505', constraint: 'uq_a' }), 'uq_a', false],
    ['nothing', undefined, undefined, false],
  ])('%s', (_name, error, constraint, expected) => {
    expect(isUniqueViolation(error, constraint)).toBe(expected);
  });
});

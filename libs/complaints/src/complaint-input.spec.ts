import { characterCount, normaliseDescription, validateComplaintContent } from './complaint-input';

describe('complaint content', () => {
  it.each([
    ['  Te veel mensen  ', 'Te veel mensen'],
    ['regel 1\r\nregel 2\rregel 3', 'regel 1\nregel 2\nregel 3'],
    ['a\u0000b\u0007c\td', 'abc\td'],
  ])('normalises %j', (input, expected) => {
    expect(normaliseDescription(input)).toBe(expected);
  });

  it('counts characters as people see them', () => {
    expect(characterCount('Живущи')).toBe(6);
    expect(characterCount('🙂')).toBe(1);
  });

  it('accepts 4000 characters of Bulgarian and refuses 4001', () => {
    expect(validateComplaintContent({ description: 'ж'.repeat(4000), language: 'bg' }).problems).toEqual([]);
    expect(validateComplaintContent({ description: 'ж'.repeat(4001), language: 'bg' }).problems.map((p) => p.code)).toEqual(['max-length']);
  });

  it.each([
    [{ description: '', language: 'nl' }, ['omschrijving']],
    [{ description: '   \n ', language: 'nl' }, ['omschrijving']],
    [{ description: 42, language: 'nl' }, ['omschrijving']],
    [{ description: 'x', language: 'de' }, ['taal']],
    [{}, ['omschrijving', 'taal']],
  ])('refuses %j naming %j', (input, names) => {
    const { value, problems } = validateComplaintContent(input);
    expect(value).toBeUndefined();
    expect(problems.map((p) => p.name)).toEqual(names);
  });
});

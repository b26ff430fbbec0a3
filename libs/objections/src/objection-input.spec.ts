import { parseObjectionInput } from './objection-input';

const INSPECTION = '0b7e1c36-6a7d-4f4e-9d8e-3c0f1f7b6a11';

describe('parseObjectionInput', () => {
  it.each<[string, Record<string, unknown>, object]>([
    [
      'an inspection',
      { inspectieId: INSPECTION.toUpperCase(), gronden: ' Oneens ' },
      { subject: { inspectionId: INSPECTION }, grounds: 'Oneens' },
    ],
    [
      'a certificate',
      { certificaatnummer: 'KM-2026-000123-3', gronden: 'x' },
      { subject: { certificateNumber: 'KM-2026-000123-3' }, grounds: 'x' },
    ],
  ])('takes %s', (_, body, expected) => {
    expect(parseObjectionInput(body)).toEqual({ input: expected, problems: [] });
  });

  it.each<[string, Record<string, unknown>, [string, string][]]>([
    [
      'neither subject',
      { gronden: 'x' },
      [
        ['inspectieId', 'required'],
        ['certificaatnummer', 'required'],
      ],
    ],
    [
      'both subjects',
      { inspectieId: INSPECTION, certificaatnummer: 'KM-2026-000123-3', gronden: 'x' },
      [['certificaatnummer', 'exclusive']],
    ],
    ['a malformed id', { inspectieId: 'abc', gronden: 'x' }, [['inspectieId', 'format']]],
    ['a wrong check digit', { certificaatnummer: 'KM-2026-000123-4', gronden: 'x' }, [['certificaatnummer', 'check-digit']]],
    ['a malformed number', { certificaatnummer: 123, gronden: 'x' }, [['certificaatnummer', 'pattern']]],
    ['blank grounds', { inspectieId: INSPECTION, gronden: '   ' }, [['gronden', 'required']]],
    ['grounds too long', { inspectieId: INSPECTION, gronden: 'x'.repeat(4001) }, [['gronden', 'too-long']]],
    [
      'everything wrong at once',
      { inspectieId: 1, gronden: 2 },
      [
        ['inspectieId', 'format'],
        ['gronden', 'required'],
      ],
    ],
  ])('refuses %s, naming each field', (_, body, expected) => {
    const { input, problems } = parseObjectionInput(body);
    expect(input).toBeUndefined();
    expect(problems.map((p) => [p.name, p.code])).toEqual(expected);
  });
});

import {
  DEFAULT_NORM,
  NormDocument,
  NORM_LIMITS,
  normFromContract,
  normToContract,
  parseNormDocument,
  validateNormDocument,
} from './index';

function defaultDocument(): NormDocument {
  return JSON.parse(JSON.stringify(normToContract(DEFAULT_NORM))) as NormDocument;
}

const names = (problems: { name: string; code: string }[]) => problems.map(({ name, code }) => ({ name, code }));

describe('normToContract and normFromContract', () => {
  it('refuses a translation in an unknown language, without a titel, or with a toelichting on a section', () => {
    const document = structuredClone(normToContract(DEFAULT_NORM)) as unknown as {
      secties: { vertalingen?: unknown; criteria: { vertalingen?: unknown }[] }[];
    };
    document.secties[0].vertalingen = { en: { titel: 'Space', toelichting: 'x' } };
    document.secties[0].criteria[0].vertalingen = { de: { titel: 'Fläche' } };
    document.secties[1].criteria[0].vertalingen = { en: { toelichting: 'no title' } };
    expect(validateNormDocument(document).map((p) => p.name)).toEqual([
      'secties[0].vertalingen.en.toelichting',
      'secties[0].criteria[0].vertalingen.de',
      'secties[1].criteria[0].vertalingen.en.titel',
    ]);
  });

  it('map the default norm to the contract shape', () => {
    const document = normToContract(DEFAULT_NORM);
    expect(document).toMatchObject({ versie: '2026.1', status: 'gepubliceerd', ingangsdatum: '2026-01-01' });
    expect(document.secties[0]).toMatchObject({ code: 'RU', titel: 'Ruimte', vertalingen: { en: { titel: 'Space' } } });
    expect(document.secties[0].criteria[0]).toStrictEqual({
      code: 'RU-01',
      titel: 'Gebruiksoppervlakte (GBO)',
      toelichting: expect.any(String),
      vertalingen: { en: { titel: 'Usable floor area (GBO)', toelichting: expect.stringContaining('usable floor area') } },
      ernst: 'knock-out',
      punten: 5,
      soort: 'meting',
      eenheid: 'm2',
      minimumPerPersoon: 12,
      varianten: [
        { nieuwbouw: true, minimumPerPersoon: 15 },
        { soortHuisvesting: 'hotel', minimumPerPersoon: 15 },
        { soortHuisvesting: 'logiesgebouw', minimumPerPersoon: 10 },
      ],
    });
    expect(document.secties[3].criteria[1]).toMatchObject({
      code: 'VZ-02',
      personenPerEenheid: 2,
      minimumEenheden: 4,
      minimumPersonen: 8,
    });
    expect(document.secties[3].criteria[3]).toStrictEqual({
      code: 'VZ-04',
      titel: 'Was- en droogvoorziening',
      toelichting: expect.any(String),
      vertalingen: { en: { titel: 'Washing and drying', toelichting: expect.any(String) } },
      ernst: 'major',
      punten: 5,
      soort: 'ja-nee',
    });
    expect(document.secties[7].criteria[3]).toMatchObject({ code: 'BV-04', nvtToegestaan: true });
  });

  it('are the identity going model → contract → model', () => {
    expect(normFromContract(normToContract(DEFAULT_NORM))).toStrictEqual(DEFAULT_NORM);
  });

  it('are the identity going contract → model → contract', () => {
    const document = defaultDocument();
    expect(normToContract(normFromContract(document))).toStrictEqual(document);
  });

  it('read a draft without status as a concept', () => {
    const { status: _status, ...draft } = defaultDocument();
    expect(validateNormDocument(draft)).toEqual([]);
    expect(normFromContract(draft).status).toBe('draft');
    expect(normToContract(normFromContract(draft)).status).toBe('concept');
  });
});

describe('validateNormDocument', () => {
  it('accepts the default norm in contract JSON', () => {
    expect(validateNormDocument(defaultDocument())).toEqual([]);
  });

  it('accepts null for optional fields', () => {
    const document = defaultDocument() as unknown as { secties: { criteria: Record<string, unknown>[] }[] };
    document.secties[0].criteria[1].varianten = null;
    document.secties[4].criteria[0].nvtToegestaan = null;
    expect(validateNormDocument(document)).toEqual([]);
  });

  it.each([
    ['a non-object', [], [{ name: 'body', code: 'invalid-type' }]],
    ['null', null, [{ name: 'body', code: 'invalid-type' }]],
    [
      'an empty object',
      {},
      [
        { name: 'versie', code: 'required' },
        { name: 'ingangsdatum', code: 'required' },
        { name: 'secties', code: 'required' },
      ],
    ],
    [
      'wrong top-level types',
      { versie: 2026.1, status: 'gepubliceerd', ingangsdatum: 20260101, secties: {} },
      [
        { name: 'versie', code: 'invalid-type' },
        { name: 'ingangsdatum', code: 'invalid-type' },
        { name: 'secties', code: 'invalid-type' },
      ],
    ],
    ['no sections', { versie: '2027.1', ingangsdatum: '2027-01-01', secties: [] }, [{ name: 'secties', code: 'too-few' }]],
  ])('rejects %s', (_label, input, expected) => {
    expect(names(validateNormDocument(input))).toEqual(expected);
  });

  it.each([
    ['2026.1', true],
    ['2026.12', true],
    ['2026.0', false],
    ['2026', false],
    ['26.1', false],
    ['2026.1-beta', false],
    ['v2026.1', false],
  ])('version %s is valid: %p', (versie, valid) => {
    expect(validateNormDocument({ ...defaultDocument(), versie }).length === 0).toBe(valid);
  });

  it('reports every problem of a broken document at once, by JSON path', () => {
    const document = defaultDocument() as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const sections = document.secties;
    document.versie = '2026';
    document.status = 'actief';
    document.ingangsdatum = '2026-02-30';
    document.auteur = 'beheerder';
    sections[0].criteria[0].punten = 0;
    sections[0].criteria[0].varianten.push(
      { soortHuisvesting: 'woning', nieuwbouw: true, minimumPerPersoon: 20 },
      { minimumPerPersoon: 5 },
      { soortHuisvesting: 'kasteel', minimumPerPersoon: 15, kleur: 'rood' },
    );
    sections[0].criteria[1].punten = 2.5;
    sections[1].titel = ' ';
    sections[1].criteria[0].code = 'RU-01';
    sections[1].criteria[1].code = 'pr-2';
    sections[1].criteria[2].minimumPerPersoon = 3;
    delete sections[1].criteria[3].personenPerEenheid;
    sections[2].criteria[0].personenPerEenheid = -1;
    sections[2].criteria[1].minimumEenheden = -1;
    sections[2].criteria[1].ernst = 'major';
    sections[3].code = 'RU';
    sections[3].criteria[1].minimumPersonen = 1.5;
    sections[3].criteria[3].eenheid = 'aantal';
    sections[4].criteria[0].soort = 'tekst';
    delete sections[4].criteria[1].toelichting;
    sections[5].criteria = [];
    delete sections[6].criteria[0].ernst;
    sections[7].criteria[0].nvtToegestaan = true;
    sections[7].criteria[3].nvtToegestaan = 'ja';
    sections[8] = 'informatie';

    expect(names(validateNormDocument(document))).toEqual([
      { name: 'auteur', code: 'unknown-field' },
      { name: 'versie', code: 'pattern' },
      { name: 'status', code: 'invalid-value' },
      { name: 'ingangsdatum', code: 'invalid-date' },
      { name: 'secties[0].criteria[0].punten', code: 'range' },
      { name: 'secties[0].criteria[0].varianten[3]', code: 'unreachable' },
      { name: 'secties[0].criteria[0].varianten[4]', code: 'required' },
      { name: 'secties[0].criteria[0].varianten[5].kleur', code: 'unknown-field' },
      { name: 'secties[0].criteria[0].varianten[5].soortHuisvesting', code: 'invalid-value' },
      { name: 'secties[0].criteria[1].punten', code: 'not-integer' },
      { name: 'secties[1].titel', code: 'required' },
      { name: 'secties[1].criteria[0].code', code: 'duplicate' },
      { name: 'secties[1].criteria[1].code', code: 'pattern' },
      { name: 'secties[1].criteria[2]', code: 'exactly-one-required' },
      { name: 'secties[1].criteria[3]', code: 'exactly-one-required' },
      { name: 'secties[2].criteria[0].personenPerEenheid', code: 'range' },
      { name: 'secties[2].criteria[1].ernst', code: 'invalid-value' },
      { name: 'secties[2].criteria[1].minimumEenheden', code: 'range' },
      { name: 'secties[3].code', code: 'duplicate' },
      { name: 'secties[3].criteria[1].minimumPersonen', code: 'not-integer' },
      { name: 'secties[3].criteria[3].eenheid', code: 'not-allowed' },
      { name: 'secties[4].criteria[0].soort', code: 'invalid-value' },
      { name: 'secties[4].criteria[1].toelichting', code: 'required' },
      { name: 'secties[5].criteria', code: 'too-few' },
      { name: 'secties[6].criteria[0].ernst', code: 'required' },
      { name: 'secties[7].criteria[0].nvtToegestaan', code: 'not-allowed' },
      { name: 'secties[7].criteria[3].nvtToegestaan', code: 'invalid-type' },
      { name: 'secties[8]', code: 'invalid-type' },
    ]);
  });

  it.each([
    ['a measured criterion without eenheid', (c: Record<string, unknown>) => delete c.eenheid, 'eenheid', 'required'],
    ['an unknown eenheid', (c: Record<string, unknown>) => (c.eenheid = 'vierkante meter'), 'eenheid', 'invalid-value'],
    ['a zero minimumPerPersoon', (c: Record<string, unknown>) => (c.minimumPerPersoon = 0), 'minimumPerPersoon', 'range'],
    ['a string minimumPerPersoon', (c: Record<string, unknown>) => (c.minimumPerPersoon = '12'), 'minimumPerPersoon', 'invalid-type'],
    ['varianten not a list', (c: Record<string, unknown>) => (c.varianten = {}), 'varianten', 'invalid-type'],
    ['nvtToegestaan on a meting', (c: Record<string, unknown>) => (c.nvtToegestaan = false), 'nvtToegestaan', 'not-allowed'],
    ['a title too long', (c: Record<string, unknown>) => (c.titel = 'x'.repeat(201)), 'titel', 'too-long'],
    ['a missing code', (c: Record<string, unknown>) => delete c.code, 'code', 'required'],
    ['punten as text', (c: Record<string, unknown>) => (c.punten = '5'), 'punten', 'invalid-type'],
  ])('rejects %s', (_label, mutate, field, code) => {
    const document = defaultDocument();
    mutate(document.secties[0].criteria[0] as unknown as Record<string, unknown>);
    expect(names(validateNormDocument(document))).toEqual([{ name: `secties[0].criteria[0].${field}`, code }]);
  });

  it('rejects a variant without a per-person rule', () => {
    const document = defaultDocument();
    document.secties[1].criteria[0].varianten = [{ nieuwbouw: true }];
    expect(names(validateNormDocument(document))).toEqual([{ name: 'secties[1].criteria[0].varianten[0]', code: 'exactly-one-required' }]);
  });

  it('explains each problem', () => {
    const document = defaultDocument();
    document.secties[0].criteria[0].punten = 0;
    expect(validateNormDocument(document)[0].reason).toBe('punten is greater than 0.');
  });
});

describe('parseNormDocument', () => {
  it('returns the norm of a valid document', () => {
    expect(parseNormDocument(defaultDocument())).toStrictEqual({ ok: true, norm: DEFAULT_NORM });
  });

  it('returns the problems of an invalid one', () => {
    const result = parseNormDocument({ ...defaultDocument(), versie: 'x' });
    expect(result.ok).toBe(false);
    expect(!result.ok && names(result.problems)).toEqual([{ name: 'versie', code: 'pattern' }]);
  });
});

describe('validateNormDocument bounds (issue 16)', () => {
  const document = () =>
    JSON.parse(JSON.stringify(normToContract(DEFAULT_NORM))) as {
      ingangsdatum: string;
      secties: { criteria: Record<string, unknown>[] }[];
    };

  it.each([
    ['punten', 1e15],
    ['punten', NORM_LIMITS.points + 1],
  ])('refuses %s %d on a ja-nee criterion', (field, value) => {
    const d = document();
    const criterion = d.secties.flatMap((s) => s.criteria).find((c) => c.soort === 'ja-nee')!;
    criterion[field] = value;
    expect(validateNormDocument(d).map((p) => [p.name.split('.').pop(), p.code])).toEqual([[field, 'range']]);
  });

  it.each([
    ['minimumEenheden', 99_999_999_999],
    ['minimumPersonen', NORM_LIMITS.minimumPersons + 1],
  ])('refuses %s %d on a meting criterion', (field, value) => {
    const d = document();
    const criterion = d.secties.flatMap((s) => s.criteria).find((c) => c.soort === 'meting')!;
    criterion[field] = value;
    expect(validateNormDocument(d).map((p) => [p.name.split('.').pop(), p.code])).toEqual([[field, 'range']]);
  });

  it.each(['1999-12-31', '2101-01-01', '9999-12-31'])('refuses ingangsdatum %s', (date) => {
    const d = document();
    d.ingangsdatum = date;
    expect(validateNormDocument(d).map((p) => [p.name, p.code])).toEqual([['ingangsdatum', 'range']]);
  });

  it('refuses more sections than the limit as one problem', () => {
    const d = document();
    d.secties = Array.from({ length: NORM_LIMITS.sections + 1 }, () => d.secties[0]);
    expect(validateNormDocument(d).map((p) => [p.name, p.code])).toEqual([['secties', 'too-many']]);
  });
});

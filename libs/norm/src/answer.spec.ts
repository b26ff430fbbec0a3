import {
  Answer,
  answerFromContract,
  Criterion,
  DEFAULT_NORM,
  findCriterion,
  unansweredCriteria,
  validateAnswer,
  criteriaOf,
  MAX_MEASUREMENT,
} from './index';

function criterion(code: string): Criterion {
  const found = findCriterion(DEFAULT_NORM, code);
  if (!found) throw new Error(`no criterion ${code}`);
  return found;
}

const codes = (problems: { name: string; code: string }[]) => problems.map(({ name, code }) => ({ name, code }));

describe('validateAnswer', () => {
  it.each([
    ['yes/no voldoet', 'BZ-02', { resultaat: 'voldoet' }],
    ['yes/no voldoet-niet with a remark', 'BZ-02', { resultaat: 'voldoet-niet', opmerking: 'Slaapkamer 3 op slot' }],
    ['nvt where the norm allows it', 'BV-04', { resultaat: 'nvt' }],
    ['gas knock-out without gas answered voldoet', 'VL-02', { resultaat: 'voldoet', opmerking: 'Geen gas' }],
    ['a measurement alone', 'RU-01', { meetwaarde: 180 }],
    ['a measurement with a resultaat the platform overrides', 'RU-01', { resultaat: 'voldoet-niet', meetwaarde: 180 }],
    ['a measurement of zero', 'VZ-02', { meetwaarde: 0 }],
    ['fractional square metres', 'RU-02', { meetwaarde: 52.35 }],
    ['nulls as absent fields', 'BZ-02', { resultaat: 'voldoet', meetwaarde: null, opmerking: null }],
  ])('accepts %s', (_label, code, body) => {
    expect(validateAnswer(criterion(code), body)).toEqual([]);
  });

  it.each([
    ['nvt on a knock-out', 'VL-02', { resultaat: 'nvt' }, [{ name: 'resultaat', code: 'not-allowed' }]],
    ['nvt where the norm does not allow it', 'BZ-02', { resultaat: 'nvt' }, [{ name: 'resultaat', code: 'not-allowed' }]],
    ['a missing resultaat on yes/no', 'BZ-02', {}, [{ name: 'resultaat', code: 'required' }]],
    ['an unknown resultaat', 'BZ-02', { resultaat: 'ja' }, [{ name: 'resultaat', code: 'invalid-value' }]],
    ['a meetwaarde on yes/no', 'BZ-02', { resultaat: 'voldoet', meetwaarde: 3 }, [{ name: 'meetwaarde', code: 'not-allowed' }]],
    ['a missing meetwaarde', 'RU-01', { resultaat: 'voldoet' }, [{ name: 'meetwaarde', code: 'required' }]],
    ['a negative meetwaarde', 'RU-01', { meetwaarde: -1 }, [{ name: 'meetwaarde', code: 'range' }]],
    ['a string meetwaarde', 'RU-01', { meetwaarde: '180' }, [{ name: 'meetwaarde', code: 'invalid-type' }]],
    ['a fractional count', 'SA-01', { meetwaarde: 1.5 }, [{ name: 'meetwaarde', code: 'not-integer' }]],
    ['nvt on a measured criterion', 'SA-01', { resultaat: 'nvt', meetwaarde: 2 }, [{ name: 'resultaat', code: 'not-allowed' }]],
    ['an unknown field', 'BZ-02', { resultaat: 'voldoet', foto: 'x' }, [{ name: 'foto', code: 'unknown-field' }]],
    ['a non-string remark', 'BZ-02', { resultaat: 'voldoet', opmerking: 5 }, [{ name: 'opmerking', code: 'invalid-type' }]],
    ['an overlong remark', 'BZ-02', { resultaat: 'voldoet', opmerking: 'x'.repeat(2001) }, [{ name: 'opmerking', code: 'too-long' }]],
    ['a non-object', 'BZ-02', [], [{ name: 'body', code: 'invalid-type' }]],
    [
      'several problems at once',
      'RU-01',
      { resultaat: 'nvt', meetwaarde: -3, extra: true },
      [
        { name: 'extra', code: 'unknown-field' },
        { name: 'resultaat', code: 'not-allowed' },
        { name: 'meetwaarde', code: 'range' },
      ],
    ],
  ])('rejects %s', (_label, code, body, expected) => {
    expect(codes(validateAnswer(criterion(code), body))).toEqual(expected);
  });

  it('explains each problem', () => {
    expect(validateAnswer(criterion('VL-02'), { resultaat: 'nvt' })[0].reason).toBe('A knock-out criterion cannot be nvt.');
  });
});

describe('answerFromContract', () => {
  it.each([
    ['BZ-02', { resultaat: 'voldoet-niet' as const, opmerking: 'op slot' }, { result: 'voldoet-niet', remark: 'op slot' }],
    ['RU-01', { resultaat: 'voldoet-niet' as const, meetwaarde: 180 }, { measurement: 180 }],
  ])('%s', (code, body, expected) => {
    expect(answerFromContract(criterion(code), body)).toStrictEqual(expected);
  });
});

describe('unansweredCriteria', () => {
  it('lists every code of an empty inspection in norm order', () => {
    const all = DEFAULT_NORM.sections.flatMap((section) => section.criteria.map((c) => c.code));
    expect(unansweredCriteria(DEFAULT_NORM, new Map())).toEqual(all);
  });

  it('treats a measured criterion without a value and a yes/no without a result as unanswered', () => {
    const answers: Record<string, Answer> = {};
    for (const c of DEFAULT_NORM.sections.flatMap((section) => section.criteria)) {
      answers[c.code] = c.kind === 'measured' ? { measurement: 10 } : { result: 'voldoet' };
    }
    answers['RU-01'] = { remark: 'nog meten' };
    answers['BZ-01'] = { remark: 'nog vragen' };
    delete answers['BH-02'];
    expect(unansweredCriteria(DEFAULT_NORM, answers)).toEqual(['RU-01', 'BZ-01', 'BH-02']);
  });

  it('does not mistake inherited object keys for answers', () => {
    expect(unansweredCriteria(DEFAULT_NORM, {})).toHaveLength(27);
  });
});

describe('validateAnswer bounds (issue 16)', () => {
  const measured = criteriaOf(DEFAULT_NORM).find((c) => c.kind === 'measured')!;

  it.each([MAX_MEASUREMENT + 1, 99_999_999_999, 1e15])('refuses meetwaarde %d, naming meetwaarde', (meetwaarde) => {
    expect(validateAnswer(measured, { meetwaarde }).map((p) => [p.name, p.code])).toEqual([['meetwaarde', 'range']]);
  });

  it('takes meetwaarde at the bound', () => {
    expect(validateAnswer(measured, { meetwaarde: MAX_MEASUREMENT })).toEqual([]);
  });
});

describe('a failed criterion needs an opmerking (API 1.1)', () => {
  const bz02 = criteriaOf(DEFAULT_NORM).find((c) => c.code === 'BZ-02')!;
  it.each([
    [{ resultaat: 'voldoet-niet' }],
    [{ resultaat: 'voldoet-niet', opmerking: '   ' }],
    [{ resultaat: 'voldoet-niet', opmerking: null }],
  ])('refuses %j naming opmerking', (body) => {
    expect(validateAnswer(bz02, body)).toEqual([expect.objectContaining({ name: 'opmerking', code: 'required' })]);
  });
  it('takes a voldoet-niet with a description, and voldoet or nvt without one', () => {
    expect(validateAnswer(bz02, { resultaat: 'voldoet-niet', opmerking: 'Slaapkamer 3 op slot' })).toEqual([]);
    expect(validateAnswer(bz02, { resultaat: 'voldoet' })).toEqual([]);
  });
});

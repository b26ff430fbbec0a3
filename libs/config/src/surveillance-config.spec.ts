import { ConfigError, loadConfig } from './config';

describe('surveillance configuration', () => {
  it('asks for re-inspections 90 days ahead and samples 10 % a year by default', () => {
    expect(loadConfig({}).surveillance).toEqual({ reinspectionLeadDays: 90, samplePercentagePerYear: 10 });
  });

  it('reads both variables', () => {
    expect(loadConfig({ HERINSPECTIE_VOORLOOP_DAGEN: '120', STEEKPROEF_PERCENTAGE_PER_JAAR: '0' }).surveillance).toEqual({
      reinspectionLeadDays: 120,
      samplePercentagePerYear: 0,
    });
  });

  it.each([
    [{ HERINSPECTIE_VOORLOOP_DAGEN: '0' }, 'HERINSPECTIE_VOORLOOP_DAGEN'],
    [{ HERINSPECTIE_VOORLOOP_DAGEN: '366' }, 'HERINSPECTIE_VOORLOOP_DAGEN'],
    [{ HERINSPECTIE_VOORLOOP_DAGEN: 'negentig' }, 'HERINSPECTIE_VOORLOOP_DAGEN'],
    [{ STEEKPROEF_PERCENTAGE_PER_JAAR: '101' }, 'STEEKPROEF_PERCENTAGE_PER_JAAR'],
    [{ STEEKPROEF_PERCENTAGE_PER_JAAR: '-1' }, 'STEEKPROEF_PERCENTAGE_PER_JAAR'],
    [{ STEEKPROEF_PERCENTAGE_PER_JAAR: '2.5' }, 'STEEKPROEF_PERCENTAGE_PER_JAAR'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});

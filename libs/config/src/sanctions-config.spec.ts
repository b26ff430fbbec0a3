import { ConfigError, loadConfig } from './config';

describe('sanctions configuration', () => {
  it('withdraws after 90 days of suspension by default', () => {
    expect(loadConfig({}).sanctions).toEqual({ maximumSuspensionDays: 90 });
  });

  it('reads SCHORSING_MAXIMUM_DAGEN', () => {
    expect(loadConfig({ SCHORSING_MAXIMUM_DAGEN: '30' }).sanctions).toEqual({ maximumSuspensionDays: 30 });
  });

  it.each(['0', '366', 'negentig', '2.5'])('refuses SCHORSING_MAXIMUM_DAGEN=%s', (value) => {
    expect(() => loadConfig({ SCHORSING_MAXIMUM_DAGEN: value })).toThrow(ConfigError);
    expect(() => loadConfig({ SCHORSING_MAXIMUM_DAGEN: value })).toThrow('SCHORSING_MAXIMUM_DAGEN');
  });
});

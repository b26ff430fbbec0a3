import { Writable } from 'node:stream';
import { createLogger, PinoNestLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ logLevel: 'info' }, stream), lines };
}

describe('createLogger', () => {
  it('logs the client address, except on the residents’ page and complaints', () => {
    const { logger, lines } = capture();
    logger.info({ req: { method: 'GET', url: '/v1/verificaties?postcode=1234AB', ip: '203.0.113.9' } }, 'incoming request');
    logger.info({ req: { method: 'POST', url: '/v1/meldingen', ip: '203.0.113.9' } }, 'incoming request');
    logger.info({ req: { method: 'GET', url: '/controleer/KM-2026-000001-8', ip: '203.0.113.9' } }, 'incoming request');
    expect(lines.map((l) => (l.req as { remoteAddress?: string }).remoteAddress)).toEqual(['203.0.113.9', undefined, undefined]);
  });

  it('redacts credentials wherever they appear', () => {
    const { logger, lines } = capture();
    logger.info({ body: { wachtwoord: 'geheim-123', sleutel: 'kmk_x' } }, 'x');
    expect(JSON.stringify(lines[0])).not.toMatch(/geheim-123|kmk_x/);
  });
});

describe('PinoNestLogger', () => {
  it('puts Nest’s start-up lines (routes mapped, modules loaded) at debug, and everything else at info', () => {
    const { logger, lines } = capture();
    const nest = new PinoNestLogger(logger);
    nest.log('Mapped {/v1/health, GET} route', 'RouterExplorer');
    nest.log('HealthController {/v1/health}:', 'RoutesResolver');
    nest.log('CoreModule dependencies initialized', 'InstanceLoader');
    nest.log('Installed the default norm 2026.1', 'NormVersionService');
    expect(lines.map((line) => line.msg)).toEqual(['Installed the default norm 2026.1']);
  });
});

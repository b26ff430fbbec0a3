import { join } from 'node:path';
import { Logger, Provider } from '@nestjs/common';
import type { AppConfig } from '@keurmerk/config';
import { APP_CONFIG } from '@keurmerk/config';
import { ensureDevelopmentKeyRing, KeyRing, loadPkcs12KeyRing } from '@keurmerk/signing';

export const KEY_RING = Symbol('KEY_RING');

export function developmentKeyDirectory(config: Pick<AppConfig, 'dataDir'>): string {
  return join(config.dataDir, 'keys');
}

/**
 * The signing keys, loaded once per process by @keurmerk/signing (the only code that reads private
 * keys): a PKCS#12 from configuration in production, or a development key made in DATA_DIR.
 */
export const keyRingProvider: Provider = {
  provide: KEY_RING,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<KeyRing> => {
    const logger = new Logger('signing');
    if (config.signing.p12Path) {
      const ring = await loadPkcs12KeyRing({
        pkcs12: config.signing.p12Path,
        passphrase: config.signing.p12Passphrase ?? '',
        certificateArchiveDirectory: join(config.dataDir, 'signing-certificates'),
      });
      logger.log(`signing with ${ring.activeKey.subject} (kid ${ring.activeKey.kid})`);
      return ring;
    }
    const ring = await ensureDevelopmentKeyRing(developmentKeyDirectory(config));
    logger.warn(
      `!!! DEVELOPMENT SIGNING KEY (kid ${ring.activeKey.kid}) in ${developmentKeyDirectory(config)}: self-signed and NOT TRUSTED. ` +
        'Certificates signed with it prove nothing outside this machine. Set SIGNING_KEY_P12 and SIGNING_KEY_PASSPHRASE in production.',
    );
    return ring;
  },
};

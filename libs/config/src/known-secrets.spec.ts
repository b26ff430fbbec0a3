import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_SECRETS, weakSecretReason } from './known-secrets';

// Jest runs from the repository root.
const root = process.cwd();

/**
 * The list of published secrets is only as good as its coverage of what the project publishes. The
 * files an operator copies from (README, docker-compose.yml, SECURITY.md, the demo accounts) are read
 * here; every value they give a secret-like variable must be refused (or be a `${VAR:?…}` reference).
 */
describe('published secrets', () => {
  const files = ['README.md', 'docker-compose.yml', 'SECURITY.md', 'libs/accounts/src/demo-accounts.ts'];
  const assignment = /\b([A-Z0-9_]*(?:SECRET|PASSWORD|PASSPHRASE)[A-Z0-9_]*)\s*[=:]\s*['"]?([^\s'"`|,)]+)/g;

  it.each(files)('refuses every example secret in %s', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const values = [...text.matchAll(assignment)]
      // A `_FILE` variable names where a secret is, not the secret; `${...}` and `<...>` are references and blanks.
      .filter((m) => !m[1].endsWith('_FILE'))
      .map((m) => m[2])
      .filter((v) => !v.startsWith('$') && !v.startsWith('<') && !/^(unset|required|\.\.\.)$/.test(v));
    for (const value of values) expect({ value, reason: weakSecretReason(value, 32) }).toEqual({ value, reason: expect.any(String) });
  });

  it('knows the demo password and the old compose default', () => {
    const demo = readFileSync(join(root, 'libs/accounts/src/demo-accounts.ts'), 'utf8');
    const password = /PASSWORD\s*=\s*'([^']+)'/.exec(demo)?.[1];
    expect(password && PUBLISHED_SECRETS).toContain(password);
    expect(PUBLISHED_SECRETS).toContain('change-me-to-a-long-random-secret-of-32-chars');
  });
});

/**
 * Secrets that anyone can read: defaults and examples this project has published (in
 * docker-compose.yml, the README, the demo accounts), and the shapes of placeholders people copy
 * without changing them. A deployment that runs with one of them is open to whoever reads the
 * repository (an HS256 token secret lets them mint a beheerder's token), so the processes refuse to
 * start with them outside embedded mode. `known-secrets.spec.ts` reads the project's own files and
 * fails when one of their example secrets is missing here, so a new example cannot slip past.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  // The old docker-compose.yml defaults (before the production-like set required every secret).
  'change-me-to-a-long-random-secret-of-32-chars',
  'keurmerk-minio-secret',
  'keurmerk',
  // The demo accounts' password (README, `npm start -- --demo`).
  'keurmerk-demo-2026',
  // The embedded s3rver's built-in key pair.
  'S3RVER',
  // The CI run's placeholder and README examples.
  'ci-only-password',
  'minioadmin',
];

/** Words of placeholders: `change-me`, `changeit`, `your-secret-here`, `<secret>`, `xxxxxxxx`. */
const PLACEHOLDER = /change.?me|changeit|your.?(secret|password|key)|replace.?(me|this)|example|placeholder|^<.*>$|x{6,}|\.\.\./i;

/** Why `value` may not serve as a secret, or undefined when it may. `minLength` 0 skips the length rule. */
export function weakSecretReason(value: string, minLength: number): string | undefined {
  if (minLength > 0 && value.length < minLength) return `must be at least ${minLength} characters`;
  const lower = value.toLowerCase();
  if (PUBLISHED_SECRETS.some((known) => known.toLowerCase() === lower)) {
    return 'is a value published in the Keurmerk repository (a default or an example); generate your own, e.g. `openssl rand -hex 32`';
  }
  if (PLACEHOLDER.test(value)) return 'looks like a placeholder; generate a real secret, e.g. `openssl rand -hex 32`';
  // A long run of one character or a short cycle ("aaaa…", "abcabc…") is length without secrecy.
  if (minLength > 0 && new Set(value).size < 8) return 'has fewer than 8 different characters; generate it, e.g. `openssl rand -hex 32`';
  return undefined;
}

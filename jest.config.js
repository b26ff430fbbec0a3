/**
 * NestJS 12 ships as ES modules only, so jest runs in its native ESM mode (see the `test` script's
 * --experimental-vm-modules). Unit tests sit beside the code (*.spec.ts); end-to-end tests live in
 * test/ (*.e2e-spec.ts); medium tests, services on a real database without HTTP, in test/medium
 * (*.medium-spec.ts).
 */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec|medium-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', useESM: true }] },
  moduleNameMapper: {
    '^@keurmerk/migrations$': '<rootDir>/migrations/index.ts',
    '^@keurmerk/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    // An ES module required by @fastify/static: Node loads it, Jest on Node 20 cannot (see the file).
    '^content-disposition$': '<rootDir>/test/support/content-disposition.cjs',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
};

/**
 * Jest: ts-jest compiles src/ and test/ on the fly. globalSetup builds the bundle from the current src/
 * once per run (into ESP_BUILD_DIR, else build/) and stamps it; the bundle tests load it with gas-local
 * through test/helpers/bundle.ts, which checks the stamp. So no jest run can test a stale build.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'workspace/tsconfig.json', diagnostics: false }] },
  globalSetup: '<rootDir>/scripts/jest-global-setup.mjs',
  testTimeout: 60000,
};

/** Jest: ts-jest compiles src/ and test/ on the fly; the bundle tests load build/ with gas-local. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'workspace/tsconfig.json', diagnostics: false }] },
  testTimeout: 60000,
};

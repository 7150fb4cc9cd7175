module.exports = {
  displayName: 'ready-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/global-setup.ts',
  // Specs share one real workspace and reset it with git: they must not run in parallel.
  maxWorkers: 1,
  testTimeout: 10 * 60 * 1000,
};

// Browser tests: the preview page in Debian's Chromium through playwright-core. `npm run test:e2e`
// builds the pages once and serves them from the tests; `.ci/run` installs chromium first.
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: true, tsconfig: { isolatedModules: false } }] },
  testTimeout: 120000,
};

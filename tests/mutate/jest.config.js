// The jest tests as mutation testing runs them (`npm run mutate`): the same tests as `npm test`, compiled
// without type-checking (a mutant that does not type-check is still a mutant to kill or survive), and
// the generated-input properties with fewer cases (FC_RUNS, set by the script). The tests in a browser
// environment of their own (the pane, over jsdom) are left out: Stryker counts coverage only in the
// environments it wraps.
const base = require("../../package.json").jest;
module.exports = {
  ...base,
  rootDir: "../..",
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, "<rootDir>/tests/pane.test.tsx", "<rootDir>/tests/webview-check.test.ts"],
};

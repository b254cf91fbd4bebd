// The jest tests as mutation testing runs them (`npm run mutate`): the same tests as `npm test`, compiled
// without type-checking (a mutant that does not type-check is still a mutant to kill or survive), and
// the generated-input properties with fewer cases (FC_RUNS, set by the script). The tests in a browser
// environment of their own (a `@jest-environment` docblock: the pane over jsdom) are left out: Stryker
// counts coverage only in the environments it wraps, and fails the run on any other.
const fs = require("fs");
const path = require("path");
const base = require("../../package.json").jest;
const TESTS = path.join(__dirname, "..");
const ownEnvironment = fs
  .readdirSync(TESTS)
  .filter((f) => /\.test\.tsx?$/.test(f) && /@jest-environment/.test(fs.readFileSync(path.join(TESTS, f), "utf8").slice(0, 2000)))
  .map((f) => `<rootDir>/tests/${f.replace(/\./g, "\\.")}$`);
module.exports = {
  ...base,
  rootDir: "../..",
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, ...ownEnvironment],
};

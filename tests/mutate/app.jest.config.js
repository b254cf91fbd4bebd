// The application layer's own tests, for mutation testing of src/app module by module (`npm run
// mutate:app -- --mutate src/app/check.ts`) in minutes rather than hours: the plain node tests of
// tests/app, over the plain-data port (tests/helpers/memoryPort.ts) and the seed ledgers. The older
// tests of the use cases go through the .xlsx host and load ExcelJS in every run of every mutant
// (seconds each): they add no kill these miss, and are left out.
const base = require("./jest.config.js");
module.exports = { ...base, testMatch: ["<rootDir>/tests/app/*.test.ts"] };

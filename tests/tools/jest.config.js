// Tests that need programs a fresh machine lacks (xmllint, LibreOffice, pdftotext). `.ci/run` installs them
// and runs `npm run test:tools`; `npm test` leaves these out.
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/tests/tools"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: true, tsconfig: { isolatedModules: false } }] },
  testTimeout: 180000,
};

// The pane's pages as the application layer computes them (src/app/*View.ts) and 兼容性自检 (src/app/selfTest.ts),
// by their plain tests (填报's: its list, its reading of the workbook, 标记本单位问题), for mutation testing in
// minutes (npm run mutate:views).
const base = require("./jest.config.js");
module.exports = { ...base, testMatch: ["<rootDir>/tests/views.test.ts", "<rootDir>/tests/self-test.test.ts", "<rootDir>/tests/fill-view.test.ts", "<rootDir>/tests/fill-mark.test.ts"] };

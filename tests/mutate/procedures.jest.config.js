// The procedures' own tests, for mutation testing of the modules they guard (src/app/book.ts,
// src/core/records.ts, src/core/drawing.ts, src/core/marks.ts) in minutes rather than hours: the
// plain-data port's tests, the drawing's, the records' (earlier forms included) and the marks', and the paste and
// 标记本单位问题 tests over the .xlsx host (book.editCells, book.mark keeping other marks).
const base = require("./jest.config.js");
module.exports = { ...base, testMatch: ["<rootDir>/tests/book.test.ts", "<rootDir>/tests/drawing.test.ts", "<rootDir>/tests/records.test.ts", "<rootDir>/tests/marks.test.ts", "<rootDir>/tests/paste.test.ts", "<rootDir>/tests/fill-mark.test.ts"] };

// The lint configuration (tests/lint/eslint.config.mjs) does what it says: Microsoft's Office.js rules on the code
// that drives Excel and not on ExcelJS code, ES5 for the pages' first script. Each case lints a few lines as if
// they were a file of src/, with ESLint's engine as `npm run lint` runs it (tests/helpers/lintTexts.mjs); every
// case in one run, since ESLint takes seconds to start and a case a few milliseconds.
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

interface Problem {
  ruleId: string | null;
  severity: number;
  message: string;
}

/** The texts to lint, each as the file of src/ it pretends to be; linted together before the tests. */
const cases: { file: string; code: string }[] = [];
const problems = new Map<number, Problem[]>();

/** A case: `code` as the file `file` (a path under the repository); the problems ESLint finds in it. */
function lint(file: string, code: string): () => Problem[] {
  const at = cases.push({ file, code }) - 1;
  return () => problems.get(at)!;
}

beforeAll(() => {
  const out = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, "helpers", "lintTexts.mjs")], { cwd: ROOT, input: JSON.stringify(cases), encoding: "utf8" })) as Problem[][];
  out.forEach((p, i) => problems.set(i, p));
});

const rules = (problems: Problem[]) => problems.map((p) => p.ruleId);

// A value read from a range that was neither loaded nor synced, and a sync in a loop.
const OFFICE_JS = `
export async function firstCell(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
  for (const name of ["a", "b"]) {
    context.workbook.worksheets.getItem(name).load("name");
    await context.sync();
  }
  return range.values;
}
`;
const officeJs = lint("src/hosts/office/example.ts", OFFICE_JS);
// Loaded and synced, it passes.
const officeJsFixed = lint("src/hosts/office/example.ts", OFFICE_JS.replace('getRange("A1");', 'getRange("A1").load("values");\n  await context.sync();'));

// As the .xlsx host reads a cell's fill and note before marking it (src/hosts/xlsx/workbook.ts).
const read = (type: string) => `export const look = (ws: ${type}) => {\n  const cell = ws.getCell("A1");\n  return { fill: cell.style?.fill ?? null, note: cell.note ?? null };\n};\n`;
const excelJs = lint("src/hosts/xlsx/example.ts", `import type ExcelJS from "exceljs";\n${read("ExcelJS.Worksheet")}`);
const excelJsAsOfficeJs = lint("src/hosts/office/example.ts", read("Excel.Worksheet"));

const es2015 = lint("src/taskpane/webview-check.js", "(function () {\n  var f = () => 1;\n  f();\n})();\n");
const es5 = lint("src/taskpane/webview-check.js", "(function () {\n  var f = function () { return window.document; };\n  f();\n})();\n");

test("the Office.js rules hold in the code that drives Excel", () => {
  const found = rules(officeJs());
  expect(found).toContain("office-addins/load-object-before-read");
  expect(found).toContain("office-addins/no-context-sync-in-loop");
  expect(rules(officeJsFixed())).not.toContain("office-addins/load-object-before-read");
});

test("ExcelJS code is not taken for Office.js", () => {
  expect(excelJs()).toEqual([]);
  expect(rules(excelJsAsOfficeJs())).toContain("office-addins/load-object-before-read");
});

test("webview-check.js is linted as ES5: newer syntax does not parse", () => {
  expect(es2015()).toHaveLength(1);
  expect(es2015()[0]!.message).toMatch(/Parsing error/);
  expect(es5()).toEqual([]);
});

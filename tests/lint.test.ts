// The lint configuration (tests/lint/eslint.config.mjs) does what it says: Microsoft's Office.js rules on the code
// that drives Excel and not on ExcelJS code, ES5 for the pages' first script. Each case lints a few lines as if
// they were a file of src/, through ESLint's command line as `npm run lint` runs it.
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

interface Problem {
  ruleId: string | null;
  severity: number;
  message: string;
}

/** The problems ESLint finds in `code` as the file `file` (a path under the repository). */
function lint(file: string, code: string): Problem[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [ESLINT, "-c", "tests/lint/eslint.config.mjs", "--format", "json", "--stdin", "--stdin-filename", file], { cwd: ROOT, input: code, encoding: "utf8" });
  } catch (e) {
    // ESLint exits 1 when it found errors; its report is still on stdout.
    out = String((e as { stdout?: string }).stdout);
  }
  return (JSON.parse(out) as Array<{ messages: Problem[] }>)[0]!.messages;
}

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

test("the Office.js rules hold in the code that drives Excel", () => {
  const found = rules(lint("src/hosts/office/example.ts", OFFICE_JS));
  expect(found).toContain("office-addins/load-object-before-read");
  expect(found).toContain("office-addins/no-context-sync-in-loop");
  // Loaded and synced, it passes.
  const fixed = OFFICE_JS.replace('getRange("A1");', 'getRange("A1").load("values");\n  await context.sync();');
  expect(rules(lint("src/hosts/office/example.ts", fixed))).not.toContain("office-addins/load-object-before-read");
});

test("ExcelJS code is not taken for Office.js", () => {
  // As the .xlsx host reads a cell's fill and note before marking it (src/hosts/xlsx/workbook.ts).
  const read = (type: string) => `export const look = (ws: ${type}) => {\n  const cell = ws.getCell("A1");\n  return { fill: cell.style?.fill ?? null, note: cell.note ?? null };\n};\n`;
  expect(lint("src/hosts/xlsx/example.ts", `import type ExcelJS from "exceljs";\n${read("ExcelJS.Worksheet")}`)).toEqual([]);
  expect(rules(lint("src/hosts/office/example.ts", read("Excel.Worksheet")))).toContain("office-addins/load-object-before-read");
});

test("webview-check.js is linted as ES5: newer syntax does not parse", () => {
  const problems = lint("src/taskpane/webview-check.js", "(function () {\n  var f = () => 1;\n  f();\n})();\n");
  expect(problems).toHaveLength(1);
  expect(problems[0]!.message).toMatch(/Parsing error/);
  expect(lint("src/taskpane/webview-check.js", "(function () {\n  var f = function () { return window.document; };\n  f();\n})();\n")).toEqual([]);
});

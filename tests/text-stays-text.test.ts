// No formula and no script from a cell: text beginning with = + - @, a tab or a carriage return that
// the add-in copies into a sheet or a file it makes stays text; the pages never put cell text in as HTML.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { noticeLedgerLayout } from "../src/core/layout";
import { parseNotice } from "../src/core/notice";
import { splitLedger } from "../src/core/returns";
import { readLedger } from "../src/core";
import { OfficeHost } from "../src/hosts/office/host";
import { formBytes } from "../src/files/forms";
import { cellAt, fakeRun, newSheet } from "./fakes/excel";
import { book as bookOf } from "../src/app/book";

const RISKY = ['=HYPERLINK("http://example.invalid","点我")', "+1新增", "-区商务局", "@SUM(A1:A2)", "\t=1+1", "\r=cmd|' /C calc'!A0"];

test("a unit's form (.xlsx) keeps every such text as a string, never a formula", async () => {
  const grid = { name: "台账", rows: [["序号", "目标任务", "牵头单位", "一季度进展"], ...RISKY.map((t, i) => [i + 1, t, "区商务局", t])], merges: [] };
  const [form] = splitLedger(readLedger(grid), undefined, { year: 2026, q: 1 }).forms;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await formBytes(form!)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("进展填报")!;
  const texts: unknown[] = [];
  // The task rows (they carry the hidden key; the sign-off line below the table has none).
  ws.eachRow((row, n) => n > 2 && row.getCell(10).value && texts.push(row.getCell(3).value, row.getCell(9).value));
  // (The ledger's reader trims leading tabs and line breaks; what is left starts with "=" and is still text.)
  expect(texts).toEqual(RISKY.flatMap((t) => [t.trim(), t.trim()]));
  ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
});

test("in Excel, a sheet the add-in adds and the cells it writes take such text as text", async () => {
  const model = { sheets: [newSheet("台账", [["序号", "目标任务", "牵头单位", "一季度进展"], [1, "任务", "区商务局", ""]])], active: "台账", settings: new Map<string, unknown>() };
  const host = new OfficeHost(fakeRun(model).run, { mergedAreas: true, rangeAreas: true, notes: true });
  const items = parseNotice(RISKY.map((t, i) => `${i + 1}.${t.replace(/[\t\r]/g, "")}\n责任单位：区商务局`).join("\n"));
  await bookOf(host).addSheet(noticeLedgerLayout(items, "导入的台账"));
  const added = model.sheets.find((s) => s.name === "导入的台账")!;
  for (const [key, c] of added.cells) expect([key, typeof c.value === "object" && c.value !== null ? "formula" : "value"]).toEqual([key, "value"]);
  await bookOf(host).writeCells("台账", [{ cell: "D2", text: RISKY[0]! }], "合并回报 2026Q1");
  expect(cellAt(model.sheets[0]!, "D2")).toMatchObject({ value: RISKY[0], numberFormat: "@" });
  await bookOf(host).setTexts("台账", [{ cell: "C2", text: RISKY[2]! }]);
  expect(cellAt(model.sheets[0]!, "C2")).toMatchObject({ value: RISKY[2], numberFormat: "@" });
});

test("the pane and the preview never put text in as HTML, nor run text as code", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(__dirname, "..", "src"));
  expect(files.length).toBeGreaterThan(40);
  const found = files.flatMap((f) => {
    // Mutation testing (npm run mutate) runs the tests over instrumented copies, whose own header
    // looks for the global object with new Function: that header is not ours, and is left out.
    const text = fs.readFileSync(f, "utf8").replace(/^[\s\S]*?function stryNS_9fa48\(\)[\s\S]*?\n}\n/, "");
    return [/dangerouslySetInnerHTML/, /\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/].filter((re) => re.test(text)).map((re) => `${path.relative(process.cwd(), f)}: ${re}`);
  });
  expect(found).toEqual([]);
});

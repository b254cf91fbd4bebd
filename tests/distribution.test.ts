// 分发 and 合并回报 as the pane does them, over the Office host (fake Excel) and the .xlsx host, on the
// 2026 Jiang'an seed ledger: the forms are the command line's, the merge is one batch that undoes exactly.
import ExcelJS from "exceljs";
import { METADATA_SHEET } from "../src/core/metadata";
import { parseQuarter } from "../src/core/quarter";
import { OfficeHost } from "../src/hosts/office/host";
import { createApp, mergeReportSections, notReturnText, type WorkbookPort } from "../src/app";
import { sheetGrid } from "../src/hosts/xlsx/grid";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { formFiles, readFormBytes } from "../src/files/forms";
import { parseA1 } from "../src/core/address";
import { cellAt, fakeRun, newSheet, NO_FILL, type FakeSheet, type FakeWorkbookModel } from "./fakes/excel";
import { duban, LEDGER_2026, tempDir } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";
import { filledForm } from "./helpers/filledForm";
import * as fs from "fs";
import JSZip from "jszip";
import { problemOf } from "./helpers/app";
import { book as bookOf } from "../src/app/book";
import { CUMULATIVE_DIRECTORY, cumulativeLedger } from "./helpers/cumulative";

const Q1 = parseQuarter("2026Q1")!;
const SHEET = "2026年责任分解";

const seedModel = () => fakeModelOf(LEDGER_2026, SHEET);

/** The use cases over a workbook, as the pane has them. */
const appOf = (port: WorkbookPort) => createApp({ port, today: () => new Date(2026, 10, 22), forms: async () => formFiles });

/** A unit's form filled in: progress for the rows the function gives text for. */
async function filled(host: WorkbookPort, unit: string, text: (no: string) => string | undefined): Promise<{ name: string; bytes: Uint8Array }> {
  return filledForm(appOf(host), Q1, unit, (no, row) => {
    const t = text(no);
    if (t !== undefined) row.getCell(9).value = t;
  });
}

/** Every cell of a sheet as value and number format (an empty cell and a missing one are the same). */
function look(s: FakeSheet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, c] of s.cells) if (c.value !== "" && c.value !== null) out[k] = JSON.stringify([c.value, c.numberFormat]);
  return out;
}

describe("分发", () => {
  test("the pane's forms are the command line's: as many, the same names, the same rows", async () => {
    const host = new OfficeHost(fakeRun(await seedModel()).run, { mergedAreas: true, rangeAreas: true, notes: true });
    const plan = await appOf(host).planForms({ quarter: Q1 });
    expect(plan.tasks).toBe(184);
    const dir = tempDir("forms");
    await duban("split", LEDGER_2026, "--quarter", "2026Q1", "-o", dir);
    const cli = fs.readdirSync(dir).sort();
    expect(plan.forms).toHaveLength(cli.length);
    const file = await appOf(host).formFile(plan.forms.find((f) => f.unit === "区发展和改革局")!);
    expect(cli).toContain(file.name);
    const fromPane = await readFormBytes(file.bytes, file.name);
    const fromCli = await readFormBytes(fs.readFileSync(`${dir}/${file.name}`), file.name);
    expect(fromPane).toEqual(fromCli);
    expect(fromPane.rows.length).toBeGreaterThan(10);
  });

  test("全部下载: one .zip holding every form, each a form again when read back", async () => {
    const host = new XlsxHost(await new ExcelJS.Workbook().xlsx.readFile(LEDGER_2026));
    const plan = await appOf(host).planForms({ quarter: Q1 });
    const zip = await appOf(host).formsZipFile(plan);
    expect(zip.name).toBe(`${SHEET}-2026Q1进展填报表（${plan.forms.length}个单位）.zip`);
    const entries = await JSZip.loadAsync(zip.bytes);
    const names = Object.keys(entries.files);
    expect(names).toHaveLength(plan.forms.length);
    const one = await entries.file(names[0]!)!.async("uint8array");
    expect((await readFormBytes(one, names[0]!)).unit).toBe(plan.forms[0]!.unit);
  });

  test("a ledger whose tasks have no units says so", async () => {
    const model: FakeWorkbookModel = { sheets: [newSheet("台账", [["序号", "目标任务", "牵头单位", "一季度进展"], [1, "建设学校", "", ""]])], active: "台账", settings: new Map() };
    const host = new OfficeHost(fakeRun(model).run, { mergedAreas: true, rangeAreas: true, notes: true });
    expect(await problemOf(appOf(host).planForms({ quarter: Q1 }))).toContain("任务都没有责任单位：请先填写“牵头单位”或“责任单位”列");
  });
});

describe("合并回报 in Excel (fake)", () => {
  test("plan, write as one batch, then undo: the ledger is as it was, cell for cell", async () => {
    const model = await seedModel();
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, { mergedAreas: true, rangeAreas: true, notes: true });
    const ledger = model.sheets.find((s) => s.name === SHEET)!;
    const before = look(ledger);
    const app = appOf(host);
    const returned = await app.readReturnFiles([
      await filled(host, "区发展和改革局", (no) => `序号${no}：已完成年度目标的25%。`),
      // Text a spreadsheet would take for a formula stays text in the ledger.
      await filled(host, "区商务局", (no) => (no === "3" ? "=SUM(1,2) 举办促消费活动12场" : undefined)),
      { name: "说明.txt", bytes: new TextEncoder().encode("不是工作簿") },
    ]);
    expect(returned.notReturns.map((n) => notReturnText(n))).toEqual(["“说明.txt”不是 .xlsx 工作簿（扩展名为 .txt）：应为用 Excel 或 WPS 保存的 .xlsx 文件。"]);
    const plan = await app.planMerge(returned, { quarter: Q1 });
    expect(plan.returns.map((r) => r.unit)).toEqual(["区发展和改革局", "区商务局"]);
    // Planning writes nothing.
    expect(look(ledger)).toEqual(before);
    const leads = plan.returns[0]!.rows.length;
    expect(plan.edits.length).toBe(leads + 1);
    const sections = mergeReportSections(plan);
    expect(sections.map((s) => s.title)).toEqual(["不是填报表的文件", "牵头单位未填报的任务", "提交前检查（与单位在填报表中看到的相同）"]);
    // Each form's 提交前检查, as its unit saw it: one filled in whole is ready; one with a task left says which, in 检查's words.
    const ready = sections[2]!.items;
    expect(ready[0]).toBe("“区发展和改革局-回报.xlsx”（区发展和改革局）：可以保存并交回");
    expect(ready[1]).toMatch(/^“区商务局-回报.xlsx”（区商务局）：\d+ 项任务中还有 \d+ 项待完善：序号\d+ · I\d+：未填进展/);
    expect(ready[1]).not.toMatch(/序号3 · /);

    fake.reset();
    const done = await app.writeMerge(plan);
    expect(done.edits).toEqual(plan.edits);
    // Read the ledger again (2 syncs for the fresh plan), read the cells, write: 4 syncs in all.
    expect(fake.syncs).toBe(4);
    const sample = done.edits.find((e) => e.text.startsWith("="))!;
    expect(cellAt(ledger, sample.cell)).toMatchObject({ value: "=SUM(1,2) 举办促消费活动12场", numberFormat: "@" });
    expect(cellAt(ledger, done.edits[0]!.cell)!.value).toBe(done.edits[0]!.text);
    expect(await app.lastMerge()).toEqual({ label: "合并回报 2026Q1", cells: done.edits.length });

    const undone = await bookOf(host).undoWrites();
    expect(undone).toEqual({ label: "合并回报 2026Q1", restored: done.edits.length, kept: [] });
    expect(look(ledger)).toEqual(before);
    expect(await app.lastMerge()).toBeUndefined();
    expect(await bookOf(host).undoWrites()).toBeUndefined();
  });

  test("undo leaves a cell someone changed after the merge as it is now, and says which", async () => {
    const model = await seedModel();
    const host = new OfficeHost(fakeRun(model).run, { mergedAreas: true, rangeAreas: true, notes: true });
    const ledger = model.sheets.find((s) => s.name === SHEET)!;
    const app = appOf(host);
    const plan = await app.planMerge(await app.readReturnFiles([await filled(host, "区商务局", () => "举办促消费活动12场。")]), { quarter: Q1 });
    const done = await app.writeMerge(plan);
    const [first, second] = done.edits;
    cellAt(ledger, first!.cell)!.value = "审核后改写的进展";
    const undone = await bookOf(host).undoWrites();
    expect(undone?.kept).toEqual([`${SHEET}!${first!.cell}`]);
    expect(undone?.restored).toBe(done.edits.length - 1);
    expect(cellAt(ledger, first!.cell)!.value).toBe("审核后改写的进展");
    expect(cellAt(ledger, second!.cell)!.value).toBe("");
  });

  test("the ledger changed between plan and write: the write follows the ledger as it is now", async () => {
    const model = await seedModel();
    const host = new OfficeHost(fakeRun(model).run, { mergedAreas: true, rangeAreas: true, notes: true });
    const ledger = model.sheets.find((s) => s.name === SHEET)!;
    const app = appOf(host);
    const plan = await app.planMerge(await app.readReturnFiles([await filled(host, "区商务局", () => "举办促消费活动12场。")]), { quarter: Q1 });
    // Someone fills one of those cells by hand before pressing 写入台账.
    const p = parseA1(plan.edits[0]!.cell)!;
    ledger.cells.set(`${p.row},${p.col}`, { value: "手工填写的进展", fill: { ...NO_FILL }, numberFormat: "General" });
    const done = await app.writeMerge(plan);
    expect(done.report.replaced.map((r) => r.cell)).toEqual([plan.edits[0]!.cell]);
    expect(mergeReportSections(done).map((s) => s.title)).toContain("覆盖了台账原有内容（原内容如下）");
  });
});

describe("合并回报 in the .xlsx host", () => {
  test("write then undo restores every cell's value, rich text and dates included", async () => {
    const wb = await new ExcelJS.Workbook().xlsx.readFile(LEDGER_2026);
    const host = new XlsxHost(wb);
    const ws = wb.getWorksheet(SHEET)!;
    const app = appOf(host);
    const plan = await app.planMerge(await app.readReturnFiles([await filled(host, "区发展和改革局", (no) => `第${no}项进展`)]), { quarter: Q1 });
    // Cells that held something before: rich text, a date, a formula.
    const [a, b, c] = plan.edits.map((e) => e.cell);
    ws.getCell(a!).value = { richText: [{ text: "旧" }, { text: "进展", font: { bold: true } }] };
    ws.getCell(b!).value = new Date(Date.UTC(2026, 2, 31));
    ws.getCell(c!).value = { formula: "1+1", result: 2 };
    const before = JSON.stringify(sheetGrid(ws).rows);
    const raw = [a, b, c].map((x) => JSON.stringify(ws.getCell(x!).value));
    const done = await app.writeMerge(plan);
    expect(done.report.replaced).toHaveLength(3);
    expect(ws.getCell(a!).value).toBe(done.edits[0]!.text);
    expect(wb.getWorksheet(METADATA_SHEET)?.state).toBe("veryHidden");
    const undone = await bookOf(host).undoWrites();
    expect(undone?.restored).toBe(done.edits.length);
    expect(JSON.stringify(sheetGrid(ws).rows)).toBe(before);
    expect([a, b, c].map((x) => JSON.stringify(ws.getCell(x!).value))).toEqual(raw);
    expect(ws.getCell(b!).value).toBeInstanceOf(Date);
    expect(wb.getWorksheet(METADATA_SHEET)).toBeUndefined();
  });
});

describe("a ledger whose one progress column accumulates the quarters, in the .xlsx host", () => {
  test("the form's files show the cell so far and take the quarter's part; the merge adds it with the cell's label", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("台账").addRows(cumulativeLedger("month"));
    book.addWorksheet("部门目录").addRows(CUMULATIVE_DIRECTORY);
    const host = new XlsxHost(book);
    const app = appOf(host);
    const Q3 = parseQuarter("2026Q3")!;
    const plan = await app.planForms({ quarter: Q3 });
    const file = await app.formFile(plan.forms.find((f) => f.unit === "区园林局")!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("进展填报")!;
    expect([ws.getCell("H2").value, ws.getCell("I2").value]).toEqual(["此前各季度进展", "三季度进展"]);
    expect([ws.getCell("H4").value, ws.getCell("I4").value]).toEqual(["1-3月：完成5个公园的设计方案；4—6月：开工3个，完成投资600万元。", ""]);
    ws.getCell("I4").value = "建成口袋公园2个，其余3个完成主体施工。";
    const returned = await app.readReturnFiles([{ name: "区园林局-回报.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }]);
    const done = await app.writeMerge(await app.planMerge(returned, { quarter: Q3 }));
    expect(done.edits.map((e) => e.cell)).toEqual(["E4"]);
    expect(book.getWorksheet("台账")!.getCell("E4").value).toBe("1-3月：完成5个公园的设计方案；4—6月：开工3个，完成投资600万元；7—9月：建成口袋公园2个，其余3个完成主体施工。");
  });
});

// A corpus of bad ledgers, each a real .xlsx file built here, each with its expected outcome: the right
// result, or a clear Chinese message that says what was expected and where. No run changes the file.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { ledgerOf, openWorkbook } from "../src/app";
import { check, readDirectory } from "../src/core";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { sheetGrid } from "../src/hosts/xlsx/grid";
import { syntheticDirectoryRows, syntheticLedgerRows, syntheticUnits } from "./helpers/syntheticLedger";
import { duban, openBook, sha, tempDir } from "./helpers/cli";

const dir = tempDir("corpus");
const HEADER = ["序号", "工作类目", "目标任务", "牵头单位", "配合单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展"];
const DIRECTORY = [["单位名称", "别名", "曾用名"], ["区发展和改革局", "区发改局", "区计委"], ["区财政局", "财政局", ""], ["区教育局", "", ""], ["区商务局", "", ""]];

interface Outcome {
  code: number;
  out: string;
  err: string;
  json?: { headerRow: number; tasks: number; notes: string[]; findings: { kind: string; cell: string; message: string; suggestions?: string[] }[] };
}

/** Writes the workbook, checks it with `duban check --json` (and the args), and proves the file unchanged. */
async function checked(name: string, build: (wb: ExcelJS.Workbook) => void, ...args: string[]): Promise<Outcome> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  const before = sha(file);
  const r = await duban("check", file, "--json", "--today", "2026-11-22", ...args);
  expect(sha(file)).toBe(before);
  if (r.code !== 2) return { ...r, json: JSON.parse(r.out) };
  // Bad input with --json: one JSON object on stdout, with the error's code and message, and nothing on stderr.
  const { error } = JSON.parse(r.out) as { error: { code: string; message: string } };
  expect(error.code).toMatch(/^[a-z-]+$/);
  expect(r.err).toBe("");
  return { ...r, err: error.message };
}

function ledgerSheet(wb: ExcelJS.Workbook, rows: ExcelJS.CellValue[][], name = "2026年责任分解", options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, options);
  ws.addRows(rows);
  return ws;
}

function directorySheet(wb: ExcelJS.Workbook, rows: ExcelJS.CellValue[][] = DIRECTORY): void {
  wb.addWorksheet("部门目录").addRows(rows);
}

const TASK = (no: number, lead = "区发展和改革局", progress: ExcelJS.CellValue = "截至9月底，完成投资12.5亿元，占年度目标的85%。") => [no, "经济发展", `第${no}项任务：新建项目3个`, lead, "", "年底前", "", "", progress, ""];

describe("sheets that are not ledgers get a message saying what was expected", () => {
  test("an empty sheet", async () => {
    const r = await checked("empty", (wb) => wb.addWorksheet("Sheet1"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("工作表“Sheet1”是空的：请打开台账所在的工作表（应有表头行，如“序号”“目标任务”“责任单位”");
  });

  test("only a title", async () => {
    const r = await checked("title", (wb) => ledgerSheet(wb, [["2026年政府工作报告责任分解台账"]]));
    expect(r.code).toBe(2);
    expect(r.err).toContain("工作表“2026年责任分解”的前 20 行中没有找到台账表头");
    expect(r.err).toContain("--header-row");
  });

  test("English headers", async () => {
    const r = await checked("english", (wb) => ledgerSheet(wb, [["No.", "Task", "Lead unit", "Deadline", "Q3 progress"], [1, "Build a school", "Education", "2026-12-31", ""]]));
    expect(r.code).toBe(2);
    expect(r.err).toContain("应有“序号”“目标任务（或工作任务、目标和要求）”“责任单位（或牵头单位、主要责任部门）”等列名");
  });
});

describe("headers in odd places", () => {
  test("two candidate header rows: a small table above, the ledger's header below", async () => {
    const r = await checked("two-headers", (wb) => {
      ledgerSheet(wb, [["序号", "说明"], [1, "本表由区政府办汇总"], [], HEADER, TASK(1), TASK(2)]);
      directorySheet(wb);
    }, "--quarter", "2026Q3");
    expect(r.json).toMatchObject({ headerRow: 4, tasks: 2 });
    expect(r.json!.findings).toEqual([]);
  });

  test("the header in row 19 is found; in row 23, the message says how to point at it, and --header-row does", async () => {
    const blank = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? ["2026年责任分解"] : []));
    const at19 = await checked("header-19", (wb) => ledgerSheet(wb, [...blank(18), HEADER, TASK(1)]), "--quarter", "2026Q3");
    expect(at19.json).toMatchObject({ headerRow: 19, tasks: 1 });
    const at23 = await checked("header-23", (wb) => ledgerSheet(wb, [...blank(22), HEADER, TASK(1)]), "--quarter", "2026Q3");
    expect(at23.code).toBe(2);
    expect(at23.err).toContain("前 20 行中没有找到台账表头");
    const pointed = await checked("header-23b", (wb) => ledgerSheet(wb, [...blank(22), HEADER, TASK(1)]), "--quarter", "2026Q3", "--header-row", "23");
    expect(pointed.json).toMatchObject({ headerRow: 23, tasks: 1 });
  });

  test("merged cells across the header and the body: the header's label is not taken for a category", async () => {
    const r = await checked("merged-header-body", (wb) => {
      const ws = ledgerSheet(wb, [["2026年责任分解"], HEADER, TASK(1), TASK(2), TASK(3)]);
      ws.mergeCells("A1:J1");
      ws.mergeCells("B2:B4"); // 工作类目 merged from the header down over two tasks
      directorySheet(wb);
    }, "--quarter", "2026Q3");
    expect(r.json).toMatchObject({ headerRow: 2, tasks: 3 });
    expect(r.json!.findings).toEqual([]);
    const wb = await openBook(path.join(dir, "merged-header-body.xlsx"));
    const result = check(sheetGrid(wb.getWorksheet("2026年责任分解")!), undefined, { quarter: { year: 2026, q: 3 } });
    expect(result.ledger.tasks.map((t) => t.category.join("/"))).not.toContain("工作类目");
  });
});

describe("rows and values", () => {
  test("hidden and filtered rows are checked too, and the check says which rows were hidden", async () => {
    const r = await checked("hidden", (wb) => {
      const ws = ledgerSheet(wb, [HEADER, TASK(1), TASK(2, "区发展和改革局", ""), TASK(3, "区发展和改革局", ""), TASK(4)]);
      ws.autoFilter = "A1:J5";
      ws.getRow(3).hidden = true;
      ws.getRow(4).hidden = true;
      directorySheet(wb);
    }, "--quarter", "2026Q3");
    expect(r.json!.tasks).toBe(4);
    expect(r.json!.findings.map((f) => f.cell)).toEqual(["I3", "I4"]);
    expect(r.json!.notes).toContain("第 3–4 行被隐藏或筛选掉（2 项任务），已一并检查；定位到这些行之前请先取消筛选或隐藏。");
  });

  test("formulas give their results; #REF! and #N/A are named as errors, not as units or progress", async () => {
    const r = await checked("formulas", (wb) => {
      ledgerSheet(wb, [
        HEADER,
        [1, "经济发展", "新建项目3个", { formula: '"区发展"&"和改革局"', result: "区发展和改革局" }, "", "年底前", "", "", { formula: '"已开工"&"3个，完成投资2亿元。"', result: "已开工3个，完成投资2亿元。" }, ""],
        [2, "经济发展", "新建学校2所", { error: "#REF!" }, "", "年底前", "", "", { error: "#N/A" }, ""],
      ]);
      directorySheet(wb);
    }, "--quarter", "2026Q3");
    expect(r.json!.findings.map((f) => [f.kind, f.cell, f.message])).toEqual([
      ["missing-unit", "D3", "序号2（第3行）的责任单位是错误值“#REF!”（公式出错）：请在 D3 改为写明单位名称。"],
      ["missing-progress", "I3", "序号2（第3行）三季度进展是错误值“#N/A”（公式出错），不是进展：请在 I3 改为填写本季度进展（报送截止 2026-10-10）。"],
    ]);
  });

  test("deadlines as dates, serial numbers and words: only the ones before the quarter's end are overdue", async () => {
    const deadlines: ExcelJS.CellValue[] = [new Date(Date.UTC(2026, 2, 31)), 46203, "2026年6月底", "6月30日前", "年底前", "长期", "三季度末", "2026年12月"];
    const r = await checked("deadlines", (wb) => {
      ledgerSheet(wb, [HEADER, ...deadlines.map((d, i) => [i + 1, "经济发展", `第${i + 1}项任务`, "区财政局", "", d, "", "", "", ""])]);
      directorySheet(wb);
    }, "--quarter", "2026Q2");
    // Q2 ends on 30 June: 31 March is past, 30 June (serial 46203, 6月底, 6月30日前) is not yet past.
    expect(r.json!.findings.filter((f) => f.kind === "overdue").map((f) => f.cell)).toEqual(["H2"]);
    const q3 = await duban("check", path.join(dir, "deadlines.xlsx"), "--json", "--quarter", "2026Q3");
    const overdue = (JSON.parse(q3.out) as NonNullable<Outcome["json"]>).findings.filter((f) => f.kind === "overdue").map((f) => f.cell);
    expect(overdue).toEqual(["I2", "I3", "I4", "I5"]);
  });

  test("30,000-character cells are read whole and the messages stay short", async () => {
    const long = "截至9月底，" + "推进项目建设，".repeat(4300);
    expect(long.length).toBeGreaterThan(30000);
    const r = await checked("long", (wb) => {
      ledgerSheet(wb, [HEADER, [1, "经济发展", long, "区发展和改革局、区财政局、" + "区不存在局".repeat(10), "", "年底前", "", "", long, ""]]);
      directorySheet(wb);
    }, "--quarter", "2026Q3");
    expect(r.json!.tasks).toBe(1);
    for (const f of r.json!.findings) expect(f.message.length).toBeLessThan(300);
    // Every character of the long cells is read, to their last words.
    const ledger = ledgerOf(await openWorkbook(new XlsxHost(await openBook(path.join(dir, "long.xlsx")))));
    expect(ledger.tasks[0]!.text.text).toBe(long);
    expect(ledger.tasks[0]!.progress[3]?.text ?? ledger.tasks[0]!.progress.any?.text).toBe(long);
  });

  test("50,000 rows are read and checked, every task counted", () => {
    const units = syntheticUnits(200);
    const grid = { name: "台账", rows: syntheticLedgerRows(50000, units), merges: [] };
    const directory = readDirectory({ name: "部门目录", rows: syntheticDirectoryRows(units), merges: [] });
    const result = check(grid, directory, { quarter: { year: 2026, q: 3 } });
    expect(result.ledger.tasks).toHaveLength(50000);
    for (const f of result.findings.slice(-5)) expect(f.row).toBeLessThanOrEqual(grid.rows.length);
  });
});

describe("workbooks that need care", () => {
  test("a protected sheet is checked as it is, and the file is not touched", async () => {
    const r = await checked("protected", (wb) => {
      const ws = ledgerSheet(wb, [HEADER, TASK(1, "区发改局", "")]);
      void ws.protect("", {});
      directorySheet(wb);
    }, "--quarter", "2026Q3");
    expect(r.json!.findings.map((f) => f.kind)).toEqual(["missing-progress"]);
  });

  test("a person's sheet named like a summary sheet is never replaced: the summary takes another name", async () => {
    const file = path.join(dir, "summary-name.xlsx");
    const wb = new ExcelJS.Workbook();
    ledgerSheet(wb, [HEADER, TASK(1)]);
    directorySheet(wb);
    wb.addWorksheet("2026年第三季度汇总").addRows([["我自己做的汇总"], ["区发展和改革局", 3]]);
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "summary-name-out.xlsx");
    const r = await duban("summary", file, "--quarter", "2026Q3", "--today", "2026-11-22", "-o", out);
    expect(r.code).toBe(0);
    const written = await openBook(out);
    expect(written.getWorksheet("2026年第三季度汇总")!.getCell("A1").value).toBe("我自己做的汇总");
    expect(written.getWorksheet("2026年第三季度汇总(2)")).toBeDefined();
  });

  test("a directory with a duplicate name and an alias two units share: the rows are named, the shared alias is not guessed", async () => {
    const r = await checked("directory-duplicates", (wb) => {
      ledgerSheet(wb, [HEADER, TASK(1, "财政局"), TASK(2, "区财政局")]);
      directorySheet(wb, [...DIRECTORY, ["区财政局", "", ""], ["市财政局", "财政局", ""]]);
    }, "--quarter", "2026Q3");
    expect(r.json!.notes).toEqual([
      "部门目录第 6 行的单位名称“区财政局”与第 3 行重复：只用第 3 行，请删去或合并重复的一行。",
      "别名“财政局”同时属于“区财政局”（第 3 行）和“市财政局”（第 7 行）：写作“财政局”的单位无法确定是哪一个，请只在一个单位下保留这个别名。",
    ]);
    const shared = r.json!.findings.filter((f) => f.kind === "unknown-unit");
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ cell: "D2", suggestions: ["区财政局", "市财政局"] });
    expect(shared[0]!.message).toBe("D2 中的“财政局”是部门目录中几个单位共用的简称（区财政局、市财政局）：请写明是哪一个。");
  });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

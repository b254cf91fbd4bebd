// 边填边查 over the plain-data port: a person types into the 2019 ledger after a check, and the cells
// changed (as Excel's onChanged names them) are checked again in one read, with nothing written; then
// edits of every shape: a whole row or column changed, an area named in a way not read, a cell emptied
// or dated, an error value, a row typed below the table, and the settings of the last check kept.
import { recheckOutcome, parseChangedArea } from "../../src/app/recheck";
import { runCheck, type CheckOutcome } from "../../src/app/check";
import { columnLetter } from "../../src/core/address";
import type { CellValue } from "../../src/core/types";
import { portOf, seedPort, setMetadata, SEED_2019, type SheetsPort } from "./seeds";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";

const NOV_2019 = new Date(2019, 10, 20);
const SHEET = "进展情况";

describe("re-checking the 2019 ledger as a person types", () => {
  let port: SheetsPort;
  let last: CheckOutcome;
  let progress: string;
  beforeEach(async () => {
    port = await seedPort(SEED_2019);
    last = await runCheck(port, NOV_2019);
    progress = columnLetter(last.result.ledger.columns.find((c) => c.role === "progress")!.col);
  });

  /** The rows of tasks the last check found nothing wrong with. */
  const cleanRows = () => last.result.assessments.filter((a) => a.progress === "ok" && !a.overdue && !last.result.findings.some((f) => f.row === a.task.row)).map((a) => a.task.row);
  /** What a full check of the workbook as it is now finds (without marking). */
  const fullFindings = async () => (await runCheck(port, NOV_2019, { mark: false, quarter: last.result.quarter })).result.findings;

  test("正在推进 typed into a task's progress: listed as 进展只有套话, in one read, nothing written", async () => {
    const row = cleanRows()[0]!;
    const cell = `${progress}${row}`;
    const was = port.cell(SHEET, cell).value;
    port.cell(SHEET, cell).value = "正在推进";
    const reads = port.reads.length;
    const applied = port.applied.length;
    const again = await recheckOutcome(port, last, [cell]);
    expect(port.reads.length - reads).toBe(1);
    expect(port.applied.length).toBe(applied);
    expect(again).toMatchObject({ rowsChanged: 1, full: false, marked: last.marked });
    expect(again.result.findings.filter((f) => f.row === row)).toMatchObject([{ kind: "placeholder-progress", cell, value: "正在推进" }]);
    expect(again.result.findings).toEqual(await fullFindings());
    // The outcome carries the sheet as read now: the next change is compared with it, so the text
    // typed back as it was counts as a change, and the finding goes.
    port.cell(SHEET, cell).value = was;
    const after = await recheckOutcome(port, again, [cell]);
    expect(after.rowsChanged).toBe(1);
    expect(after.result.findings.filter((f) => f.row === row)).toEqual([]);
    expect(after.result.findings).toEqual(last.result.findings);
  });

  test("a paste over many rows (one range, as onChanged gives it) is one re-check", async () => {
    const rows = cleanRows().slice(0, 8);
    for (const r of rows) port.cell(SHEET, `${progress}${r}`).value = "暂无";
    const again = await recheckOutcome(port, last, [`${progress}${rows[0]}:${progress}${rows.at(-1)}`]);
    expect(again.rowsChanged).toBe(rows.length);
    expect(again.full).toBe(false);
    expect(again.result.findings.filter((f) => f.kind === "placeholder-progress" && rows.includes(f.row))).toHaveLength(rows.length);
    expect(again.result.findings).toEqual(await fullFindings());
  });

  test("the add-in's own marks change no value: an event over the marked cells does no work", async () => {
    // The check above filled and annotated these cells.
    const marked = [...new Set(last.result.findings.map((f) => f.cell))];
    expect(port.cell(SHEET, marked[0]!).fill).not.toBeNull();
    const again = await recheckOutcome(port, last, marked);
    expect(again.rowsChanged).toBe(0);
    expect(again.result).toBe(last.result);
  });

  test("a value typed again as it was, or a change below the table that leaves cells empty: no work", async () => {
    const row = cleanRows()[0]!;
    const cell = `${progress}${row}`;
    port.cell(SHEET, cell).value = port.cell(SHEET, cell).value;
    const height = last.workbook.ledger.rows.length;
    const again = await recheckOutcome(port, last, [cell, `A${height + 5}:Z${height + 9}`]);
    expect(again.rowsChanged).toBe(0);
    expect(again.result).toBe(last.result);
  });

  test("a cell of the header edited: the whole sheet is checked again, and says so", async () => {
    const header = last.result.ledger.headerRow;
    const lead = columnLetter(last.result.ledger.columns.find((c) => c.role === "lead")!.col);
    port.cell(SHEET, `${lead}${header}`).value = "责任单位";
    const again = await recheckOutcome(port, last, [`${lead}${header}`]);
    expect(again).toMatchObject({ full: true, fallback: "header" });
    expect(again.result.findings).toEqual(await fullFindings());
  });

  const set = (cell: string, value: CellValue) => {
    port.cell(SHEET, cell).value = value as string;
  };

  test("whole rows and a whole column, as onChanged names them: the rows whose values changed, checked as a full check finds them", async () => {
    const [a, b, c] = cleanRows();
    set(`${progress}${a}`, "正在推进");
    set(`${progress}${c}`, "暂无");
    const byRows = await recheckOutcome(port, last, [`${a}:${c}`]);
    expect(byRows).toMatchObject({ rowsChanged: 2, full: false });
    expect(byRows).not.toHaveProperty("fallback");
    expect(byRows.result.findings).toEqual(await fullFindings());
    const byColumn = await recheckOutcome(port, last, [`${progress}:${progress}`]);
    expect(byColumn.rowsChanged).toBe(2);
    expect(byColumn.result.findings).toEqual(byRows.result.findings);
    // The same row named twice, in two areas that overlap, is one row.
    expect((await recheckOutcome(port, last, [`${progress}${a}`, `${SHEET}!$${progress}$${a}:$${progress}$${b}`])).rowsChanged).toBe(1);
    expect(b).toBeGreaterThan(a!);
  });

  test("a change outside the area an event names is not that event's: rows below it, columns beside it", async () => {
    const [a, b] = cleanRows();
    set(`${progress}${a}`, "正在推进");
    set(`${progress}${b}`, "暂无");
    // The event names only row a's progress cell; row b changed too, but its own event will come.
    expect((await recheckOutcome(port, last, [`${progress}${a}`])).rowsChanged).toBe(1);
    // An area left of the progress column, over both rows: their values there are as they were.
    expect((await recheckOutcome(port, last, [`A${a}:B${b}`])).rowsChanged).toBe(0);
  });

  test("an area named in a way not read: every row is compared, and only those changed are checked again", async () => {
    const [a] = cleanRows();
    set(`${progress}${a}`, "正在推进");
    const again = await recheckOutcome(port, last, ["R1C1:R2C2"]);
    expect(again.rowsChanged).toBe(1);
    expect(again.result.findings).toEqual(await fullFindings());
  });

  test("an empty cell given an empty text is no change; a text emptied is one", async () => {
    const [a, b] = cleanRows();
    const blank = `Z${a}`;
    set(blank, "");
    const none = await recheckOutcome(port, last, [blank]);
    expect(none).toMatchObject({ rowsChanged: 0, full: false });
    expect(none.result).toBe(last.result);
    // The empty text read by a check, then cleared: no change either.
    last = await runCheck(port, NOV_2019, { mark: false });
    set(blank, null);
    expect((await recheckOutcome(port, last, [blank])).rowsChanged).toBe(0);
    set(`${progress}${b}`, "");
    const emptied = await recheckOutcome(port, last, [`${progress}${b}`]);
    expect(emptied.rowsChanged).toBe(1);
    expect(emptied.result.findings.filter((f) => f.row === b).map((f) => f.kind)).toEqual(["missing-progress"]);
  });

  test("a date or an error value read again as the same is no change; another date, or another error, is one", async () => {
    const [a] = cleanRows();
    set(`Z${a}`, new Date(2019, 11, 31));
    set(`Y${a}`, { error: "#REF!" });
    last = await runCheck(port, NOV_2019, { mark: false });
    set(`Z${a}`, new Date(2019, 11, 31));
    set(`Y${a}`, { error: "#REF!" });
    expect((await recheckOutcome(port, last, [`Y${a}:Z${a}`])).rowsChanged).toBe(0);
    set(`Z${a}`, new Date(2020, 0, 31));
    expect((await recheckOutcome(port, last, [`Z${a}`])).rowsChanged).toBe(1);
    set(`Z${a}`, new Date(2019, 11, 31));
    set(`Y${a}`, { error: "#N/A" });
    expect((await recheckOutcome(port, last, [`Y${a}`])).rowsChanged).toBe(1);
    // The text #REF! typed over the error value is a change: a person wrote it.
    set(`Y${a}`, "#REF!");
    expect((await recheckOutcome(port, last, [`Y${a}`])).rowsChanged).toBe(1);
    // The same day at another time is another value; a text that became the error value it reads as, a change too.
    set(`Y${a}`, { error: "#REF!" });
    set(`Z${a}`, new Date(2019, 11, 31, 17, 30));
    expect((await recheckOutcome(port, last, [`Z${a}`])).rowsChanged).toBe(1);
    set(`Z${a}`, new Date(2019, 11, 31));
    set(`Y${a}`, "#REF!");
    last = await runCheck(port, NOV_2019, { mark: false });
    set(`Y${a}`, { error: "#REF!" });
    expect((await recheckOutcome(port, last, [`Y${a}`])).rowsChanged).toBe(1);
  });

  test("a task typed below the table: its row is read and checked", async () => {
    const height = last.workbook.ledger.rows.length;
    const row = height + 1;
    set(`A${row}`, 200);
    set(`D${row}`, "新建社区食堂10个。");
    set(`E${row}`, "民政局");
    const again = await recheckOutcome(port, last, [`A${row}:${progress}${row}`]);
    expect(again.rowsChanged).toBe(1);
    expect(again.result.findings).toEqual(await fullFindings());
    expect(again.result.findings.some((f) => f.row === row && f.kind === "missing-progress")).toBe(true);
  });
});

test("changed areas in the forms onChanged gives them", () => {
  expect(parseChangedArea("E12")).toEqual({ top: 11, bottom: 11, left: 4, right: 4 });
  expect(parseChangedArea("$E$12:$F$40")).toEqual({ top: 11, bottom: 39, left: 4, right: 5 });
  expect(parseChangedArea("进展情况!E40:E12")).toEqual({ top: 11, bottom: 39, left: 4, right: 4 });
  expect(parseChangedArea("12:14")).toEqual({ top: 11, bottom: 13, left: 0, right: Infinity });
  expect(parseChangedArea("E:F")).toEqual({ top: 0, bottom: Infinity, left: 4, right: 5 });
  expect(parseChangedArea("E12:40")).toBeUndefined();
  expect(parseChangedArea("")).toBeUndefined();
});

test("the settings the last check read are the re-check's: a longer shortest progress, a lower likeness to last quarter's", async () => {
  const port = portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
  setMetadata(port, { settings: JSON.stringify({ minProgressLength: 20, staleSimilarity: 0.7, headerRow: 2 }) });
  const today = new Date(2026, 10, 22);
  const Q3 = { year: 2026, q: 3 as const };
  const last = await runCheck(port, today, { quarter: Q3, mark: false });
  // Long enough for the default (8), too short for the setting: 进展只有套话 under it.
  port.cell("台账", "G4").value = "完成投资160亿元。";
  // Three quarters like the second quarter's 完成130亿元: under the default (0.9) new, under the setting a copy.
  port.cell("台账", "G3").value = "累计完成130亿元投资。";
  const again = await recheckOutcome(port, last, ["G3:G4"]);
  const full = await runCheck(port, today, { quarter: Q3, mark: false });
  expect(again.result.findings).toEqual(full.result.findings);
  expect(again.result.findings.filter((f) => f.row === 3 || f.row === 4).map((f) => [f.cell, f.kind])).toEqual([
    ["G3", "stale-progress"],
    ["G4", "placeholder-progress"],
  ]);
});

test("changed areas named with spaces around them, or in forms not read", () => {
  expect(parseChangedArea(" E12 ")).toEqual({ top: 11, bottom: 11, left: 4, right: 4 });
  expect(parseChangedArea("'进展 情况'!$G$5:$G$9")).toEqual({ top: 4, bottom: 8, left: 6, right: 6 });
  for (const address of ["E12x", "1E12", "E12x:F40", "1E12:F40", "E12:F40x", "E12:1F40", "ABCD1", "12:E", "E:12", "E12:F", ":E12", "E12:", "E12:F-1", "E-1:F2"]) expect([address, parseChangedArea(address)]).toEqual([address, undefined]);
});

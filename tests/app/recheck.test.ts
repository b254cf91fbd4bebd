// 边填边查 over the plain-data port: a person types into the 2019 ledger after a check, and the cells
// changed (as Excel's onChanged names them) are checked again in one read, with nothing written.
import { recheckOutcome, parseChangedArea } from "../../src/app/recheck";
import { runCheck, type CheckOutcome } from "../../src/app/check";
import { columnLetter } from "../../src/core/address";
import { seedPort, SEED_2019, type SheetsPort } from "./seeds";

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

// One quarter for the whole workbook, over the plain-data port: the ledger's default, the quarter the
// office last worked on (its marks, else its last summary), what is said of a quarter whose column is
// empty, the quarters refused, the ones offered, and the days to the report's due date.
import { chooseQuarter, daysToDue, emptyQuarterNote, ledgerDefaultQuarter, progressColumnEmpty, quarterChoices, recordedQuarter, reportDueDate, workbookDefaultQuarter } from "../../src/app/quarter";
import { ledgerOf, runCheck } from "../../src/app/check";
import { makeSummary } from "../../src/app/summary";
import { messageOf } from "../../src/app/messages";
import { openWorkbook } from "../../src/app/workbook";
import { EMPTY_METADATA, type Metadata } from "../../src/core/metadata";
import type { CellValue, Ledger } from "../../src/core/types";
import { portOf, seedPort, SEED_2019 } from "./seeds";

const NOV_2026 = new Date(2026, 10, 22);
const HEADER = ["序号", "目标任务", "牵头单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展"];
const ledger = async (rows: CellValue[][], name = "台账"): Promise<Ledger> => ledgerOf(await openWorkbook(portOf({ [name]: rows })));
const marks = (...cells: string[]): Metadata => ({ ...EMPTY_METADATA, marks: cells.map((cell) => ({ sheet: "台账", cell, key: "missing-progress", original: "{}" })) });
const summaries = (...keys: string[]): Metadata => ({ ...EMPTY_METADATA, summaries: keys.map((key) => ({ key, sheet: `${key}汇总`, stamp: "" })) });

// A 2025 ledger opened in November 2026: Q1–Q3 written in, Q4 not.
const ROWS: CellValue[][] = [
  ["2025年责任分解台账"],
  HEADER,
  [1, "新建口袋公园3个。", "区园林局", "2025年12月底", "完成选址3处。", "开工建设2个。", "建成2个。", ""],
  [2, "新增就业2万人。", "区人社局", "2025年12月底", "新增就业0.5万人。", "", "暂无", ""],
];
const Y2025 = (q: 1 | 2 | 3 | 4) => ({ year: 2025, q });

describe("the ledger's default quarter", () => {
  test("its year's latest ended quarter (a past year's: its fourth), stepping back to one it has a column for", async () => {
    expect(ledgerDefaultQuarter(await ledger(ROWS), NOV_2026)).toEqual(Y2025(4));
    const halves = await ledger([["2026年责任分解台账"], ["序号", "目标任务", "牵头单位", "上半年进展", "全年进展"], [1, "任务", "区财政局", "", ""]]);
    expect(ledgerDefaultQuarter(halves, NOV_2026)).toEqual({ year: 2026, q: 2 });
    // No quarter's column up to the default: the default all the same.
    const yearOnly = await ledger([["2026年责任分解台账"], ["序号", "目标任务", "牵头单位", "全年进展"], [1, "任务", "区财政局", ""]]);
    expect(ledgerDefaultQuarter(yearOnly, NOV_2026)).toEqual({ year: 2026, q: 3 });
  });

  test("the 2019 seed ledger: its one progress column answers for every quarter; opened in 2026 it is its Q4", async () => {
    const o = await runCheck(await seedPort(SEED_2019), NOV_2026, { mark: false });
    expect(ledgerDefaultQuarter(o.result.ledger, NOV_2026)).toEqual({ year: 2019, q: 4 });
    expect(ledgerDefaultQuarter(o.result.ledger, new Date(2019, 7, 1))).toEqual({ year: 2019, q: 2 });
  });
});

describe("the quarter last worked on", () => {
  let l: Ledger;
  beforeEach(async () => {
    l = await ledger(ROWS);
  });

  test("the quarter whose own column holds the marks: the most marked, a tie to the later", () => {
    expect(recordedQuarter(l, marks("G4", "C3"), NOV_2026)).toEqual(Y2025(3));
    expect(recordedQuarter(l, marks("F3", "F4", "G4"), NOV_2026)).toEqual(Y2025(2));
    expect(recordedQuarter(l, marks("F3", "G4"), NOV_2026)).toEqual(Y2025(3));
    expect(recordedQuarter(l, marks("G4", "F3"), NOV_2026)).toEqual(Y2025(3));
    expect(recordedQuarter(l, marks("C3", "D5"), NOV_2026)).toBeUndefined();
    expect(recordedQuarter(l, { ...EMPTY_METADATA, marks: [{ sheet: "别的表", cell: "G4", key: "x", original: "{}" }] }, NOV_2026)).toBeUndefined();
  });

  test("else the summary written last, of the ledger's year and a quarter it has a column for", () => {
    expect(recordedQuarter(l, summaries("2025Q2", "2025Q3"), NOV_2026)).toEqual(Y2025(3));
    expect(recordedQuarter(l, summaries("2025Q3", "2025Q2"), NOV_2026)).toEqual(Y2025(2));
    expect(recordedQuarter(l, summaries("2025Q1", "2024Q4"), NOV_2026)).toEqual(Y2025(1));
    expect(recordedQuarter(l, summaries("2025Q2", "另一张"), NOV_2026)).toEqual(Y2025(2));
    expect(recordedQuarter(l, summaries("2024Q4"), NOV_2026)).toBeUndefined();
    expect(recordedQuarter(l, { ...summaries("2025Q3"), marks: marks("F4").marks }, NOV_2026)).toEqual(Y2025(2));
  });

  test("a summary of a quarter the ledger has no column for says nothing", async () => {
    const halves = await ledger([["2025年责任分解台账"], ["序号", "目标任务", "牵头单位", "上半年进展"], [1, "任务", "区财政局", ""]]);
    expect(recordedQuarter(halves, summaries("2025Q2", "2025Q3"), NOV_2026)).toEqual(Y2025(2));
  });

  test("a ledger that names no year: the year of today's default quarter", async () => {
    const noYear = await ledger(ROWS.slice(1).map((r) => r.map((v) => (v === "2025年12月底" ? "年底前" : v))));
    expect(recordedQuarter(noYear, marks("G4"), NOV_2026)).toEqual({ year: 2026, q: 3 });
    expect(recordedQuarter(noYear, marks("G4"), new Date(2027, 0, 5))).toEqual({ year: 2026, q: 3 });
  });

  test("the pane opens on it, unless a later quarter has ended since and its column has progress", async () => {
    expect(workbookDefaultQuarter(l, EMPTY_METADATA, NOV_2026)).toEqual(Y2025(4));
    expect(workbookDefaultQuarter(l, marks("G4"), NOV_2026)).toEqual(Y2025(3));
    const filled = await ledger(ROWS.map((r, i) => (i === 2 ? [...r.slice(0, 7), "建成3个。"] : r)));
    expect(workbookDefaultQuarter(filled, marks("G4"), NOV_2026)).toEqual(Y2025(4));
    // A later quarter recorded than the one ended: kept.
    const l2026 = await ledger([["2026年责任分解台账"], ...ROWS.slice(1)]);
    expect(workbookDefaultQuarter(l2026, marks("G4"), new Date(2026, 7, 1))).toEqual({ year: 2026, q: 3 });
    expect(workbookDefaultQuarter(l2026, marks("E4"), new Date(2026, 7, 1))).toEqual({ year: 2026, q: 2 });
  });

  test("a later quarter with no column of its own (one progress column for all): the one recorded", async () => {
    const single = await ledger([["2025年责任分解台账"], ["序号", "目标任务", "牵头单位", "进展情况"], [1, "任务", "区财政局", "完成选址3处。"]]);
    expect(workbookDefaultQuarter(single, summaries("2025Q2"), NOV_2026)).toEqual(Y2025(2));
  });

  test("over the port: a check of Q3 reopens on Q3; its summary keeps it there once the marks are cleared", async () => {
    const port = portOf({ 台账: ROWS });
    await runCheck(port, NOV_2026, { quarter: Y2025(3) });
    expect((await runCheck(port, NOV_2026, { mark: false })).result.quarter).toEqual(Y2025(3));
    await makeSummary(port, NOV_2026, { quarter: Y2025(2) });
    expect((await runCheck(port, NOV_2026, { mark: false })).defaultQuarter).toEqual(Y2025(2));
  });
});

describe("a quarter whose own column is empty", () => {
  test("said, naming the latest earlier quarter with progress; nothing for a column with progress, or a single column", async () => {
    const l = await ledger(ROWS);
    expect(progressColumnEmpty(l, Y2025(4))).toBe(true);
    expect(progressColumnEmpty(l, Y2025(2))).toBe(false);
    expect(emptyQuarterNote(l, Y2025(4))).toEqual({ code: "quarter-progress-empty", sheet: "台账", quarter: "2025Q4", column: "四季度进展", previous: "2025Q3" });
    expect(emptyQuarterNote(l, Y2025(3))).toBeUndefined();
    const sparse = await ledger([["2025年责任分解台账"], HEADER, [1, "任务", "区财政局", "", "完成选址。", "", "", ""]]);
    expect(emptyQuarterNote(sparse, Y2025(4))?.previous).toBe("2025Q1");
    expect(emptyQuarterNote(sparse, Y2025(1))).toBeUndefined();
    // Spaces only are nothing written.
    const blank = await ledger([["2025年责任分解台账"], HEADER, [1, "任务", "区财政局", "", "", "  ", "", ""]]);
    expect(emptyQuarterNote(blank, Y2025(2))).toEqual({ code: "quarter-progress-empty", sheet: "台账", quarter: "2025Q2", column: "二季度进展" });
    const single = await ledger([["2025年责任分解台账"], ["序号", "目标任务", "牵头单位", "进展情况"], [1, "任务", "区财政局", ""]]);
    expect(progressColumnEmpty(single, Y2025(4))).toBe(false);
    // A ledger with no task: nothing to say.
    const none = await ledger([["2025年责任分解台账"], HEADER]);
    expect(progressColumnEmpty(none, Y2025(4))).toBe(false);
  });
});

describe("the quarter to work on", () => {
  test("the one chosen; of another year only when confirmed; a ledger with no year takes any", async () => {
    const l = await ledger(ROWS);
    expect(chooseQuarter(l, undefined, NOV_2026)).toEqual(Y2025(4));
    expect(chooseQuarter(l, Y2025(2), NOV_2026)).toEqual(Y2025(2));
    let e: unknown;
    try {
      chooseQuarter(l, { year: 2026, q: 3 }, NOV_2026);
    } catch (x) {
      e = x;
    }
    expect(messageOf(e)).toEqual({ code: "quarter-outside-year", quarter: "2026Q3", year: 2025 });
    expect(chooseQuarter(l, { year: 2026, q: 3 }, NOV_2026, true)).toEqual({ year: 2026, q: 3 });
    const noYear = await ledger(ROWS.slice(1).map((r) => r.map((v) => (v === "2025年12月底" ? "年底前" : v))));
    expect(chooseQuarter(noYear, { year: 2019, q: 1 }, NOV_2026)).toEqual({ year: 2019, q: 1 });
  });

  test("one the ledger has no progress column for is refused, naming the columns it has", async () => {
    const halves = await ledger([["2026年责任分解台账"], ["序号", "目标任务", "牵头单位", "上半年进展", "全年进展"], [1, "任务", "区财政局", "", ""]]);
    let e: unknown;
    try {
      chooseQuarter(halves, { year: 2026, q: 3 }, NOV_2026);
    } catch (x) {
      e = x;
    }
    expect(messageOf(e)).toEqual({ code: "no-progress-column", sheet: "台账", quarter: "2026Q3", columns: ["上半年进展", "全年进展"] });
  });

  test("the quarters offered: the ledger's year first, then this year's and last year's, each Q4 to Q1", () => {
    const names = (qs: { year: number; q: number }[]) => qs.map((q) => `${q.year}Q${q.q}`);
    expect(names(quarterChoices(NOV_2026, 2019))).toEqual(["2019Q4", "2019Q3", "2019Q2", "2019Q1", "2026Q4", "2026Q3", "2026Q2", "2026Q1", "2025Q4", "2025Q3", "2025Q2", "2025Q1"]);
    expect(names(quarterChoices(NOV_2026))).toEqual(["2026Q4", "2026Q3", "2026Q2", "2026Q1", "2025Q4", "2025Q3", "2025Q2", "2025Q1"]);
    expect(names(quarterChoices(NOV_2026, 2025))).toEqual(["2025Q4", "2025Q3", "2025Q2", "2025Q1", "2026Q4", "2026Q3", "2026Q2", "2026Q1"]);
  });
});

describe("the report's due date", () => {
  test("the 10th of the month after the quarter; the days to it by the calendar, whatever the hour", () => {
    expect(reportDueDate({ year: 2026, q: 3 })).toBe("2026-10-10");
    expect(reportDueDate({ year: 2026, q: 4 })).toBe("2027-01-10");
    const q3 = { year: 2026, q: 3 as const };
    expect(daysToDue(q3, new Date(2026, 9, 7, 23, 30))).toBe(3);
    expect(daysToDue(q3, new Date(2026, 9, 10, 0, 5))).toBe(0);
    expect(daysToDue(q3, new Date(2026, 9, 10, 23, 59))).toBe(0);
    expect(daysToDue(q3, new Date(2026, 9, 20))).toBe(-10);
    expect(daysToDue({ year: 2026, q: 4 }, new Date(2026, 11, 31))).toBe(10);
  });
});

// Which quarter: the ledger's year (title, sheet name, or the years its deadlines name), the latest
// quarter of it that has ended, a quarter it has a column for; other years only when confirmed.
import { chooseQuarter, createApp, emptyQuarterNote, ledgerDefaultQuarter, messageOf, progressColumnEmpty, quarterChoices, recordedQuarter, reportDueDate, say, workbookDefaultQuarter } from "../src/app";
import { EMPTY_METADATA, type Metadata } from "../src/core/metadata";
import { bookOf } from "./helpers/desk";
import { readLedger } from "../src/core";
import { defaultQuarter, lastEndedQuarter, ledgerYear, parseQuarter, quarter } from "../src/core/quarter";
import type { CellValue } from "../src/core/types";
import { errorOf as catching } from "./helpers/app";
import { grid } from "./helpers/grid";

const NOV_2026 = new Date(2026, 10, 22);
const ledger = (rows: CellValue[][], name = "台账") => readLedger(grid(rows, [], name));
const HEADER = ["序号", "目标任务", "牵头单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展"];

describe("the latest quarter ended", () => {
  test("on the first days of a year it is the last year's fourth; at the end of a quarter, the one before", () => {
    expect(lastEndedQuarter(new Date(2027, 0, 5))).toEqual({ year: 2026, q: 4 });
    expect(lastEndedQuarter(new Date(2026, 2, 31))).toEqual({ year: 2025, q: 4 });
    expect(lastEndedQuarter(new Date(2026, 3, 1))).toEqual({ year: 2026, q: 1 });
    expect(lastEndedQuarter(NOV_2026)).toEqual({ year: 2026, q: 3 });
  });
  test("by the ledger's year: a past year's ledger its fourth, this year's the latest ended (or its first), next year's its first, none the latest ended", () => {
    expect(defaultQuarter(NOV_2026, 2025)).toEqual({ year: 2025, q: 4 });
    expect(defaultQuarter(NOV_2026, 2026)).toEqual({ year: 2026, q: 3 });
    expect(defaultQuarter(new Date(2026, 1, 10), 2026)).toEqual({ year: 2026, q: 1 });
    expect(defaultQuarter(NOV_2026, 2027)).toEqual({ year: 2027, q: 1 });
    expect(defaultQuarter(new Date(2027, 0, 5))).toEqual({ year: 2026, q: 4 });
  });
});

describe("a quarter as a person types it", () => {
  test("2026Q3, 2026-q3, full-width digits, 2026年第三季度 and 2026 年 3 季度 are the third quarter of 2026", () => {
    for (const text of ["2026Q3", "2026-q3", "2026 / Q3", "２０２６Ｑ３", " 2026年第三季度 ", "2026 年 第 三 季度", "2026年3季度"]) {
      expect(parseQuarter(text)).toEqual({ year: 2026, q: 3 });
    }
  });
  test("text around a quarter, a fifth quarter or a year alone is no quarter", () => {
    for (const text of ["x2026Q3", "2026Q3x", "截至2026年第三季度", "2026年第三季度进展", "2026Q5", "2026年第五季度", "2026年", "26Q3", ""]) {
      expect(parseQuarter(text)).toBeUndefined();
    }
  });
  test("a quarter is 1 to 4", () => {
    expect(quarter(2026, 4)).toEqual({ year: 2026, q: 4 });
    for (const q of [0, 5, 2.5, NaN]) expect(() => quarter(2026, q)).toThrow(/季度应为 1 到 4/);
  });
});

describe("the ledger's year", () => {
  test("from its title, else its sheet's name, else the year most of its deadlines name", () => {
    expect(ledgerYear(ledger([["2025年责任分解台账"], HEADER, [1, "任务", "区财政局", "2026年6月底"]]))).toBe(2025);
    expect(ledgerYear(ledger([HEADER, [1, "任务", "区财政局", ""]], "2024年台账"))).toBe(2024);
    const byDeadlines = ledger([HEADER, [1, "任务一", "区财政局", "2025年6月底"], [2, "任务二", "区财政局", new Date(Date.UTC(2025, 11, 31))], [3, "任务三", "区财政局", "2026年3月"], [4, "任务四", "区财政局", "6月底前"]]);
    expect(ledgerYear(byDeadlines)).toBe(2025);
    expect(ledgerYear(ledger([HEADER, [1, "任务", "区财政局", "年底前"]]))).toBeUndefined();
    // The year of the most deadlines, wherever it comes in the rows; deadlines without a year do not count.
    const later = ledger([HEADER, [1, "任务一", "区财政局", "2026年3月"], [2, "任务二", "区财政局", "年底前"], [3, "任务三", "区财政局", "年底前"], [4, "任务四", "区财政局", "2025年6月底"], [5, "任务五", "区财政局", "2025年9月底"]]);
    expect(ledgerYear(later)).toBe(2025);
    // An Excel serial date (46022: 2025-12-31) and a date count as the years they are.
    expect(ledgerYear(ledger([HEADER, [1, "任务一", "区财政局", 46022], [2, "任务二", "区财政局", new Date(Date.UTC(2025, 5, 30))], [3, "任务三", "区财政局", "2026年3月"]]))).toBe(2025);
  });
  test("a tie between two years goes to the earlier one, in whichever order the rows name them", () => {
    expect(ledgerYear(ledger([HEADER, [1, "任务一", "区财政局", "2026年6月底"], [2, "任务二", "区财政局", "2025年6月底"]]))).toBe(2025);
    expect(ledgerYear(ledger([HEADER, [1, "任务一", "区财政局", "2025年6月底"], [2, "任务二", "区财政局", "2026年6月底"]]))).toBe(2025);
  });
});

describe("the default quarter of a ledger", () => {
  test("steps back to a quarter the ledger has a column for: a ledger of 上半年 and 全年 is checked for the half year in November", () => {
    const halves = ledger([["2026年责任分解台账"], ["序号", "目标任务", "牵头单位", "上半年进展", "全年进展"], [1, "任务", "区财政局", "", ""]]);
    expect(ledgerDefaultQuarter(halves, NOV_2026)).toEqual({ year: 2026, q: 2 });
    const full = ledger([["2026年责任分解台账"], HEADER, [1, "任务", "区财政局", "", "", "", "", ""]]);
    expect(ledgerDefaultQuarter(full, NOV_2026)).toEqual({ year: 2026, q: 3 });
  });
  test("a ledger with no column for any quarter up to the default keeps the default (and the check says what is missing)", () => {
    const yearOnly = ledger([["2026年责任分解台账"], ["序号", "目标任务", "牵头单位", "全年进展"], [1, "任务", "区财政局", ""]]);
    expect(ledgerDefaultQuarter(yearOnly, NOV_2026)).toEqual({ year: 2026, q: 3 });
    expect(messageOf(catching(() => chooseQuarter(yearOnly, undefined, NOV_2026)))).toMatchObject({ code: "no-progress-column", quarter: "2026Q3", columns: ["全年进展"] });
  });
});

describe("choosing a quarter", () => {
  const l2025 = ledger([["2025年责任分解台账"], HEADER, [1, "任务", "区财政局", "", "", "", "", ""]]);
  test("none chosen: the ledger's", () => {
    expect(chooseQuarter(l2025, undefined, NOV_2026)).toEqual({ year: 2025, q: 4 });
  });
  test("one of another year is refused unless confirmed; one of the ledger's year is taken", () => {
    expect(messageOf(catching(() => chooseQuarter(l2025, { year: 2026, q: 3 }, NOV_2026)))).toEqual({ code: "quarter-outside-year", quarter: "2026Q3", year: 2025 });
    expect(chooseQuarter(l2025, { year: 2026, q: 3 }, NOV_2026, true)).toEqual({ year: 2026, q: 3 });
    expect(chooseQuarter(l2025, { year: 2025, q: 2 }, NOV_2026)).toEqual({ year: 2025, q: 2 });
  });
  test("a ledger without a year takes any quarter", () => {
    const noYear = ledger([HEADER, [1, "任务", "区财政局", "年底前", "", "", "", ""]]);
    expect(chooseQuarter(noYear, { year: 2019, q: 1 }, NOV_2026)).toEqual({ year: 2019, q: 1 });
  });
  test("the quarters offered: the ledger's year first, then this year's and last year's, each from Q4 to Q1", () => {
    expect(quarterChoices(NOV_2026, 2019).map((q) => `${q.year}Q${q.q}`).slice(0, 5)).toEqual(["2019Q4", "2019Q3", "2019Q2", "2019Q1", "2026Q4"]);
    expect(quarterChoices(NOV_2026).map((q) => `${q.year}Q${q.q}`)).toEqual(["2026Q4", "2026Q3", "2026Q2", "2026Q1", "2025Q4", "2025Q3", "2025Q2", "2025Q1"]);
    expect(quarterChoices(NOV_2026, 2026)).toHaveLength(8);
  });
  test("the report due date the pane shows: the 10th of the month after the quarter, as YYYY-MM-DD", () => {
    expect(reportDueDate({ year: 2026, q: 3 })).toBe("2026-10-10");
    expect(reportDueDate({ year: 2026, q: 4 })).toBe("2027-01-10");
  });
});

describe("the quarter last worked on", () => {
  // A 2025 ledger opened in November 2026: its default is 2025Q4, whose column nobody has written in.
  const ROWS: CellValue[][] = [
    ["2025年责任分解台账"],
    HEADER,
    [1, "新建口袋公园3个。", "区园林局", "2025年12月底", "完成选址3处。", "开工建设2个。", "建成2个。", ""],
    [2, "新增就业2万人。", "区人社局", "2025年12月底", "新增就业0.5万人。", "", "暂无", ""],
  ];
  const l = ledger(ROWS);
  const marks = (...cells: string[]): Metadata => ({ ...EMPTY_METADATA, marks: cells.map((cell) => ({ sheet: "台账", cell, key: "missing-progress", original: "{}" })) });
  const summaries = (...keys: string[]): Metadata => ({ ...EMPTY_METADATA, summaries: keys.map((key) => ({ key, sheet: `${key}汇总`, stamp: "" })) });

  test("the quarter whose own column holds the ledger's marks; marks in other columns or on other sheets say nothing", () => {
    // G4 (三季度进展) and C3 (a unit cell): the third quarter.
    expect(recordedQuarter(l, marks("G4", "C3"), NOV_2026)).toEqual({ year: 2025, q: 3 });
    expect(recordedQuarter(l, marks("F4", "F3"), NOV_2026)).toEqual({ year: 2025, q: 2 });
    expect(recordedQuarter(l, marks("C3"), NOV_2026)).toBeUndefined();
    expect(recordedQuarter(l, { ...EMPTY_METADATA, marks: [{ sheet: "别的表", cell: "G4", key: "x", original: "{}" }] }, NOV_2026)).toBeUndefined();
    expect(recordedQuarter(l, EMPTY_METADATA, NOV_2026)).toBeUndefined();
  });

  test("without marks, the summary written last, of the ledger's year and a quarter it has a column for", () => {
    expect(recordedQuarter(l, summaries("2025Q2", "2025Q3"), NOV_2026)).toEqual({ year: 2025, q: 3 });
    expect(recordedQuarter(l, summaries("2025Q3", "2025Q2"), NOV_2026)).toEqual({ year: 2025, q: 2 });
    expect(recordedQuarter(l, summaries("2025Q1", "2024Q4"), NOV_2026)).toEqual({ year: 2025, q: 1 });
    expect(recordedQuarter(l, summaries("2024Q4"), NOV_2026)).toBeUndefined();
    // Marks say more than a summary: a check after the summary moved them.
    expect(recordedQuarter(l, { ...summaries("2025Q3"), marks: marks("F4").marks }, NOV_2026)).toEqual({ year: 2025, q: 2 });
  });

  test("the pane opens on it, unless a later quarter has ended since and has progress in its column", () => {
    expect(workbookDefaultQuarter(l, EMPTY_METADATA, NOV_2026)).toEqual({ year: 2025, q: 4 });
    expect(workbookDefaultQuarter(l, marks("G4"), NOV_2026)).toEqual({ year: 2025, q: 3 });
    // Written in since: 2025Q4 it is.
    const filled = ledger(ROWS.map((r, i) => (i === 2 ? [...r.slice(0, 7), "建成3个。"] : r)));
    expect(workbookDefaultQuarter(filled, marks("G4"), NOV_2026)).toEqual({ year: 2025, q: 4 });
    // A later quarter not yet ended: the recorded one.
    const l2026 = ledger([["2026年责任分解台账"], ...ROWS.slice(1)]);
    expect(workbookDefaultQuarter(l2026, marks("F4"), new Date(2026, 7, 1))).toEqual({ year: 2026, q: 2 });
  });

  test("a quarter's own column wholly empty is said, naming the latest earlier quarter with progress", () => {
    expect(progressColumnEmpty(l, { year: 2025, q: 4 })).toBe(true);
    expect(progressColumnEmpty(l, { year: 2025, q: 2 })).toBe(false);
    expect(emptyQuarterNote(l, { year: 2025, q: 4 })).toEqual({ code: "quarter-progress-empty", sheet: "台账", quarter: "2025Q4", column: "四季度进展", previous: "2025Q3" });
    expect(emptyQuarterNote(l, { year: 2025, q: 3 })).toBeUndefined();
    // Q2 and Q3 empty too: the offer goes back to Q1.
    const sparse = ledger([["2025年责任分解台账"], HEADER, [1, "任务", "区财政局", "", "完成选址。", "", "", ""]]);
    expect(emptyQuarterNote(sparse, { year: 2025, q: 4 })?.previous).toBe("2025Q1");
    expect(emptyQuarterNote(sparse, { year: 2025, q: 1 })).toBeUndefined();
    // Nothing at all written: nothing to offer.
    const blank = ledger([["2025年责任分解台账"], HEADER, [1, "任务", "区财政局", "", "", "", "", ""]]);
    expect(emptyQuarterNote(blank, { year: 2025, q: 2 })).toEqual({ code: "quarter-progress-empty", sheet: "台账", quarter: "2025Q2", column: "二季度进展" });
    // One progress column for every quarter: not a quarter's own column, nothing said.
    const single = ledger([["2025年责任分解台账"], ["序号", "目标任务", "牵头单位", "进展情况"], [1, "任务", "区财政局", ""]]);
    expect(emptyQuarterNote(single, { year: 2025, q: 4 })).toBeUndefined();
  });

  test("the note in words, for the pane and the command line", () => {
    const note = emptyQuarterNote(l, { year: 2025, q: 4 })!;
    expect(say(note)).toBe("工作表“台账”的“四季度进展”列全部为空：2025年第四季度的进展可能还没有填报，或选错了季度，因此每项任务都算作未报送。要检查2025年第三季度，可点下面的按钮。");
    expect(say(note, "zh", "cli")).toMatch(/请用 --quarter 2025Q3。$/);
    expect(say(note, "en")).toMatch(/^Column "四季度进展" of sheet "台账" is wholly empty: .* To check Q3 2025 instead, use the button below\.$/);
    expect(say({ ...note, previous: undefined } as never)).toMatch(/每项任务都算作未报送。$/);
  });

  test("reopened, a workbook checked for 2025Q3 opens on 2025Q3; its summary keeps it there once the marks are cleared", async () => {
    const port = bookOf(ROWS as never);
    const app = createApp({ port, today: () => NOV_2026 });
    expect((await app.overview()).defaultQuarter).toEqual({ year: 2025, q: 4 });
    await app.check({ quarter: { year: 2025, q: 3 } });
    const reopened = createApp({ port, today: () => NOV_2026 });
    expect((await reopened.overview()).defaultQuarter).toEqual({ year: 2025, q: 3 });
    // A check with no quarter chosen (the command line without --quarter) takes it too.
    expect((await reopened.check({ mark: false })).result.quarter).toEqual({ year: 2025, q: 3 });
    await reopened.clearMarks();
    expect((await reopened.overview()).defaultQuarter).toEqual({ year: 2025, q: 4 });
    await reopened.makeSummary({ quarter: { year: 2025, q: 2 } });
    await reopened.clearMarks();
    expect((await reopened.overview()).defaultQuarter).toEqual({ year: 2025, q: 2 });
  });
});

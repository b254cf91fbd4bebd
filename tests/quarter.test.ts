// Which quarter: the ledger's year (title, sheet name, or the years its deadlines name), the latest
// quarter of it that has ended, a quarter it has a column for; other years only when confirmed.
import { chooseQuarter, ledgerDefaultQuarter, messageOf, quarterChoices, reportDueDate } from "../src/app";
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

// 生成汇总 over the plain-data port: the quarter's summary sheet beside the ledger, the ledger marked,
// who it speaks for, the quarter before compared, the score set in 设置; the add-in's own sheet for the
// quarter replaced in place, a person's sheet of that name never.
import { makeSummary, previousCheck, summaryOf } from "../../src/app/summary";
import { runCheck } from "../../src/app/check";
import { saveSettings } from "../../src/app/settings";
import { METADATA_SHEET } from "../../src/core/metadata";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf, seedPort, SEED_2019, type SheetsPort } from "./seeds";

const Q3 = { year: 2026, q: 3 as const };
const OCT_20 = new Date(2026, 9, 20);
const desk = () => portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
const cellText = (port: SheetsPort, sheet: string, cell: string) => String(port.cell(sheet, cell).value ?? "");
const filled = (port: SheetsPort, sheet: string) => [...port.sheet(sheet).cells].filter(([, c]) => c.fill).length;

describe("生成汇总", () => {
  test("writes the quarter's sheet after the ledger's, stamped, and marks the ledger (whatever the request said)", async () => {
    const port = desk();
    const made = await makeSummary(port, OCT_20, { quarter: Q3, mark: false });
    expect(made.sheet).toBe("2026年第三季度汇总");
    expect(made.replaced).toBe(false);
    expect(port.sheets.map((s) => s.name)).toEqual(["台账", "部门目录", "2026年第三季度汇总", METADATA_SHEET]);
    expect(cellText(port, made.sheet, "A1")).toBe("2026年第三季度江汉区《政府工作报告》目标任务推进情况汇总");
    expect(cellText(port, made.sheet, "A2")).toMatch(/^由督办助手生成（2026Q3，2026-10-20） · 数据来源：工作表“台账” · 报送截止：2026-10-10 · 任务 7 项/);
    expect(made.outcome.marked).toBe(8);
    expect(filled(port, "台账")).toBe(8);
    expect(made.summary.totals).toMatchObject({ tasks: 7, reported: 4, missing: 3 });
  });

  test("made again: the add-in's own sheet is replaced in its place, with the new date", async () => {
    const port = desk();
    await makeSummary(port, OCT_20, { quarter: Q3 });
    const again = await makeSummary(port, new Date(2026, 9, 21), { quarter: Q3 });
    expect(again).toMatchObject({ sheet: "2026年第三季度汇总", replaced: true });
    expect(port.sheets.map((s) => s.name)).toEqual(["台账", "部门目录", "2026年第三季度汇总", METADATA_SHEET]);
    expect(cellText(port, again.sheet, "A2")).toContain("2026-10-21");
  });

  test("a person's sheet of that name is left as it is: the summary takes the next free name", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY, "2026年第三季度汇总": [["我自己的汇总"]] });
    const made = await makeSummary(port, OCT_20, { quarter: Q3 });
    expect(made).toMatchObject({ sheet: "2026年第三季度汇总(2)", replaced: false });
    expect(port.rowsOf(port.sheet("2026年第三季度汇总"))).toEqual([["我自己的汇总"]]);
  });

  test("the 2019 ledger: its district and office from its title; a single progress column has no quarter before to compare", async () => {
    const port = await seedPort(SEED_2019);
    const made = await makeSummary(port, new Date(2019, 10, 20));
    expect(made.sheet).toBe("2019年第三季度汇总");
    expect(made.summary).toMatchObject({ district: "江汉区", issuer: "江汉区人民政府办公室" });
    expect(made.summary.previousQuarter).toBeUndefined();
    expect(made.summary.totals).toMatchObject({ tasks: 106, reported: 106, missing: 0 });
    expect(previousCheck(made.outcome)).toBeUndefined();
  });
});

describe("the summary of a check", () => {
  test("speaks for the district and office set in 设置, and scores by the rules set there", async () => {
    const port = desk();
    await saveSettings(port, { district: "江岸区", issuer: "江岸区人民政府督查室", scoring: { reported: 2, missing: 1, placeholder: 0.5 } });
    const outcome = await runCheck(port, OCT_20, { quarter: Q3, mark: false });
    const s = summaryOf(outcome, OCT_20);
    expect(s).toMatchObject({ district: "江岸区", issuer: "江岸区人民政府督查室", scoring: { reported: 2, missing: 1, placeholder: 0.5 } });
    // 区发展和改革局 leads one task, not reported: −1.
    expect(s.units.find((u) => u.unit === "区发展和改革局")?.score).toBe(-1);
    expect(s.made).toBe("2026-10-20");
  });

  test("against the quarter before: the change in each unit's rate", async () => {
    const outcome = await runCheck(desk(), OCT_20, { quarter: Q3, mark: false });
    const s = summaryOf(outcome, OCT_20);
    expect(s.previousQuarter).toEqual({ year: 2026, q: 2 });
    // 区发展和改革局 reported in Q2 (完成150亿元), not in Q3.
    expect(s.units.find((u) => u.unit === "区发展和改革局")?.change).toBe(-1);
    expect(s.scoring).toBeUndefined();
  });
});

describe("the quarter before", () => {
  test("checked with the settings in force, when the ledger has its own column", async () => {
    const ledger = [
      ["2026年责任分解台账"],
      ["序号", "目标任务", "牵头单位", "一季度进展", "二季度进展", "三季度进展"],
      [1, "新建口袋公园3个。", "区园林局", "完成选址3处，开工建设1个公园。", "完成选址3处，开工建设2个公园。", "建成口袋公园3个，已对外开放。"],
      [2, "完成老旧小区改造30个。", "区住更局", "启动改造8个小区。", "完成改造10个。", "完成改造30个，全部通过验收。"],
    ];
    const port = portOf({ 台账: ledger });
    const kinds = async () => previousCheck(await runCheck(port, OCT_20, { quarter: Q3, mark: false }))!.findings.map((f) => `${f.kind}@${f.cell}`);
    expect(await kinds()).toEqual([]);
    // Twelve characters at least, and 60% alike is a copy: Q2's 完成改造10个 is a placeholder, and E3 copies D3.
    await saveSettings(port, { minProgressLength: 12, staleSimilarity: 0.6 });
    expect(await kinds()).toEqual(["stale-progress@E3", "placeholder-progress@E4"]);
    expect(previousCheck(await runCheck(port, OCT_20, { quarter: Q3, mark: false }))!.quarter).toEqual({ year: 2026, q: 2 });
  });

  test("none before the first quarter, nor without a column of the quarter before", async () => {
    expect(previousCheck(await runCheck(desk(), OCT_20, { quarter: { year: 2026, q: 2 }, mark: false }))).toBeUndefined();
    const noQ2 = portOf({ 台账: DESK_LEDGER.map((r) => [...r.slice(0, 5), ...r.slice(6)]), 部门目录: DESK_DIRECTORY });
    expect(previousCheck(await runCheck(noQ2, OCT_20, { quarter: Q3, mark: false }))).toBeUndefined();
    const q1 = portOf({ 台账: [["2026年台账"], ["序号", "目标任务", "牵头单位", "一季度进展"], [1, "任务甲", "区财政局", "完成30%。"]] });
    expect(previousCheck(await runCheck(q1, new Date(2026, 4, 1), { quarter: { year: 2026, q: 1 }, mark: false }))).toBeUndefined();
  });
});

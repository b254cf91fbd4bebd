// The ranking, the change on the quarter before and the score: units with the same rate share a rank
// and go by name, units the directory does not list are apart, the rules set in 设置 are printed.
import { createApp, makeBulletin, makeSummary, problemText } from "../src/app";
import { summarise } from "../src/core/summary";
import { summarySheetPlan } from "../src/core/summarySheet";
import { check, Directory } from "../src/core";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";
import { grid } from "./helpers/grid";

const Q3 = { year: 2026, q: 3 as const };
const TODAY = new Date(2026, 9, 20);
const entry = (name: string) => ({ name, aliases: [], formerNames: [], category: "部门", status: "active" as const, row: 0 });

test("equal rates share a rank however many tasks are behind them (1 of 2 and 2 of 4), and the units go by name", () => {
  const dir = new Directory(["区商务局", "区财政局", "区民政局", "区审计局"].map(entry));
  const rows = [
    ["序号", "目标任务", "牵头单位", "三季度进展"],
    [1, "甲", "区商务局", "完成招商项目签约12个，总投资30亿元。"],
    [2, "乙", "区商务局", ""],
    [3, "丙", "区财政局", "完成预算收入85亿元，同比增长6%。"],
    [4, "丁", "区财政局", "完成预算收入85亿元，同比增长6%，超出预期。"],
    [5, "戊", "区财政局", ""],
    [6, "己", "区财政局", ""],
    [7, "庚", "区民政局", "新建社区养老服务中心3个。"],
    [8, "辛", "区审计局", ""],
  ];
  const s = summarise(check(grid(rows), dir, { quarter: Q3 }), dir, TODAY);
  expect(s.units.map((u) => [u.rank, u.unit, u.reported, u.leads])).toEqual([
    [1, "区民政局", 1, 1],
    [2, "区财政局", 2, 4],
    [2, "区商务局", 1, 2],
    [4, "区审计局", 0, 1],
  ]);
});

describe("on the desk ledger (二季度 and 三季度 progress, a unit not in the directory)", () => {
  test("a slip of a unit's name counts under that unit; a name that stands for no unit is apart, not ranked, and not said in what is sent", async () => {
    const { summary } = await makeSummary(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3 });
    // 区卫键局, one slip from 区卫健局 (区卫生健康局): ranked as that unit.
    expect(summary.units.map((u) => u.unit)).not.toContain("区卫键局");
    expect(summary.units.find((u) => u.unit === "区卫生健康局")).toMatchObject({ leads: 1, missing: 1 });
    expect(summary.unlisted).toEqual([]);
    expect(summary.bulletin.join("\n")).toMatch(/有任务未报送：[^。]*区卫生健康局（1项）/);
    expect(summary.gapTasks.find((g) => g.no === "5")?.lead).toBe("区卫生健康局");
    const odd = await makeSummary(bookOf([...DESK_LEDGER, [8, "新建社区食堂5个。", "区某某局", "", "", "", ""]], DESK_DIRECTORY), TODAY, { quarter: Q3 });
    expect(odd.summary.unlisted.map((u) => [u.unit, u.leads, u.missing])).toEqual([["区某某局", 1, 1]]);
    expect(odd.summary.bulletin.join("\n")).not.toContain("区某某局");
  });

  test("each unit's change in reporting rate on the quarter before the ledger holds", async () => {
    const { summary } = await makeSummary(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3 });
    expect(summary.previousQuarter).toEqual({ year: 2026, q: 2 });
    const byUnit = Object.fromEntries(summary.units.map((u) => [u.unit, [u.previousRate, u.rate]]));
    // 区发展和改革局 reported its one task in 二季度 and not in 三季度.
    expect(byUnit["区发展和改革局"]).toEqual([1, 0]);
    expect(byUnit["区城市管理执法局"]).toEqual([1, 1]);
    const plan = summarySheetPlan(summary, "汇总");
    const units = plan.blocks.find((b) => b.kind === "table" && b.name.endsWith("Units"));
    expect(units?.kind === "table" && units.header.at(-1)).toBe("较二季度");
    const fgj = units?.kind === "table" ? units.rows.find((r) => r[1] === "区发展和改革局") : undefined;
    expect(fgj?.at(-1)).toBe("↓100个百分点");
    expect(units?.kind === "table" && units.rows.find((r) => r[1] === "区城市管理执法局")?.at(-1)).toBe("持平");
  });

  test("a ledger with one progress column for every quarter has no quarter before to compare with", async () => {
    const single = [DESK_LEDGER[0]!, ["序号", "目标任务", "牵头单位", "配合单位", "完成时限", "进展情况"], ...DESK_LEDGER.slice(2).map((r) => [...r.slice(0, 5), r[6]!])];
    const { summary } = await makeSummary(bookOf(single, DESK_DIRECTORY), TODAY, { quarter: Q3 });
    expect(summary.previousQuarter).toBeUndefined();
    expect(summary.units.every((u) => u.change === undefined)).toBe(true);
  });

  test("the score by the rules set in 设置, printed under the ranking of the sheet and of the 通报", async () => {
    const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
    const app = createApp({ port, today: () => TODAY });
    await app.saveSettings({ scoring: { reported: 2, missing: 5, placeholder: 1 } });
    const { summary } = await makeSummary(port, TODAY, { quarter: Q3 });
    // 区城市管理执法局: 2 reported, both only a placeholder: 2×2 − 2×1. 区发展和改革局: 1 missing: −5.
    expect(Object.fromEntries(summary.units.map((u) => [u.unit, u.score]))).toEqual({ 区财政局: 2, 区商务局: 2, 区城市管理执法局: 2, 区发展和改革局: -5, 区卫生健康局: -5 });
    const rules = "评分规则：每项牵头任务报送进展得2分，每项未报送扣5分，每项进展只有套话或照抄上季度扣1分。";
    const plan = summarySheetPlan(summary, "汇总");
    expect(plan.blocks.some((b) => b.kind === "text" && b.text.includes(rules))).toBe(true);
    const b = await makeBulletin(port, TODAY, { quarter: Q3 });
    // The ranking is the 通报's first annex, its rules above it.
    const annex = b.document.annexes![0]!.blocks;
    const table = annex.find((x) => x.kind === "table");
    expect(table?.kind === "table" && table.header.slice(-2)).toEqual(["较二季度\n（百分点）", "得分"]);
    expect(annex.some((x) => x.kind === "note" && x.text.includes(rules))).toBe(true);
    // The office's own to-do (names to check) is not in what is sent.
    expect(b.document.blocks.some((x) => x.kind === "paragraph" && x.text.includes("不在部门目录中"))).toBe(false);
  });

  test("scoring rules that are not points are refused, saying what is expected", async () => {
    const app = createApp({ port: bookOf(DESK_LEDGER, DESK_DIRECTORY), today: () => TODAY });
    for (const scoring of [{ reported: -1, missing: 5, placeholder: 1 }, { reported: 2, missing: 5, placeholder: 1.25 }, { reported: 2, missing: 5 }]) {
      const said = await app.saveSettings({ scoring } as never).then(() => "saved", (e: unknown) => problemText(e));
      expect(said).toMatch(/^“评分规则”应为三项分值（报送得分、未报送扣分、套话扣分），各为 0 到 100 的数，最多一位小数，收到/);
    }
  });
});

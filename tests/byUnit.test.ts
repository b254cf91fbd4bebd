// 按单位: findings grouped by the unit that answers for them, filtered and ordered as the pane asks.
import { createApp, filterUnitFindings, findingsByUnit, runCheck, taskFinder, unitGoesBy } from "../src/app";
import { XlsxHost } from "../src/hosts/xlsx/host";
import ExcelJS from "exceljs";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";
import { syntheticDirectoryRows, syntheticLedgerRows, syntheticUnits } from "./helpers/syntheticLedger";

const TODAY = new Date(2026, 10, 22);
const Q3 = { year: 2026, q: 3 as const };
const shape = (groups: ReturnType<typeof findingsByUnit>) => groups.map((g) => [g.unit, g.known, g.lead, g.co]);
const cells = (g: ReturnType<typeof findingsByUnit>[number]) => g.items.map((i) => `${i.role}:${i.finding.kind}@${i.finding.cell}`);

describe("findings by unit", () => {
  let groups: ReturnType<typeof findingsByUnit>;
  beforeAll(async () => {
    const outcome = await runCheck(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3, mark: false });
    groups = findingsByUnit(outcome);
  });

  test("each unit under its current name with its counts; most findings on led tasks first; the tasks with no unit last", () => {
    expect(shape(groups)).toEqual([
      ["区城市管理执法局", true, 4, 0],
      ["区卫键局", false, 2, 0],
      ["区发展和改革局", true, 1, 2],
      ["区财政局", true, 0, 1],
      ["", true, 2, 0],
    ]);
  });

  test("a unit's findings: the tasks it leads first, then those it co-owns; a renamed unit's cell goes to the unit as named now", () => {
    expect(cells(groups[2]!)).toEqual(["lead:missing-progress@G4", "co:placeholder-progress@G6", "co:overdue@G6"]);
    expect(cells(groups[0]!)).toEqual(["lead:renamed-unit@C5", "lead:placeholder-progress@G5", "lead:placeholder-progress@G6", "lead:overdue@G6"]);
    expect(cells(groups[1]!)).toEqual(["lead:unknown-unit@C7", "lead:missing-progress@G7"]);
    expect(cells(groups[4]!)).toEqual(["lead:missing-unit@C8", "lead:missing-progress@G8"]);
  });

  test("each finding on a task carries the task's short text and its class for the quarter", () => {
    const g4 = groups[2]!.items[0]!;
    expect(g4).toMatchObject({ task: "固定资产投资总额完成430亿元。", taskClass: "未报送" });
    expect(groups[0]!.items[3]).toMatchObject({ taskClass: "欠进度" });
    // A unit-name finding is about a cell, not the task's progress: no class.
    expect(groups[0]!.items[0]!.taskClass).toBeUndefined();
  });

  test("filters: by kind, by unit, by words (all must be found), and ordered by name", () => {
    // Equal counts: in Chinese order of the names.
    expect(shape(filterUnitFindings(groups, { kind: "missing-progress" }))).toEqual([
      ["区发展和改革局", true, 1, 0],
      ["区卫键局", false, 1, 0],
      ["区财政局", true, 0, 1],
      ["", true, 1, 0],
    ]);
    expect(shape(filterUnitFindings(groups, { text: "背街 G6" }))).toEqual([
      ["区城市管理执法局", true, 2, 0],
      ["区发展和改革局", true, 0, 2],
    ]);
    // A unit's own name finds all its findings.
    expect(filterUnitFindings(groups, { text: "卫键" }).map((g) => g.items.length)).toEqual([2]);
    expect(filterUnitFindings(groups, { text: "序号4" }).map((g) => g.unit)).toEqual(["区城市管理执法局", "区发展和改革局"]);
    expect(filterUnitFindings(groups, { unit: "" }).map((g) => g.unit)).toEqual([""]);
    expect(filterUnitFindings(groups, { order: "name" }).map((g) => g.unit)).toEqual(["区财政局", "区城市管理执法局", "区发展和改革局", "区卫键局", ""]);
    expect(filterUnitFindings(groups, { text: "没有这个词" })).toEqual([]);
  });
});

test("a 10,000-task ledger: every finding is in the list, none left out", async () => {
  const units = syntheticUnits(300);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRows(syntheticLedgerRows(10000, units));
  wb.addWorksheet("部门目录").addRows(syntheticDirectoryRows(units));
  const app = createApp({ port: new XlsxHost(wb), today: () => TODAY });
  const outcome = await app.check({ quarter: Q3, mark: false });
  const groups = findingsByUnit(outcome);
  const listed = new Set(groups.flatMap((g) => g.items.map((i) => i.finding)));
  expect(outcome.result.findings.length).toBeGreaterThan(2000);
  expect(outcome.result.findings.filter((f) => !listed.has(f))).toEqual([]);
  // Sorted by findings on led tasks.
  const leads = groups.filter((g) => g.unit).map((g) => g.lead);
  expect([...leads].sort((a, b) => b - a)).toEqual(leads);
});

test("taskFinder: the task on the row, or the first one below (a merged unit cell's top row)", () => {
  const tasks = [10, 12, 15].map((row) => ({ row }) as never);
  const at = taskFinder(tasks);
  expect([9, 10, 11, 12, 13, 15, 16].map((r) => (at(r) as { row: number } | undefined)?.row)).toEqual([10, 10, 12, 12, 15, 15, undefined]);
});

describe("the search finds a unit by any name it goes by", () => {
  // A 2025 ledger as a supervisor met it: the directory lists 区文化和旅游局 with its alias 区文旅局,
  // and 区城市管理执法局 with its former name 区城管委; the ledger writes each unit in its own way.
  const LEDGER = [
    ["2025年责任分解台账"],
    ["序号", "目标任务", "牵头单位", "配合单位", "三季度进展"],
    [1, "举办文化惠民演出20场。", "区文化和旅游局", "", ""],
    [2, "打造夜间文旅消费街区。", "区文旅局", "区商务局", ""],
    [3, "新建口袋公园5个。", "区城管委", "", ""],
    [4, "整治占道经营。", "区城市管理执法局", "区文旅局", "暂无"],
  ];
  const DIRECTORY = [
    ["单位名称", "别名", "曾用名"],
    ["区文化和旅游局", "区文旅局", "区文化局"],
    ["区城市管理执法局", "", "区城管委"],
    ["区商务局", "", ""],
  ];
  let groups: ReturnType<typeof findingsByUnit>;
  beforeAll(async () => {
    groups = findingsByUnit(await runCheck(bookOf(LEDGER, DIRECTORY), new Date(2025, 10, 1), { quarter: { year: 2025, q: 3 }, mark: false }));
  });
  const found = (text: string) => filterUnitFindings(groups, { text }).map((g) => [g.unit, g.items.length]);

  test("each group knows the unit's aliases, former names and the ledger's spellings", () => {
    const names = Object.fromEntries(groups.map((g) => [g.unit, [...g.names].sort()]));
    expect(names["区文化和旅游局"]).toEqual(["区文化局", "区文旅局"]);
    expect(names["区城市管理执法局"]).toEqual(["区城管委"]);
    expect(names["区商务局"]).toEqual([]);
  });

  test("by the directory's name, an alias, a former name, the text as written, or short for one of them", () => {
    // Tasks 1, 2 (lead) and 4 (co): 3 findings of 区文化和旅游局, however it is searched.
    for (const text of ["区文化和旅游局", "区文旅局", "文旅局", "区文化局"]) expect(found(text)).toEqual([["区文化和旅游局", 3]]);
    // 城管局 is short for 城市管理执法局; 城管委 is its former name, written in the ledger (C5 renamed, G5 and G6 progress).
    for (const text of ["城管局", "区城管委", "城市管理"]) expect(found(text)).toEqual([["区城市管理执法局", 3]]);
    // The words of a task or a cell still find the findings that hold them (文旅 is in task 2's text).
    expect(found("口袋公园")).toEqual([["区城市管理执法局", 2]]);
    expect(found("文旅")).toEqual([["区文化和旅游局", 3], ["区商务局", 1]]);
  });

  test("unitGoesBy: names and abbreviations, never the group of tasks without a unit", () => {
    const g = { unit: "区经济信息化和科技创新局", names: ["区经信局"] };
    expect(unitGoesBy(g, "经科局")).toBe(true);
    expect(unitGoesBy(g, "区经信局")).toBe(true);
    expect(unitGoesBy(g, "科技")).toBe(true);
    // Not the same first character, or not in order.
    expect(unitGoesBy(g, "信息局")).toBe(false);
    expect(unitGoesBy(g, "科经局")).toBe(false);
    expect(unitGoesBy(g, " ")).toBe(false);
    expect(unitGoesBy({ unit: "", names: [] }, "局")).toBe(false);
  });
});

// 按单位 over the plain-data port: each finding under the unit that answers for it (whom to call), the
// units with most findings on tasks they lead first, the tasks without a unit last; the filters and
// the search by any name a unit goes by; what the list counts.
import { filterUnitFindings, findingsByUnit, taskClasses, taskFinder, unitFindingsCount, unitGoesBy, type UnitFindings } from "../../src/app/byUnit";
import { runCheck, type CheckOutcome } from "../../src/app/check";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf, seedPort, SEED_2019 } from "./seeds";

const Q3 = { year: 2026, q: 3 as const };
const OCT_20 = new Date(2026, 9, 20);
const LONG_TASK = "推进江汉路步行街提档升级，打造国际消费中心城市核心区示范街区，新增首店品牌二十家以上。";
// The desk ledger, and a task of two leads (one misspelt) and two co-units (one by its former name),
// and a task only a city unit leads.
const LEDGER = [...DESK_LEDGER, [8, LONG_TASK, "区商务局、区卫键局", "区城管委、区财政局", "", "", ""], [9, "开展消防安全整治。", "市消防救援支队", "", "", "", "完成整治。"]];

const shape = (groups: readonly UnitFindings[]) => groups.map((g) => [g.unit, g.known, g.lead, g.co]);
const items = (g: UnitFindings) => g.items.map((i) => `${i.role}:${i.finding.kind}@${i.finding.cell}`);

let outcome: CheckOutcome;
let groups: UnitFindings[];
// Before each test, not once: mutation testing counts the code a test ran as that test's.
beforeEach(async () => {
  outcome = await runCheck(portOf({ 台账: LEDGER, 部门目录: DESK_DIRECTORY }), OCT_20, { quarter: Q3, mark: false });
  groups = findingsByUnit(outcome);
});
const group = (unit: string) => groups.find((g) => g.unit === unit)!;

describe("the findings by unit", () => {
  test("most findings on led tasks first, then on co-owned tasks; the tasks without a unit last", () => {
    expect(shape(groups)).toEqual([
      ["区城市管理执法局", true, 4, 2],
      ["区卫键局", false, 4, 0],
      ["区发展和改革局", true, 1, 2],
      ["区商务局", true, 1, 0],
      ["区财政局", true, 0, 2],
      ["", true, 4, 0],
    ]);
  });

  test("a unit's own: the tasks it leads first, then those it co-owns; a unit-name finding is the named unit's, in its role", () => {
    expect(items(group("区城市管理执法局"))).toEqual([
      "lead:renamed-unit@C5",
      "lead:placeholder-progress@G5",
      "lead:placeholder-progress@G6",
      "lead:overdue@G6",
      "co:renamed-unit@D10",
      "co:missing-progress@G10",
    ]);
    // Each lead of a task answers for its progress: 区商务局 and the unit written 区卫键局 both.
    expect(items(group("区商务局"))).toEqual(["lead:missing-progress@G10"]);
    expect(items(group("区卫键局"))).toEqual(["lead:unknown-unit@C7", "lead:missing-progress@G7", "lead:unknown-unit@C10", "lead:missing-progress@G10"]);
    expect(items(group("区财政局"))).toEqual(["co:missing-progress@G4", "co:missing-progress@G10"]);
  });

  test("no unit, or only a city unit: the findings of the task go to nobody's group", () => {
    expect(items(group(""))).toEqual(["lead:missing-unit@C8", "lead:missing-progress@G8", "lead:missing-unit@C11", "lead:placeholder-progress@G11"]);
  });

  test("the names a unit goes by: the directory's aliases and former names, and the ledger's spellings", () => {
    expect(group("区城市管理执法局").names).toEqual(["区城管委"]);
    expect(group("区发展和改革局").names).toEqual(["区发改局"]);
    expect(group("区卫键局").names).toEqual([]);
    expect(group("区卫键局").known).toBe(false);
    // Never its own name, nor a name for the tasks without a unit.
    expect(group("区财政局").names).toEqual([]);
    expect(group("").names).toEqual([]);
  });

  test("a name only the directory knows, a spelling only a unit finding has, an abolished unit no unit took over", async () => {
    const directory = [...DESK_DIRECTORY, ["区编办", "", "", "部门", "撤销"]];
    directory[1] = ["区财政局", "财政局", "区财局", "部门", "有效"];
    const ledger = [...DESK_LEDGER, [8, "整治占道经营。", "城管委", "", "", "", "完成整治120处。"], [9, "核定编制。", "区编办", "", "", "", "完成核定12家。"]];
    const g = findingsByUnit(await runCheck(portOf({ 台账: ledger, 部门目录: directory }), OCT_20, { quarter: Q3, mark: false }));
    const of = (unit: string) => g.find((x) => x.unit === unit)!;
    expect(of("区财政局").names).toEqual(["财政局", "区财局"]);
    expect(of("区城市管理执法局").names).toEqual(["区城管委", "城管委"]);
    expect(items(of("区城市管理执法局"))).toContain("lead:renamed-unit@C10");
    expect(of("区编办")).toMatchObject({ known: true, names: [], lead: 1, co: 0 });
  });

  test("each item: the task's text cut to 40 characters, and for a progress finding the task's class", () => {
    const g10 = group("区商务局").items[0]!;
    expect(g10.task).toBe(`${LONG_TASK.slice(0, 40)}…`);
    expect(g10.taskClass).toBe("未报送");
    const [renamed, placeholder] = group("区城市管理执法局").items;
    expect(renamed).toMatchObject({ task: "新建微循环道路10条。", role: "lead" });
    expect(renamed!.taskClass).toBeUndefined();
    expect(placeholder!.taskClass).toBe("欠进度");
  });

  test("every finding listed: a finding on a task of several units under each of them", () => {
    const listed = new Set(groups.flatMap((g) => g.items.map((i) => i.finding)));
    expect(outcome.result.findings.filter((f) => !listed.has(f))).toEqual([]);
    expect(unitFindingsCount(groups)).toEqual({ units: 6, findings: outcome.result.findings.length, listed: 20 });
    expect(outcome.result.findings).toHaveLength(14);
  });

  test("without a directory every unit is known, under the name written", async () => {
    const o = await runCheck(portOf({ 台账: LEDGER }), OCT_20, { quarter: Q3, mark: false });
    const g = findingsByUnit(o);
    expect(shape(g)).toEqual([
      ["区城市管理执法局", true, 2, 0],
      ["区卫键局", true, 2, 0],
      ["区发改局", true, 1, 2],
      ["区城管委", true, 1, 1],
      ["区商务局", true, 1, 0],
      ["区财政局", true, 0, 2],
      ["", true, 4, 0],
    ]);
  });
});

describe("each task's class for the quarter", () => {
  test("by its row: reported ahead, not reported, behind", () => {
    const classes = taskClasses(outcome);
    expect([...classes].map(([row, c]) => [row, c.taskClass])).toEqual([
      [3, "超进度"],
      [4, "未报送"],
      [5, "欠进度"],
      [6, "欠进度"],
      [7, "未报送"],
      [8, "未报送"],
      [9, "超进度"],
      [10, "未报送"],
      [11, "欠进度"],
    ]);
    expect(classes.get(4)!.reason).toEqual({ code: "not-reported" });
  });
});

describe("the task a finding is about", () => {
  test("the one on its row, or the first below it (a merged unit cell's top row); none below the last", () => {
    const tasks = [10, 12, 15].map((row) => ({ row }) as never);
    const at = taskFinder(tasks);
    expect([1, 9, 10, 11, 12, 13, 14, 15, 16].map((r) => (at(r) as { row: number } | undefined)?.row)).toEqual([10, 10, 10, 12, 12, 15, 15, 15, undefined]);
    expect(taskFinder([])(3)).toBeUndefined();
  });

  test("the 2019 ledger: each finding's task is the one on its row", async () => {
    const o = await runCheck(await seedPort(SEED_2019), new Date(2019, 10, 20), { mark: false });
    const at = taskFinder(o.result.ledger.tasks);
    expect(o.result.findings.every((f) => at(f.row)?.row === f.row)).toBe(true);
    const g = findingsByUnit(o);
    expect(g.find((x) => x.unit === "区城市管理执法局")?.names).toContain("城管委");
    expect(g.find((x) => x.unit === "市红会医院")).toMatchObject({ known: false, lead: 0, co: 1 });
  });
});

describe("the filters", () => {
  const names = (gs: readonly UnitFindings[]) => gs.map((g) => [g.unit, g.items.length, g.lead, g.co]);

  test("by kind: each group keeps that kind's findings, its counts as they are now, the groups with none left out", () => {
    expect(names(filterUnitFindings(groups, { kind: "missing-progress" }))).toEqual([
      ["区卫键局", 2, 2, 0],
      ["区发展和改革局", 1, 1, 0],
      ["区商务局", 1, 1, 0],
      ["区财政局", 2, 0, 2],
      ["区城市管理执法局", 1, 0, 1],
      ["", 1, 1, 0],
    ]);
  });

  test("by unit: one unit's, or the tasks without a unit", () => {
    expect(names(filterUnitFindings(groups, { unit: "区财政局" }))).toEqual([["区财政局", 2, 0, 2]]);
    expect(names(filterUnitFindings(groups, { unit: "" }))).toEqual([["", 4, 4, 0]]);
  });

  test("by words: a unit's names find all its findings; other words the findings that hold them all", () => {
    expect(names(filterUnitFindings(groups, { text: "城管委" }))).toEqual([["区城市管理执法局", 6, 4, 2]]);
    // 序号, 序号N, the cell, the task's text, the value.
    expect(filterUnitFindings(groups, { text: "序号5" }).map((g) => [g.unit, items(g)])).toEqual([["区卫键局", ["lead:unknown-unit@C7", "lead:missing-progress@G7"]]]);
    expect(filterUnitFindings(groups, { text: "g6" }).map((g) => [g.unit, items(g)])).toEqual([
      ["区城市管理执法局", ["lead:placeholder-progress@G6", "lead:overdue@G6"]],
      ["区发展和改革局", ["co:placeholder-progress@G6", "co:overdue@G6"]],
    ]);
    expect(filterUnitFindings(groups, { text: "暂无" }).map((g) => g.unit)).toEqual(["区城市管理执法局", "区发展和改革局"]);
    expect(filterUnitFindings(groups, { text: "  步行街   G10 " }).map((g) => [g.unit, g.items.length])).toEqual([
      ["区商务局", 1],
      ["区卫键局", 1],
      ["区财政局", 1],
      ["区城市管理执法局", 1],
    ]);
    // A unit's name and a word of its tasks: the unit's name alone does not decide; every word must be found.
    expect(filterUnitFindings(groups, { text: "区商务局 背街" })).toEqual([]);
    expect(filterUnitFindings(groups, { text: "9" }).map((g) => g.unit)).toEqual([""]);
    expect(filterUnitFindings(groups, { text: "   " })).toEqual(groups);
  });

  test("by name: the Chinese order of the names, the tasks without a unit last", () => {
    expect(filterUnitFindings(groups, { order: "name" }).map((g) => g.unit)).toEqual(["区财政局", "区城市管理执法局", "区发展和改革局", "区商务局", "区卫键局", ""]);
    expect(filterUnitFindings(groups, { order: "count" }).map((g) => g.unit)).toEqual(groups.map((g) => g.unit));
  });

  test("what the filtered list counts: units, findings once, entries under each unit", () => {
    expect(unitFindingsCount(filterUnitFindings(groups, { text: "G10" }))).toEqual({ units: 4, findings: 1, listed: 4 });
    expect(unitFindingsCount([])).toEqual({ units: 0, findings: 0, listed: 0 });
  });
});

describe("a unit goes by a word", () => {
  test("in its name or another it goes by, short for one of them, in either width and case; never the group of no unit", () => {
    const g = { unit: "区文化和旅游局", names: ["区文旅局", "Culture Bureau"] };
    expect(unitGoesBy(g, "文化和旅游")).toBe(true);
    expect(unitGoesBy(g, "文旅局")).toBe(true);
    expect(unitGoesBy(g, "区文化局")).toBe(true);
    expect(unitGoesBy(g, "ＣＵＬＴＵＲＥ bureau")).toBe(true);
    expect(unitGoesBy(g, "旅文局")).toBe(false);
    expect(unitGoesBy(g, "")).toBe(false);
    expect(unitGoesBy({ unit: "", names: ["区文旅局"] }, "文旅")).toBe(false);
  });
});

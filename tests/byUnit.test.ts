// 按单位: findings grouped by the unit that answers for them, filtered and ordered as the pane asks.
import { createApp, filterUnitFindings, findingsByUnit, runCheck, taskFinder } from "../src/app";
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

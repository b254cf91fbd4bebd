// 填报's list as the application layer computes it (src/app/fillView.ts), as plain data from real checks:
// the small 2026 desk ledger, where every task and finding can be told by hand; the 2019 Jianghan seed,
// where the list must agree with 催办 on what is missing; and a form 分发 made, opened as the unit would.
import { createApp, fillCheck, fillHint, fillUnitName, fillUnits, fillView, matchingUnits, reminders, type FillCheck, type Finding, type FindingKind } from "../src/app";
import { formFiles, formWorkbook } from "../src/files/forms";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";
import { portOf } from "./app/seeds";
import { syntheticDirectoryRows, syntheticLedgerRows, syntheticUnits } from "./helpers/syntheticLedger";
import { RETURN_MARKER_SHEET, RETURN_SHEET } from "../src/core/returns";

const TODAY = new Date(2026, 10, 22);
const Q3 = { year: 2026, q: 3 as const };

let desk: FillCheck;
beforeAll(async () => {
  desk = await fillCheck(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3 });
});

describe("填报's list for one unit", () => {
  test("the tasks it leads first, then those it co-owns, each with its kinds, its hint and its progress cell; the count heads them", () => {
    // 区发展和改革局 leads task 2 (G4 empty) and co-owns tasks 1 (reported with figures) and 4 (暂无, its deadline past).
    const view = fillView(desk, "区发展和改革局", "zh");
    expect(view.unit).toBe("区发展和改革局");
    expect(view.tasks.map((t) => [t.place, t.role])).toEqual([
      ["序号2 · G4", "lead"],
      ["序号1 · G3", "co"],
      ["序号4 · G6", "co"],
    ]);
    expect(view.heading).toBe("本单位第三季度 3 项任务：已报送 1 项，待完善 2 项");
    expect([view.total, view.reported, view.pending]).toEqual([3, 1, 2]);
    const [missing, reported, weak] = view.tasks;
    expect(missing!.labels.map((l) => l.name)).toEqual(["未填进展"]);
    expect(missing!.labels[0]!.tone).toBe("danger");
    expect(missing!.hints).toEqual(["还没有填写三季度进展：请写明本季度做了什么、完成多少，例如“新建城市书房3个，完成年度目标的60%”（报送截止 2026-10-10）。"]);
    expect(missing!.task).toBe("固定资产投资总额完成430亿元。");
    expect(reported!.labels).toEqual([]);
    expect(reported!.hints).toEqual([]);
    expect(reported!.reported).toBe(true);
    expect(weak!.labels.map((l) => l.name)).toEqual(["进展只有套话", "已过完成时限"]);
    expect(weak!.hints[0]).toBe("“暂无”是套话：请写明本季度做了什么、完成多少，例如“新建城市书房3个，完成年度目标的60%”。");
    expect(weak!.hints[1]).toMatch(/^完成时限 2026-06-30 已过：/);
    expect(view.tasks.map((t) => t.cell)).toEqual(["G4", "G3", "G6"]);
    expect(view.sheet).toBe("台账");
    expect(view.formOf).toBeUndefined();
  });

  test("a unit chosen by its alias or former name is the directory's unit; a renamed name in its own task is listed with the progress", () => {
    expect(fillView(desk, "区发改局", "zh")).toEqual(fillView(desk, "区发展和改革局", "zh"));
    // 区城管委 is the former name of 区城市管理执法局: task 3 writes it so (C5), with 正在推进 as progress.
    const view = fillView(desk, "区城管委", "zh");
    expect(view.unit).toBe("区城市管理执法局");
    expect(view.tasks.map((t) => t.place)).toEqual(["序号3 · G5", "序号4 · G6"]);
    const [renamed] = view.tasks;
    expect(renamed!.labels.map((l) => l.name)).toEqual(["单位已更名或撤销", "进展只有套话"]);
    expect(renamed!.hints).toEqual(["“区城管委”已更名为“区城市管理执法局”，请改用现名。", "“正在推进”是套话：请写明本季度做了什么、完成多少，例如“新建城市书房3个，完成年度目标的60%”。"]);
    // The unit's name to correct is the office's matter: the task counts as not reported for its progress alone.
    expect(view.heading).toBe("本单位第三季度 2 项任务：已报送 0 项，待完善 2 项");
    // Another unit's name in the same task is not this unit's to hear about: 区卫键局's task is its own.
    expect(fillView(desk, "区商务局", "zh").tasks.flatMap((t) => t.labels)).toEqual([]);
    expect(fillView(desk, "区商务局", "zh").heading).toBe("本单位第三季度 1 项任务：已报送 1 项，待完善 0 项");
  });

  test("in English: the heading, the kinds and the hints; a unit with no task says so", () => {
    const view = fillView(desk, "区发改局", "en");
    expect(view.heading).toBe("Q3: 3 tasks of your unit, 1 reported, 2 to complete");
    expect(view.tasks[0]!.place).toBe("No. 2 · G4");
    expect(view.tasks[2]!.labels.map((l) => l.name)).toEqual(["Placeholder progress", "Past its deadline"]);
    expect(view.tasks[2]!.hints[0]).toBe('"暂无" is a placeholder: write what was done this quarter and how much, e.g. "3 new city reading rooms, 60% of the year\'s target".');
    // The ledger writes 区卫键局 (a slip the directory lacks): read as 区卫生健康局, as 催办 reads it, and said.
    const slip = fillView(desk, "区卫生健康局", "zh");
    expect(slip.tasks.map((t) => [t.place, t.labels.map((l) => l.name)])).toEqual([["序号5 · G7", ["单位不在目录中", "未填进展"]]]);
    expect(slip.tasks[0]!.hints[0]).toBe("“区卫键局”不在部门目录中，可能是“区卫生健康局”。请改正，或把它加入部门目录。");
    const none = fillView(desk, "区教育局", "zh");
    expect(none.tasks).toEqual([]);
    expect(none.heading).toBe("本单位第三季度 0 项任务：已报送 0 项，待完善 0 项");
    expect(none.empty).toBe("台账中没有“区教育局”第三季度的任务：请核对所选的单位。");
    expect(fillView(desk, "区发改局", "zh").empty).toBeUndefined();
  });

  test("本单位's choices: the directory's units by name, found by a name, alias, former name or a short form", () => {
    const options = fillUnits(desk);
    expect(options.map((o) => o.name)).toEqual(["区财政局", "区发展和改革局", "区城市管理执法局", "区卫生健康局", "区商务局"].sort(new Intl.Collator("zh").compare));
    const found = (q: string) => matchingUnits(options, q).map((o) => o.name);
    expect(found("发改")).toEqual(["区发展和改革局"]);
    expect(found("城管委")).toEqual(["区城市管理执法局"]);
    expect(found("卫健")).toEqual(["区卫生健康局"]);
    expect(found("区财局")).toEqual(["区财政局"]);
    // The ledger's slip for it (区卫键局) finds it as well.
    expect(options.find((o) => o.name === "区卫生健康局")!.names).toEqual(["区卫健局", "区卫键局"]);
    expect(found("卫键")).toEqual(["区卫生健康局"]);
    expect(found(" ")).toHaveLength(5);
    expect(found("教育")).toEqual([]);
  });

  test("without a directory: the units the ledger names, as written", async () => {
    const bare = await fillCheck(bookOf(DESK_LEDGER), TODAY, { quarter: Q3 });
    expect(fillUnits(bare).map((o) => o.name)).toEqual(["区财政局", "区发改局", "区城管委", "区城市管理执法局", "区卫键局", "区商务局"].sort(new Intl.Collator("zh").compare));
    expect(fillView(bare, "区发改局", "zh").tasks.map((t) => t.place)).toEqual(["序号2 · G4", "序号1 · G3", "序号4 · G6"]);
  });
});

describe("填报 over a large ledger", () => {
  test("each unit's tasks still to complete that it leads are the tasks its 催办单 lists; led first, then co-owned, in ledger order", async () => {
    // 400 tasks of 20 units, with blanks, placeholders, copies of last quarter and past deadlines; half have co-units.
    const units = syntheticUnits(20);
    const check = await fillCheck(bookOf(syntheticLedgerRows(400, units), syntheticDirectoryRows(units)), TODAY, { quarter: Q3 });
    const bySending = new Map(reminders(check.outcome, TODAY).map((r) => [r.unit, r.items.map((i) => i.cell)]));
    let pending = 0;
    let reported = 0;
    let coOwned = 0;
    expect(fillUnits(check).map((o) => o.name).sort()).toEqual([...units].sort());
    for (const name of units) {
      const view = fillView(check, name, "zh");
      const pendingLed = view.tasks.filter((t) => t.role === "lead" && !t.reported).map((t) => t.cell);
      expect([name, pendingLed.sort()]).toEqual([name, [...(bySending.get(name) ?? [])].sort()]);
      const led = view.tasks.filter((t) => t.role === "lead");
      const co = view.tasks.filter((t) => t.role === "co");
      expect(view.tasks).toEqual([...led, ...co]);
      for (const part of [led, co]) expect(part.map((t) => t.row)).toEqual(part.map((t) => t.row).sort((x, y) => x - y));
      expect(view.heading).toBe(`本单位第三季度 ${view.tasks.length} 项任务：已报送 ${view.reported} 项，待完善 ${view.pending} 项`);
      // 待完善 is exactly the tasks with a progress kind found; each has a hint per kind.
      for (const t of view.tasks) {
        expect(t.reported).toBe(t.labels.every((l) => !["missing-progress", "placeholder-progress", "stale-progress", "unquantified-progress", "overdue", "done-unsupported"].includes(l.kind)));
        expect(t.hints).toHaveLength(new Set(t.labels.map((l) => l.kind)).size);
      }
      pending += view.pending;
      reported += view.reported;
      coOwned += co.length;
    }
    // The ledger has every state: the comparisons above are not of empty lists.
    expect(pending).toBeGreaterThan(20);
    expect(reported).toBeGreaterThan(100);
    expect(coOwned).toBeGreaterThan(100);
  });
});

describe("填报 in a form 分发 made", () => {
  test("the form's own unit and quarter, whatever is chosen; its rows by their 本单位 column, on the form's sheet", async () => {
    const app = createApp({ port: bookOf(DESK_LEDGER, DESK_DIRECTORY), today: () => TODAY, forms: async () => formFiles });
    const plan = await app.planForms({ quarter: Q3 });
    const form = await formWorkbook(plan.forms.find((f) => f.unit === "区发展和改革局")!);
    // The pane's quarter is another: the form's is the one it asks for.
    const check = await fillCheck(new XlsxHost(form), TODAY, { quarter: { year: 2026, q: 2 } });
    expect(check.form).toEqual({ unit: "区发展和改革局", quarter: Q3 });
    const view = fillView(check, "区商务局", "zh");
    expect(view.unit).toBe("区发展和改革局");
    expect(view.sheet).toBe("进展填报");
    expect(view.formOf).toBe("这是发给“区发展和改革局”的填报表：列出的是本表中的任务。");
    expect(view.tasks.map((t) => [t.place, t.role, t.labels.map((l) => l.name)])).toEqual([
      ["序号2 · I4", "lead", ["未填进展"]],
      ["序号1 · I3", "co", []],
      ["序号4 · I5", "co", ["进展只有套话", "已过完成时限"]],
    ]);
    expect(view.heading).toBe("本单位第三季度 3 项任务：已报送 1 项，待完善 2 项");
  });

  test("a form whose marker lacks its unit is refused as the check refuses it", async () => {
    const port = portOf({ [RETURN_SHEET]: [["序号", "目标任务", "三季度进展"], [1, "任务", ""]], [RETURN_MARKER_SHEET]: [["单位", "季度"], ["", "2026Q3"]] });
    await expect(fillCheck(port, TODAY)).rejects.toMatchObject({ detail: { code: "form-workbook", unit: "" } });
  });
});

describe("填报's hints", () => {
  const at = { cell: "I9", row: 9, taskNo: "7", field: "progress" as const, quarter: Q3 };
  const kinds: FindingKind[] = ["missing-progress", "placeholder-progress", "stale-progress", "unquantified-progress", "overdue", "done-unsupported"];
  const finding = (kind: FindingKind, more: Partial<Finding> = {}): Finding => ({ kind, ...at, value: "正在推进", ...more });

  test("each progress kind has its own, in each language; the Chinese ones say what to write, the English ones hold no Chinese but the cell's text", () => {
    for (const lang of ["zh", "en"] as const) {
      const hints = kinds.map((k) => fillHint(finding(k, k === "overdue" ? { deadline: "2026-06-30" } : {}), lang));
      expect(new Set(hints).size).toBe(kinds.length);
      for (const h of hints) expect(h.replace("正在推进", "")).not.toMatch(lang === "en" ? /\p{Script=Han}/u : /[A-Za-z]{3}/);
    }
    expect(fillHint(finding("stale-progress"))).toBe("与二季度进展几乎相同：请写本季度新做了什么、完成多少，不要照抄上季度。");
    expect(fillHint(finding("stale-progress"), "en")).toMatch(/^Almost the same as Q2's progress/);
    expect(fillHint(finding("overdue", { deadline: "2026-06-30" }))).toMatch(/^完成时限 2026-06-30 已过/);
  });

  test("a cell holding an error value is said to be one; a long placeholder is cut short", () => {
    expect(fillHint(finding("missing-progress", { cause: "error-value", value: "#REF!" }))).toMatch(/^进展是错误值“#REF!”（公式出错）：请写明本季度做了什么/);
    expect(fillHint(finding("missing-progress", { cause: "blank", value: "" }))).toMatch(/^还没有填写三季度进展：.*（报送截止 2026-10-10）。$/);
    expect(fillHint(finding("placeholder-progress", { value: "  按计划有序推进各项工作落实落细  " }))).toMatch(/^“按计划有序推进各项工作落…”是套话：/);
  });
});

// The desk ledger with three tasks more and a directory that knows of two abolished units: 区市政局 (taken
// over by 区城市管理执法局, which lists it among its former names) and 区农业局 (taken over by none).
const ROUND_LEDGER = [
  ...DESK_LEDGER,
  // Task 8: 区财政局 written short (found by the directory as 区财政局), with 区市政局 (abolished) to help.
  [8, "新建停车泊位500个。", "财政局", "区市政局", "", "完成200个", "完成泊位520个。"],
  // Task 9: the abolished 区农业局 with none to take it over; task 10: a name the directory cannot place at all.
  [9, "建设都市田园综合体1个。", "区农业局", "", "", "完成规划", ""],
  [10, "新增公共阅读空间5个。", "区图书馆", "", "", "完成2个", "截至9月底，建成公共阅读空间5个。"],
];
const ROUND_DIRECTORY = [
  ...DESK_DIRECTORY.map((r) => (r[0] === "区城市管理执法局" ? ["区城市管理执法局", "", "区城管委、区市政局", "部门", "有效"] : r)),
  ["区市政局", "", "", "部门", "已撤销"],
  ["区农业局", "", "", "部门", "已撤销"],
];

describe("填报's units: names the directory knows in other forms, and those it has abolished", () => {
  let round: FillCheck;
  beforeAll(async () => {
    round = await fillCheck(bookOf(ROUND_LEDGER, ROUND_DIRECTORY), TODAY, { quarter: Q3 });
  });

  test("a unit chosen under any name is the directory's unit now: spaced, short, renamed or abolished; without a directory, as written", () => {
    const directory = round.outcome.workbook.directory!;
    expect(fillUnitName("  区发改局 ", directory)).toBe("区发展和改革局");
    expect(fillUnitName("财政局", directory)).toBe("区财政局");
    expect(fillUnitName("区城管委", directory)).toBe("区城市管理执法局");
    expect(fillUnitName("区市政局", directory)).toBe("区城市管理执法局");
    // Abolished with none to take it over: the directory's own name for it.
    expect(fillUnitName("区农业局", directory)).toBe("区农业局");
    expect(fillUnitName("区图书馆", directory)).toBe("区图书馆");
    expect(fillUnitName("  区教育局 ", undefined)).toBe("区教育局");
    expect(fillView(round, " 区财政局  ", "zh").unit).toBe("区财政局");
  });

  test("本单位's choices are the units in force, each with the ledger's other spellings of it but not its own name", () => {
    const options = fillUnits(round);
    expect(options.map((o) => o.name).sort()).toEqual(["区财政局", "区发展和改革局", "区城市管理执法局", "区卫生健康局", "区商务局"].sort());
    const namesOf = (unit: string) => options.find((o) => o.name === unit)!.names;
    // The ledger writes 区财政局 as it is (tasks 1 and 2) and short (task 8).
    expect(namesOf("区财政局")).toEqual(["财政局"]);
    expect(namesOf("区商务局")).toEqual([]);
    expect(namesOf("区城市管理执法局")).toEqual(expect.arrayContaining(["区城管委", "区市政局"]));
    expect(namesOf("区城市管理执法局")).not.toContain("区城市管理执法局");
  });

  test("words typed find the units that go by every one of them", () => {
    const options = fillUnits(round);
    const found = (q: string) => matchingUnits(options, q).map((o) => o.name);
    expect(found("区 财政")).toEqual(["区财政局"]);
    expect(found("财政 发改")).toEqual([]);
    expect(found("市政")).toEqual(["区城市管理执法局"]);
  });

  test("a task lists the findings on its own unit's name, not those on another unit's in the same task", () => {
    // Task 8: 区财政局 leads it; its co-unit 区市政局 is abolished, which is 区城市管理执法局's to hear about.
    const finance = fillView(round, "区财政局", "zh").tasks.find((t) => t.row === 10)!;
    expect(finance).toMatchObject({ role: "lead", labels: [], reported: true });
    const city = fillView(round, "区城市管理执法局", "zh").tasks.find((t) => t.row === 10)!;
    expect(city.role).toBe("co");
    expect(city.labels.map((l) => l.kind)).toEqual(["renamed-unit"]);
    expect(city.hints).toHaveLength(1);
    expect(city.reported).toBe(true);
    // Task 9: the abolished 区农业局's own task carries the finding on its name, with no successor to suggest.
    const farm = fillView(round, "区农业局", "zh");
    expect(farm.tasks.map((t) => [t.row, t.role, t.labels.map((l) => l.kind)])).toEqual([[11, "lead", ["renamed-unit", "missing-progress"]]]);
  });

  test("a name the directory cannot place is no choice, and its task is nobody's but its own name's", () => {
    expect(fillUnits(round).some((o) => o.name === "区图书馆" || o.names.includes("区图书馆"))).toBe(false);
    expect(fillUnits(round).every((o) => typeof o.name === "string")).toBe(true);
    const library = fillView(round, "区图书馆", "zh");
    expect(library.tasks.map((t) => [t.row, t.labels.map((l) => l.kind)])).toEqual([[12, ["unknown-unit"]]]);
  });
});

describe("填报's list is a function of the check's findings, whatever their order", () => {
  const withFindings = (check: FillCheck, findings: readonly Finding[]): FillCheck => ({ ...check, outcome: { ...check.outcome, result: { ...check.outcome.result, findings } } });

  test("the findings in reverse order give the same list: each task's kinds in report order", () => {
    const reversed = withFindings(desk, [...desk.outcome.result.findings].reverse());
    for (const unit of ["区发展和改革局", "区城市管理执法局", "区卫生健康局"]) expect(fillView(reversed, unit, "zh")).toEqual(fillView(desk, unit, "zh"));
    expect(fillView(reversed, "区城市管理执法局", "zh").tasks[0]!.labels.map((l) => l.kind)).toEqual(["renamed-unit", "placeholder-progress"]);
  });

  test("a finding on a row below the last task is in no unit's list", () => {
    const below: Finding = { kind: "missing-progress", cell: "G20", row: 20, taskNo: "", field: "progress", quarter: Q3, value: "" };
    const more = withFindings(desk, [...desk.outcome.result.findings, below]);
    expect(fillView(more, "区发展和改革局", "zh")).toEqual(fillView(desk, "区发展和改革局", "zh"));
  });
});

// 填报's reading of the workbook, over the plain-data port: the quarter asked for is the one checked, nothing
// is ever marked, a form is checked for its own quarter even when its title names another year, and a
// failure that is not "this is a form" reaches the caller as it came.
describe("填报's check of a ledger (src/app/fill.ts)", () => {
  test("the quarter asked for is the one checked, and not a cell is marked though findings are there", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
    const q2 = await fillCheck(port, TODAY, { quarter: { year: 2026, q: 2 } });
    expect(q2.outcome.result.quarter).toEqual({ year: 2026, q: 2 });
    // Task 6's second-quarter progress is empty: a finding on F8, the Q2 column.
    expect(q2.outcome.result.findings.some((f) => f.kind === "missing-progress" && f.cell === "F8")).toBe(true);
    expect(q2.form).toBeUndefined();
    // The default (the third quarter, for this day) checks the other column.
    const q3 = await fillCheck(port, TODAY);
    expect(q3.outcome.result.quarter).toEqual({ year: 2026, q: 3 });
    expect(q3.outcome.result.findings.length).toBeGreaterThan(0);
    expect(port.applied).toEqual([]);
    expect(q3.outcome.marked).toBe(0);
  });

  test("a host that fails as the workbook is read: the failure reaches the caller as it came", async () => {
    const port = portOf({ 台账: DESK_LEDGER });
    const lost = new Error("connection lost");
    port.failReadAt = { index: 0, error: lost };
    await expect(fillCheck(port, TODAY)).rejects.toBe(lost);
  });
});

describe("填报's check of a form (src/app/fill.ts)", () => {
  // A form as 分发 makes it, its sheet titled with the ledger's year (2025) and its marker asking for 2026Q3.
  const form = (title: string, roleHeading = "本单位") =>
    portOf({
      [RETURN_SHEET]: [[title], ["序号", "目标任务", roleHeading, "三季度进展"], [1, "新建口袋公园3个。", "牵头", ""], [2, "改造老旧小区5个。", "配合", "已完成改造5个。"]],
      [RETURN_MARKER_SHEET]: [["单位", "季度"], ["区园林局", "2026Q3"]],
    });

  test("checked for the quarter its marker names, even when its title names another year; nothing marked", async () => {
    const port = form("2025年区政府工作报告任务进展填报表（区园林局）");
    const check = await fillCheck(port, TODAY, { quarter: { year: 2026, q: 2 } });
    expect(check.form).toEqual({ unit: "区园林局", quarter: { year: 2026, q: 3 } });
    expect(check.outcome.result.ledger.year).toBe(2025);
    expect(check.outcome.result.quarter).toEqual({ year: 2026, q: 3 });
    expect(check.outcome.result.ledger.sheet).toBe(RETURN_SHEET);
    expect(check.outcome.result.findings.map((f) => [f.kind, f.cell])).toContainEqual(["missing-progress", "D3"]);
    expect(port.applied).toEqual([]);
  });

  test("its rows' roles by the 本单位 column, its heading read as a person may have spaced it", async () => {
    for (const heading of ["本单位", " 本单位 "]) {
      const check = await fillCheck(form("2026年区政府工作报告任务进展填报表（区园林局）", heading), TODAY);
      const view = fillView(check, "区商务局", "zh");
      expect(view.unit).toBe("区园林局");
      expect(view.tasks.map((t) => [t.row, t.role, t.reported])).toEqual([
        [3, "lead", false],
        [4, "co", true],
      ]);
    }
  });
});

// The pages of the pane as the application layer computes them (src/app/*View.ts): what 检查, 按单位,
// 分发 and 合并回报, and 汇总 show, as plain data from a real check of a small 2026 ledger, so that the
// rules the components used to hold (which kind is fixable, how a kind is coloured, what is cut short and
// what is counted) are tested here, fast and where mutation testing sees them.
import {
  checkView,
  createApp,
  detectedLines,
  directoryView,
  distributeView,
  findingClass,
  findingsByUnit,
  kindTone,
  noticeView,
  problemOf,
  readNotice,
  settingsForm,
  settingsOfForm,
  SETTING_DEFAULTS,
  runCheck,
  SECTION_SHOWN,
  summaryFigures,
  toggled,
  unitsView,
  AppError,
  type CheckOutcome,
  type FormsPlan,
  type MergePlan,
  type NoticeItem,
  type UnitHeaderRow,
  type UnitItemRow,
} from "../src/app";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER, type Rows } from "./helpers/desk";
import { WEB_NOTICE } from "./helpers/notices";
import { findingText } from "../src/app/messages";

const TODAY = new Date(2026, 10, 22);
const Q2 = { year: 2026, q: 2 as const };
const Q3 = { year: 2026, q: 3 as const };

let outcome: CheckOutcome;
beforeAll(async () => {
  outcome = await runCheck(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3, mark: false });
});

describe("检查's page", () => {
  test("the line says the sheet, the header row, the tasks and the cells marked", () => {
    const page = checkView({ ...outcome, marked: 5 }, { lang: "zh" });
    expect(page.checked).toBe("工作表“台账” · 表头第 2 行 · 任务 7 项 · 已在台账上标记 5 个单元格");
    expect(checkView(outcome, { lang: "en" }).checked).toBe('Sheet "台账" · header row 2 · 7 tasks · 0 cells marked on the ledger');
  });

  test("the kinds in report order, each headed by its count, coloured by what it asks of the person", () => {
    const page = checkView(outcome, { lang: "zh" });
    expect(page.total).toBe(outcome.result.findings.length);
    expect(page.totalText).toBe(`共 ${page.total} 处问题（每处只计一次）`);
    expect(page.kinds.reduce((n, k) => n + k.count, 0)).toBe(page.total);
    const missing = page.kinds.find((k) => k.kind === "missing-progress")!;
    // Task 2's and task 5's column is empty (task 6 has no unit either).
    expect(missing.heading).toBe(`未填进展（${missing.count}）`);
    expect(missing.items.map((i) => i.finding.cell)).toEqual(expect.arrayContaining(["G4", "G7"]));
    expect(kindTone("missing-progress")).toBe("danger");
    expect(kindTone("renamed-unit")).toBe("warning");
    expect(kindTone("unknown-unit")).toBe("warning");
    expect(kindTone("missing-unit")).toBe("warning");
    expect(kindTone("placeholder-progress")).toBe("informative");
    for (const k of page.kinds) expect(k.tone).toBe(kindTone(k.kind));
  });

  test("全部应用 only where a suggested name corrects the cells, with how many", () => {
    const page = checkView(outcome, { lang: "zh" });
    const renamed = page.kinds.find((k) => k.kind === "renamed-unit")!;
    // 区城管委 is the former name of 区城市管理执法局.
    expect(renamed.fixable).toBe(1);
    expect(renamed.applyAll).toBe("全部应用（1 处）");
    const missing = page.kinds.find((k) => k.kind === "missing-progress")!;
    expect(missing.fixable).toBe(0);
    expect(missing.applyAll).toBeUndefined();
    expect(renamed.items[0]!.offer.corrections).toEqual(["区城市管理执法局"]);
  });

  test("a finding shows its task and cell, its task's lead unit on progress, and its class", () => {
    const page = checkView(outcome, { lang: "zh" });
    const missing = page.kinds.find((k) => k.kind === "missing-progress")!;
    const task2 = missing.items.find((i) => i.finding.cell === "G4")!;
    expect(task2.place).toBe("序号2 · G4");
    expect(task2.lead).toBe("牵头：区发改局");
    expect(task2.taskClass?.taskClass).toBe("未报送");
    expect(task2.text.length).toBeGreaterThan(0);
    const renamed = page.kinds.find((k) => k.kind === "renamed-unit")!.items[0]!;
    // A unit finding: no lead line, no class.
    expect(renamed.lead).toBeUndefined();
    expect(renamed.taskClass).toBeUndefined();
    expect(findingClass(page.classes, renamed.finding)).toBeUndefined();
    expect(findingClass(page.classes, task2.finding)).toEqual(task2.taskClass);
  });

  test("a long lead unit is cut at 24 characters, its spaces made one", async () => {
    const long = "区城市管理执法局、区发展和改革局、区财政局、区卫生健康局";
    const ledger: Rows = DESK_LEDGER.map((r, i) => (i === 3 ? [r[0]!, r[1]!, `${long.slice(0, 4)}\n  ${long.slice(4)}`, "", "", "完成150亿元", ""] : r));
    const o = await runCheck(bookOf(ledger, DESK_DIRECTORY), TODAY, { quarter: Q3, mark: false });
    const item = checkView(o, { lang: "zh" }).kinds.flatMap((k) => k.items).find((i) => i.finding.cell === "G4")!;
    expect(item.lead).toBe(`牵头：${`${long.slice(0, 4)} ${long.slice(4)}`.slice(0, 24)}…`);
  });

  test("a lead unit of exactly 24 characters is shown whole; a finding's text is the short one; keys tell findings apart", async () => {
    const unit = "区城市管理执法局、区发展和改革局、区财政局、区卫".slice(0, 24);
    const ledger: Rows = DESK_LEDGER.map((r, i) => (i === 3 ? [r[0]!, r[1]!, unit, "", "", "完成150亿元", ""] : r));
    const o = await runCheck(bookOf(ledger, DESK_DIRECTORY), TODAY, { quarter: Q3, mark: false });
    const items = checkView(o, { lang: "zh" }).kinds.flatMap((k) => k.items);
    const item = items.find((i) => i.finding.cell === "G4")!;
    expect(item.lead).toBe(`牵头：${unit}`);
    expect(item.text).toBe(findingText(item.finding, "zh", true));
    expect(item.text).not.toBe(findingText(item.finding, "zh", false));
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    // Two findings of one kind in one cell, told apart by the unit each names.
    const two = await runCheck(bookOf([DESK_LEDGER[0]!, DESK_LEDGER[1]!, [1, "任务。", "区某甲局、区某乙局", "", "", "完成", "完成"]], DESK_DIRECTORY), TODAY, { quarter: Q3, mark: false });
    const unknown = checkView(two, { lang: "zh" }).kinds.find((k) => k.kind === "unknown-unit")!.items;
    expect(unknown.map((i) => i.finding.cell)).toEqual(["C3", "C3"]);
    expect(new Set(unknown.map((i) => i.key)).size).toBe(2);
  });

  test("a ledger without findings: no total, no kinds; a first quarter wholly empty has no quarter before to offer", async () => {
    const clean: Rows = [DESK_LEDGER[0]!, DESK_LEDGER[1]!, [1, "一般公共预算总收入实现255亿元。", "区财政局", "", "", "完成130亿元，完成全年目标的51%。", "截至9月底，完成217.6亿元，完成全年目标的85%。"]];
    const o = await runCheck(bookOf(clean, DESK_DIRECTORY), TODAY, { quarter: Q3, mark: false });
    const page = checkView(o, { lang: "zh" });
    expect(page.total).toBe(0);
    expect(page.totalText).toBeUndefined();
    expect(page.kinds).toEqual([]);
    const firstEmpty: Rows = [DESK_LEDGER[0]!, ["序号", "目标任务", "牵头单位", "一季度进展", "二季度进展"], [1, "任务。", "区财政局", "", "完成"]];
    const q1 = await runCheck(bookOf(firstEmpty, DESK_DIRECTORY), TODAY, { quarter: { year: 2026, q: 1 }, mark: false });
    const empty = checkView(q1, { lang: "zh" }).empty!;
    expect(empty.text).toContain("一季度进展");
    expect(empty.instead).toBeUndefined();
  });

  test("at most `shown` findings of a kind, the rest said", () => {
    const page = checkView(outcome, { lang: "zh", shown: 1 });
    const missing = page.kinds.find((k) => k.kind === "missing-progress")!;
    expect(missing.items).toHaveLength(1);
    expect(missing.more).toBe(`…… 另有 ${missing.count - 1} 处，已在台账上标出；“按单位”列出全部。`);
    expect(page.kinds.find((k) => k.count === 1)?.more).toBeUndefined();
  });

  test("the legend counts every task once, in its class", () => {
    const page = checkView(outcome, { lang: "zh" });
    expect(Object.values(page.classCounts).reduce((a, b) => a + b, 0)).toBe(7);
    // Task 7 reports 增长8.5%, 超时序进度; tasks 2, 5 and 6 have nothing for the quarter.
    expect(page.classCounts["未报送"]).toBeGreaterThanOrEqual(3);
  });

  test("a quarter whose column is wholly empty is said, with the quarter before to check instead", async () => {
    const ledger: Rows = DESK_LEDGER.map((r, i) => (i < 2 ? r : [...r.slice(0, 6), ""]));
    const o = await runCheck(bookOf(ledger, DESK_DIRECTORY), TODAY, { quarter: Q3, mark: false });
    const page = checkView(o, { lang: "zh" });
    expect(page.empty?.text).toContain("三季度进展");
    expect(page.empty?.instead).toEqual({ quarter: Q2, text: "2026Q2", label: "改查2026年第二季度" });
    expect(checkView(outcome, { lang: "zh" }).empty).toBeUndefined();
  });

  test("the notes of the check, said in the pane's language", () => {
    const withNote: CheckOutcome = { ...outcome, workbook: { ...outcome.workbook, notes: [{ code: "ledger-not-active", sheet: "台账", active: "部门目录", why: "directory" }] } };
    expect(checkView(withNote, { lang: "zh", active: "部门目录" }).notes).toEqual(["当前工作表“部门目录”是部门目录，检查的是台账工作表“台账”。"]);
    expect(checkView(withNote, { lang: "en", active: "部门目录" }).notes[0]).toMatch(/^The active sheet/);
    // The person has gone to the ledger since: not said.
    expect(checkView(withNote, { lang: "zh", active: "台账" }).notes).toHaveLength(0);
  });
});

describe("按单位's list", () => {
  test("each unit's header, then its findings; a folded unit shows its header only", () => {
    const groups = findingsByUnit(outcome);
    const open = unitsView(groups, {}, new Set(), "zh");
    const headers = open.rows.filter((r): r is UnitHeaderRow => r.kind === "unit");
    expect(headers.map((h) => h.group.unit)).toEqual(groups.map((g) => g.unit));
    expect(open.rows).toHaveLength(groups.length + groups.reduce((n, g) => n + g.items.length, 0));
    const first = groups[0]!.unit;
    const folded = unitsView(groups, {}, toggled(new Set(), first), "zh");
    expect(folded.rows).toHaveLength(open.rows.length - groups[0]!.items.length);
    expect(folded.rows.find((r) => r.kind === "unit" && r.group.unit === first)).toMatchObject({ open: false });
    expect(toggled(toggled(new Set(), first), first).size).toBe(0);
  });

  test("badges: not listed, lead and co counts; a co-unit's finding says so; the tasks without a unit last", () => {
    const view = unitsView(findingsByUnit(outcome), {}, new Set(), "zh");
    const header = (unit: string) => view.rows.find((r): r is UnitHeaderRow => r.kind === "unit" && r.group.unit === unit)!;
    // 区卫键局 is written for 区卫生健康局 (区卫健局): the directory does not list it.
    expect(header("区卫键局").notListed).toBe("不在目录");
    expect(header("区财政局").notListed).toBeUndefined();
    // 区发改局 leads task 2 (no progress) and co-owns tasks 1 and 4.
    const fgj = header("区发展和改革局");
    expect(fgj.lead).toMatch(/^牵头 \d+$/);
    expect(fgj.co).toMatch(/^配合 \d+$/);
    const co = view.rows.find((r): r is UnitItemRow => r.kind === "item" && r.group.unit === "区发展和改革局" && r.item.role === "co")!;
    expect(co.role).toBe("（配合）");
    expect(co.place).toMatch(/^序号\d+ · [A-Z]+\d+$/);
    const lead = view.rows.find((r): r is UnitItemRow => r.kind === "item" && r.item.role === "lead")!;
    expect(lead.role).toBeUndefined();
    expect(view.units.at(-1)).toEqual({ value: "", label: "（未填责任单位）" });
    expect(view.allUnits).toBe(`全部单位（${findingsByUnit(outcome).length}）`);
  });

  test("the kinds to filter by are those found; the count follows the filter", () => {
    const groups = findingsByUnit(outcome);
    const view = unitsView(groups, {}, new Set(), "zh");
    const found = new Set(outcome.result.findings.map((f) => f.kind));
    expect(view.kinds.map((k) => k.kind).sort()).toEqual([...found].sort());
    const renamed = unitsView(groups, { kind: "renamed-unit" }, new Set(), "zh");
    expect(renamed.count).toBe("1 个单位，1 处问题");
    expect(renamed.rows.map((r) => r.kind)).toEqual(["unit", "item"]);
    // Only a lead: no co badge.
    expect(renamed.rows[0]).toMatchObject({ lead: "牵头 1" });
    expect((renamed.rows[0] as UnitHeaderRow).co).toBeUndefined();
    const coOnly = unitsView(groups, { kind: "missing-progress", unit: "区财政局" }, new Set(), "zh").rows[0] as UnitHeaderRow;
    expect(coOnly.co).toBe("配合 1");
    expect(coOnly.lead).toBeUndefined();
  });

  test("the units to choose from by name, the tasks without a unit last; each row's key its own", () => {
    const groups = findingsByUnit(outcome);
    const view = unitsView(groups, {}, new Set(), "zh");
    const named = groups.map((g) => g.unit).filter(Boolean).sort(new Intl.Collator("zh").compare);
    expect(view.units.map((u) => u.value)).toEqual([...named, ""]);
    expect(new Set(view.rows.map((r) => r.key)).size).toBe(view.rows.length);
  });
});

describe("分发 and 合并回报's page", () => {
  const app = () => createApp({ port: bookOf(DESK_LEDGER, DESK_DIRECTORY), today: () => TODAY, forms: async () => (await import("../src/files/forms")).formFiles });
  let forms: FormsPlan;
  beforeAll(async () => {
    forms = await app().planForms({ quarter: Q3 });
  });

  test("each unit's form with its tasks and leads; the units no form reaches first, with what to change them to", () => {
    const view = distributeView({ lang: "zh", quarter: Q3, forms, included: [] }).forms!;
    expect(view.made).toContain(`${forms.forms.length}`);
    const finance = view.units.find((u) => u.unit === "区财政局")!;
    // 区财政局 leads task 1 and co-owns task 2.
    expect(finance.rows).toBe("2 项（牵头 1）");
    expect(finance.downloadLabel).toBe("下载 区财政局");
    // 区发展和改革局 leads task 2 and co-owns tasks 1 and 4.
    expect(view.units.find((u) => u.unit === "区发展和改革局")!.rows).toBe("3 项（牵头 1）");
    const typo = view.pending.find((p) => p.name === "区卫键局")!;
    expect(typo.changes.map((c) => c.label)).toEqual(typo.changes.map((c) => `改为：${c.name}`));
    expect(view.pendingText).toContain(`${view.pending.length}`);
  });

  test("a unit confirmed as real is no longer asked about; 全部应用 only while a pending unit has a suggestion", () => {
    const all = distributeView({ lang: "zh", quarter: Q3, forms, included: [] }).forms!;
    const withSuggestion = all.pending.filter((p) => p.changes.length).map((p) => p.name);
    expect(withSuggestion.length).toBeGreaterThan(0);
    expect([...all.applyAll!.keys()]).toEqual(withSuggestion);
    const confirmed = distributeView({ lang: "zh", quarter: Q3, forms, included: all.pending.map((p) => p.name) }).forms!;
    expect(confirmed.pending).toEqual([]);
    expect(confirmed.pendingText).toBeUndefined();
    expect(confirmed.applyAll).toBeUndefined();
  });

  test("a plan made for another quarter than the one chosen now is not shown", () => {
    expect(distributeView({ lang: "zh", quarter: Q2, forms, included: [] }).forms).toBeUndefined();
    expect(distributeView({ lang: "zh", forms, included: [] }).forms).toBeDefined();
  });

  const report = (replaced: number) => ({
    unanswered: [],
    conflicts: [],
    notResponsible: [],
    editedOutside: [],
    unmatched: [],
    replaced: Array.from({ length: replaced }, (_, i) => ({ cell: `G${i + 3}`, no: String(i + 1), old: "旧" })),
    otherQuarter: [],
  });
  const merge = (edits: number, replaced = 0): MergePlan => ({
    quarter: Q3,
    sheet: "台账",
    returns: [],
    notReturns: [],
    edits: Array.from({ length: edits }, (_, i) => ({ cell: `G${i + 3}`, row: i + 3, text: "完成" })),
    report: report(replaced),
  });

  test("a merge's sections show a few items each and count the rest; nothing to write, nothing to press", () => {
    const view = distributeView({ lang: "zh", quarter: Q3, merge: merge(2, SECTION_SHOWN + 3), included: [] }).merge!;
    expect(view.write).toBe("写入台账（2 个单元格）");
    expect(view.canWrite).toBe(true);
    expect(view.sections).toHaveLength(1);
    expect(view.sections[0]!.title).toBe(`【覆盖了台账原有内容（原内容如下）】${SECTION_SHOWN + 3} 项`);
    expect(view.sections[0]!.items).toHaveLength(SECTION_SHOWN);
    expect(view.sections[0]!.more).toBe("…另有 3 项");
    const exact = distributeView({ lang: "zh", quarter: Q3, merge: merge(0, SECTION_SHOWN), included: [] }).merge!;
    expect(exact.canWrite).toBe(false);
    expect(exact.sections[0]!.more).toBeUndefined();
  });

  test("the last merge can be undone, but not while another is being planned", () => {
    const last = { label: "合并回报 2026Q3", cells: 4 };
    expect(distributeView({ lang: "zh", included: [], lastMerge: last }).undo).toBe("撤销上次合并（合并回报 2026Q3，4 个单元格）");
    expect(distributeView({ lang: "zh", included: [], lastMerge: last, merge: merge(1) }).undo).toBeUndefined();
    const written = distributeView({ lang: "zh", included: [], written: merge(3) }).written!;
    expect(written.text).toBe("已合并 0 份填报表，写入 3 个单元格（工作表“台账”，2026年第三季度进展）。");
  });
});

describe("汇总's figures and the problem bar", () => {
  test("the sheet made or updated, the totals, the classes and where they come from", async () => {
    const made = await createApp({ port: bookOf(DESK_LEDGER, DESK_DIRECTORY), today: () => TODAY }).makeSummary({ quarter: Q3 });
    const figures = summaryFigures(made, "zh");
    expect(figures.made).toBe(`已生成工作表“${made.sheet}”`);
    expect(summaryFigures({ ...made, replaced: true }, "zh").made).toBe(`已更新工作表“${made.sheet}”`);
    expect(figures.lines[0]).toMatch(/^任务 7 项，已报送 \d 项（[\d.]+%），未报送 \d 项。$/);
    expect(figures.lines[2]).toBe(`数据来源：工作表“台账”。报送截止 ${made.summary.due}。`);
  });

  test("a quarter outside the ledger's year is a question the person may confirm; another error is not", () => {
    const question = problemOf(new AppError({ code: "quarter-outside-year", quarter: "2025Q4", year: 2026 }), "zh");
    expect(question.confirmable).toBe(true);
    expect(question.text).toContain("2025");
    expect(problemOf(new AppError({ code: "finding-stale", cell: "C5" }), "zh").confirmable).toBe(false);
    expect(problemOf(new Error("boom"), "en").confirmable).toBe(false);
  });
});

describe("导入, 目录 and 设置's pages", () => {
  test("a pasted notice: the items read and those to check, per annex; each item on a line, its task cut at 40", () => {
    const { items } = readNotice(WEB_NOTICE);
    const view = noticeView(items, "zh");
    const flagged = items.filter((i) => i.flags.length);
    expect(view.heading).toBe(`识别到 ${items.length} 项任务${flagged.length ? `，其中 ${flagged.length} 项需要核对` : ""}`);
    expect(view.annexes).toMatch(/附件1/);
    expect(view.flagged.map((l) => l.item)).toEqual(flagged);
    expect(view.lines).toHaveLength(items.length);
    const first = view.lines[0]!;
    expect(first.text).toBe(`附件1 1. ${items[0]!.task.slice(0, 40)}${items[0]!.task.length > 40 ? "…" : ""} —— ${items[0]!.lead.join("、")}`);
    expect(new Set(view.lines.map((l) => l.key)).size).toBe(items.length);
    expect(noticeView([], "zh")).toEqual({ heading: "识别到 0 项任务", flagged: [], lines: [] });
  });

  test("a notice's item lines: the task cut at 40 characters, no unit said, an item to check coloured; the same item twice keyed apart by its line", () => {
    const item = (over: Partial<NoticeItem>): NoticeItem => ({ no: 1, label: "1", category: [], task: "新建口袋公园5个。", lead: ["区园林局"], cityLead: [], co: [], flags: [], line: 3, lastLine: 3, ...over });
    const long = "推进城市更新，".repeat(8);
    const items = [item({ task: long, lead: [] }), item({ task: long.slice(0, 40), line: 4, lastLine: 4, flags: [{ code: "no-task" }] }), item({ annex: 2, line: 5, lastLine: 5 })];
    const view = noticeView(items, "zh");
    expect(view.lines.map((l) => l.text)).toEqual([`1. ${long.slice(0, 40)}… —— （无责任单位）`, `1. ${long.slice(0, 40)} —— 区园林局`, "附件2 1. 新建口袋公园5个。 —— 区园林局"]);
    expect(view.lines.map((l) => l.flagged)).toEqual([false, true, false]);
    expect(view.flagged.map((l) => l.item)).toEqual([items[1]]);
    expect(view.flagged[0]!.text).toBe("第 4 行 序号1：未写任务内容");
    expect(new Set([...view.lines, ...view.flagged].map((l) => l.key)).size).toBe(4);
    expect(view.heading).toBe("识别到 3 项任务，其中 1 项需要核对");
  });

  test("目录: the directory in use and the units it lacks, taught only where the directory is the workbook's sheet", () => {
    const view = directoryView(outcome, "zh");
    expect(view.inUse).toMatch(/：5 个单位$/);
    expect(view.propose).toBeUndefined();
    const typo = view.unknown.find((u) => u.name === "区卫键局")!;
    expect(typo.cells).toEqual(["C7"]);
    expect(typo.offer).toEqual({ corrections: [], typo: false, addToDirectory: true, aliasOf: "区卫生健康局" });
    expect(view.unknownHeading).toBe(`不在目录中的单位（${view.unknown.length}）`);
  });

  test("目录 without a directory: the sheet to propose, with its count; nothing to teach", async () => {
    const o = await runCheck(bookOf(DESK_LEDGER), TODAY, { quarter: Q3, mark: false });
    const view = directoryView(o, "zh");
    expect(view.inUse).toBeUndefined();
    expect(view.propose).toMatch(/^创建目录（\d+）$/);
    expect(view.unknown.every((u) => u.offer === undefined)).toBe(true);
  });

  test("设置: the stored settings as fields, the engine's defaults filled in; a filled form as settings", () => {
    const empty = settingsForm({});
    expect(empty.minProgressLength).toBe(String(SETTING_DEFAULTS.minProgressLength));
    expect(empty.staleSimilarity).toBe(String(SETTING_DEFAULTS.staleSimilarity));
    expect(empty.scoring).toEqual({ reported: "", missing: "", placeholder: "" });
    expect(settingsOfForm(empty)).toEqual({ minProgressLength: SETTING_DEFAULTS.minProgressLength, staleSimilarity: SETTING_DEFAULTS.staleSimilarity });
    const stored = { ledgerSheet: "台账", minProgressLength: 12, staleSimilarity: 0.8, headerRow: 3, columns: { lead: "C" }, district: "江汉区", issuer: "区政府办", docNumber: "某政办〔2026〕1号", scoring: { reported: 60, missing: 0, placeholder: 20 } };
    expect(settingsOfForm(settingsForm(stored))).toEqual(stored);
    expect(settingsOfForm({ ...empty, headerRow: "  ", issuer: " 区政府办 " })).toEqual({ minProgressLength: SETTING_DEFAULTS.minProgressLength, staleSimilarity: SETTING_DEFAULTS.staleSimilarity, issuer: "区政府办" });
    const typedIn = settingsOfForm({ ...empty, headerRow: " 4 ", staleSimilarity: "九成", columns: { lead: " d ", co: "  " }, district: "  ", scoring: { reported: "50", missing: "", placeholder: "" } });
    expect(typedIn).toEqual({ minProgressLength: SETTING_DEFAULTS.minProgressLength, staleSimilarity: "九成", headerRow: 4, columns: { lead: "D" }, scoring: { reported: 50, missing: 0, placeholder: 0 } });
    // 抄送: shown as stored, and handed on as typed (trimmed) for saveSettings to make it the 版记's; empty is none.
    expect(empty.copyTo).toBe("");
    expect(settingsForm({ copyTo: "区委办公室，区政协办公室。" }).copyTo).toBe("区委办公室，区政协办公室。");
    expect(settingsOfForm(settingsForm({ ...stored, copyTo: "区委办公室，区政协办公室。" }))).toEqual({ ...stored, copyTo: "区委办公室，区政协办公室。" });
    expect(settingsOfForm({ ...empty, copyTo: " 区委办公室、区政协办公室 " })).toEqual({ minProgressLength: SETTING_DEFAULTS.minProgressLength, staleSimilarity: SETTING_DEFAULTS.staleSimilarity, copyTo: "区委办公室、区政协办公室" });
    expect(settingsOfForm({ ...empty, copyTo: "   " })).not.toHaveProperty("copyTo");
  });

  test("设置: what the reader found, the header rows as a range when there are two", () => {
    const found = detectedLines(outcome.result.ledger, "zh");
    expect(found.header).toBe("工作表“台账”，表头在第 2 行");
    expect(found.columns).toHaveLength(outcome.result.ledger.columns.length);
    expect(found.columns[0]!.text).toMatch(/^A/);
    expect(detectedLines({ ...outcome.result.ledger, headerTop: 2, headerRow: 3 }, "zh").header).toBe("工作表“台账”，表头在第 2–3 行");
  });
});

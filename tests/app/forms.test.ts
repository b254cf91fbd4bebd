// 分发 and 合并回报 over the plain-data port, on the 2026 Jiang'an seed ledger: a form per responsible
// unit (nothing written), the units that get none until a person decides, names corrected in the
// ledger's cells, the returns read, merged as one batch that 撤销 puts back, and the merge's report.
import { correctUnits, formFile, formsZipFile, lastMerge, lastWrites, mergeLabel, mergeReportLayout, planForms, planMerge, readReturnFiles, suggestedChoices, undoMerge, writeMerge, type FormsPlan } from "../../src/app/forms";
import { AppError, problemText } from "../../src/app/messages";
import { HostError, type FormFiles } from "../../src/app/port";
import { readMetadata } from "../../src/core/metadata";
import { NotAReturn, type UnitReturn } from "../../src/core/returns";
import { runCheck } from "../../src/app/check";
import { CUMULATIVE_DIRECTORY, cumulativeLedger } from "../helpers/cumulative";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf, seedPort, SEED_2026, type SheetsPort } from "./seeds";

const APR_20 = new Date(2026, 3, 20);
const Q1 = { year: 2026, q: 1 as const };
const Q3 = { year: 2026, q: 3 as const };
const SHEET = "2026年责任分解";
const value = (port: SheetsPort, cell: string, sheet = SHEET) => port.cell(sheet, cell).value;

/** A form as its unit sends it back: every row's progress filled in. */
const filled = (form: UnitReturn, text = (i: number) => `第${i + 1}项：已完成年度目标的30%。`): UnitReturn => ({ ...form, rows: form.rows.map((r, i) => ({ ...r, progress: text(i) })) });

/** The form files as JSON: a returned file is a form's JSON; other bytes are no form. */
const json = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
const formFiles: FormFiles = {
  fileName: (form) => `${form.unit}.xlsx`,
  bytes: async (form) => json(form),
  zip: async (forms) => json(forms.map((f) => f.unit)),
  read: async (bytes, name) => {
    const text = new TextDecoder().decode(bytes as Uint8Array);
    if (text === "unmarked") throw new NotAReturn({ code: "return-unmarked" });
    if (text === "locked") throw new AppError({ code: "file-unreadable", reason: "被占用" });
    if (text === "broken") throw new TypeError("x is undefined");
    if (!text.startsWith("{")) throw new HostError({ code: "file-not-xlsx", name, ext: ".txt" });
    return JSON.parse(text) as UnitReturn;
  },
};

describe("分发", () => {
  let port: SheetsPort;
  let plan: FormsPlan;
  beforeEach(async () => {
    port = await seedPort(SEED_2026);
    plan = await planForms(port, APR_20);
  });

  test("one form per responsible unit for the quarter last ended; nothing written", () => {
    expect(plan).toMatchObject({ quarter: Q1, sheet: SHEET, tasks: 184, unresolved: [] });
    expect(plan.forms).toHaveLength(63);
    expect(port.applied).toEqual([]);
    const dev = plan.forms.find((f) => f.unit === "区发展和改革局")!;
    expect(dev.rows[0]).toMatchObject({ row: 3, no: "1", task: "地区生产总值增长6%左右。", role: "牵头", progress: "" });
  });

  test("the files: each form under its name; all in one .zip named for the sheet, the quarter and how many", async () => {
    const one = await formFile(formFiles, plan.forms[0]!);
    expect(one.name).toBe(`${plan.forms[0]!.unit}.xlsx`);
    expect(JSON.parse(new TextDecoder().decode(one.bytes))).toMatchObject({ unit: plan.forms[0]!.unit });
    const zip = await formsZipFile(formFiles, plan);
    expect(zip.name).toBe("2026年责任分解-2026Q1进展填报表（63个单位）.zip");
    expect(JSON.parse(new TextDecoder().decode(zip.bytes))).toHaveLength(63);
  });

  test("a ledger whose only unit the directory does not resolve: no form yet, but no refusal: the person corrects or confirms it", async () => {
    const rows = [DESK_LEDGER[0]!, DESK_LEDGER[1]!, [1, "建设垃圾分类收运屋20个。", "区卫键局", "", "", "", ""]];
    const plan = await planForms(portOf({ 台账: rows, 部门目录: DESK_DIRECTORY }), new Date(2026, 9, 20), { quarter: Q3 });
    expect(plan.forms).toEqual([]);
    expect(plan.unresolved.map((u) => u.name)).toEqual(["区卫键局"]);
  });

  test("a ledger with no responsible unit at all: no form, and that is said", async () => {
    const rows = [["序号", "目标任务", "牵头单位", "三季度进展"], [1, "任务甲。", "", ""]];
    let e: unknown;
    await planForms(portOf({ 台账: rows }), APR_20, { quarter: Q3, confirmQuarter: true }).catch((x) => (e = x));
    expect(problemText(e)).toBe("工作表“台账”的任务都没有责任单位：请先填写“牵头单位”或“责任单位”列，再分发。");
  });
});

describe("the units that get no form", () => {
  const OCT_20 = new Date(2026, 9, 20);
  test("a name the directory does not resolve gets none until confirmed, or corrected in the ledger's cells", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
    const plan = await planForms(port, OCT_20, { quarter: Q3 });
    expect(plan.forms.map((f) => f.unit)).toEqual(["区财政局", "区城市管理执法局", "区发展和改革局", "区商务局"]);
    expect(plan.unresolved.map((u) => [u.name, u.reason, u.suggestions])).toEqual([["区卫键局", "unknown", ["区卫生健康局"]]]);
    // Confirmed as a real unit: its form is made.
    const confirmed = await planForms(port, OCT_20, { quarter: Q3, includeUnknown: ["区卫键局"] });
    expect(confirmed.forms.map((f) => f.unit)).toContain("区卫键局");
    // 全部应用: the first suggestion of each, written into the ledger's cell, and the plan made again shows none.
    const choices = suggestedChoices(plan.unresolved);
    expect([...choices]).toEqual([["区卫键局", "区卫生健康局"]]);
    expect(await correctUnits(port, OCT_20, plan, choices)).toBe(1);
    expect(value(port, "C7", "台账")).toBe("区卫生健康局");
    const again = await planForms(port, OCT_20, { quarter: Q3 });
    expect(again.unresolved).toEqual([]);
    expect(again.forms.map((f) => f.unit)).toContain("区卫生健康局");
    // Nothing left to correct: nothing written.
    port.applied.length = 0;
    expect(await correctUnits(port, OCT_20, plan, choices)).toBe(0);
    expect(port.applied).toEqual([]);
  });

  test("a quarter outside the ledger's year, confirmed for the plan, is not asked again", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
    const Q3_2025 = { year: 2025, q: 3 as const };
    const plan = await planForms(port, OCT_20, { quarter: Q3_2025, confirmQuarter: true });
    expect(plan.quarter).toEqual(Q3_2025);
    expect(await correctUnits(port, OCT_20, plan, suggestedChoices(plan.unresolved))).toBe(1);
    const dev = plan.forms.find((f) => f.unit === "区发展和改革局")!;
    const merge = await planMerge(port, OCT_20, { returns: [filled(dev)], notReturns: [] }, { quarter: Q3_2025, confirmQuarter: true });
    expect((await writeMerge(port, OCT_20, merge)).edits.length).toBeGreaterThan(0);
    expect(await lastMerge(port)).toMatchObject({ label: "合并回报 2025Q3" });
  });

  test("the cells corrected are those of the ledger as it is now, for the plan's sheet and quarter", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 台账二: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
    const plan = await planForms(port, OCT_20, { quarter: Q3, sheet: "台账二" });
    // Written again since the plan, in a second cell.
    port.cell("台账二", "C9").value = "区卫键局";
    expect(await correctUnits(port, OCT_20, plan, new Map([["区卫键局", "区卫生健康局"]]))).toBe(2);
    expect([value(port, "C7", "台账二"), value(port, "C9", "台账二"), value(port, "C7", "台账")]).toEqual(["区卫生健康局", "区卫生健康局", "区卫键局"]);
  });
});

describe("合并回报", () => {
  test("the returns read: the forms, and for each other file why not (its code); an error with no message is thrown", async () => {
    const form = (await planForms(await seedPort(SEED_2026), APR_20)).forms[0]!;
    const returned = await readReturnFiles(formFiles, [
      { name: "回报.xlsx", bytes: json(form) },
      { name: "台账.xlsx", bytes: new TextEncoder().encode("unmarked") },
      { name: "说明.txt", bytes: new TextEncoder().encode("x") },
      { name: "占用.xlsx", bytes: new TextEncoder().encode("locked") },
    ]);
    expect(returned.returns).toEqual([form]);
    expect(returned.notReturns).toEqual([
      { file: "台账.xlsx", why: { code: "return-unmarked" } },
      { file: "说明.txt", why: { code: "file-not-xlsx", name: "说明.txt", ext: ".txt" } },
      { file: "占用.xlsx", why: { code: "file-unreadable", reason: "被占用" } },
    ]);
    await expect(readReturnFiles(formFiles, [{ name: "坏.xlsx", bytes: new TextEncoder().encode("broken") }])).rejects.toThrow("x is undefined");
  });

  test("what a unit's return would write, then written as one batch that 撤销 puts back", async () => {
    const port = await seedPort(SEED_2026);
    const plan = await planForms(port, APR_20);
    const dev = filled(plan.forms.find((f) => f.unit === "区发展和改革局")!);
    const merge = await planMerge(port, APR_20, { returns: [dev], notReturns: [] });
    expect(merge).toMatchObject({ quarter: Q1, sheet: SHEET, returns: [dev], notReturns: [] });
    expect(merge.edits).toHaveLength(dev.rows.length);
    expect(merge.edits[0]).toEqual({ cell: "G3", row: 3, text: "第1项：已完成年度目标的30%。" });
    expect(merge.report.unanswered).toHaveLength(184 - dev.rows.length);
    // Nothing written yet.
    expect(port.applied).toEqual([]);
    expect(await lastMerge(port)).toBeUndefined();

    const written = await writeMerge(port, APR_20, merge);
    expect(written.edits).toEqual(merge.edits);
    expect(value(port, "G3")).toBe("第1项：已完成年度目标的30%。");
    expect(await lastMerge(port)).toEqual({ label: "合并回报 2026Q1", cells: dev.rows.length });

    const undone = await undoMerge(port);
    expect(undone).toEqual({ label: "合并回报 2026Q1", restored: dev.rows.length, kept: [] });
    expect(value(port, "G3")).toBeNull();
    expect(await lastMerge(port)).toBeUndefined();
    expect(await undoMerge(port)).toBeUndefined();
  });

  test("the ledger is read again before writing: text written since is replaced and said; nothing to write, nothing written", async () => {
    const port = await seedPort(SEED_2026);
    const plan = await planForms(port, APR_20);
    const dev = filled(plan.forms.find((f) => f.unit === "区发展和改革局")!);
    const merge = await planMerge(port, APR_20, { returns: [dev], notReturns: [] });
    port.cell(SHEET, "G3").value = "已电话报送：增长6.2%。";
    const written = await writeMerge(port, APR_20, merge);
    expect(written.report.replaced).toEqual([{ cell: "G3", no: "1", old: "已电话报送：增长6.2%。" }]);
    // The same returns again: the ledger holds them now, nothing to write; the last merge is still the one to undo.
    port.applied.length = 0;
    const again = await writeMerge(port, APR_20, written);
    expect(again.edits).toEqual([]);
    expect(port.applied).toEqual([]);
    expect(await lastMerge(port)).toEqual({ label: "合并回报 2026Q1", cells: dev.rows.length });
  });

  test("the merge is for the plan's sheet and quarter, whatever the workbook would open on now", async () => {
    const port = await seedPort(SEED_2026);
    const plan = await planForms(port, APR_20);
    const dev = filled(plan.forms.find((f) => f.unit === "区发展和改革局")!);
    const merge = await planMerge(port, APR_20, { returns: [dev], notReturns: [] });
    // Later in the year, with the ledger of another name active.
    port.sheets.unshift({ ...port.sheet(SHEET), name: "副本", cells: new Map(port.sheet(SHEET).cells) });
    port.active = "副本";
    const written = await writeMerge(port, new Date(2026, 9, 20), merge);
    expect(written).toMatchObject({ sheet: SHEET, quarter: Q1 });
    expect(value(port, "G3")).toBe("第1项：已完成年度目标的30%。");
    expect(value(port, "G3", "副本")).toBeNull();
  });
});

describe("the merge's report as a sheet", () => {
  test("every item under its section, named for the quarter, (2) after it when the name is taken; none when nothing needs a look", async () => {
    const port = await seedPort(SEED_2026);
    const plan = await planForms(port, APR_20);
    const dev = filled(plan.forms.find((f) => f.unit === "区发展和改革局")!);
    const lateQ4 = { ...dev, quarter: { year: 2026, q: 4 as const } };
    const merge = await planMerge(port, APR_20, { returns: [dev, lateQ4], notReturns: [{ file: "台账.xlsx", why: { code: "return-unmarked" } }] });
    const layout = mergeReportLayout(merge, ["合并报告2026Q1"])!;
    expect(layout.name).toBe("合并报告2026Q1(2)");
    expect(layout.columns).toEqual([
      { header: "核对事项", width: 36 },
      { header: "明细", width: 90 },
    ]);
    expect(layout.rows.slice(0, 3)).toEqual([
      ["不是填报表的文件（1 项）", "“台账.xlsx”：不是督办助手分发的填报表（缺少“进展填报”工作表或其标识）"],
      ["其他季度的填报表（未合并）（1 项）", "区发展和改革局：2026Q4"],
      [`牵头单位未填报的任务（${184 - dev.rows.length} 项）`, expect.stringMatching(/^第\d+行 序号\d+：/)],
    ]);
    expect(layout.rows).toHaveLength(2 + 184 - dev.rows.length);
    expect(mergeReportLayout(merge, [])!.name).toBe("合并报告2026Q1");
    // A file that is not a form is said in the sheet as the command line says it.
    const noHeader = mergeReportLayout({ ...merge, notReturns: [{ file: "a.xlsx", why: { code: "no-header", sheet: "S", rows: 20 } }] }, [])!;
    expect(noHeader.rows[0]![1]).toContain("--header-row");
    // Every task answered by its lead units, nothing else: no report (a co-unit's answer would be listed as its contribution).
    const small = portOf({ 台账: [DESK_LEDGER[0]!, DESK_LEDGER[1]!, [1, "任务甲。", "区财政局", "", "", "", ""], [2, "任务乙。", "区商务局", "区财政局", "", "", ""]], 部门目录: DESK_DIRECTORY });
    const forms = (await planForms(small, new Date(2026, 9, 20), { quarter: Q3 })).forms.map((f) => ({ ...f, rows: f.rows.map((r) => ({ ...r, progress: r.role === "牵头" ? `序号${r.no}：已完成年度目标的80%。` : "" })) }));
    const complete = await planMerge(small, new Date(2026, 9, 20), { returns: forms, notReturns: [] }, { quarter: Q3 });
    expect(complete.edits).toHaveLength(2);
    expect(mergeReportLayout(complete, [])).toBeUndefined();
  });
});

describe("the last merge the workbook remembers", () => {
  test("its label and how many cells, or none", () => {
    expect(lastWrites(readMetadata(undefined))).toBeUndefined();
    const write = { sheet: SHEET, cell: "G3", label: mergeLabel(Q1), original: "{}" };
    expect(lastWrites({ summaries: [], marks: [], writes: [write, { ...write, cell: "G4" }] })).toEqual({ label: "合并回报 2026Q1", cells: 2 });
  });
});

describe("分发 and 合并回报 for a ledger whose one progress column accumulates the quarters", () => {
  const OCT_20 = new Date(2026, 9, 20);
  const ledger = cumulativeLedger("quarter");
  test("each form asks for the third quarter's part; the merge adds it to the cell with its label, and 撤销 puts the cells back", async () => {
    const port = portOf({ 台账: ledger, 部门目录: CUMULATIVE_DIRECTORY });
    const plan = await planForms(port, OCT_20);
    expect(plan.quarter).toEqual(Q3);
    const parks = plan.forms.find((f) => f.unit === "区园林局")!;
    expect(parks.rows.map((r) => r.progress)).toEqual(["正在推进", ""]);
    const back = { ...parks, rows: parks.rows.map((r) => ({ ...r, progress: `三季度：序号${r.no}建成4个，完成投资520万元。` })) };
    const merge = await planMerge(port, OCT_20, { returns: [back], notReturns: [] });
    expect(merge.edits.map((e) => e.cell)).toEqual(["E3", "E4"]);
    await writeMerge(port, OCT_20, merge);
    expect(value(port, "E3", "台账")).toBe(`${ledger[2]![4]!.toString().replace("正在推进", "")}序号1建成4个，完成投资520万元。`);
    expect(value(port, "E4", "台账")).toBe(`${ledger[3]![4]}\n三季度：序号2建成4个，完成投资520万元。`);
    // Checked again: only the third task, which the unit of the other form has not answered, is still found.
    expect((await runCheck(port, OCT_20, { mark: false })).result.findings.map((f) => [f.cell, f.kind, f.part])).toEqual([["E5", "stale-progress", 3]]);
    await undoMerge(port);
    expect([value(port, "E3", "台账"), value(port, "E4", "台账")]).toEqual([ledger[2]![4], ledger[3]![4]]);
  });
});

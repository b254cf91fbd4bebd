// Returns merged right, on forms built as 分发 builds them (.xlsx files, filled in as a unit would, read
// back) over the desk ledger: a co-unit's text is a labelled contribution that never stands for its
// leads' report; a unit that returns twice counts once, its later file taken; the office's own edits to
// the ledger after 分发 are not blamed on a unit; and tasks with no unit are named before the forms are made.
import ExcelJS from "exceljs";
import { createApp, distributeView, mergeReportSections, type WorkbookPort } from "../../src/app";
import { cellText } from "../../src/core/text";
import { formFiles } from "../../src/files/forms";
import { sheetGrid } from "../../src/hosts/xlsx/grid";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { filledForm } from "../helpers/filledForm";
import { portOf, type SheetsPort } from "./seeds";

const OCT_20 = new Date(2026, 9, 20);
const Q3 = { year: 2026, q: 3 as const };
const appOf = (port: WorkbookPort) => createApp({ port, today: () => OCT_20, forms: async () => formFiles });
const deskPort = (): SheetsPort => portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });

/** The form's columns: 序号 A, 目标任务 C, 牵头单位 D, 配合单位 E, the quarter's progress I; tasks from row 3. */
const COLUMN = { task: 3, lead: 4, co: 5, progress: 9 } as const;

/**
 * A unit's form as 分发 makes it, filled in: the progress of the tasks named by 序号, and any other
 * cell a person changed (by 序号 and column).
 */
async function returned(port: WorkbookPort, unit: string, progress: Record<string, string>, name = `${unit}-回报.xlsx`, other: { no: string; column: keyof typeof COLUMN; text: string }[] = []) {
  return filledForm(appOf(port), Q3, unit, (no, row) => {
    if (progress[no] !== undefined) row.getCell(COLUMN.progress).value = progress[no]!;
    for (const o of other) if (o.no === no) row.getCell(COLUMN[o.column]).value = o.text;
  }, name);
}

describe("a co-unit's text is a contribution, never its leads' report", () => {
  test("the form says so; the text goes in labelled and listed; the task stays 未填进展 until a lead answers, then both are kept", async () => {
    const port = deskPort();
    const app = appOf(port);
    // The form of 区财政局, co-unit of 序号2, says what its text on such a row becomes.
    const plan = await app.planForms({ quarter: Q3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await app.formFile(plan.forms.find((f) => f.unit === "区财政局")!)).bytes as unknown as ArrayBuffer);
    const head = sheetGrid(wb.getWorksheet("进展填报")!).rows[0]!.map((v) => cellText(v)).join("");
    expect(head).toContain("“本单位”为“配合”的任务：“三季度进展”中已有的是牵头单位的报送，本单位的配合情况请接在其后填写，合并时作为配合情况写入台账（标注“【区财政局（配合）】”），不代替牵头单位报送。");

    const co = await app.planMerge(await app.readReturnFiles([await returned(port, "区财政局", { "2": "配合落实项目资金1.2亿元。" })]), { quarter: Q3 });
    expect(co.edits).toEqual([{ cell: "G4", row: 4, text: "【区财政局（配合）】配合落实项目资金1.2亿元。" }]);
    expect(co.report.contributions).toEqual([{ unit: "区财政局", no: "2", row: 4, cell: "G4" }]);
    expect(co.report.unanswered.map((u) => u.no)).toContain("2");
    const sections = mergeReportSections(co);
    expect(sections.find((s) => s.title.startsWith("配合单位的填报"))!.items).toEqual(["区财政局：第4行 序号2 G4"]);
    await app.writeMerge(co);
    expect(port.cell("台账", "G4").value).toBe("【区财政局（配合）】配合落实项目资金1.2亿元。");
    // 检查 still finds the task unreported by its lead.
    const missing = (await app.check({ quarter: Q3, mark: false })).result.findings.filter((f) => f.kind === "missing-progress").map((f) => f.cell);
    expect(missing).toContain("G4");

    // Forms made again show the leads' text only (none yet): the contribution stays in the ledger as it is.
    const again = await app.planForms({ quarter: Q3 });
    expect(again.forms.find((f) => f.unit === "区财政局")!.rows.find((r) => r.no === "2")!.progress).toBe("");
    expect(again.forms.find((f) => f.unit === "区发展和改革局")!.rows.find((r) => r.no === "2")!.progress).toBe("");

    // The lead answers: its text is the progress, the contribution stays after it, and nothing was replaced.
    const lead = await app.planMerge(await app.readReturnFiles([await returned(port, "区发展和改革局", { "2": "完成投资320亿元，占年度目标的74%。" })]), { quarter: Q3 });
    expect(lead.edits).toEqual([{ cell: "G4", row: 4, text: "完成投资320亿元，占年度目标的74%。\n【区财政局（配合）】配合落实项目资金1.2亿元。" }]);
    expect(lead.report.replaced).toEqual([]);
    expect(lead.report.unanswered.map((u) => u.no)).not.toContain("2");
    await app.writeMerge(lead);
    const after = (await app.check({ quarter: Q3, mark: false })).result.findings.filter((f) => f.cell === "G4").map((f) => f.kind);
    expect(after).toEqual([]);
  }, 30000);
});

test("a co-unit's form shows the leads' text: left as sent it adds nothing; what it writes after it is its contribution", async () => {
  const port = deskPort();
  const app = appOf(port);
  // 区发展和改革局 helps with 序号1, whose lead reported 截至9月底，完成217.6亿元。 (G3).
  const asSent = await app.planMerge(await app.readReturnFiles([await returned(port, "区发展和改革局", {})]), { quarter: Q3 });
  expect(asSent.edits).toEqual([]);
  expect(asSent.report.contributions).toEqual([]);
  const added = await app.planMerge(await app.readReturnFiles([await returned(port, "区发展和改革局", { "1": "截至9月底，完成217.6亿元。另协调重点项目3个。" })]), { quarter: Q3 });
  expect(added.edits).toEqual([{ cell: "G3", row: 3, text: "截至9月底，完成217.6亿元。\n【区发展和改革局（配合）】另协调重点项目3个。" }]);
  expect(added.report.replaced).toEqual([]);
}, 30000);

describe("the same unit returning twice", () => {
  test("its later file replaces the earlier: one answer, no disagreement, and the report says which file was taken", async () => {
    const port = deskPort();
    const app = appOf(port);
    const first = await returned(port, "区商务局", { "7": "增长8.0%。" }, "区商务局-回报.xlsx");
    const corrected = await returned(port, "区商务局", { "7": "增长8.6%，超时序进度。" }, "区商务局-回报（更正）.xlsx");
    const plan = await app.planMerge(await app.readReturnFiles([first, corrected]), { quarter: Q3 });
    expect(plan.report.conflicts).toEqual([]);
    expect(plan.report.resubmitted).toEqual([{ unit: "区商务局", copies: 2, file: "区商务局-回报（更正）.xlsx" }]);
    expect(plan.edits).toEqual([{ cell: "G9", row: 9, text: "增长8.6%，超时序进度。" }]);
    const sections = mergeReportSections(plan);
    expect(sections.find((s) => s.title === "同一单位交回多份（采用列表中靠后的一份）")!.items).toEqual(["区商务局：2 份，采用“区商务局-回报（更正）.xlsx”"]);
    expect(sections.map((s) => s.title)).not.toContain("多个单位填报不一致（都已保留，按单位标注）");
    // Later is the order chosen: chosen the other way round, the other file is taken.
    const reversed = await app.planMerge(await app.readReturnFiles([corrected, first]), { quarter: Q3 });
    expect(reversed.edits).toEqual([{ cell: "G9", row: 9, text: "增长8.0%。" }]);
  }, 30000);
});

describe("the office's own edits after 分发", () => {
  test("are not blamed on a unit that changed nothing: a return is compared with the form as sent; a unit's own edit is still said", async () => {
    const port = deskPort();
    const app = appOf(port);
    const untouched = await returned(port, "区财政局", { "1": "截至9月底，完成218亿元，占年度目标的85%。" });
    const edited = await returned(port, "区商务局", { "7": "增长8.6%，超时序进度。" }, undefined, [{ no: "7", column: "lead", text: "区商务局、区发改局" }]);
    // After 分发 the office corrects the ledger: 序号1's co-unit written in full, its target amended.
    port.cell("台账", "D3").value = "区发展和改革局";
    port.cell("台账", "B3").value = "一般公共预算总收入实现256亿元。";
    const plan = await app.planMerge(await app.readReturnFiles([untouched, edited]), { quarter: Q3 });
    expect(plan.report.editedOutside).toEqual([{ unit: "区商务局", no: "7", row: 9, fields: ["牵头单位"] }]);
    expect(plan.report.unmatched).toEqual([]);
    expect(plan.edits.map((e) => e.cell)).toEqual(["G3", "G9"]);
  }, 30000);
});

describe("tasks with no unit", () => {
  test("are named before the forms are made, by 序号 or by row", async () => {
    const port = portOf({ 台账: [...DESK_LEDGER, ["", "推进老旧小区改造。", "", "", "", "", ""]], 部门目录: DESK_DIRECTORY });
    const plan = await appOf(port).planForms({ quarter: Q3 });
    expect(plan.unassigned.map((t) => [t.no, t.row])).toEqual([
      ["6", 8],
      ["", 10],
    ]);
    expect(distributeView({ lang: "zh", quarter: Q3, forms: plan, included: [] }).forms!.unassignedText).toBe("2 项任务没有责任单位，未分发：序号6、第10行");
    expect(distributeView({ lang: "en", quarter: Q3, forms: plan, included: [] }).forms!.unassignedText).toBe("2 tasks with no responsible unit, not sent: No. 6, Row 10");
    // Every task with a unit has one: none is said.
    const all = await appOf(portOf({ 台账: DESK_LEDGER.filter((r) => r[0] !== 6), 部门目录: DESK_DIRECTORY })).planForms({ quarter: Q3 });
    expect(all.unassigned).toEqual([]);
    expect(distributeView({ lang: "zh", quarter: Q3, forms: all, included: [] }).forms!.unassignedText).toBeUndefined();
  }, 30000);
});

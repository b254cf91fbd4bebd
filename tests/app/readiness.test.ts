// 提交前检查 on forms built as 分发 builds them, from the desk ledger: what is still missing or weak in the
// form, task by task in 检查's words, or that it is ready; and the office's 合并回报 shows the same result
// for the file the unit sent.
import ExcelJS from "exceljs";
import { checkBeforeSending, createApp, mergeReportSections, readinessText, readReturnFiles } from "../../src/app";
import type { UnitReturn } from "../../src/core/returns";
import { formFiles, formWorkbook } from "../../src/files/forms";
import { XlsxHost } from "../../src/hosts/xlsx/host";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf } from "./seeds";

const OCT_20 = new Date(2026, 9, 20);
const Q3 = { year: 2026, q: 3 as const };

/** 区财政局's form: 序号1 it leads (its progress already there, I3), 序号2 it helps with (blank, I4). */
async function financeForm(): Promise<UnitReturn> {
  const app = createApp({ port: portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY }), today: () => OCT_20 });
  return (await app.planForms({ quarter: Q3 })).forms.find((f) => f.unit === "区财政局")!;
}

/** The form's workbook with the progress cells given filled in. */
async function formWith(form: UnitReturn, cells: Record<string, string>): Promise<ExcelJS.Workbook> {
  const wb = await formWorkbook(form);
  for (const [cell, text] of Object.entries(cells)) wb.getWorksheet("进展填报")!.getCell(cell).value = text;
  return wb;
}

describe("提交前检查", () => {
  test("lists each task still missing or weak in 检查's words, until the form is ready to save and send", async () => {
    const form = await financeForm();
    const blank = await checkBeforeSending(new XlsxHost(await formWith(form, {})), OCT_20);
    expect(blank).toEqual({ unit: "区财政局", tasks: 2, items: [{ no: "2", row: 4, cell: "I4", kinds: ["missing-progress"] }] });
    expect(readinessText(blank!, "zh")).toEqual({ ready: false, head: "2 项任务中还有 1 项待完善", items: ["序号2 · I4：未填进展"] });
    expect(readinessText(blank!, "en")).toEqual({ ready: false, head: "1 of 2 tasks still to complete", items: ["No. 2 · I4: No progress"] });

    const placeholder = await checkBeforeSending(new XlsxHost(await formWith(form, { I4: "正在推进" })), OCT_20);
    expect(readinessText(placeholder!, "zh").items).toEqual(["序号2 · I4：进展只有套话"]);

    const done = await checkBeforeSending(new XlsxHost(await formWith(form, { I4: "配合落实项目资金1.2亿元。" })), OCT_20);
    expect(done!.items).toEqual([]);
    expect(readinessText(done!, "zh")).toEqual({ ready: true, head: "可以保存并交回", items: [] });
    expect(readinessText(done!, "en").head).toBe("Ready to save and send back");
  });

  test("a workbook that is no form has none", async () => {
    expect(await checkBeforeSending(portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY }), OCT_20)).toBeUndefined();
  });

  test("合并回报 runs the same check on each returned file, and its report shows the result per file", async () => {
    const form = await financeForm();
    const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
    const weakWb = await formWith(form, { I4: "正在推进" });
    const readyWb = await formWith(form, { I4: "配合落实项目资金1.2亿元。" });
    const returned = await readReturnFiles(formFiles, [
      { name: "财政-初稿.xlsx", bytes: await bytesOf(weakWb) },
      { name: "财政-定稿.xlsx", bytes: await bytesOf(readyWb) },
    ]);
    // What the unit saw before sending is what the office sees.
    const unitSaw = await checkBeforeSending(new XlsxHost(weakWb), OCT_20);
    expect(returned.readiness).toEqual([
      { ...unitSaw, file: "财政-初稿.xlsx" },
      { unit: "区财政局", tasks: 2, items: [], file: "财政-定稿.xlsx" },
    ]);
    const app = createApp({ port: portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY }), today: () => OCT_20, forms: async () => formFiles });
    const plan = await app.planMerge(returned, { quarter: Q3 });
    const section = mergeReportSections(plan).find((s) => s.title === "提交前检查（与单位在填报表中看到的相同）")!;
    expect(section.items).toEqual(["“财政-初稿.xlsx”（区财政局）：2 项任务中还有 1 项待完善：序号2 · I4：进展只有套话", "“财政-定稿.xlsx”（区财政局）：可以保存并交回"]);
    expect(mergeReportSections(plan, "en").find((s) => s.title.startsWith("Check before sending"))!.items[1]).toBe('"财政-定稿.xlsx" (区财政局): Ready to save and send back');
    // Form files that cannot open a workbook (no .xlsx host): the merge goes on without it.
    const plain = await readReturnFiles({ ...formFiles, open: undefined }, [{ name: "财政-定稿.xlsx", bytes: await bytesOf(readyWb) }]);
    expect(plain.readiness).toBeUndefined();
  }, 30000);
});

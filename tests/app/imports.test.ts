// 导入 over the plain-data port: a 责任分解方案 notice's text becomes a ledger sheet a person can check
// at once — its title, a header of the ledger's columns, a row per task, and in 备注 what to look at.
import * as fs from "fs";
import * as path from "path";
import { importNotice, IMPORTED_SHEET, noticeRemark, readNotice } from "../../src/app/imports";
import { problemText } from "../../src/app/messages";
import { runCheck } from "../../src/app/check";
import { DESK_LEDGER } from "../helpers/desk";
import { portOf } from "./seeds";

const source = (name: string) => fs.readFileSync(path.join(__dirname, "..", "..", "seeds", "sources", name), "utf8");
const JIANGAN_2026 = source("002_4e4f19e7498f2113.txt");
const REPORT_2020 = source("003_6b9a54e59005c11a.txt");

test("the 2026 Jiang'an notice: 184 tasks under its title, a sheet the check reads as a ledger", async () => {
  const port = portOf({ 台账: DESK_LEDGER });
  const read = await importNotice(port, JIANGAN_2026);
  expect(read.title).toBe("2026年区《政府工作报告》目标任务责任分解方案");
  expect(read.items).toHaveLength(184);
  expect(port.sheets.map((s) => s.name)).toEqual(["台账", IMPORTED_SHEET]);
  const rows = port.rowsOf(port.sheet(IMPORTED_SHEET));
  expect(rows[0]).toEqual(["2026年区《政府工作报告》目标任务责任分解方案"]);
  expect(rows[1]).toEqual(["序号", "类别", "工作类目", "目标任务", "责任单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展", "备注"]);
  expect(rows[2]!.slice(0, 5)).toEqual(["1", "一、2026年经济社会发展主要预期目标", "", "地区生产总值增长6%左右。", "区发展和改革局"]);
  expect(rows).toHaveLength(2 + 184);
  const outcome = await runCheck(port, new Date(2026, 4, 1), { sheet: IMPORTED_SHEET, mark: false });
  expect(outcome.result.ledger.tasks).toHaveLength(184);
});

test("each item's flags in its 备注, in Chinese as the sheet is", async () => {
  const port = portOf({ 台账: DESK_LEDGER });
  const read = await importNotice(port, REPORT_2020);
  expect(noticeRemark(read.items[0]!)).toBe("未写责任单位");
  const rows = port.rowsOf(port.sheet(IMPORTED_SHEET));
  expect(rows[2]![10]).toBe("未写责任单位");
  expect(rows[2]![3]).toBe("六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期");
  expect(noticeRemark({ ...read.items[0]!, flags: [{ code: "no-task" }, { code: "no-unit" }] })).toBe("未写任务内容；未写责任单位");
});

test("a notice with no title line: the sheet is titled as given, else 责任分解台账", async () => {
  const text = "1.新建口袋公园5个。(责任单位:区园林局)\n2.完成老旧小区改造30个。(责任单位:区住更局)";
  expect(readNotice(text)).toMatchObject({ title: undefined, items: [{ task: "新建口袋公园5个。" }, { task: "完成老旧小区改造30个。" }] });
  const port = portOf({ 台账: DESK_LEDGER });
  await importNotice(port, text);
  expect(port.cell(IMPORTED_SHEET, "A1").value).toBe("责任分解台账");
  const named = portOf({ 台账: DESK_LEDGER });
  await importNotice(named, text, "新建的台账");
  expect(named.cell(IMPORTED_SHEET, "A1").value).toBe("新建的台账");
});

test("text with no numbered task is refused, saying how tasks are written; nothing is added", async () => {
  const port = portOf({ 台账: DESK_LEDGER });
  let e: unknown;
  await importNotice(port, "各街道办事处，区人民政府各部门：\n现将方案印发给你们。").catch((x) => (e = x));
  expect(problemText(e)).toBe("没有找到编号的任务：通知中的任务应写成“1. 任务内容”，后面一行写“责任单位：……”，或写成“1.任务内容（责任单位：……）”。");
  expect(port.sheets.map((s) => s.name)).toEqual(["台账"]);
});

test("never over a sheet of that name", async () => {
  const port = portOf({ 台账: DESK_LEDGER, [IMPORTED_SHEET]: [["已有的表"]] });
  let e: unknown;
  await importNotice(port, JIANGAN_2026).catch((x) => (e = x));
  expect(problemText(e)).toBe("已有名为“责任分解台账”的工作表：督办助手不会覆盖它。若要重新生成，请先把它改名或删除。");
});

// duban import: a 责任分解方案 notice's text into a ledger.
import * as fs from "fs";
import * as path from "path";
import { duban, openBook, tempDir } from "./helpers/cli";
import { WEB_NOTICE } from "./helpers/notices";

const NOTICE = path.join(__dirname, "..", "seeds", "sources", "002_4e4f19e7498f2113.txt");
const tmp = tempDir("import");

test("the 2026 Jiang'an notice becomes a ledger of 184 tasks that checks as one", async () => {
  const out = path.join(tmp, "台账.xlsx");
  const r = await duban("import", NOTICE, "-o", out);
  expect(r.code).toBe(0);
  expect(r.out).toContain("识别 184 项任务");
  expect(r.out).toContain("任务数：附件1 184 项（序号 1–143、四-1–四-41）");
  const wb = await openBook(out);
  const ws = wb.getWorksheet("责任分解台账")!;
  expect(ws.getCell("A1").value).toBe("2026年区《政府工作报告》目标任务责任分解方案");
  expect(ws.getRow(2).values).toEqual([undefined, "序号", "类别", "工作类目", "目标任务", "责任单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展", "备注"]);
  expect(ws.getCell("A3").value).toBe("1");
  expect(ws.getCell("E120").value).toBe("区政府办（乡村振兴局）、区发展和改革局、区民宗局");
  const check = JSON.parse((await duban("check", out, "--quarter", "2026Q1", "--json")).out);
  expect(check.tasks).toBe(184);
  expect(check.counts["missing-progress"]).toBe(184);
  expect(check.counts["missing-unit"]).toBe(0);
});

test("--json prints the items as the issue describes them", async () => {
  const r = await duban("import", NOTICE, "--json");
  const items = JSON.parse(r.out);
  expect(items).toHaveLength(184);
  expect(items[6]).toMatchObject({ annex: 1, no: 7, category: ["二、2026年重点工作", "（一）凝心聚力打好产业转型突围战"], lead: ["区政府办（金融）"], cityLead: [], flags: [] });
});

test("a messy copy: GBK text, annexes glued to a line, page numbers, lines broken mid-item, odd unit parts flagged", async () => {
  const text = [
    "关于印发2026年某区政府工作报告责任分解方案的通知",
    "各街道，区直各部门：现将方案印发给你们。附件1",
    "2026年区《政府工作报告》重点任务责任分解方案",
    "一、推动高质量发展",
    "1.推进数字经济发展，新增规上企业",
    "20家。(市级牵头单位:市经信局;区级牵头单位:区经科局、区发改局)",
    "— 3 —",
    "2.优化营商环境。（区级责任单位：区行政审批局）",
    "3.提升城市品质。",
    "附件2",
    "2026年区民生实事项目",
    "1.新建口袋公园3个。",
    "责任单位：区园林局",
    "3.新增停车泊位1000个。(市级牵头单位:区城管执法局)",
    "抄送：市人民政府办公厅。",
  ].join("\r\n");
  const file = path.join(tmp, "通知.txt");
  fs.writeFileSync(file, encodeGbk(text));
  const r = await duban("import", file, "--json");
  expect(r.code).toBe(0);
  const items = JSON.parse(r.out) as { annex: number; no: number; label: string; task: string; lead: string[]; cityLead: string[]; flags: string[] }[];
  expect(items.map((i) => [i.annex, i.label])).toEqual([
    [1, "1"],
    [1, "2"],
    [1, "3"],
    [2, "1"],
    [2, "3"],
  ]);
  expect(items[0]).toMatchObject({ task: "推进数字经济发展，新增规上企业20家。", cityLead: ["市经信局"], lead: ["区经科局", "区发改局"], flags: [] });
  expect(items[2]!.flags).toEqual(["未写责任单位"]);
  expect(items[4]!.flags).toEqual(["序号不连续：上一项为 1", "只有市级牵头单位，缺少区级责任单位", "市级牵头单位中有区级单位“区城管执法局”"]);
  const out = path.join(tmp, "messy.xlsx");
  const w = await duban("import", file, "-o", out);
  expect(w.out).toContain("其中 2 项需要核对");
  const ws = (await openBook(out)).getWorksheet("责任分解台账")!;
  expect(ws.getRow(2).values).toEqual([undefined, "附件", "序号", "类别", "工作类目", "目标任务", "市级牵头单位", "责任单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展", "备注"]);
});

test("another district's web page: every item of its three annexes, their counts shown, sub-headings as categories", async () => {
  const file = path.join(tmp, "网页通知.txt");
  fs.writeFileSync(file, WEB_NOTICE);
  const out = path.join(tmp, "网页.xlsx");
  const r = await duban("import", file, "-o", out);
  expect(r.code).toBe(0);
  expect(r.out).toContain("识别 11 项任务");
  expect(r.out).toContain("任务数：附件1 2 项（序号 1–2）；附件2 6 项（序号 1–6）；附件3 3 项（序号 1–3）");
  expect(r.out).not.toContain("需要核对");
  const ws = (await openBook(out)).getWorksheet("责任分解台账")!;
  expect(ws.getRow(2).values).toEqual([undefined, "附件", "序号", "类别", "工作类目", "目标任务", "市级牵头单位", "责任单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展", "备注"]);
  // Annex 2's fourth item: its two clauses and the union of their units, under its sub-heading.
  const row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(5).value === "推进老旧小区改造，完成改造小区50个。完善社区嵌入式服务设施20处。")!;
  expect([row.getCell(1).value, row.getCell(2).value, row.getCell(4).value, row.getCell(6).value, row.getCell(7).value]).toEqual(["附件2", "4", "激发消费新活力", "市住更局、市民政局", "区住更局、区民政局、各街道"]);
  expect(ws.getCell("G13").value).toBe("区园林局");
  expect(ws.rowCount).toBe(13);
});

test("a lost item is not silent: the count per annex and the gap are printed", async () => {
  const file = path.join(tmp, "缺项.txt");
  fs.writeFileSync(file, ["附件1", "一、产业发展（共 3 项）", "1.任务甲。(责任单位:区发改局)", "3.任务丙。(责任单位:区商务局)", "附件2", "1.任务丁。(责任单位:区财政局)"].join("\n"));
  const r = await duban("import", file, "-o", path.join(tmp, "缺项.xlsx"));
  expect(r.out).toContain("任务数：附件1 2 项（序号 1、3）；附件2 1 项（序号 1）");
  expect(r.out).toContain("第 4 行 附件1 序号3：序号不连续：上一项为 1；“一、产业发展”写明共 3 项，识别到 2 项：请核对是否有任务漏读或并入了别的任务");
});

test("a file with no numbered tasks, or a workbook, is refused with what was expected", async () => {
  const empty = path.join(tmp, "空.txt");
  fs.writeFileSync(empty, "这只是一段说明文字。");
  const noItems = await duban("import", empty, "-o", path.join(tmp, "x.xlsx"));
  expect(noItems.code).toBe(2);
  expect(noItems.err).toMatch(/没有找到编号的任务：通知中的任务应写成“1. 任务内容”/);
  const asJson = await duban("import", path.join(__dirname, "..", "seeds", "2019江汉区部门目录.xlsx"), "--json");
  expect(asJson.code).toBe(2);
  expect(JSON.parse(asJson.out).error.message).toMatch(/请把通知的文字复制到纯文本文件/);
});

/** GBK bytes of a text (Node has no GBK encoder; the notice's characters all come from this table). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder("gbk");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

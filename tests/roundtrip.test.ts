// The whole loop on the 2026 Jiang'an notice: import → split → units fill their forms → merge → check.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { duban, LEDGER_2019, openBook, tempDir } from "./helpers/cli";

const NOTICE = path.join(__dirname, "..", "seeds", "sources", "002_4e4f19e7498f2113.txt");
const tmp = tempDir("roundtrip");
const ledger = path.join(tmp, "台账.xlsx");
const forms = path.join(tmp, "分发");
const form = (unit: string) => path.join(forms, `${unit}-2026Q1进展填报.xlsx`);

/** Fills a unit's form: progress for the rows whose 序号 is given (all when none), then saves it. */
async function fill(unit: string, text: (no: string) => string, only?: string[], edit?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = await openBook(form(unit));
  const ws = wb.getWorksheet("进展填报")!;
  ws.eachRow((row, n) => {
    if (n < 3) return;
    const no = String(row.getCell(1).value);
    if (!only || only.includes(no)) row.getCell(9).value = text(no);
  });
  edit?.(ws);
  const out = path.join(tmp, `${unit}-回报.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

beforeAll(async () => {
  expect((await duban("import", NOTICE, "-o", ledger)).code).toBe(0);
});

test("split: one form per responsible unit, only its rows, only the quarter's progress open", async () => {
  const r = await duban("split", ledger, "--quarter", "2026Q1", "-o", forms);
  expect(r.code).toBe(0);
  const files = fs.readdirSync(forms);
  expect(r.out).toContain(`已为 ${files.length} 个责任单位生成2026年第一季度填报表（工作表“责任分解台账”，184 项任务）`);
  // One per unit the notice names (collective units such as 各街道办事处 get none).
  const items = JSON.parse((await duban("import", NOTICE, "--json")).out) as { lead: string[] }[];
  const units = new Set(items.flatMap((i) => i.lead).filter((u) => !/^(各|区人民政府)/.test(u)));
  expect(files.length).toBe(units.size);
  const wb = await openBook(form("区发展和改革局"));
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([["进展填报", "visible"], ["_督办回报", "veryHidden"]]);
  const ws = wb.getWorksheet("进展填报")!;
  expect(ws.getRow(2).values).toEqual([undefined, "序号", "工作类目", "目标任务", "牵头单位", "配合单位", "本单位", "完成时限", "上季度进展", "一季度进展", "督办键"]);
  // The tasks 区发展和改革局 leads in the notice: the rows that carry a key (the sign-off line below has none).
  const keyed = [...Array(ws.rowCount).keys()].filter((i) => i >= 2 && ws.getRow(i + 1).getCell(10).value);
  expect(keyed).toHaveLength(23);
  expect(ws.getColumn(10).hidden).toBe(true);
  expect(ws.getCell("I3").protection).toMatchObject({ locked: false });
  expect(ws.getCell("C3").protection?.locked).not.toBe(false);
  expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
});

test("merge: progress into the ledger by the key, and a report of what needs a look", async () => {
  const returns = [
    // 区发展和改革局 answers all its tasks; task 6 is also led by 江岸生态环境分局, who answers it differently.
    await fill("区发展和改革局", (no) => `序号${no}：已制定工作方案，完成年度目标的25%。`),
    await fill("江岸生态环境分局", () => "空气质量优良率达到83%，完成节能审查2项。", ["6"]),
    // 区商务局 answers two tasks and changes one task's text, which is not taken.
    await fill("区商务局", () => "举办促消费活动12场，社会消费品零售总额增长5.8%。", ["3", "17"], (ws) => {
      ws.eachRow((row) => {
        if (String(row.getCell(1).value) === "17") row.getCell(3).value = "改过的任务内容";
      });
    }),
  ];
  // A form sent to 区教育局, returned under another unit's name: not responsible for those rows.
  const wrong = await openBook(form("区教育局"));
  wrong.getWorksheet("_督办回报")!.getCell("A2").value = "区财政局";
  wrong.getWorksheet("进展填报")!.getCell("I3").value = "新建学校1所。";
  const wrongFile = path.join(tmp, "错投.xlsx");
  await wrong.xlsx.writeFile(wrongFile);

  const merged = path.join(tmp, "合并.xlsx");
  const r = await duban("merge", ledger, ...returns, wrongFile, LEDGER_2019, "--quarter", "2026Q1", "-o", merged);
  expect(r.code).toBe(0);
  // 23 of 区发展和改革局 + 2 of 区商务局 (task 6 is one cell with both units' text).
  expect(r.out).toContain("已合并 4 份填报表，写入 25 个单元格（工作表“责任分解台账”，2026年第一季度进展）");
  expect(r.out).toContain("【不是填报表的文件】1 项");
  expect(r.out).toContain("【多个单位填报不一致（都已保留，按单位标注）】1 项\n  第8行 序号6：区发展和改革局、江岸生态环境分局");
  expect(r.out).toContain("【非责任单位的填报（未合并）】8 项");
  expect(r.out).toContain("【改动了进展以外的内容（改动未采用）】1 项\n  区商务局：第19行 序号17（目标任务）");
  // A long list is cut short on the screen, and written whole into the merged workbook.
  expect(r.out).toContain("【牵头单位未填报的任务】159 项");
  expect(r.out).toContain("  …… 另有 139 项");
  expect(r.out.split("\n").filter((l) => /^  第\d+行 序号/.test(l)).length).toBeLessThan(60);
  expect(r.out).toContain("完整清单见输出工作簿的“合并报告2026Q1”工作表。");
  const report = (await openBook(merged)).getWorksheet("合并报告2026Q1")!;
  const unanswered: string[] = [];
  report.eachRow((row, n) => n > 1 && String(row.getCell(1).value).startsWith("牵头单位未填报的任务") && unanswered.push(String(row.getCell(2).value)));
  expect(unanswered).toHaveLength(159);
  expect(unanswered[0]).toBe("第6行 序号4：地方一般公共预算收入保持增长。");

  const ws = (await openBook(merged)).getWorksheet("责任分解台账")!;
  expect(ws.getCell("G3").value).toBe("序号1：已制定工作方案，完成年度目标的25%。");
  expect(ws.getCell("G8").value).toBe("【区发展和改革局】序号6：已制定工作方案，完成年度目标的25%。\n【江岸生态环境分局】空气质量优良率达到83%，完成节能审查2项。");
  expect(ws.getCell("D19").value).not.toBe("改过的任务内容");

  // The merged ledger checks: what no unit answered is what is missing.
  const check = JSON.parse((await duban("check", merged, "--quarter", "2026Q1", "--json")).out);
  expect(check.counts["missing-progress"]).toBe(159);
  expect(check.tasks).toBe(184);
});

test("merge refuses to run without forms, and reports a return for another quarter", async () => {
  const none = await duban("merge", ledger, "--quarter", "2026Q1", "-o", path.join(tmp, "x.xlsx"));
  expect(none.code).toBe(2);
  expect(none.err).toMatch(/需要各单位交回的填报表/);
  const r = await duban("merge", ledger, form("区商务局"), "--quarter", "2026Q2", "-o", path.join(tmp, "q2.xlsx"));
  expect(r.out).toContain("【其他季度的填报表（未合并）】1 项\n  区商务局：2026Q1");
});

// A ledger shaped unlike the seeds: a two-row header, a merged heading row, labelled unit cells,
// a status column, deadlines in words, and the directory in a workbook of its own.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../src/cli/main";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-unseen-"));
const ledgerFile = path.join(dir, "城区台账.xlsx");
const directoryFile = path.join(dir, "目录.xlsx");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRows([
    ["武汉市某区2026年政府工作报告重点任务推进台账"],
    ["填报单位：区政府办公室", null, null, null, null, null, null, null, null, null, null],
    ["编号", "重点工作", "具体工作内容", "牵头单位", "协办单位", "时间节点", "完成状态", "推进情况", null, null, null],
    [null, null, null, null, null, null, null, "一季度", "二季度", "三季度", "四季度"],
    ["一、稳增长", null, null, null, null, null, null, null, null, null, null],
    [1, "扩大有效投资", "固定资产投资增长5%。", "市级牵头单位:市发改委;区级牵头单位:区发改局", "区统计局", "年底前", "", "增长3.2%", "增长4.1%", "前三季度增长4.6%", ""],
    [2, null, "新开工亿元以上项目30个。", "区发展和改革局", "各街道", "6月底前", "", "新开工8个", "新开工19个", "新开工19个", ""],
    [3, null, "推进政府投资项目审批提速。", "区行政审批局", "", "", "", "制定方案", "同上", "同上", ""],
    ["二、惠民生", null, null, null, null, null, null, null, null, null, null],
    [4, "稳就业", "新增城镇就业1.5万人。", "区人社局", "区财政局", "2026年12月", "", "新增0.4万人", "新增0.8万人", "", ""],
    [5, null, "建成社区食堂10个。", "区民政局、区城管委", "区发该局", "9月30日前", "已完成", "建成3个", "建成7个", "建成10个，已全部投入运营", ""],
    [6, null, "改造老旧小区管网。", "", "区水务局", "", "", "", "", "完成管网改造设计，正在招标施工单位", ""],
  ]);
  for (const m of ["A1:K1", "H3:K3", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "A5:K5", "B6:B8", "A9:K9", "B10:B12"]) ws.mergeCells(m);
  await wb.xlsx.writeFile(ledgerFile);

  const dwb = new ExcelJS.Workbook();
  dwb.addWorksheet("Sheet1").addRows([
    ["单位名称", "简称", "曾用名", "类别", "状态"],
    ["区发展和改革局", "区发改局", "区发改委", "部门", "有效"],
    ["区统计局", "", "", "部门", "有效"],
    ["区行政审批局", "区审批局", "", "部门", "有效"],
    ["区人力资源局", "区人社局", "", "部门", "有效"],
    ["区财政局", "", "", "部门", "有效"],
    ["区民政局", "", "", "部门", "有效"],
    ["区城市管理执法局", "区城管局", "区城管委", "部门", "有效"],
    ["区水务和湖泊局", "", "区水务局", "部门", "有效"],
  ]);
  await dwb.xlsx.writeFile(directoryFile);
});

test("duban check finds exactly the problems a supervisor would", async () => {
  let out = "";
  const code = await run(["check", ledgerFile, "--directory", directoryFile, "--today", "2026-11-22", "--json"], { out: (s) => (out += s), err: () => undefined });
  const r = JSON.parse(out);
  expect(code).toBe(1);
  expect(r).toMatchObject({ sheet: "Sheet1", headerRow: 4, tasks: 6, quarter: "2026Q3" });
  expect(r.findings.map((f: { kind: string; cell: string }) => `${f.kind}@${f.cell}`)).toEqual([
    "stale-progress@J7", // 新开工19个 again
    "overdue@J7", // 6月底前, not marked done
    "placeholder-progress@J8", // 同上
    "missing-progress@J10",
    "renamed-unit@D11", // 区城管委
    "unknown-unit@E11", // 区发该局
    "missing-unit@D12",
    "renamed-unit@E12", // 区水务局
  ]);
  const byCell = (c: string) => r.findings.find((f: { cell: string }) => f.cell === c);
  expect(byCell("D11")).toMatchObject({ value: "区城管委", suggestions: ["区城市管理执法局"], taskNo: "5" });
  expect(byCell("E11").suggestions[0]).toBe("区发展和改革局");
  // The labelled cell D6 is fine: 区发改局 is the district lead; 市发改委 is a city unit and not checked.
  expect(r.findings.some((f: { cell: string }) => f.cell === "D6")).toBe(false);
});

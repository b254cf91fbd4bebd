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

// Another office's ledger (issue 13), mixing what the check had never seen: a hidden 原责任单位
// column, a section row with the unit columns' own labels, role notes and an own alias in unit
// cells, 属地街道 and 各成员单位, a full-width space between units, a lead cell with only a city unit,
// a city bureau's district office, a completion statement, figures in Chinese words, a done claim
// with nothing to show, and a total row, sign-off lines and notes under the table.
const otherFile = path.join(dir, "另一区台账.xlsx");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("统计表");
  ws.addRows([
    ["2026年某区政府工作报告重点任务推进情况统计表"],
    ["填报单位：区政府办公室（盖章）"],
    ["序号", "工作任务", "目标任务", "原责任单位", "牵头单位", "配合单位", "完成时限", "完成状态", "二季度进展", "三季度进展"],
    ["一、城市更新"],
    [1, "老旧小区改造", "改造老旧小区12个。", "区房管局", "区住更局（牵头）、区财政局（配合）", "属地街道", "8月底前", "", "完成4个", "已完成年度任务的三分之二，其余正在施工。"],
    [2, null, "建成口袋公园5个。", "区城管委", "区城管执法局　区资建局", "相关街道", "6月30日前", "", "主体施工中，完成3个", "已完成。8月20日通过竣工验收，5个公园全部开放。"],
    [null, null, "二、社会事业", null, "牵头单位", "配合单位"],
    [3, "社区服务", "新建社区食堂12个。", "区民政局", "区民政局", "各成员单位", "", "已完成", "完成5个", "已完成"],
    [4, null, "开展健康义诊活动。", "", "区卫健局（主责）", "", "", "", "开展义诊10场", "开展义诊25场，服务群众3000人次。"],
    [5, "教育", "新增学位2000个。", "", "市发改委", "区教育局", "", "", "完成800个", "新增学位工作正在稳步推进中，进展顺利。"],
    [6, null, "建设智慧校园平台。", "", "市公安局江岸分局、区委宣传部（区文明办）", "", "", "", "完成平台需求调研", "完成平台需求调研"],
    [7, null, "新建停车泊位1000个。", "", "区发改局", "", "", "", "完成300个", "完成年度目标的百分之八十，剩余两成正在施工。"],
    ["合计", null, "共7项任务", null, null, null, null, null, "已报送7项", "已报送7项"],
    ["填表人：王五", null, "审核人：赵六", null, "联系电话：82345678"],
    [null, null, "备注：请于每季度末月5日前报送。"],
    ["说明：1. 本表中“原责任单位”为机构改革前的名称。"],
  ]);
  for (const m of ["A1:J1", "A4:J4", "B5:B6", "B8:B9", "B10:B12"]) ws.mergeCells(m);
  ws.getColumn(4).hidden = true;
  wb.addWorksheet("部门目录").addRows([
    ["单位名称", "别名", "曾用名"],
    ["区发展和改革局", "区发改局", ""],
    ["区财政局", "", ""],
    ["区住房和城市更新局", "区住更局", "区房管局"],
    ["区城市管理执法局", "区城管执法局", "区城管委"],
    ["区自然资源和城乡建设局", "区资建局", ""],
    ["区委宣传部", "区文明办", ""],
    ["区卫生健康局", "区卫健局", ""],
    ["区民政局", "", ""],
    ["区教育局", "", ""],
    ["市公安局江岸分局", "", ""],
  ]);
  await wb.xlsx.writeFile(otherFile);
});

test("duban check reads another office's ledger right: what is a task, which column, what a unit cell means", async () => {
  let out = "";
  const code = await run(["check", otherFile, "--today", "2026-11-22", "--json"], { out: (s) => (out += s), err: () => undefined });
  const r = JSON.parse(out);
  expect(code).toBe(1);
  // Tasks 1–7; the section row, the total, the sign-off and the notes lines are none.
  expect(r).toMatchObject({ sheet: "统计表", headerRow: 3, tasks: 7, quarter: "2026Q3" });
  expect(r.findings.map((f: { kind: string; cell: string }) => `${f.kind}@${f.cell}`)).toEqual([
    "overdue@J5", // two thirds of the year's task by 8月底前: not done
    "done-unsupported@J8", // 已完成 in the status and as the whole progress
    "missing-unit@E10", // only 市发改委, a city unit
    "unquantified-progress@J10", // 2000个 to build, no figure in the progress
    "stale-progress@J11", // the same as the second quarter's
  ]);
  expect(r.findings.find((f: { cell: string }) => f.cell === "E10").suggestions).toBeUndefined();
  expect(r.notes).toContainEqual(expect.stringContaining("检查的是 E 列“牵头单位”，未用 D 列“原责任单位”（隐藏列、旧名称）"));
});

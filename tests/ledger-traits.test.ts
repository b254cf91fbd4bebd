// Ledgers of other offices (issue 13): what is not a task, which column is the unit column, what a unit
// cell means, and when progress says a task is done. Each trait on a real .xlsx built here, checked
// with `duban check --json` as a person would run it.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { duban, tempDir } from "./helpers/cli";

const dir = tempDir("traits");

/** The directory every ledger here carries in its 部门目录 sheet. */
const DIRECTORY: ExcelJS.CellValue[][] = [
  ["单位名称", "别名", "曾用名"],
  ["区发展和改革局", "区发改局", "区发改委"],
  ["区财政局", "", ""],
  ["区住房和城市更新局", "区住更局", "区房管局"],
  ["区城市管理执法局", "区城管执法局", "区城管委"],
  ["区自然资源和城乡建设局", "区资建局", ""],
  ["区委宣传部", "区文明办", ""],
  ["区卫生健康局", "区卫健局", "区卫计委"],
  ["区民政局", "", ""],
  ["市生态环境局武昌分局", "", ""],
  ["市公安局江岸分局", "", ""],
];

interface Finding {
  kind: string;
  cell: string;
  value?: string;
  suggestions?: string[];
  message: string;
}
interface Checked {
  code: number;
  tasks: number;
  notes: string[];
  findings: Finding[];
}

let serial = 0;

/** Writes a ledger sheet (rows, then `dress` for merges and hidden columns) and a 部门目录 sheet. */
async function ledger(rows: ExcelJS.CellValue[][], dress?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRows(rows);
  dress?.(ws);
  wb.addWorksheet("部门目录").addRows(DIRECTORY);
  const file = path.join(dir, `ledger-${++serial}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function checked(file: string): Promise<Checked> {
  const r = await duban("check", file, "--quarter", "2026Q3", "--json");
  expect(r.err).toBe("");
  const json = JSON.parse(r.out) as Omit<Checked, "code">;
  return { code: r.code, tasks: json.tasks, notes: json.notes, findings: json.findings };
}

const at = (findings: readonly Finding[]) => findings.map((f) => `${f.kind}@${f.cell}`);

const TITLE = ["2026年区政府工作报告重点任务推进台账"];
const HEADER = ["序号", "目标任务", "责任单位", "完成时限", "二季度进展", "三季度进展"];
/** A task with nothing to find: a known unit, no deadline, progress with figures. */
const FINE = (no: number, lead = "区发展和改革局"): ExcelJS.CellValue[] => [no, `新开工项目${no * 2}个。`, lead, "", `开工${no}个`, `累计开工${no * 2}个，已全部进场施工。`];

describe("rows that are not tasks", () => {
  test("a total row, sign-off lines and notes lines are not counted, so the reporting rate is right", async () => {
    const file = await ledger([
      TITLE,
      HEADER,
      FINE(1),
      FINE(2, "区财政局"),
      [3, "新建社区食堂6个。", "区民政局", "", "建成2个", ""],
      ["合计", null, "共3项任务", null, "已报送3项", "已报送2项"],
      ["填表人：张三", null, "审核人：李四", "联系电话：82345678"],
      [null, "填报日期：2026年10月9日"],
      [null, "备注：1. 进展情况请写明具体数据；2. 已完成的任务请写明完成时间。"],
      ["说明：本表由各牵头单位填写，区政府办汇总。"],
    ]);
    const r = await checked(file);
    expect(r.tasks).toBe(3);
    expect(at(r.findings)).toEqual(["missing-progress@F5"]);
    const out = path.join(dir, "traits-summary.xlsx");
    const s = await duban("summary", file, "--quarter", "2026Q3", "-o", out);
    expect(s.out).toContain("3 项任务，已报送 2 项（66.7%），未报送 1 项");
  });

  test("a section row with the column's own label where units stand is a heading, not a task with the unit “牵头单位”", async () => {
    const file = await ledger([
      TITLE,
      ["序号", "目标任务", "牵头单位", "完成时限", "二季度进展", "三季度进展"],
      [null, "（一）城市更新", "牵头单位", null, null, null],
      FINE(1, "区住房和城市更新局"),
      [null, "（二）社会事业", "牵头单位"],
      FINE(2, "区民政局"),
    ]);
    const r = await checked(file);
    expect(r.tasks).toBe(2);
    expect(r.findings).toEqual([]);
  });
});

describe("which column holds the lead units", () => {
  test("a hidden 原责任单位 column is not taken for the live 责任单位 column, and the check says which was used", async () => {
    const file = await ledger(
      [
        TITLE,
        ["序号", "目标任务", "原责任单位", "责任单位", "二季度进展", "三季度进展"],
        [1, "新开工项目2个。", "区城管委", "区城市管理执法局", "开工1个", "累计开工2个，均已进场施工。"],
        [2, "新开工项目4个。", "区发改委", "", "开工2个", "累计开工4个，均已进场施工。"],
      ],
      (ws) => (ws.getColumn(3).hidden = true),
    );
    const r = await checked(file);
    // The live column: task 2 has no unit. The old names in the hidden column are not reported.
    expect(at(r.findings)).toEqual(["missing-unit@D4"]);
    expect(r.notes).toContainEqual(expect.stringContaining("检查的是 D 列“责任单位”，未用 C 列“原责任单位”（隐藏列、旧名称）"));
  });

  test("of two columns both named like the lead units, the visible one is checked", async () => {
    const file = await ledger(
      [
        TITLE,
        ["序号", "目标任务", "责任单位", "牵头单位", "二季度进展", "三季度进展"],
        [1, "新开工项目2个。", "区计委", "区发展和改革局", "开工1个", "累计开工2个，均已进场施工。"],
      ],
      (ws) => (ws.getColumn(3).hidden = true),
    );
    const r = await checked(file);
    expect(r.findings).toEqual([]);
    expect(r.notes).toContainEqual(expect.stringContaining("检查的是 D 列“牵头单位”，未用 C 列“责任单位”（隐藏列）"));
  });
});

describe("what a unit cell means", () => {
  test("role notes, a unit with its own alias in brackets, words for several units, a full-width space", async () => {
    const file = await ledger([
      TITLE,
      ["序号", "目标任务", "牵头单位", "配合单位", "二季度进展", "三季度进展"],
      [1, "新开工项目2个。", "区住更局（牵头）、区财政局（配合）", "属地街道", "开工1个", "累计开工2个，均已进场施工。"],
      [2, "新开工项目4个。", "区委宣传部（区文明办）", "相关街道、各成员单位", "开工2个", "累计开工4个，均已进场施工。"],
      [3, "新开工项目6个。", "区卫健局（主责）", "区民政局（负责）", "开工3个", "累计开工6个，均已进场施工。"],
      [4, "新开工项目8个。", "区城管执法局　区资建局", "区发改局　　区财政局", "开工4个", "累计开工8个，均已进场施工。"],
    ]);
    const r = await checked(file);
    expect(r.tasks).toBe(4);
    expect(r.findings).toEqual([]);
  });

  test("a bracketed name that is not the unit's own alias stays unknown", async () => {
    const file = await ledger([TITLE, HEADER, [1, "新开工项目2个。", "区委宣传部（区财政局）", "", "开工1个", "累计开工2个，均已进场施工。"]]);
    const r = await checked(file);
    expect(r.findings.map((f) => [f.kind, f.value])).toEqual([["unknown-unit", "区委宣传部（区财政局）"]]);
  });

  test("a lead cell with only city units has no district unit; city bureaus' district offices are district units", async () => {
    const file = await ledger([
      TITLE,
      HEADER,
      FINE(1, "市发改委"),
      FINE(2, "市发改委、区发改局"),
      FINE(3, "市生态环境局武昌分局"),
      FINE(4, "区级牵头单位：市公安局江岸分局、区城管执法局"),
    ]);
    const r = await checked(file);
    expect(at(r.findings)).toEqual(["missing-unit@C3"]);
    expect(r.findings[0]!.suggestions ?? []).toEqual([]);
    expect(r.findings[0]!.message).toContain("只写了市级单位（市发改委），缺少区级责任单位");
  });

  test("the import never flags 市…分局 under 区级 labels as a city unit, and still flags 市发改委", async () => {
    const notice = path.join(dir, "notice.txt");
    fs.writeFileSync(
      notice,
      [
        "2026年区政府工作报告重点任务责任分解方案",
        "1.加强生态环境保护，完成大气污染治理项目10个。(市级牵头单位:市生态环境局;区级牵头单位:市生态环境局武昌分局)",
        "2.深化平安建设。(区级牵头单位:市公安局江岸分局、区司法局)",
        "3.推进重大项目建设。(区级牵头单位:市发改委)",
      ].join("\n"),
    );
    const r = await duban("import", notice, "--json");
    const items = JSON.parse(r.out) as { no: number; flags: string[] }[];
    expect(items.map((i) => i.flags)).toEqual([[], [], ["区级责任单位中有市级单位“市发改委”"]]);
  });
});

describe("progress that says a task is done, and figures in words", () => {
  const header = ["序号", "目标任务", "责任单位", "完成时限", "完成状态", "二季度进展", "三季度进展"];

  test("a completion statement marks the task done for overdue; a share of the year's task does not; Chinese numerals are figures", async () => {
    const file = await ledger([
      TITLE,
      header,
      [1, "建成口袋公园5个。", "区住更局", "6月30日前", "", "主体施工中，完成3个", "已完成。8月20日通过竣工验收，5个公园全部开放。"],
      [2, "改造老旧小区12个。", "区住更局", "8月底前", "", "完成4个", "已完成年度任务的三分之二，其余正在施工。"],
      [3, "新建停车泊位1000个。", "区城管执法局", "", "", "完成300个", "新建泊位已完成年度目标的百分之八十，剩余两成正在施工。"],
      [4, "新建社区食堂12个。", "区民政局", "", "", "完成5个", "已建成十二个中的九个，其余正在装修。"],
      [5, "改造雨污管网30公里。", "区城管执法局", "", "", "完成10公里", "管网改造工程正在加紧施工，进展顺利。"],
      [6, "完成河道清淤3条。", "区城管执法局", "2026年7月", "", "完成2条", "已全面完成"],
      [7, "完成学校改扩建2所。", "区住更局", "8月底前", "", "主体封顶", "已竣工验收"],
    ]);
    const r = await checked(file);
    expect(at(r.findings)).toEqual([
      "overdue@G4", // two thirds of the year's task is not done, and 8月底前 has passed
      "unquantified-progress@G7", // no figure at all
      "done-unsupported@G8", // 已全面完成, and nothing else
      "done-unsupported@G9", // 已竣工验收, and nothing else
    ]);
  });

  test("a task marked 已完成 with only a placeholder or last quarter's text is a completion claim with nothing to show", async () => {
    const file = await ledger([
      TITLE,
      header,
      [1, "建成口袋公园5个。", "区住更局", "", "已完成", "完成3个", "已完成"],
      [2, "改造老旧小区12个。", "区住更局", "", "已完成", "已完成。6月20日通过验收，12个小区全部交付。", "已完成。6月20日通过验收，12个小区全部交付。"],
      [3, "新建社区食堂12个。", "区民政局", "", "已完成", "完成5个", "12个食堂全部建成，9月1日起投入运营。"],
      [4, "新建停车泊位1000个。", "区城管执法局", "6月底前", "已完成", "完成300个", "同上"],
      [5, "完成河道清淤3条。", "区城管执法局", "", "", "完成2条", "已完成"],
      [6, "完成学校改扩建2所。", "区住更局", "", "已完成", "已完成", ""],
    ]);
    const r = await checked(file);
    expect(at(r.findings)).toEqual(["done-unsupported@G3", "done-unsupported@G4", "done-unsupported@G6", "done-unsupported@G7"]);
    expect(r.findings.find((f) => f.cell === "G4")!.message).toContain("标记为已完成，但三季度进展与上季度几乎相同");
    expect(r.findings.find((f) => f.cell === "G6")!.message).toContain("标记为已完成，但三季度进展只写了“同上”");
  });
});

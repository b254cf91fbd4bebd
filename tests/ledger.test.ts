import * as path from "path";
import ExcelJS from "exceljs";
import { check, Directory, labelQuarter, LedgerError, readLedger, recogniseLabel, type CellValue, type SheetGrid } from "../src/core";
import { classifyRow, FilledGrid, readRow, resolveColumns, type LedgerLayout, type RowKind } from "../src/core/ledger";
import { sheetGrid } from "../src/hosts/xlsx/grid";
import { grid } from "./helpers/grid";
import { findingText, ledgerDefaultQuarter, problemText } from "../src/app";
import { errorOf as catchError } from "./helpers/app";

describe("recognising column names", () => {
  test.each([
    ["序号", "no"],
    ["编号", "no"],
    ["No.", "no"],
    ["工作类目", "category"],
    ["板块", "category"],
    ["领域", "category"],
    ["工作任务", "subcategory"],
    ["重点工作", "subcategory"],
    ["目标和要求", "task"],
    ["目标任务", "task"],
    ["具体工作内容", "task"],
    ["责任事项", "task"],
    ["主要责任\n\n部门", "lead"],
    ["牵头单位", "lead"],
    ["区级牵头单位", "lead"],
    ["相关责任部门", "co"],
    ["配合单位", "co"],
    ["协办单位", "co"],
    ["市级牵头单位", "cityLead"],
    ["完成时限", "deadline"],
    ["时间节点", "deadline"],
    ["进展情况", "progress"],
    ["推进情况", "progress"],
    ["完成状态", "status"],
  ])("%s is %s", (label, role) => expect(recogniseLabel(label)?.role).toBe(role));

  test.each([
    ["一季度进展", 1],
    ["第二季度", 2],
    ["3季度", 3],
    ["Q4", 4],
    ["截至9月底", 3],
    ["上半年进展情况", 2],
  ])("%s is progress of quarter %s", (label, q) => {
    expect(recogniseLabel(label)).toEqual({ role: "progress", quarter: q });
  });

  test("a plain 进展情况 column is not tied to a quarter", () => {
    expect(recogniseLabel("进展情况（截至10月底）")).toEqual({ role: "progress" });
    expect(labelQuarter("进展情况")).toBeUndefined();
  });

  test("text that is not a column name", () => {
    expect(recogniseLabel("地区生产总值增长8%左右。")).toBeUndefined();
    expect(recogniseLabel("")).toBeUndefined();
  });
});

// The shape of seed 000: title, header, merged categories, a header repeated on the next page,
// heading rows, blank rows, several units in one cell.
const HEADER = ["工作类目", "工作任务", "目标和要求", "主要责任部门", "相关责任部门", "进展情况"];
const rows: CellValue[][] = [
  ["2019年区《政府工作报告》确定的主要目标任务责任分解方案", null, null, null, null, null],
  [null, null, null, null, null, null],
  HEADER,
  ["经济社会发\n展主要预期\n目标", null, "地区生产总值增长8%左右。", "发改委", "商务区综合计划局\n经信局\n各街道", "截至9月底，地区生产总值增长6.9%。"],
  [null, null, "一般公共预算总收入实现255亿元。", "财政局", "税务局", "截至10月底，完成217.6亿元。"],
  [null, null, null, null, null, null],
  HEADER,
  ["围绕军运保障，深耕精致江汉", "高标准抓好环境改善", "打通汉江大道。", "商务区土地管理局", "商务区规划建设局", "汉江大道已于9月26日全线通车。"],
  [null, null, "新建微循环道路10条，建设人行天桥6座。", "建设局", "各相关街道", "正在推进"],
  ["为民办实事", "为民办实事", "为民办实事", "为民办实事", "为民办实事", "为民办实事"],
  [null, null, "关爱老年人。为1000名高龄困难老年人购买养老服务。", "民政局", null, null],
];
const merges = ["A1:F1", "A4:A5", "B4:B5", "A8:A9", "B8:B9", "A10:F10"];

describe("reading task rows", () => {
  const ledger = readLedger(grid(rows, merges, "责任分解"));

  test("finds the header below the title and the year in the title", () => {
    expect(ledger.headerRow).toBe(3);
    expect(ledger.year).toBe(2019);
    expect(ledger.title).toMatch(/^2019年/);
  });

  test("skips blank rows and the repeated header; a merged heading row becomes context", () => {
    expect(ledger.tasks.map((t) => t.row)).toEqual([4, 5, 8, 9, 11]);
  });

  test("merged category cells fill down; 工作任务 is a second level when 目标和要求 is the task", () => {
    expect(ledger.tasks[1]!.category).toEqual(["经济社会发展主要预期目标"]);
    expect(ledger.tasks[3]!.category).toEqual(["围绕军运保障，深耕精致江汉", "高标准抓好环境改善"]);
    expect(ledger.tasks[4]!.category).toEqual(["为民办实事"]);
  });

  test("each value keeps the address of its cell (a merged one: the top-left)", () => {
    const t = ledger.tasks[1]!;
    expect(t.text).toMatchObject({ text: "一般公共预算总收入实现255亿元。", cell: "C5", row: 5 });
    expect(t.lead).toMatchObject({ text: "财政局", cell: "D5" });
    expect(t.progress.any).toMatchObject({ cell: "F5" });
  });

  test("multi-line cells keep their text", () => {
    expect(ledger.tasks[0]!.co!.text).toBe("商务区综合计划局\n经信局\n各街道");
  });
});

describe("headers of other shapes", () => {
  test("a two-row header: 进展情况 over 一季度…四季度", () => {
    const l = readLedger(
      grid(
        [
          ["序号", "目标任务", "责任单位", "完成时限", "进展情况", null, null, null],
          [null, null, null, null, "一季度", "二季度", "三季度", "四季度"],
          [1, "新建口袋公园3个。", "区园林局", "2026年12月底", "已完成选址", "完成设计", "", ""],
        ],
        ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:H1"],
      ),
    );
    expect(l.headerTop).toBe(1);
    expect(l.headerRow).toBe(2);
    expect(l.columns.filter((c) => c.role === "progress").map((c) => c.quarter)).toEqual([1, 2, 3, 4]);
    expect(l.tasks).toHaveLength(1);
    expect(l.tasks[0]!.progress[2]).toMatchObject({ text: "完成设计", cell: "F3" });
  });

  test("heading rows 一、（二）—— inside the table become the category path", () => {
    const l = readLedger(
      grid([
        ["序号", "目标任务", "责任单位", "三季度进展"],
        ["一、2026年经济社会发展主要预期目标", null, null, null],
        [1, "地区生产总值增长6%左右。", "区发展和改革局", "增长5.8%"],
        ["二、2026年重点工作", null, null, null],
        ["（一）凝心聚力打好产业转型突围战", null, null, null],
        [7, "支持在岸金融总部拓展业务布局。", "区政府办（金融）", ""],
      ]),
    );
    expect(l.tasks.map((t) => t.category)).toEqual([
      ["一、2026年经济社会发展主要预期目标"],
      ["二、2026年重点工作", "（一）凝心聚力打好产业转型突围战"],
    ]);
  });

  test("a header in row 19 is found; one in row 21 is not", () => {
    const body = [["序号", "目标任务", "责任单位", "进展情况"], [1, "任务", "区财政局", "进展"]];
    const pad = (n: number): CellValue[][] => Array.from({ length: n }, () => ["说明文字"]);
    expect(readLedger(grid([...pad(18), ...body])).headerRow).toBe(19);
    expect(problemText(catchError(() => readLedger(grid([...pad(20), ...body]))))).toMatch(/前 20 行中没有找到台账表头/);
  });

  test("a sheet with no header says what it expected", () => {
    expect(problemText(catchError(() => readLedger(grid([["姓名", "电话"], ["张三", "123"]], [], "通讯录"))))).toMatch(/工作表“通讯录”.*序号.*目标任务.*责任单位/);
  });
});

describe("the whole check on a small ledger", () => {
  const dir = new Directory([
    { name: "区发展和改革局", aliases: ["发改局"], formerNames: ["发改委"], category: "部门", status: "active", row: 2 },
    { name: "区财政局", aliases: [], formerNames: [], category: "部门", status: "active", row: 3 },
  ]);
  const g = grid([
    ["2026年责任分解台账", null, null, null, null, null],
    ["序号", "目标任务", "牵头单位", "完成时限", "二季度进展", "三季度进展"],
    [1, "一般公共预算收入完成142亿元。", "区财政局", "", "完成70亿元", "完成110.5亿元，达目标进度77.8%"],
    [2, "地区生产总值增长6%左右。", "发改委", "", "", ""],
    [3, "推进财政预算绩效管理改革。", "区财正局、各街道", "2026年6月底", "制定改革方案，报区政府审定。", "制定改革方案，报区政府审定。"],
    [4, "新建口袋公园3个。", "", "", "", "正在推进"],
    [5, "新增就业不少于2万人。", "区财政局", "", "", "积极开展招聘活动，帮扶困难人员就业。"],
  ]);
  const result = check(g, dir, { quarter: ledgerDefaultQuarter(readLedger(g), new Date(2026, 10, 22)) });
  const kinds = result.findings.map((f) => `${f.kind}@${f.cell}`);

  test("defaults to the latest ended quarter of the ledger's year", () => {
    expect(result.quarter).toEqual({ year: 2026, q: 3 });
  });

  test("finds each kind at its cell", () => {
    expect(kinds).toEqual([
      "renamed-unit@C4",
      "missing-progress@F4",
      "unknown-unit@C5",
      "stale-progress@F5",
      "overdue@F5",
      "missing-unit@C6",
      "placeholder-progress@F6",
      "unquantified-progress@F7",
    ]);
  });

  test("unit findings carry the unit as written and ranked suggestions", () => {
    const renamed = result.findings.find((f) => f.kind === "renamed-unit")!;
    expect(renamed).toMatchObject({ value: "发改委", suggestions: ["区发展和改革局"], row: 4, taskNo: "2" });
    const unknown = result.findings.find((f) => f.kind === "unknown-unit")!;
    expect(unknown.value).toBe("区财正局");
    expect(unknown.suggestions![0]).toBe("区财政局");
    expect(findingText(unknown)).toContain("区财正局");
  });

  test("a quarter the ledger has no column for is refused with a clear message", () => {
    expect(problemText(catchError(() => check(g, dir, { quarter: { year: 2026, q: 4 } })))).toMatch(/没有2026年第四季度的进展列/);
  });
});

describe("a header row and columns set by a person", () => {
  // Column names detection does not know: 事项 for the task, 负责 for the unit, 9月 for the progress.
  const g = grid([
    ["说明：本表由各单位填报"],
    ["编号", "事项", "负责", "备注", "9月"],
    [1, "新建口袋公园3个。", "区园林局", "", "已建成2个"],
    [2, "新增就业2万人。", "", "", ""],
  ]);
  test("without them the sheet is not a ledger", () => {
    expect(() => readLedger(g)).toThrow(LedgerError);
  });
  test("with them it reads as one", () => {
    const l = readLedger(g, { headerRow: 2, columns: { task: "B", lead: "C", progress3: "E" } });
    expect(l.headerRow).toBe(2);
    expect(l.tasks.map((t) => [t.no, t.text.text, t.lead?.text, t.progress[3]?.cell])).toEqual([
      ["1", "新建口袋公园3个。", "区园林局", "E3"],
      ["2", "新增就业2万人。", "", "E4"],
    ]);
    const r = check(g, undefined, { quarter: { year: 2026, q: 3 }, layout: { headerRow: 2, columns: { task: "B", lead: "C", progress3: "E" } } });
    expect(r.findings.map((f) => `${f.kind}@${f.cell}`)).toEqual(["placeholder-progress@E3", "missing-unit@C4", "missing-progress@E4"]);
  });
  test("bad settings say what is expected", () => {
    expect(problemText(catchError(() => readLedger(g, { headerRow: 99 })))).toMatch(/不在工作表“台账”的 1 到 4 行之内/);
    expect(problemText(catchError(() => readLedger(g, { headerRow: 2, columns: { task: "第二列" } })))).toMatch(/应写成列字母/);
  });
});

describe("rows inside the table that are not tasks", () => {
  const { isNotTaskText } = jest.requireActual("../src/core/notTasks") as typeof import("../src/core/notTasks");
  test.each(["合计", "合　计", "总计：", "小计（12项）", "合计45项", "填表人：张三", "审核人:", "联系电话：82345678", "联系电话 82345678", "填报日期：2026年10月9日", "单位（盖章）", "备注：进展请写明数据", "说明：", "注：本表由各单位填写", "注1：完成时限以方案为准"])(
    "“%s” starts no task",
    (text) => expect(isNotTaskText(text)).toBe(true),
  );
  test.each(["合计新增就业岗位2万个。", "注重培育新兴产业。", "电话回访满意率达到95%。", "说明书编制完成", "负责人员培训200人次。", "1"])("“%s” may be a task", (text) =>
    expect(isNotTaskText(text)).toBe(false),
  );
});

describe("a column label where units stand", () => {
  test("in a row with no 序号 and no progress it is a section heading; in a task row it is no unit, and the task stays", () => {
    const r = check(
      grid([
        ["序号", "目标任务", "牵头单位", "三季度进展"],
        [null, "（一）城市更新", "牵头单位", null],
        [1, "改造老旧小区12个。", "区财政局", "完成12个小区改造。"],
        [2, "建成口袋公园5个。", "牵头单位", "建成5个口袋公园。"],
      ]),
      new Directory([{ name: "区财政局", aliases: [], formerNames: [], category: "部门", status: "active", row: 2 }]),
      { quarter: { year: 2026, q: 3 } },
    );
    expect(r.ledger.tasks.map((t) => [t.no, t.category])).toEqual([
      ["1", ["（一）城市更新"]],
      ["2", ["（一）城市更新"]],
    ]);
    expect(r.findings.map((f) => `${f.kind}@${f.cell}`)).toEqual(["missing-unit@C4"]);
  });
});

describe("total rows wherever their word stands", () => {
  test("合计 in the 序号 column behind a merged category column; a numbered task whose text starts like a note stays", () => {
    const r = readLedger(
      grid(
        [
          ["类别", "序号", "目标任务", "责任单位", "三季度进展"],
          ["一、经济发展", 1, "新开工项目10个。", "区发改局", "开工8个"],
          [null, 2, "说明：编制产业规划。", "区发改局", "已完成初稿"],
          [null, "合计", "2项", null, "已报送2项"],
        ],
        ["A2:A4"],
      ),
    );
    expect(r.tasks.map((t) => t.no)).toEqual(["1", "2"]);
  });
});

// The reader in its two steps: where the header is and which column holds what (resolveColumns), then
// what each row below it is (classifyRow).
describe("which column holds what, and what each row is", () => {
  /** Each body row's 1-based number and what the reader takes it for. */
  const rowKinds = (g: FilledGrid, layout: LedgerLayout) => {
    const out: [number, RowKind][] = [];
    for (let r = layout.bottom + 1; r < g.height; r++) out.push([r + 1, classifyRow(readRow(g, r, layout), layout)]);
    return out;
  };
  const labels = (layout: LedgerLayout, at: readonly number[]) => at.map((i) => layout.columns[i]!.label);

  describe("the 2019 Jianghan ledger (seeds/)", () => {
    let sheet: SheetGrid;
    beforeAll(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(__dirname, "..", "seeds", "2019江汉区政府工作报告责任分解台账.xlsx"));
      sheet = sheetGrid(wb.getWorksheet("进展情况")!);
    });

    test("its header is row 2: the task in 目标和要求 under 工作类目 and 工作任务, the units in two columns, one progress column for any quarter", () => {
      const layout = resolveColumns(new FilledGrid(sheet));
      expect([layout.top, layout.bottom]).toEqual([1, 1]);
      const { at } = layout;
      expect(labels(layout, [at.no, at.task, at.lead, at.co])).toEqual(["序号", "目标和要求", "主要责任部门", "相关责任部门"]);
      expect(labels(layout, at.categories)).toEqual(["工作类目", "工作任务"]);
      expect(labels(layout, at.units)).toEqual(["主要责任部门", "相关责任部门"]);
      expect(at.progress.map(([quarter, i]) => [quarter, layout.columns[i]!.label])).toEqual([["any", "进展情况"]]);
      expect([at.cityLead, at.deadline, at.status]).toEqual([-1, -1, -1]);
      expect(layout.notes).toEqual([]);
    });

    test("the header repeated at the top of each printed page is column names; every other row is a task, and those are the tasks read", () => {
      const g = new FilledGrid(sheet);
      const kinds = rowKinds(g, resolveColumns(g));
      const repeated = kinds.filter(([, k]) => k.kind !== "task");
      expect(repeated.map(([row]) => sheet.rows[row - 1]!.slice(0, 4))).toEqual(repeated.map(() => ["序号", "工作类目", "工作任务", "目标和要求"]));
      expect(repeated.every(([, k]) => k.kind === "header")).toBe(true);
      expect(repeated.length).toBeGreaterThan(1);
      expect(readLedger(sheet).tasks.map((t) => t.row)).toEqual(kinds.filter(([, k]) => k.kind === "task").map(([row]) => row));
    });
  });

  test("seed 000's shape: a blank row, the header again, a merged heading row across the table", () => {
    const g = new FilledGrid(grid(rows, merges, "责任分解"));
    const kinds = rowKinds(g, resolveColumns(g));
    expect(kinds).toEqual([
      [4, { kind: "task" }],
      [5, { kind: "task" }],
      [6, { kind: "blank" }],
      [7, { kind: "header" }],
      [8, { kind: "task" }],
      [9, { kind: "task" }],
      [10, { kind: "heading", level: 0, text: "为民办实事" }],
      [11, { kind: "task" }],
    ]);
  });

  test("a total row, sign-off and notes lines are no task; a section row with the unit column's own label is a heading; a numbered row stays a task", () => {
    const g = new FilledGrid(
      grid([
        ["2026年区政府工作报告重点任务推进台账"],
        ["序号", "目标任务", "牵头单位", "完成时限", "二季度进展", "三季度进展"],
        [null, "（一）城市更新", "牵头单位", null, null, null],
        [1, "新开工项目2个。", "区发展和改革局", "", "开工1个", "累计开工2个，已全部进场施工。"],
        [2, "说明：编制产业规划。", "区发展和改革局", "", "已完成初稿", ""],
        [3, "建成口袋公园5个。", "牵头单位", "", "", "建成5个口袋公园。"],
        ["二、社会事业"],
        [null, null, null, null, "正在推进", null],
        ["合计", null, "共3项任务", null, "已报送3项", "已报送2项"],
        ["填表人：张三", null, "审核人：李四", "联系电话：82345678"],
        [null, "备注：1. 进展情况请写明具体数据；2. 已完成的任务请写明完成时间。"],
      ]),
    );
    expect(rowKinds(g, resolveColumns(g))).toEqual([
      [3, { kind: "heading", level: 1, text: "（一）城市更新" }],
      [4, { kind: "task" }],
      [5, { kind: "task" }],
      [6, { kind: "task" }],
      [7, { kind: "heading", level: 0, text: "二、社会事业" }],
      [8, { kind: "not-task" }],
      [9, { kind: "not-task" }],
      [10, { kind: "not-task" }],
      [11, { kind: "not-task" }],
    ]);
  });

  test("a hidden 原责任单位 beside 责任单位: the live column is read, and a note says which was used", () => {
    const g = new FilledGrid({
      ...grid([
        ["序号", "目标任务", "原责任单位", "责任单位", "二季度进展", "三季度进展"],
        [1, "新开工项目2个。", "区城管委", "区城市管理执法局", "开工1个", "累计开工2个，均已进场施工。"],
      ]),
      hiddenColumns: [2],
    });
    const layout = resolveColumns(g);
    expect(layout.columns.map((c) => c.label)).toEqual(["序号", "目标任务", "责任单位", "二季度进展", "三季度进展"]);
    expect(labels(layout, [layout.at.lead])).toEqual(["责任单位"]);
    expect(layout.notes).toEqual([{ code: "unit-column-chosen", role: "lead", column: "D", label: "责任单位", others: [{ column: "C", label: "原责任单位", hidden: true, former: true }] }]);
    expect(readRow(g, 1, layout).cells[layout.at.lead]).toMatchObject({ text: "区城市管理执法局", cell: "D2" });
  });

  test("a person's header row and columns put over what detection finds, labelled by the header's own text", () => {
    const g = new FilledGrid(grid([["说明：本表由各单位填报"], ["编号", "事项", "负责", "备注", "9月"], [1, "新建口袋公园3个。", "区园林局", "", "已建成2个"]]));
    const layout = resolveColumns(g, { headerRow: 2, columns: { task: "B", lead: "C", progress3: "E" } });
    expect([layout.top, layout.bottom]).toEqual([1, 1]);
    expect(labels(layout, [layout.at.task, layout.at.lead])).toEqual(["事项", "负责"]);
    expect(layout.at.progress.map(([quarter, i]) => [quarter, layout.columns[i]!.label])).toEqual([[3, "9月"]]);
  });

  test("a sheet it cannot read says why: empty, a header row outside it, no header, no task column", () => {
    const code = (g: SheetGrid, overrides = {}) => (catchError(() => resolveColumns(new FilledGrid(g), overrides)) as LedgerError).detail.code;
    expect(code(grid([[null, ""]]))).toBe("sheet-empty");
    expect(code(grid([["序号", "目标任务", "责任单位"]]), { headerRow: 2 })).toBe("header-row-outside");
    expect(code(grid([["姓名", "电话"], ["张三", "123"]]))).toBe("no-header");
    expect(code(grid([["序号", "牵头单位", "报送率"], [1, "区财政局", "100%"]]))).toBe("no-task-column");
  });
});

// Drawing sheets as the port's operations (src/core/drawing.ts), once for every host: where a laid-out
// sheet's rows, header, merges, open cells and lines below land, and how the summary sheet is drawn.
// Every program runs inside its test (not in a describe body), so that mutation testing sees which
// test covers what.
import { freeTableName, layoutOps, STYLES, summaryOps } from "../src/core/drawing";
import type { Op } from "../src/core/ops";
import { rowHeight, type SheetLayout } from "../src/core/layout";
import type { SummarySheetPlan } from "../src/core/summarySheet";

const of = <K extends Op["op"]>(ops: readonly Op[], kind: K) => ops.filter((o): o is Extract<Op, { op: K }> => o.op === kind);
const styleAt = (ops: readonly Op[], row: number, col: number) => of(ops, "style").filter((s) => s.range.top <= row && row <= s.range.bottom && s.range.left <= col && col <= s.range.right);
const heightOf = (ops: readonly Op[], row: number) => of(ops, "rowHeights")[0]!.heights.find((h) => h.row === row)?.height;
const ONE_LINE = rowHeight(["一"], [10]);

const FORM: SheetLayout = {
  name: "填报表",
  title: "2026年第三季度进展填报",
  subtitle: "请于10月10日前报回",
  columns: [
    { header: "类别", width: 10, mergeRuns: true },
    { header: "任务", width: 40 },
    { header: "键", width: 4, hidden: true },
    { header: "进展", width: 30, editable: true, fill: "FFF2CC" },
  ],
  rows: [
    ["经济", "任务一", "k1", ""],
    ["经济", "任务二", "k2", ""],
    ["经济", "任务三", "k3", ""],
    ["民生", "任务四", "k4", ""],
  ],
  repeatHeaderBefore: [2],
  protect: true,
  below: [[{ text: "填报人：", span: 1 }, { text: "", span: 2, input: true, fill: "FFF2CC" }]],
};

/** A plain sheet: no title, nothing merged, hidden, protected or below. */
const PLAIN: SheetLayout = {
  name: "部门目录",
  columns: [
    { header: "单位名称", width: 20 },
    { header: "简称", width: 10 },
  ],
  rows: [
    ["区财政局", "财政"],
    ["区园林局", "园林"],
  ],
};

const form = () => layoutOps(FORM, { position: 3 });

describe("a laid-out sheet", () => {
  test("added at its position, its title merged with the subtitle as a second line, shown at A1", () => {
    const ops = form();
    expect(ops[0]).toEqual({ op: "addSheet", name: "填报表", position: 3 });
    expect(of(ops, "values")[0]).toEqual({ op: "values", sheet: "填报表", row: 0, col: 0, rows: [["2026年第三季度进展填报\n请于10月10日前报回"]] });
    expect(of(ops, "merge")[0]!.range).toEqual({ top: 0, left: 0, bottom: 0, right: 3 });
    expect(ops.at(-1)).toEqual({ op: "activate", sheet: "填报表", cell: "A1" });
  });

  test("the columns as wide as the layout says, from the first", () => {
    expect(of(form(), "columnWidths")).toEqual([{ op: "columnWidths", sheet: "填报表", widths: [10, 40, 4, 30] }]);
  });

  test("the title looks like one (bold, centred across the table); with a subtitle it is smaller, and its row taller", () => {
    const withSub = styleAt(form(), 0, 0);
    expect(withSub).toHaveLength(1);
    expect(withSub[0]!.range).toEqual({ top: 0, left: 0, bottom: 0, right: 3 });
    expect(withSub[0]!.style).toMatchObject({ bold: true, align: "center", wrap: true });
    const alone = layoutOps({ ...FORM, subtitle: undefined });
    expect(of(alone, "values")[0]!.rows).toEqual([["2026年第三季度进展填报"]]);
    const titleAlone = styleAt(alone, 0, 0)[0]!.style;
    expect(titleAlone).toEqual(STYLES.title);
    expect(withSub[0]!.style.size!).toBeLessThan(titleAlone.size!);
    expect(heightOf(form(), 0)!).toBeGreaterThan(heightOf(alone, 0)!);
    expect(heightOf(alone, 0)!).toBeGreaterThan(ONE_LINE);
  });

  test("the header under the title, again before row 3; the header rows styled as such; frozen and printed", () => {
    const ops = form();
    const table = of(ops, "values")[1]!;
    expect(table.row).toBe(1);
    expect(table.rows.map((r) => r[1])).toEqual(["任务", "任务一", "任务二", "任务", "任务三", "任务四"]);
    const headers = of(ops, "style").filter((s) => s.style === STYLES.header);
    expect(headers.map((s) => s.range)).toEqual([
      { top: 1, left: 0, bottom: 1, right: 3 },
      { top: 4, left: 0, bottom: 4, right: 3 },
    ]);
    expect(of(ops, "freeze")).toEqual([{ op: "freeze", sheet: "填报表", rows: 2 }]);
    expect(of(ops, "printTitles")).toEqual([{ op: "printTitles", sheet: "填报表", from: 1, to: 1 }]);
    expect(of(ops, "page")).toEqual([{ op: "page", sheet: "填报表" }]);
  });

  test("a header looks like a header: bold, filled, centred, with lines around; body cells have lines around", () => {
    expect(STYLES.header).toMatchObject({ bold: true, align: "center", border: { around: expect.any(String) } });
    expect(STYLES.header.fill).toMatch(/^#[0-9A-F]{6}$/);
    expect(STYLES.tableHeader).toMatchObject({ bold: true, border: { around: expect.any(String) } });
    expect(STYLES.tableHeader.fill).toMatch(/^#[0-9A-F]{6}$/);
    expect(STYLES.body).toMatchObject({ wrap: true, border: { around: expect.any(String) } });
    expect(STYLES.body.bold).toBeUndefined();
    expect(STYLES.link).toMatchObject({ underline: true });
    expect(STYLES.input).toMatchObject({ border: { under: expect.any(String) } });
    expect(STYLES.label).toMatchObject({ align: "right" });
  });

  test("every data cell below the header is a body cell, with lines around, the repeated header included in the range", () => {
    const body = of(form(), "style").filter((s) => s.style === STYLES.body);
    expect(body.map((s) => s.range)).toEqual([{ top: 2, left: 0, bottom: 6, right: 3 }]);
  });

  test("the column a person fills in is filled from its header to the last row; the others are not", () => {
    const filled = of(form(), "style").filter((s) => s.style.fill === "#FFF2CC" && s.style.border === undefined);
    expect(filled.map((s) => s.range)).toEqual([{ top: 1, left: 3, bottom: 6, right: 3 }]);
    expect(of(layoutOps(PLAIN), "style").some((s) => s.style.fill !== undefined && s.style !== STYLES.header)).toBe(false);
  });

  test("runs of equal values merged down, not across the repeated header", () => {
    expect(of(form(), "merge").slice(1, -1).map((m) => m.range)).toEqual([{ top: 2, left: 0, bottom: 3, right: 0 }]);
  });

  test("runs merged only in the columns that ask, to the last row, never over blanks", () => {
    const layout: SheetLayout = {
      name: "计划",
      columns: [
        { header: "类别", width: 10, mergeRuns: true },
        { header: "任务", width: 20 },
      ],
      rows: [
        ["经济", "同"],
        ["经济", "同"],
        ["", "同"],
        ["", "同"],
        ["民生", "同"],
        ["社会", "同"],
        ["社会", "同"],
      ],
    };
    expect(of(layoutOps(layout), "merge").map((m) => m.range)).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 6, left: 0, bottom: 7, right: 0 },
    ]);
    expect(of(layoutOps({ ...layout, columns: layout.columns.map((c) => ({ ...c, mergeRuns: false })) }), "merge")).toEqual([]);
  });

  test("protected with only the editable column's data cells and the blank below open; the hidden key column", () => {
    const ops = form();
    const protect = of(ops, "protect")[0]!;
    expect(protect.open).toEqual([
      { top: 8, left: 1, bottom: 8, right: 2 },
      ...[2, 3, 5, 6].map((r) => ({ top: r, left: 3, bottom: r, right: 3 })),
    ]);
    expect(of(ops, "hideColumns")).toEqual([{ op: "hideColumns", sheet: "填报表", columns: [2] }]);
  });

  test("the sign-off line after one blank row: the label right, the blank merged, underlined and filled", () => {
    const ops = form();
    expect(of(ops, "values").at(-1)).toEqual({ op: "values", sheet: "填报表", row: 8, col: 0, rows: [["填报人："]] });
    expect(of(ops, "merge").at(-1)!.range).toEqual({ top: 8, left: 1, bottom: 8, right: 2 });
    expect(styleAt(ops, 8, 0).map((s) => s.style)).toEqual([STYLES.label]);
    const input = of(ops, "style").find((s) => s.range.top === 8 && s.range.left === 1)!;
    expect(input.range).toEqual({ top: 8, left: 1, bottom: 8, right: 2 });
    expect(input.style).toEqual({ ...STYLES.input, fill: "#FFF2CC" });
  });

  test("several lines below, one under the other; a part without a span takes one cell, unmerged; a blank without a fill is only underlined", () => {
    const layout: SheetLayout = {
      ...PLAIN,
      protect: true,
      below: [
        [{ text: "填报人：" }, { text: "", input: true }, { text: "电话：" }, { text: "", input: true, span: 2 }],
        [{ text: "审核人：" }, { text: "", input: true }],
      ],
    };
    const ops = layoutOps(layout);
    // The table ends at row 2; one blank row, then the lines at rows 4 and 5.
    expect(of(ops, "values").slice(1)).toEqual([
      { op: "values", sheet: "部门目录", row: 4, col: 0, rows: [["填报人："]] },
      { op: "values", sheet: "部门目录", row: 4, col: 2, rows: [["电话："]] },
      { op: "values", sheet: "部门目录", row: 5, col: 0, rows: [["审核人："]] },
    ]);
    expect(of(ops, "merge").map((m) => m.range)).toEqual([{ top: 4, left: 3, bottom: 4, right: 4 }]);
    expect(styleAt(ops, 4, 1).map((s) => s.style)).toEqual([STYLES.input]);
    expect(styleAt(ops, 5, 1).map((s) => s.style)).toEqual([STYLES.input]);
    expect(of(ops, "protect")[0]!.open).toEqual([
      { top: 4, left: 1, bottom: 4, right: 1 },
      { top: 4, left: 3, bottom: 4, right: 4 },
      { top: 5, left: 1, bottom: 5, right: 1 },
    ]);
    expect(heightOf(ops, 4)).toBe(heightOf(ops, 5));
  });

  test("each row as high as its longest wrapped text; a very hidden sheet is not shown", () => {
    const ops = form();
    const heights = of(ops, "rowHeights")[0]!.heights;
    expect(heights.find((h) => h.row === 0)!.height).toBe(48);
    expect(heights.find((h) => h.row === 8)!.height).toBe(24);
    const hidden = layoutOps({ ...FORM, state: "veryHidden" });
    expect(hidden[0]).toEqual({ op: "addSheet", name: "填报表", veryHidden: true });
    expect(of(hidden, "activate")).toEqual([]);
  });

  test("a data row with a long text is taller, at the sheet row it lands on; short rows are one line", () => {
    const long = "推进城市更新行动，完成老旧小区改造30个、新建口袋公园3个、新增停车位1200个，并同步完善社区养老托育设施。";
    const ops = layoutOps({ ...FORM, rows: [FORM.rows[0]!, FORM.rows[1]!, ["民生", long, "k3", ""], FORM.rows[3]!] });
    // Rows 0 and 1 at sheet rows 2 and 3; the header again at 4; rows 2 and 3 at 5 and 6.
    expect([2, 3, 6].map((r) => heightOf(ops, r))).toEqual([ONE_LINE, ONE_LINE, ONE_LINE]);
    expect(heightOf(ops, 5)).toBe(rowHeight(["民生", long, "k3", ""], [10, 40, 4, 30]));
    expect(heightOf(ops, 5)!).toBeGreaterThan(ONE_LINE);
  });

  test("a plain sheet: added at the end, the header in the first row, frozen and printed from it, nothing hidden, merged, protected", () => {
    const ops = layoutOps(PLAIN);
    expect(ops[0]).toStrictEqual({ op: "addSheet", name: "部门目录" });
    expect(of(ops, "values")).toEqual([{ op: "values", sheet: "部门目录", row: 0, col: 0, rows: [["单位名称", "简称"], ["区财政局", "财政"], ["区园林局", "园林"]] }]);
    expect(of(ops, "style").filter((s) => s.style === STYLES.header).map((s) => s.range)).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(of(ops, "style").filter((s) => s.style === STYLES.body).map((s) => s.range)).toEqual([{ top: 1, left: 0, bottom: 2, right: 1 }]);
    expect(of(ops, "freeze")).toEqual([{ op: "freeze", sheet: "部门目录", rows: 1 }]);
    expect(of(ops, "printTitles")).toEqual([{ op: "printTitles", sheet: "部门目录", from: 0, to: 0 }]);
    expect(of(ops, "rowHeights")[0]!.heights.map((h) => h.row)).toEqual([1, 2]);
    for (const kind of ["merge", "hideColumns", "protect"] as const) expect(of(ops, kind)).toEqual([]);
    expect(ops.at(-1)).toEqual({ op: "activate", sheet: "部门目录", cell: "A1" });
  });

  test("a sheet of a header alone has no body cells", () => {
    const ops = layoutOps({ ...PLAIN, rows: [] });
    expect(of(ops, "style").map((s) => s.style)).toEqual([STYLES.header]);
  });
});

describe("the summary sheet", () => {
  const PLAN: SummarySheetPlan = {
    name: "2026年第三季度汇总",
    quarter: "2026Q3",
    stamp: "督办助手生成",
    widths: [8, 40, 16],
    blocks: [
      { kind: "text", style: "title", text: "汇总" },
      { kind: "text", style: "heading", text: "一、总体" },
      { kind: "table", name: "DubanUnits", header: ["序号", "单位", "报送率"], rows: [[1, { text: "区园林局", link: { sheet: "台账", cell: "C3" } }, { percent: 0.5 }], [2, "区人社局", { percent: 1 }]] },
      { kind: "text", style: "heading", text: "二、问题" },
      { kind: "chart", title: "报送率", table: "DubanUnits", categoryColumn: 1, valueColumn: 2 },
    ],
  };
  const drawn = (plan: SummarySheetPlan = PLAN) => summaryOps(plan, "草稿", { position: 2, lacks: new Set(), takenTables: ["dubanunits"] });
  const withBlocks = (blocks: SummarySheetPlan["blocks"], widths = PLAN.widths) => summaryOps({ ...PLAN, widths, blocks }, "草稿", { lacks: new Set(), takenTables: [] });

  test("drawn on the draft at the position, the stamp in the footer, each text block merged across the columns, a section after a table two rows below it", () => {
    const { draw } = drawn();
    expect(draw.slice(0, 3)).toEqual([
      { op: "addSheet", name: "草稿", position: 2 },
      { op: "columnWidths", sheet: "草稿", widths: [8, 40, 16] },
      { op: "page", sheet: "草稿", footer: { left: "督办助手生成", right: "第 &P 页，共 &N 页" } },
    ]);
    // "&" starts a code in a footer: a stamp's own is printed as one ("&&").
    expect(of(drawn({ ...PLAN, stamp: "区政府办&督查室" }).draw, "page")[0]!.footer).toEqual({ left: "区政府办&&督查室", right: "第 &P 页，共 &N 页" });
    expect(of(draw, "merge").map((m) => m.range)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 7, left: 0, bottom: 7, right: 2 },
    ]);
    expect(of(draw, "values").filter((v) => v.rows.length === 1).map((v) => [v.row, v.rows[0]![0]])).toEqual([
      [0, "汇总"],
      [1, "一、总体"],
      [7, "二、问题"],
    ]);
    expect(summaryOps(PLAN, "草稿", { lacks: new Set(), takenTables: [] }).draw[0]).toStrictEqual({ op: "addSheet", name: "草稿" });
  });

  test("each text block looks like what it is: the title a title, headings headings, a note a paragraph", () => {
    const { draw } = withBlocks([
      { kind: "text", style: "title", text: "汇总" },
      { kind: "text", style: "subtitle", text: "督办助手生成" },
      { kind: "text", style: "heading", text: "一、总体" },
      { kind: "text", style: "paragraph", text: "本季度……" },
      { kind: "text", style: "note", text: "以下单位不在部门目录中" },
    ]);
    expect([0, 1, 2, 3, 4].map((r) => styleAt(draw, r, 0).map((s) => s.style))).toEqual([[STYLES.title], [STYLES.subtitle], [STYLES.heading], [STYLES.paragraph], [STYLES.paragraph]]);
    expect(of(draw, "style").every((s) => s.range.left === 0 && s.range.right === 2)).toBe(true);
    // Sections begin after a blank row, but not right under the title.
    expect(of(draw, "values").map((v) => v.row)).toEqual([0, 1, 2, 3, 4]);
  });

  test("rows as high as their text: the title's taller; a paragraph or note wraps across all the columns; headings keep the default", () => {
    const across = "本季度各单位报送进展的情况总体良好，个别单位仍有任务未报。"; // wider than any one column, narrower than all
    const long = across.repeat(4);
    const { draw } = withBlocks([
      { kind: "text", style: "title", text: "汇总" },
      { kind: "text", style: "heading", text: "一、总体" },
      { kind: "text", style: "paragraph", text: across },
      { kind: "text", style: "note", text: long },
    ]);
    const heights = of(draw, "rowHeights")[0]!.heights;
    expect(heights.map((h) => h.row)).toEqual([0, 2, 3]);
    expect(heightOf(draw, 0)!).toBeGreaterThan(ONE_LINE);
    expect(heightOf(draw, 2)).toBe(ONE_LINE);
    expect(heightOf(draw, 3)).toBe(rowHeight([long], [64]));
    expect(heightOf(draw, 3)!).toBeGreaterThan(ONE_LINE);
    expect(of(draw, "rowHeights")).toHaveLength(1);
    expect(draw.at(-1)!.op).toBe("rowHeights");
  });

  test("a table: header and shown values, links and percentages, its name free of the workbook's", () => {
    const { draw, tables } = drawn();
    const values = of(draw, "values").find((v) => v.row === 2)!;
    expect(values.rows).toEqual([
      ["序号", "单位", "报送率"],
      [1, "区园林局", 0.5],
      [2, "区人社局", 1],
    ]);
    expect(of(draw, "link")).toEqual([{ op: "link", sheet: "草稿", cell: "B4", target: { sheet: "台账", cell: "C3" }, text: "区园林局" }]);
    expect(styleAt(draw, 3, 1).map((s) => s.style)).toContainEqual(STYLES.link);
    expect(styleAt(draw, 4, 1).map((s) => s.style)).not.toContainEqual(STYLES.link);
    expect(of(draw, "style").filter((s) => s.style.numberFormat === "0.0%").map((s) => s.range)).toEqual([
      { top: 3, left: 2, bottom: 3, right: 2 },
      { top: 4, left: 2, bottom: 4, right: 2 },
    ]);
    expect(tables[0]).toEqual({ op: "table", sheet: "2026年第三季度汇总", range: { top: 2, left: 0, bottom: 4, right: 2 }, name: "DubanUnits_2" });
  });

  test("a table's header looks like a header across it; its first column is the key, the rest its body", () => {
    const { draw } = drawn();
    const at = (r: number, c: number) => styleAt(draw, r, c).map((s) => s.style);
    expect(of(draw, "style").find((s) => s.style === STYLES.tableHeader)!.range).toEqual({ top: 2, left: 0, bottom: 2, right: 2 });
    expect(of(draw, "style").find((s) => s.style === STYLES.tableKey)!.range).toEqual({ top: 3, left: 0, bottom: 4, right: 0 });
    expect(of(draw, "style").find((s) => s.style === STYLES.tableBody)!.range).toEqual({ top: 3, left: 1, bottom: 4, right: 2 });
    expect(at(2, 1)).toEqual([STYLES.tableHeader]);
  });

  test("a one-column table has no body; a table without rows only its header; an empty cell stays empty", () => {
    const { draw, tables } = withBlocks([
      { kind: "table", name: "Keys", header: ["序号"], rows: [[1], [null]] },
      { kind: "table", name: "Empty", header: ["序号", "单位"], rows: [] },
    ]);
    expect(of(draw, "style").map((s) => [s.style, s.range])).toEqual([
      [STYLES.tableHeader, { top: 0, left: 0, bottom: 0, right: 0 }],
      [STYLES.tableKey, { top: 1, left: 0, bottom: 2, right: 0 }],
      [STYLES.tableHeader, { top: 4, left: 0, bottom: 4, right: 1 }],
    ]);
    expect(of(draw, "values").map((v) => v.rows)).toEqual([[["序号"], [1], [null]], [["序号", "单位"]]]);
    expect(tables.map((t) => (t.op === "table" ? [t.name, t.range] : t.op))).toEqual([
      ["Keys", { top: 0, left: 0, bottom: 2, right: 0 }],
      ["Empty", { top: 4, left: 0, bottom: 4, right: 1 }],
    ]);
  });

  test("each table row as high as its values as shown (a percentage as 50.0%, a link by its text), at its own row", () => {
    const widths = [3, 3, 3];
    const rows = [
      [1, "甲", { percent: 0.5 }],
      [2, { text: "区住房和城乡建设委员会", link: { sheet: "台账", cell: "C4" } }, null],
      [30000, "乙", null],
    ] as const;
    const { draw } = withBlocks([{ kind: "text", style: "heading", text: "一" }, { kind: "table", name: "T", header: ["序", "单位", "率"], rows: rows as never }], widths);
    expect(of(draw, "rowHeights")[0]!.heights).toEqual([
      { row: 2, height: rowHeight(["1", "甲", "50.0%"], widths) },
      { row: 3, height: rowHeight(["2", "区住房和城乡建设委员会", ""], widths) },
      { row: 4, height: rowHeight(["30000", "乙", ""], widths) },
    ]);
    // Each of them wraps in columns this narrow: by the percentage, the link's text, the number.
    for (const h of of(draw, "rowHeights")[0]!.heights) expect(h.height).toBeGreaterThan(ONE_LINE);
  });

  test("a chart of the table beside it, on the sheet under its final name; none where the host lacks charts", () => {
    const { tables } = drawn();
    expect(tables[1]).toEqual({ op: "chart", sheet: "2026年第三季度汇总", title: "报送率", categories: { top: 3, left: 1, bottom: 4, right: 1 }, values: { top: 3, left: 2, bottom: 4, right: 2 }, at: { top: 2, left: 4, bottom: 17, right: 11 } });
    expect(summaryOps(PLAN, "草稿", { lacks: new Set(["charts", "tables"]), takenTables: [] }).tables).toEqual([]);
    expect(summaryOps(PLAN, "草稿", { lacks: new Set(["charts"]), takenTables: [] }).tables.map((t) => t.op)).toEqual(["table"]);
    expect(summaryOps(PLAN, "草稿", { lacks: new Set(["tables"]), takenTables: [] }).tables.map((t) => t.op)).toEqual(["chart"]);
  });

  test("a chart grows with a long table, up to a bound; none of a table with fewer than two rows, or of no table", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [i + 1, `单位${i + 1}`, { percent: i / n }]);
    const chartOf = (n: number) => withBlocks([{ kind: "table", name: "T", header: ["序", "单位", "率"], rows: rows(n) }, { kind: "chart", title: "率", table: "T", categoryColumn: 1, valueColumn: 2 }]).tables.find((t) => t.op === "chart");
    const height = (n: number) => {
      const c = chartOf(n);
      return c && c.op === "chart" ? c.at.bottom - c.at.top : undefined;
    };
    expect(height(30)).toBe(30);
    expect(height(2)!).toBeLessThan(height(30)!);
    expect(height(100)!).toBeLessThan(100);
    expect(height(100)).toBe(height(200));
    const c = chartOf(30)!;
    expect(c.op === "chart" && [c.categories, c.values]).toEqual([
      { top: 1, left: 1, bottom: 30, right: 1 },
      { top: 1, left: 2, bottom: 30, right: 2 },
    ]);
    expect(chartOf(1)).toBeUndefined();
    expect(withBlocks([{ kind: "chart", title: "率", table: "无此表", categoryColumn: 1, valueColumn: 2 }]).tables).toEqual([]);
  });

  test("table names are told apart without case", () => {
    const taken = new Set(["a", "a_2"]);
    expect(freeTableName("A", taken)).toBe("A_3");
    expect(freeTableName("B", taken)).toBe("B");
    expect(taken.has("b")).toBe(true);
  });
});

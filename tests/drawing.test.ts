// Drawing sheets as the port's operations (src/core/drawing.ts), once for every host: where a laid-out
// sheet's rows, header, merges, open cells and lines below land, and how the summary sheet is drawn.
import { freeTableName, layoutOps, STYLES, summaryOps } from "../src/core/drawing";
import type { Op } from "../src/core/ops";
import type { SheetLayout } from "../src/core/layout";
import type { SummarySheetPlan } from "../src/core/summarySheet";

const of = <K extends Op["op"]>(ops: readonly Op[], kind: K) => ops.filter((o): o is Extract<Op, { op: K }> => o.op === kind);

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

describe("a laid-out sheet", () => {
  const ops = layoutOps(FORM, { position: 3 });

  test("added at its position, its title merged with the subtitle as a second line, shown at A1", () => {
    expect(ops[0]).toEqual({ op: "addSheet", name: "填报表", position: 3 });
    expect(of(ops, "values")[0]).toEqual({ op: "values", sheet: "填报表", row: 0, col: 0, rows: [["2026年第三季度进展填报\n请于10月10日前报回"]] });
    expect(of(ops, "merge")[0]!.range).toEqual({ top: 0, left: 0, bottom: 0, right: 3 });
    expect(ops.at(-1)).toEqual({ op: "activate", sheet: "填报表", cell: "A1" });
  });

  test("the header under the title, again before row 3; the header rows styled as such; frozen and printed", () => {
    const table = of(ops, "values")[1]!;
    expect(table.row).toBe(1);
    expect(table.rows.map((r) => r[1])).toEqual(["任务", "任务一", "任务二", "任务", "任务三", "任务四"]);
    const headers = of(ops, "style").filter((s) => s.style === STYLES.header).map((s) => s.range.top);
    expect(headers).toEqual([1, 4]);
    expect(of(ops, "freeze")).toEqual([{ op: "freeze", sheet: "填报表", rows: 2 }]);
    expect(of(ops, "printTitles")).toEqual([{ op: "printTitles", sheet: "填报表", from: 1, to: 1 }]);
  });

  test("runs of equal values merged down, not across the repeated header", () => {
    expect(of(ops, "merge").slice(1, -1).map((m) => m.range)).toEqual([{ top: 2, left: 0, bottom: 3, right: 0 }]);
  });

  test("protected with only the editable column's data cells and the blank below open; the hidden key column", () => {
    const protect = of(ops, "protect")[0]!;
    expect(protect.open).toEqual([
      { top: 8, left: 1, bottom: 8, right: 2 },
      ...[2, 3, 5, 6].map((r) => ({ top: r, left: 3, bottom: r, right: 3 })),
    ]);
    expect(of(ops, "hideColumns")).toEqual([{ op: "hideColumns", sheet: "填报表", columns: [2] }]);
  });

  test("the sign-off line after one blank row: the label right, the blank merged, underlined and filled", () => {
    expect(of(ops, "values").at(-1)).toEqual({ op: "values", sheet: "填报表", row: 8, col: 0, rows: [["填报人："]] });
    expect(of(ops, "merge").at(-1)!.range).toEqual({ top: 8, left: 1, bottom: 8, right: 2 });
    const input = of(ops, "style").find((s) => s.range.top === 8 && s.range.left === 1)!;
    expect(input.style).toEqual({ ...STYLES.input, fill: "#FFF2CC" });
  });

  test("each row as high as its longest wrapped text; a very hidden sheet is not shown", () => {
    const heights = of(ops, "rowHeights")[0]!.heights;
    expect(heights.find((h) => h.row === 0)!.height).toBe(48);
    expect(heights.find((h) => h.row === 8)!.height).toBe(24);
    const hidden = layoutOps({ ...FORM, state: "veryHidden" });
    expect(hidden[0]).toEqual({ op: "addSheet", name: "填报表", veryHidden: true });
    expect(of(hidden, "activate")).toEqual([]);
  });
});

describe("the summary sheet", () => {
  const plan: SummarySheetPlan = {
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
  const { draw, tables } = summaryOps(plan, "草稿", { position: 2, lacks: new Set(), takenTables: ["dubanunits"] });

  test("drawn on the draft at the position, the stamp in the footer, each text block merged across the columns, a section after a table two rows below it", () => {
    expect(draw.slice(0, 3)).toEqual([
      { op: "addSheet", name: "草稿", position: 2 },
      { op: "columnWidths", sheet: "草稿", widths: [8, 40, 16] },
      { op: "page", sheet: "草稿", footer: "督办助手生成" },
    ]);
    expect(of(draw, "merge").map((m) => m.range)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 7, left: 0, bottom: 7, right: 2 },
    ]);
  });

  test("a table: header and shown values, links and percentages, its name free of the workbook's", () => {
    const values = of(draw, "values").find((v) => v.row === 2)!;
    expect(values.rows).toEqual([
      ["序号", "单位", "报送率"],
      [1, "区园林局", 0.5],
      [2, "区人社局", 1],
    ]);
    expect(of(draw, "link")).toEqual([{ op: "link", sheet: "草稿", cell: "B4", target: { sheet: "台账", cell: "C3" }, text: "区园林局" }]);
    expect(of(draw, "style").filter((s) => s.style.numberFormat === "0.0%").map((s) => s.range.top)).toEqual([3, 4]);
    expect(tables[0]).toEqual({ op: "table", sheet: "2026年第三季度汇总", range: { top: 2, left: 0, bottom: 4, right: 2 }, name: "DubanUnits_2" });
  });

  test("a chart of the table beside it, on the sheet under its final name; none where the host lacks charts", () => {
    expect(tables[1]).toMatchObject({ op: "chart", sheet: "2026年第三季度汇总", categories: { top: 3, left: 1, bottom: 4, right: 1 }, values: { top: 3, left: 2, bottom: 4, right: 2 }, at: { top: 2, left: 4, bottom: 17, right: 11 } });
    expect(summaryOps(plan, "草稿", { lacks: new Set(["charts", "tables"]), takenTables: [] }).tables).toEqual([]);
  });

  test("table names are told apart without case", () => {
    const taken = new Set(["a", "a_2"]);
    expect(freeTableName("A", taken)).toBe("A_3");
    expect(freeTableName("B", taken)).toBe("B");
    expect(taken.has("b")).toBe(true);
  });
});

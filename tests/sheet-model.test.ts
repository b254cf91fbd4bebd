// The preview grid's sizes and merged areas from an ExcelJS worksheet, the cells it draws for the part in
// view, and the links it follows.
import * as path from "path";
import ExcelJS from "exceljs";
import { columnPx, internalLink, sheetModel, visibleCells } from "../src/preview/sheetModel";

test("sizes as the file sets them: widths in characters, heights in points, wrapped rows fitted to their text, hidden columns none", () => {
  const ws = new ExcelJS.Workbook().addWorksheet("台账");
  ws.addRows([["序号", "目标任务", "备注"], [1, "新建口袋公园3个。", "x"], [2, "短", "y"]]);
  ws.getColumn(2).width = 10;
  ws.getColumn(3).hidden = true;
  ws.getRow(1).height = 30;
  ws.getCell("B2").alignment = { wrapText: true };
  const m = sheetModel(ws);
  expect([m.rows, m.cols]).toEqual([3, 3]);
  expect(m.colWidths).toEqual([columnPx(8.43), 75, 0]);
  // 新建口袋公园3个。: 8 CJK and a digit, 17 digit widths, 9 to a line of 75 − 8 px: 2 lines.
  expect(m.rowHeights).toEqual([40, 2 * 16 + 4, 20]);
  expect([...m.rowTops]).toEqual([0, 40, 76, 96]);
  // Reading adds no row or cell to the workbook.
  expect(ws.rowCount).toBe(3);
  expect(ws.findCell(5, 5)).toBeUndefined();
});

test("merged areas: each cell to its area, and the areas that reach into a band of rows", () => {
  const ws = new ExcelJS.Workbook().addWorksheet("台账");
  ws.addRows(Array.from({ length: 40 }, (_, i) => [i, "", ""]));
  ws.mergeCells("B2:B30");
  ws.mergeCells("A35:C36");
  const m = sheetModel(ws);
  expect(m.mergeAt(19, 1)).toEqual({ top: 1, left: 1, bottom: 29, right: 1 });
  expect(m.mergeAt(19, 0)).toBeUndefined();
  expect(m.mergesInRows(20, 25)).toEqual([{ top: 1, left: 1, bottom: 29, right: 1 }]);
  expect(m.mergesInRows(31, 33)).toEqual([]);
  expect(m.mergesInRows(29, 34)).toEqual([{ top: 1, left: 1, bottom: 29, right: 1 }, { top: 34, left: 0, bottom: 35, right: 2 }]);
});

test("links inside the workbook: the summary's HYPERLINK formulas and #Sheet!A1 hyperlinks; others are no link", () => {
  expect(internalLink({ formula: `HYPERLINK("#'进展情况'!F90","进展情况!F90")`, result: "进展情况!F90" } as ExcelJS.CellValue)).toEqual({ sheet: "进展情况", cell: "F90" });
  expect(internalLink({ formula: `HYPERLINK("#'它''s'!$B$2","x")` } as ExcelJS.CellValue)).toEqual({ sheet: "它's", cell: "B2" });
  expect(internalLink({ text: "台账", hyperlink: "#台账!C3" })).toEqual({ sheet: "台账", cell: "C3" });
  expect(internalLink({ text: "网站", hyperlink: "https://example.gov.cn/" })).toBeUndefined();
  expect(internalLink({ formula: "SUM(A1:A3)" } as ExcelJS.CellValue)).toBeUndefined();
  expect(internalLink("进展情况!F90")).toBeUndefined();
});

describe("the cells drawn for the rows and columns in view (the 2019 Jianghan ledger, seeds/)", () => {
  const ledger2019 = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(__dirname, "..", "seeds", "2019江汉区政府工作报告责任分解台账.xlsx"));
    return wb.getWorksheet("进展情况")!;
  };
  const columns = (drawn: ReturnType<typeof visibleCells>) => drawn.map(({ row, cells }) => [row, cells.map((c) => c.col)]);

  test("the 工作类目 cell merged over B3:B8, seen from rows 6–9: drawn once from its top-left cell above the view, and nothing under it", async () => {
    const drawn = visibleCells(sheetModel(await ledger2019()), { top: 5, left: 0, bottom: 8, right: 3 });
    expect(drawn[0]).toEqual({ row: 2, cells: [{ col: 1, area: { top: 2, left: 1, bottom: 7, right: 1 } }] });
    // Row 9 repeats the header: its B cell is its own again.
    expect(columns(drawn.slice(1))).toEqual([
      [5, [0, 2, 3]],
      [6, [0, 2, 3]],
      [7, [0, 2, 3]],
      [8, [0, 1, 2, 3]],
    ]);
  });

  test("anywhere in the sheet, each cell in view is drawn exactly once: by itself or by the merged area over it", async () => {
    const model = sheetModel(await ledger2019());
    for (const view of [
      { top: 0, left: 3, bottom: 12, right: 6 },
      { top: 20, left: 0, bottom: 40, right: 2 },
      { top: 100, left: 1, bottom: 112, right: 6 },
    ]) {
      const covered = new Map<string, number>();
      for (const { row, cells } of visibleCells(model, view)) {
        for (const { col, area } of cells) {
          const a = area ?? { top: row, left: col, bottom: row, right: col };
          expect([a.top, a.left]).toEqual([row, col]);
          for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1);
        }
      }
      for (let r = view.top; r <= view.bottom; r++) for (let c = view.left; c <= view.right; c++) expect([r, c, covered.get(`${r},${c}`)]).toEqual([r, c, 1]);
    }
  });

  test("rows come in order; a hidden column draws no cell of its own, while the title merged across it still shows", async () => {
    const ws = await ledger2019();
    ws.getColumn(1).hidden = true;
    const drawn = visibleCells(sheetModel(ws), { top: 0, left: 0, bottom: 4, right: 2 });
    expect(drawn.map((r) => r.row)).toEqual([0, 1, 2, 3, 4]);
    expect(drawn[0]).toEqual({ row: 0, cells: [{ col: 0, area: { top: 0, left: 0, bottom: 0, right: 6 } }] });
    expect(columns(drawn.slice(1))).toEqual([
      [1, [1, 2]],
      [2, [1, 2]],
      [3, [2]],
      [4, [2]],
    ]);
  });
});

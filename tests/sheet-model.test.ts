// The preview grid's sizes and merged areas from an ExcelJS worksheet, and the links it follows.
import ExcelJS from "exceljs";
import { columnPx, internalLink, sheetModel } from "../src/preview/sheetModel";

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

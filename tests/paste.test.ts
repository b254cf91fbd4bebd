// A paste into the preview's grid, as the application layer writes it over the .xlsx host: the copied
// text read as Excel and WPS copy cells (tab-separated rows, quoted fields), each cell taken as typing
// takes it, the whole area in one write.
import ExcelJS from "exceljs";
import { createApp } from "../src/app";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { clipboardRows, pastedArea } from "../src/preview/clipboard";

const TODAY = new Date(2026, 10, 22);

function opened() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRows([
    ["序号", "目标任务", "进展", "备注"],
    [1, "新建口袋公园3个。", "旧的进展", "旧备注"],
    [2, "整治背街小巷12条。", "", "旧备注二"],
  ]);
  const host = new XlsxHost(wb);
  const applied: number[] = [];
  const apply = host.apply.bind(host);
  host.apply = (ops, action) => (applied.push(ops.length), apply(ops, action));
  return { ws, host, applied, app: createApp({ port: host, today: () => TODAY }) };
}

test("copied cells read as Excel writes them: tabs, line breaks, quoted fields with \"\" for a quote, the final line break no row", () => {
  expect(clipboardRows("12.5\t正在推进\r\n\t'01\r\n")).toEqual([
    ["12.5", "正在推进"],
    ["", "'01"],
  ]);
  expect(clipboardRows('"第一行\n第二行"\t"说""好的"""\n"a\tb"\tc')).toEqual([
    ["第一行\n第二行", '说"好的"'],
    ["a\tb", "c"],
  ]);
  // One text with neither tab nor line break is one cell; a quote inside a text is the text's own.
  expect(clipboardRows("完成投资350亿元")).toEqual([["完成投资350亿元"]]);
  expect(clipboardRows('他说"好"\t"未闭合')).toEqual([['他说"好"', '"未闭合']]);
  expect(pastedArea("C2", [["a", "b"], ["c"]])).toBe("C2:D3");
  expect(pastedArea("C2", [["a"]])).toBe("C2");
});

test("a paste is written from the cell rightwards and downwards in one apply, each cell as typing writes it", async () => {
  const { ws, applied, app } = opened();
  const rows = clipboardRows('350\t\'01\r\n"已完成\n第二段"\t=1+1\r\n-3.5\t\r\n');
  await app.editCells("台账", "C2", rows);
  expect(applied).toEqual([1]);
  // Numbers stay numbers; the rest is text, never a formula; an empty field empties its cell.
  expect(ws.getCell("C2").value).toBe(350);
  expect(ws.getCell("C3").value).toBe("已完成\n第二段");
  expect(ws.getCell("D3").value).toBe("=1+1");
  expect(ws.getCell("D3").formula).toBeUndefined();
  expect(ws.getCell("C4").value).toBe(-3.5);
  expect(ws.getCell("D4").value).toBeNull();
  // '01 is what typing '01 makes of it, a text.
  const typed = opened();
  await typed.app.editCell("台账", "D2", "'01");
  expect(typeof ws.getCell("D2").value).toBe("string");
  expect(ws.getCell("D2").value).toBe(typed.ws.getCell("D2").value);
  expect(ws.getCell("D2").numFmt).toBe(typed.ws.getCell("D2").numFmt);
  // Nothing outside the area changed.
  expect(ws.getCell("B2").value).toBe("新建口袋公园3个。");
  expect(ws.getCell("E2").value).toBeNull();
});

test("rows of different lengths, and past the sheet's used range: still one apply, and a short row leaves the cells past its end", async () => {
  const { ws, applied, app } = opened();
  await app.editCells("台账", "C2", clipboardRows("新的进展\t新备注\r\n只有进展\r\n"));
  expect(applied).toEqual([2]);
  expect([ws.getCell("C2").value, ws.getCell("D2").value, ws.getCell("C3").value]).toEqual(["新的进展", "新备注", "只有进展"]);
  expect(ws.getCell("D3").value).toBe("旧备注二");
  await app.editCells("台账", "F9", [["1", "2"]]);
  expect(applied).toEqual([2, 1]);
  expect([ws.getCell("F9").value, ws.getCell("G9").value]).toEqual([1, 2]);
});

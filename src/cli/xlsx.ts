// The .xlsx side of the command line: open a workbook with ExcelJS and hand its sheets to the engine
// as plain grids. Nothing here judges a ledger.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { DIRECTORY_SHEET, findHeader, FilledGrid } from "../core";
import type { CellRange, CellValue, SheetGrid } from "../core";

/** Bad input from the command line; the message says in Chinese what was expected. Exit status 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** Opens an .xlsx file, or throws InputError saying why it cannot be read. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const shown = path.basename(file);
  if (!fs.existsSync(file)) throw new InputError(`找不到文件“${file}”：请检查路径和文件名。`);
  if (fs.statSync(file).isDirectory()) throw new InputError(`“${file}”是文件夹，应为 .xlsx 工作簿文件。`);
  const ext = path.extname(file).toLowerCase();
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, "r");
  const n = fs.readSync(fd, head, 0, 8, 0);
  fs.closeSync(fd);
  const isZip = n >= 4 && head[0] === 0x50 && head[1] === 0x4b;
  const isOle = n >= 8 && head.readUInt32BE(0) === 0xd0cf11e0;
  if (isOle || ext === ".xls" || ext === ".et") {
    throw new InputError(`“${shown}”是旧版 Excel（.xls）或 WPS 格式：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再检查。`);
  }
  if (!isZip) {
    throw new InputError(`“${shown}”不是 .xlsx 工作簿${ext ? `（扩展名为 ${ext}）` : ""}：请提供用 Excel 或 WPS 保存的 .xlsx 文件。`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new InputError(`“${shown}”无法作为 .xlsx 工作簿打开（文件可能已损坏或不完整）：${(e as Error).message}`);
  }
  return wb;
}

type ExcelValue = ExcelJS.CellValue;

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join("");
}

/** An ExcelJS cell value as the engine's plain value. Formulas give their cached result. */
export function toCellValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return richText(v as { richText: { text: string }[] });
    if ("error" in v) return { error: String((v as { error: unknown }).error) };
    if ("hyperlink" in v) {
      const t = (v as { text?: unknown }).text;
      if (t && typeof t === "object" && "richText" in t) return richText(t as { richText: { text: string }[] });
      return typeof t === "string" ? t : null;
    }
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: ExcelValue }).result;
      return result === undefined ? null : toCellValue(result);
    }
  }
  return null;
}

/** ExcelJS keeps merged areas in a private map; its public `model` getter would rebuild every row. */
function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (merges) {
    return Object.values(merges).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  }
  return [];
}

/** A worksheet as a grid; cells covered by a merge (other than its top-left) are left empty. */
export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      values[col - 1] = toCellValue(cell.value);
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows[rowNumber - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { name: ws.name, rows, merges: mergesOf(ws) };
}

/** The sheet to check, as a grid: the one named, or the first visible sheet with a ledger header. */
export function pickLedgerSheet(wb: ExcelJS.Workbook, name: string | undefined, file: string): SheetGrid {
  const names = wb.worksheets.map((w) => `“${w.name}”`).join("、");
  if (name !== undefined) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new InputError(`“${path.basename(file)}”中没有名为“${name}”的工作表；现有工作表：${names || "（无）"}。`);
    return sheetGrid(ws);
  }
  let first: SheetGrid | undefined;
  for (const ws of wb.worksheets) {
    if (ws.state !== "visible" || ws.name === DIRECTORY_SHEET) continue;
    const grid = sheetGrid(ws);
    if (findHeader(new FilledGrid(grid))) return grid;
    first ??= grid;
  }
  if (first) return first; // the engine then says what its header lacks
  throw new InputError(`“${path.basename(file)}”中没有可检查的工作表（现有：${names || "无"}）：请用 --sheet 指定台账工作表。`);
}

// The .xlsx side of the command line: open a workbook with ExcelJS and hand its sheets to the engine
// as plain grids. Nothing here judges a ledger.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { DIRECTORY_SHEET, findHeader, FilledGrid } from "../core";
import type { SheetGrid } from "../core";
import { sheetGrid } from "../xlsx/grid";

export { sheetGrid, toCellValue } from "../xlsx/grid";

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

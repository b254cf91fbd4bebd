// The .xlsx side of the command line: open a workbook with ExcelJS and hand its sheets to the engine
// as plain grids. Nothing here judges a ledger.
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { DIRECTORY_SHEET, findHeader, FilledGrid } from "../core";
import type { SheetGrid } from "../core";
import { sheetGrid } from "../xlsx/grid";
import { loadXlsx, NotXlsx } from "../xlsx/open";

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
  return loadXlsx(readInput(file), path.basename(file)).catch((e: unknown) => {
    throw e instanceof NotXlsx ? new InputError(e.message) : e;
  });
}

/** The bytes of an input file, or InputError when there is no such file. */
export function readInput(file: string): Buffer {
  if (!fs.existsSync(file)) throw new InputError(`找不到文件“${file}”：请检查路径和文件名。`);
  if (fs.statSync(file).isDirectory()) throw new InputError(`“${file}”是文件夹，应为 .xlsx 工作簿文件。`);
  return fs.readFileSync(file);
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

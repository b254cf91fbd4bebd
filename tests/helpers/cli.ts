// Running the command in-process and handling .xlsx files in tests.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";

const SEEDS = path.join(__dirname, "..", "..", "seeds");
export const LEDGER_2019 = path.join(SEEDS, "2019江汉区政府工作报告责任分解台账.xlsx");
export const DIRECTORY_2019 = path.join(SEEDS, "2019江汉区部门目录.xlsx");
export const LEDGER_2026 = path.join(SEEDS, "2026江岸区政府工作报告责任分解台账.xlsx");

/** Runs `duban` with the arguments; resolves to its exit status and what it printed. */
export async function duban(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n") });
  return { code, out, err };
}

export const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `duban-${prefix}-`));

export async function openBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Writes a one-sheet workbook of these rows; `style` may dress cells before it is saved. */
export async function writeBook(file: string, rows: ExcelJS.CellValue[][], sheet = "台账", style?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRows(rows);
  style?.(ws);
  await wb.xlsx.writeFile(file);
  return file;
}

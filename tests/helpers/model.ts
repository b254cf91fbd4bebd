// A real .xlsx workbook (a seed, or one a test wrote) as the fake Excel's model: every sheet's values,
// merged areas, hidden rows and visibility, as Excel would hold them after opening the file.
import ExcelJS from "exceljs";
import { sheetGrid } from "../../src/hosts/xlsx/grid";
import { newSheet, type FakeWorkbookModel } from "../fakes/excel";
import { newEtBook, newEtSheet, type FakeEtBook } from "../fakes/wps";

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

export function fakeModelOfWorkbook(wb: ExcelJS.Workbook, active: string): FakeWorkbookModel {
  const sheets = wb.worksheets.map((ws) => {
    const g = sheetGrid(ws);
    const s = newSheet(ws.name, g.rows.map((r) => [...r]));
    s.merges = [...g.merges];
    s.hiddenRows = new Set(g.hiddenRows ?? []);
    s.hiddenColumns = new Set(g.hiddenColumns ?? []);
    s.visibility = VISIBILITY[ws.state];
    return s;
  });
  return { sheets, active, settings: new Map() };
}

export async function fakeModelOf(file: string, active: string): Promise<FakeWorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return fakeModelOfWorkbook(wb, active);
}

/** Days from 1899-12-30 (Excel's serial dates, as Value2 gives a date cell). */
function serialOf(d: Date): number {
  return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86400000;
}

/**
 * The same workbook as the fake WPS 表格 holds it after opening the file: values (a date as its
 * serial number, as Value2 reads it), merged areas, hidden rows and columns, visibility.
 */
export function etBookOfWorkbook(wb: ExcelJS.Workbook, active: string): FakeEtBook {
  const sheets = wb.worksheets.map((ws) => {
    const g = sheetGrid(ws);
    const s = newEtSheet(ws.name, g.rows.map((r) => r.map((v) => (v instanceof Date ? serialOf(v) : v !== null && typeof v === "object" ? (ERROR_CODES[v.error] ?? v.error) : v))));
    s.merges = [...g.merges];
    s.hiddenRows = new Set(g.hiddenRows ?? []);
    s.hiddenColumns = new Set(g.hiddenColumns ?? []);
    s.visible = ws.state === "visible" ? -1 : ws.state === "hidden" ? 0 : 2;
    return s;
  });
  return newEtBook(sheets, active);
}

/** Error values as a COM script engine hands them over (CVErr: 0x800A0000 plus Excel's error number). */
const ERROR_CODES: Record<string, number> = { "#N/A": (0x800a0000 | 2042) >> 0, "#REF!": (0x800a0000 | 2023) >> 0, "#DIV/0!": (0x800a0000 | 2007) >> 0, "#VALUE!": (0x800a0000 | 2015) >> 0, "#NAME?": (0x800a0000 | 2029) >> 0 };

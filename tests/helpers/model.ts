// A real .xlsx workbook (a seed, or one a test wrote) as the fake Excel's model: every sheet's values,
// merged areas, hidden rows and visibility, as Excel would hold them after opening the file.
import * as fs from "fs";
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/core/types";
import { sheetGrid } from "../../src/hosts/xlsx/grid";
import { newSheet, type FakeSheet, type FakeWorkbookModel } from "../fakes/excel";
import { newEtBook, newEtSheet, type FakeEtBook } from "../fakes/wps";

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** What the fake model takes of a worksheet. */
type SheetRead = { readonly name: string; readonly grid: SheetGrid; readonly visibility: FakeSheet["visibility"] };

const sheetsOf = (wb: ExcelJS.Workbook): SheetRead[] => wb.worksheets.map((ws) => ({ name: ws.name, grid: sheetGrid(ws), visibility: VISIBILITY[ws.state] }));

/** A fresh model of the sheets: nothing in it is shared with another model made of the same sheets. */
function modelOf(read: readonly SheetRead[], active: string): FakeWorkbookModel {
  const sheets = read.map(({ name, grid: g, visibility }) => {
    const s = newSheet(name, g.rows.map((r) => r.map((v) => (v instanceof Date ? new Date(v) : v !== null && typeof v === "object" ? { ...v } : v))));
    s.merges = g.merges.map((m) => ({ ...m }));
    s.hiddenRows = new Set(g.hiddenRows ?? []);
    s.hiddenColumns = new Set(g.hiddenColumns ?? []);
    s.visibility = visibility;
    return s;
  });
  return { sheets, active, settings: new Map() };
}

export function fakeModelOfWorkbook(wb: ExcelJS.Workbook, active: string): FakeWorkbookModel {
  return modelOf(sheetsOf(wb), active);
}

/**
 * Files read, by path, with the size and time of change they had then (a file written again is read
 * again): the failure tests make a fresh model of the same seed at every stop point, and parsing the
 * .xlsx each time cost seconds.
 */
const files = new Map<string, { readonly stamp: string; readonly sheets: Promise<SheetRead[]> }>();

export async function fakeModelOf(file: string, active: string): Promise<FakeWorkbookModel> {
  const { size, mtimeMs } = fs.statSync(file);
  const stamp = `${size}:${mtimeMs}`;
  let read = files.get(file);
  if (read?.stamp !== stamp) {
    const wb = new ExcelJS.Workbook();
    read = { stamp, sheets: wb.xlsx.readFile(file).then(() => sheetsOf(wb)) };
    files.set(file, read);
  }
  return modelOf(await read.sheets, active);
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

// A real .xlsx workbook (a seed) as the fake Excel's model: every sheet's values and merged areas.
import ExcelJS from "exceljs";
import { sheetGrid } from "../../src/hosts/xlsx/grid";
import { newSheet, type FakeWorkbookModel } from "../fakes/excel";

export async function fakeModelOf(file: string, active: string): Promise<FakeWorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = wb.worksheets.map((ws) => {
    const g = sheetGrid(ws);
    const s = newSheet(ws.name, g.rows.map((r) => [...r]));
    s.merges = [...g.merges];
    return s;
  });
  return { sheets, active, settings: new Map() };
}

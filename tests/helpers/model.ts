// A real .xlsx workbook (a seed, or one a test wrote) as the fake Excel's model: every sheet's values,
// merged areas, hidden rows and visibility, as Excel would hold them after opening the file.
import ExcelJS from "exceljs";
import { sheetGrid } from "../../src/hosts/xlsx/grid";
import { newSheet, type FakeWorkbookModel } from "../fakes/excel";

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

// The workbooks in seeds/ are what `npm run seeds` builds from the texts in seeds/sources.
import * as path from "path";
import ExcelJS from "exceljs";
import { sheetGrid } from "../src/hosts/xlsx/grid";
import { cellText, readLedger } from "../src/core";
import { jiangan2026Layout, jianghan2019Layout, SEED_FILES } from "../src/scripts/seeds";

async function sheet(file: string, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(__dirname, "..", "seeds", file));
  return sheetGrid(wb.getWorksheet(name)!);
}

test.each([
  [SEED_FILES.jianghan2019, jianghan2019Layout],
  [SEED_FILES.jiangan2026, jiangan2026Layout],
])("%s is up to date with its source text", async (file, build) => {
  const layout = build();
  const grid = await sheet(file, layout.name);
  const ledger = readLedger(grid);
  expect(ledger.tasks).toHaveLength(layout.rows.length);
  // Compare the task texts and units row by row, as the engine reads them back.
  const taskCol = layout.columns.findIndex((c) => /目标/.test(c.header));
  expect(ledger.tasks.map((t) => t.text.text)).toEqual(layout.rows.map((r) => cellText(r[taskCol]!)));
  const leadCol = layout.columns.findIndex((c) => /^(主要责任部门|责任单位)$/.test(c.header));
  expect(ledger.tasks.map((t) => t.lead?.text)).toEqual(layout.rows.map((r) => cellText(r[leadCol]!)));
});

test("the 2019 ledger repeats its header at each new category, as the printed plan does", async () => {
  const layout = jianghan2019Layout();
  expect(layout.repeatHeaderBefore).toHaveLength(5);
  const grid = await sheet(SEED_FILES.jianghan2019, layout.name);
  const headerRows = grid.rows.filter((r) => r[0] === "序号").length;
  expect(headerRows).toBe(6);
});

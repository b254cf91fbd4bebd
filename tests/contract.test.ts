// The port's contract, run against every adapter: the .xlsx host (the preview and the command line),
// the Office host over a fake Excel of each ExcelApi version, and the WPS host over a fake WPS 表格.
// Then one session on each, compared cell for cell with the .xlsx host's.
import ExcelJS from "exceljs";
import { createApp } from "../src/app";
import type { CellValue } from "../src/core/types";
import { a1, parseA1 } from "../src/core/address";
import { OfficeHost } from "../src/hosts/office/host";
import { toCellValue } from "../src/hosts/xlsx/grid";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { METADATA_SHEET } from "../src/core/metadata";
import { WpsHost } from "../src/hosts/wps/host";
import { hexOf } from "../src/hosts/wps/cells";
import { EXCEL_VERSIONS, fakeRun, newSheet, NO_FILL, type FakeSheet, type FakeWorkbookModel } from "./fakes/excel";
import { etCell, fakeEtApplication, newEtBook, newEtSheet } from "./fakes/wps";
import { primitiveContract } from "./contract/primitives";
import { DIRECTORY, LEDGER, portContract, valuesOf, type BookSpec, type Harness, type Lack, type Look, type PortUnderTest } from "./contract/port";
import { book as bookOf } from "../src/app/book";

const rangeText = (r: { top: number; left: number; bottom: number; right: number }) => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

function noteText(note: unknown): string | null {
  if (!note) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join("") : null;
}

const xlsxHarness: Harness = {
  name: ".xlsx host (ExcelJS)",
  async make(book: BookSpec): Promise<PortUnderTest> {
    const wb = new ExcelJS.Workbook();
    for (const s of book.sheets) {
      const ws = wb.addWorksheet(s.name, s.hidden ? { state: "hidden" } : {});
      // Empty cells are no cells, as in a file Excel saved.
      s.rows.forEach((r, i) => (ws.getRow(i + 1).values = r.map((v) => (v === null || v === "" ? undefined : v)) as ExcelJS.CellValue[]));
      for (const m of s.merges ?? []) ws.mergeCells(m);
      for (const r of s.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
      for (const c of s.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
      for (const [cell, color] of Object.entries(s.fills ?? {})) ws.getCell(cell).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color.slice(1)}` } };
      for (const [cell, note] of Object.entries(s.notes ?? {})) ws.getCell(cell).note = note;
    }
    // Saved and opened again, as a file a person hands over.
    const opened = new ExcelJS.Workbook();
    await opened.xlsx.load(await wb.xlsx.writeBuffer());
    const host = new XlsxHost(opened);
    if (book.active) host.activate(book.active);
    const ws = (name: string) => host.workbook.getWorksheet(name)!;
    return {
      port: host,
      look(sheet, cell): Look {
        const c = ws(sheet).getCell(cell);
        const fill = c.style?.fill as ExcelJS.FillPattern | undefined;
        const argb = fill?.type === "pattern" && fill.pattern !== "none" ? fill.fgColor?.argb : undefined;
        const value = toCellValue(c.value);
        return { value: value === "" ? null : value, fill: argb ? `#${argb.slice(-6).toUpperCase()}` : null, note: noteText(c.note) };
      },
      sheets: () => host.workbook.worksheets.map((w) => ({ name: w.name, visibility: w.state === "veryHidden" ? "veryHidden" : w.state === "hidden" ? "hidden" : "visible" })),
      active: () => host.active,
      selected: () => host.selected,
      merges: (sheet) => Object.values((ws(sheet) as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges).map((m) => rangeText({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 })).sort(),
      hiddenColumns: (sheet) => (ws(sheet).columns ?? []).flatMap((c, i) => (c.hidden ? [i] : [])),
      isProtected: (sheet) => !!(ws(sheet) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
      locked: (sheet, cell) => ws(sheet).getCell(cell).protection?.locked !== false,
      rename: (from, to) => {
        ws(from).name = to;
        if (host.active === from) host.active = to;
      },
      type: (sheet, cell, value) => void (ws(sheet).getCell(cell).value = value),
      note: (sheet, cell, text) => {
        const c = ws(sheet).getCell(cell);
        if (text !== null) c.note = text;
        else {
          (c as unknown as { _comment?: unknown })._comment = undefined;
          c.value = c.value as ExcelJS.CellValue;
        }
      },
      metadataRows: () => {
        const rows: ExcelJS.CellValue[][] = [];
        host.workbook.getWorksheet(METADATA_SHEET)?.eachRow((r) => rows.push((r.values as ExcelJS.CellValue[]).slice(1)));
        return rows as never;
      },
    };
  },
};

/** The Office host over the fake Excel of an ExcelApi version, told what the pane's entry would tell it. */
const excelHarnessAt = (version: string): Harness => {
  const support = fakeRun({ sheets: [], active: "", settings: new Map() }, { version }).support;
  const lacks = new Set<Lack>([...(support.notes ? [] : ["notes" as const]), ...(support.mergedAreas ? [] : ["merged-areas" as const]), ...(support.rangeAreas ? [] : ["hidden-rows" as const])]);
  return { ...excelHarness(version), name: `Office host (fake Excel, ExcelApi ${version})`, lacks };
};

const excelHarness = (version = "1.18"): Harness => ({
  name: "Office host (fake Excel)",
  async make(book: BookSpec): Promise<PortUnderTest> {
    const model: FakeWorkbookModel = {
      sheets: book.sheets.map((s) => {
        const sheet = newSheet(s.name, s.rows.map((r) => [...r]), [...(s.merges ?? [])]);
        if (s.hidden) sheet.visibility = "Hidden";
        sheet.hiddenRows = new Set(s.hiddenRows ?? []);
        sheet.hiddenColumns = new Set(s.hiddenColumns ?? []);
        for (const [cell, color] of Object.entries(s.fills ?? {})) cellOf(sheet, cell).fill = { ...NO_FILL, color, pattern: "Solid" };
        for (const [cell, note] of Object.entries(s.notes ?? {})) sheet.notes.set(cell, note);
        return sheet;
      }),
      active: book.active ?? book.sheets[0]!.name,
      settings: new Map(),
    };
    const fake = fakeRun(model, { version });
    const port = new OfficeHost(fake.run, fake.support);
    const sheet = (name: string) => model.sheets.find((s) => s.name === name)!;
    return {
      port,
      look(name, cell): Look {
        const c = sheet(name).cells.get(key(cell));
        const value = c === undefined || c.value === "" ? null : (c.value as Look["value"]);
        return { value, fill: c && c.fill.pattern !== "None" ? c.fill.color.toUpperCase() : null, note: sheet(name).notes.get(cell) ?? null };
      },
      sheets: () => model.sheets.map((s) => ({ name: s.name, visibility: s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible" })),
      active: () => model.active,
      selected: () => (model.selected ? { sheet: model.selected.sheet, cell: model.selected.address } : undefined),
      merges: (name) => sheet(name).merges.map(rangeText).sort(),
      hiddenColumns: (name) => [...sheet(name).hiddenColumns].sort((a, b) => a - b),
      isProtected: (name) => !!sheet(name).protection,
      locked: (name, cell) => sheet(name).cells.get(key(cell))?.locked !== false,
      rename: (from, to) => {
        sheet(from).name = to;
        if (model.active === from) model.active = to;
      },
      type: (name, cell, value) => void (cellOf(sheet(name), cell).value = value),
      note: (name, cell, text) => void (text === null ? sheet(name).notes.delete(cell) : sheet(name).notes.set(cell, text)),
      metadataRows: () => {
        const meta = model.sheets.find((s) => s.name === METADATA_SHEET);
        return meta ? rowsUntilEmpty((r, c) => meta.cells.get(`${r},${c}`)?.value) : [];
      },
    };
  },
});

const wpsHarness: Harness = {
  name: "WPS host (fake WPS 表格 object model)",
  async make(book: BookSpec): Promise<PortUnderTest> {
    const model = newEtBook(
      book.sheets.map((s) => {
        const sheet = newEtSheet(s.name, s.rows, s.merges ?? []);
        if (s.hidden) sheet.visible = 0;
        sheet.hiddenRows = new Set(s.hiddenRows ?? []);
        sheet.hiddenColumns = new Set(s.hiddenColumns ?? []);
        for (const [cell, color] of Object.entries(s.fills ?? {})) Object.assign(etCell(sheet, cell), { pattern: 1, color: bgr(color) });
        for (const [cell, note] of Object.entries(s.notes ?? {})) sheet.comments.set(cell, note);
        return sheet;
      }),
      book.active,
    );
    const app = fakeEtApplication(model);
    const sheet = (name: string) => model.sheets.find((s) => s.name === name)!;
    return {
      port: new WpsHost(app),
      look(name, cell): Look {
        const c = etCell(sheet(name), cell);
        return { value: c.value === null ? null : c.value, fill: c.pattern === -4142 ? null : hexOf(c.color), note: sheet(name).comments.get(cell) ?? null };
      },
      sheets: () => model.sheets.map((s) => ({ name: s.name, visibility: s.visible === 2 ? "veryHidden" : s.visible === 0 ? "hidden" : "visible" })),
      active: () => model.active,
      selected: () => model.selected,
      merges: (name) => sheet(name).merges.map(rangeText).sort(),
      hiddenColumns: (name) => [...sheet(name).hiddenColumns].sort((a, b) => a - b),
      isProtected: (name) => sheet(name).protected,
      locked: (name, cell) => etCell(sheet(name), cell).locked,
      rename: (from, to) => {
        sheet(from).name = to;
        if (model.active === from) model.active = to;
      },
      type: (name, cell, value) => void Object.assign(etCell(sheet(name), cell), { value, formula: undefined }),
      note: (name, cell, text) => void (text === null ? sheet(name).comments.delete(cell) : sheet(name).comments.set(cell, text)),
      metadataRows: () => {
        const meta = model.sheets.find((s) => s.name === METADATA_SHEET);
        return meta ? rowsUntilEmpty((r, c) => meta.cells.get(`${r + 1},${c + 1}`)?.value) : [];
      },
    };
  },
};

/** "#RRGGBB" as BGR, written out here so that the harness does not lean on the host's own conversion. */
function bgr(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return (b << 16) | (g << 8) | r;
}

/** The metadata sheet's rows of five columns (0-based cells), up to the first empty row. */
function rowsUntilEmpty(at: (row: number, col: number) => unknown): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 0; ; r++) {
    const row = [0, 1, 2, 3, 4].map((c) => at(r, c));
    if (row.every((v) => v === undefined || v === null || v === "")) return rows;
    let end = 5;
    while (end > 0 && (row[end - 1] === undefined || row[end - 1] === null || row[end - 1] === "")) end--;
    rows.push(row.slice(0, end).map((v) => (v === undefined || v === "" ? null : (v as CellValue))));
  }
}

function key(cell: string): string {
  const p = parseA1(cell)!;
  return `${p.row},${p.col}`;
}

function cellOf(sheet: FakeSheet, cell: string) {
  const k = key(cell);
  const c = sheet.cells.get(k) ?? { value: "", fill: { ...NO_FILL }, numberFormat: "General" };
  sheet.cells.set(k, c);
  return c;
}

for (const h of [xlsxHarness, ...EXCEL_VERSIONS.map(excelHarnessAt), wpsHarness]) primitiveContract(h);
portContract(xlsxHarness);
// Excel as offices run it: Office 2019 volume-licensed (1.7), 1.9, Office 2021 and later (1.13 …), notes (1.18).
for (const version of EXCEL_VERSIONS) portContract(excelHarnessAt(version));
// WPS 表格: its object model reads and writes notes, merged areas and hidden rows; it lacks nothing.
portContract(wpsHarness);

test("one session (check and marks, a merge, settings, the summary, clearing) leaves the same cells in every host", async () => {
  const run = async (h: Harness) => {
    const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
    const app = createApp({ port: w.port, today: () => new Date(2026, 10, 22) });
    const q = { year: 2026, q: 3 as const };
    await app.check({ quarter: q });
    const marked = { D3: w.look("台账", "D3"), D4: w.look("台账", "D4") };
    await bookOf(w.port).writeCells("台账", [{ cell: "D3", text: "建成口袋公园2个。" }], "合并回报 2026Q3");
    await app.saveSettings({ minProgressLength: 5 });
    const made = await app.makeSummary({ quarter: q });
    const summaryLooks = ["A1", "A2", "C5", "D6"].map((c) => w.look(made.sheet, c).value);
    await app.clearMarks();
    return { values: await valuesOf(w), marked, summaryLooks, ledger: ["D3", "D4", "D5"].map((c) => w.look("台账", c)) };
  };
  const a = await run(xlsxHarness);
  for (const h of [excelHarness(), wpsHarness]) {
    const b = await run(h);
    expect(b.marked).toEqual(a.marked);
    expect(b.summaryLooks).toEqual(a.summaryLooks);
    expect(b.ledger).toEqual(a.ledger);
    expect(Object.keys(b.values)).toEqual(Object.keys(a.values));
    for (const sheet of Object.keys(a.values)) expect({ host: h.name, sheet, rows: b.values[sheet] }).toEqual({ host: h.name, sheet, rows: a.values[sheet] });
  }
});

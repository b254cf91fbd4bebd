// The seed ledgers (seeds/*.xlsx) as workbooks held in plain data, for the application layer's plain
// tests: each sheet's values and merged areas, then a new port per test over the plain-data port
// (tests/helpers/memoryPort.ts). Mutation testing runs these tests again for every mutant, so a seed
// is read with ExcelJS (over a second to load and read) only once per version of its bytes, and kept
// as JSON in the temporary directory, named by their hash.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { a1 } from "../../src/core/address";
import type { CellValue } from "../../src/core/types";
import type { ReadNote, ReadRequest, WorkbookRead } from "../../src/app/port";
import { METADATA_SHEET, metadataRows, type Metadata } from "../../src/core/metadata";
import { MemoryPort, type MemoryCell, type MemorySheet } from "../helpers/memoryPort";

const SEEDS = path.join(__dirname, "..", "..", "seeds");
export const SEED_2019 = "2019江汉区政府工作报告责任分解台账.xlsx";
export const SEED_2026 = "2026江岸区政府工作报告责任分解台账.xlsx";

type SeedSheet = { readonly name: string; readonly rows: readonly (readonly CellValue[])[]; readonly merges: readonly string[] };
const loaded = new Map<string, Promise<SeedSheet[]>>();

async function read(bytes: Buffer): Promise<SeedSheet[]> {
  const { default: ExcelJS } = await import("exceljs");
  const { sheetGrid } = await import("../../src/hosts/xlsx/grid");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const g = sheetGrid(ws);
    return { name: ws.name, rows: g.rows, merges: g.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) };
  });
}

// Dates survive the JSON as {"$date": ISO}.
const dated = (v: CellValue): CellValue => (v instanceof Date ? ({ $date: v.toISOString() } as unknown as CellValue) : v);
const undated = (v: CellValue): CellValue => (v && typeof v === "object" && "$date" in v ? new Date((v as { $date: string }).$date) : v);

function load(file: string): Promise<SeedSheet[]> {
  let p = loaded.get(file);
  if (!p) {
    p = (async () => {
      const bytes = fs.readFileSync(path.join(SEEDS, file));
      const cache = path.join(os.tmpdir(), `duban-seed-${crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.json`);
      if (fs.existsSync(cache)) {
        const sheets = JSON.parse(fs.readFileSync(cache, "utf8")) as SeedSheet[];
        return sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(undated)) }));
      }
      const sheets = await read(bytes);
      const tmp = `${cache}.${process.pid}`;
      fs.writeFileSync(tmp, JSON.stringify(sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(dated)) }))));
      fs.renameSync(tmp, cache);
      return sheets;
    })();
    loaded.set(file, p);
  }
  return p;
}

/** The plain-data port, also telling what the host could not read of a sheet as it should. */
export class SheetsPort extends MemoryPort {
  /** What the host tells about a sheet as it reads it (merges-unreadable), by sheet. */
  readonly sheetNotes = new Map<string, ReadNote[]>();

  override async read(request: ReadRequest): Promise<WorkbookRead> {
    const r = await super.read(request);
    return { ...r, grids: r.grids.map((g) => ({ ...g, notes: this.sheetNotes.get(g.grid.name) ?? g.notes })) };
  }
}

function sheetOf(name: string, rows: readonly (readonly CellValue[])[], merges: readonly string[] = []): MemorySheet {
  const cells = new Map<string, MemoryCell>();
  rows.forEach((r, i) => r.forEach((v, c) => v !== null && v !== "" && cells.set(a1(i, c), { value: v as string | number, numberFormat: "General", fill: null, note: null })));
  return { name, cells, merges: [...merges], tables: [] };
}

/** A workbook of these sheets (values by rows), the first one active. */
export function portOf(spec: Record<string, readonly (readonly CellValue[])[]>): SheetsPort {
  return new SheetsPort(Object.entries(spec).map(([name, rows]) => sheetOf(name, rows)));
}

/** A new workbook holding a seed's sheets (only those named, in that order, when `only` is given). */
export async function seedPort(file: string, only?: readonly string[]): Promise<SheetsPort> {
  const sheets = await load(file);
  const chosen = only ? only.map((n) => sheets.find((s) => s.name === n)!) : sheets;
  return new SheetsPort(chosen.map((s) => sheetOf(s.name, s.rows, s.merges)));
}

/** Adds a sheet of these rows (at the end, or very hidden as the add-in's own are). */
export function addSheet(port: SheetsPort, name: string, rows: readonly (readonly CellValue[])[], veryHidden = false): void {
  port.sheets.push({ ...sheetOf(name, rows), ...(veryHidden ? { veryHidden } : {}) });
}

/** The add-in's metadata sheet holding these records, as an earlier run left it. */
export function setMetadata(port: SheetsPort, meta: Partial<Metadata>): void {
  const i = port.sheets.findIndex((s) => s.name === METADATA_SHEET);
  if (i >= 0) port.sheets.splice(i, 1);
  addSheet(port, METADATA_SHEET, metadataRows({ summaries: [], marks: [], writes: [], ...meta }), true);
}

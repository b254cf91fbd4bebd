// 兼容性自检: the port's contract run on the live workbook, for the first install at an office, where no
// one here can look. Each primitive the add-in relies on is tried on a scratch sheet it adds and then
// deletes — read, text and numbers, merge, a look's round trip (fill and note), a cell's content put back
// (what 撤销 does), the metadata sheet's round trip, a sheet replaced at its tab, protection read — and the
// workbook is left as it was found: no sheet, no record, the same active sheet. Each step is timed and
// its failure kept, for a report the installer copies and sends back.
import { parseA1 } from "../core/address";
import { METADATA_SHEET } from "../core/metadata";
import type { CellLook, Op, WorkbookRead } from "../core/ops";
import { freeSheetName } from "../core/summarySheet";
import { cellText } from "../core/text";
import type { CellRange } from "../core/types";
import type { HostKind, WorkbookPort } from "./port";

/** The scratch sheet's name (a number after it when a sheet of that name exists). */
export const SELF_TEST_SHEET = "_督办助手_自检";

/** The host as the entry file describes it: its name, version and platform, the API sets it has. */
export interface HostAbout {
  /** "Excel", "WPS 表格", the browser. */
  readonly host: string;
  readonly version?: string;
  readonly platform?: string;
  /** Requirement sets present (ExcelApi 1.1 … 1.18). */
  readonly apiSets?: readonly string[];
}

export const SELF_TEST_STEPS = ["read", "add-sheet", "values", "merge", "look", "content", "metadata", "replace-sheet", "protection", "clean-up"] as const;
export type SelfTestStepName = (typeof SELF_TEST_STEPS)[number];

export interface SelfTestStep {
  readonly step: SelfTestStepName;
  /** pass; fail (what went wrong is `error` or `expected`); skipped (an earlier step it needs failed). */
  readonly result: "pass" | "fail" | "skipped";
  readonly ms: number;
  /** What the step expected and what the host gave instead, when it gave something else. */
  readonly expected?: string;
  readonly got?: string;
  readonly error?: unknown;
}

export interface SelfTestReport {
  readonly kind: HostKind;
  readonly about?: HostAbout;
  readonly steps: readonly SelfTestStep[];
  readonly passed: number;
  readonly failed: number;
}

/** A step's check that failed: what was expected, and what the host gave. */
class Mismatch extends Error {
  constructor(
    readonly expected: string,
    readonly got: string,
  ) {
    super(`expected ${expected}, got ${got}`);
  }
}

function expect(ok: boolean, expected: string, got: unknown): void {
  if (!ok) throw new Mismatch(expected, typeof got === "string" ? got : JSON.stringify(got));
}

const STAMP_ROW = ["自检", "", "", "", "督办助手兼容性自检"];
const MERGED: CellRange = { top: 3, left: 0, bottom: 3, right: 1 };
const FILL = { color: "#FFC7CE" };

const sameRange = (a: CellRange, b: CellRange) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
const rowsText = (rows: readonly (readonly unknown[])[] | undefined) => JSON.stringify((rows ?? []).map((r) => r.map((v) => cellText((v ?? null) as never))));

/** Runs the self-test; never throws (a failure is a step's). `now` gives milliseconds, for the steps' times. */
export async function selfTest(port: WorkbookPort, now: () => number, about?: HostAbout): Promise<SelfTestReport> {
  const steps: SelfTestStep[] = [];
  const run = async (step: SelfTestStepName, work: () => Promise<void>, needs = true): Promise<boolean> => {
    if (!needs) {
      steps.push({ step, result: "skipped", ms: 0 });
      return false;
    }
    const start = now();
    try {
      await work();
      steps.push({ step, result: "pass", ms: Math.round(now() - start) });
      return true;
    } catch (e) {
      const ms = Math.round(now() - start);
      steps.push(e instanceof Mismatch ? { step, result: "fail", ms, expected: e.expected, got: e.got } : { step, result: "fail", ms, error: e });
      return false;
    }
  };
  const apply = (ops: readonly Op[]) => port.apply(ops, "self-test");
  const names = (r: WorkbookRead) => r.sheets.map((s) => s.name);

  let first: WorkbookRead | undefined;
  await run("read", async () => {
    first = await port.read({ metadata: true });
    expect(first.sheets.length > 0 && names(first).includes(first.active), "工作表列表和当前工作表", { sheets: names(first), active: first.active });
  });
  const before = first;
  const scratch = before ? freeSheetName(SELF_TEST_SHEET, names(before)) : SELF_TEST_SHEET;
  // Where the add-in puts a sheet of its own: before its very hidden metadata sheet, else at the end.
  const at = before ? names(before).indexOf(METADATA_SHEET) : -1;
  const position = at >= 0 ? at : (before?.sheets.length ?? 0);
  const made: string[] = [];

  const added = await run(
    "add-sheet",
    async () => {
      if (before!.structureProtected) throw new Mismatch("工作簿结构未保护", "workbook-protected");
      await apply([{ op: "addSheet", name: scratch, position }]);
      made.push(scratch);
      const r = await port.read({});
      expect(names(r).indexOf(scratch) === position, `${scratch} 在第 ${position + 1} 个标签`, names(r));
      expect(r.active === before!.active, `当前工作表仍为 ${before!.active}`, r.active);
    },
    before !== undefined,
  );

  await run(
    "values",
    async () => {
      // A string is text however it looks (a formula, a number with a leading zero); a number a number.
      await apply([{ op: "values", sheet: scratch, row: 0, col: 0, rows: [["督办助手", 12.5], ["=1+1", "0012"]] }]);
      const grid = (await port.read({ grids: [{ name: scratch }] })).grids[0]!.grid;
      const got = [grid.rows[0]?.slice(0, 2), grid.rows[1]?.slice(0, 2)];
      expect(JSON.stringify(got) === JSON.stringify([["督办助手", 12.5], ["=1+1", "0012"]]), '[["督办助手",12.5],["=1+1","0012"]]（文本仍为文本）', got);
    },
    added,
  );

  await run(
    "merge",
    async () => {
      // A merge over a cell with a value, as the add-in draws its titles (an empty merged area lies outside
      // what Excel reads of a sheet, its used range).
      await apply([{ op: "values", sheet: scratch, row: MERGED.top, col: MERGED.left, rows: [["合并"]] }, { op: "merge", sheet: scratch, range: MERGED }]);
      const grid = (await port.read({ grids: [{ name: scratch }] })).grids[0]!.grid;
      expect(grid.merges.some((m) => sameRange(m, MERGED)), "A4:B4 已合并", grid.merges);
    },
    added,
  );

  await run(
    "look",
    async () => {
      const lookOf = async (): Promise<CellLook | undefined> => (await port.read({ looks: [{ sheet: scratch, cells: ["A1"] }] })).looks.get(scratch)?.get("A1");
      const plain = await lookOf();
      expect(plain?.fill === null, "A1 无填充色", plain?.fill);
      const notes = plain!.noteWritable;
      await apply([{ op: "fill", sheet: scratch, cells: ["A1"], fill: FILL }, ...(notes ? [{ op: "note", sheet: scratch, cell: "A1", text: "自检", had: false } as const] : [])]);
      const marked = await lookOf();
      expect(marked?.fill?.color.toUpperCase() === FILL.color, `A1 填充 ${FILL.color}`, marked?.fill);
      if (notes && marked?.note !== undefined) expect(marked.note === "自检", "A1 批注为“自检”", marked.note);
      await apply([{ op: "fill", sheet: scratch, cells: ["A1"], fill: null }, ...(notes ? [{ op: "note", sheet: scratch, cell: "A1", text: null, had: true } as const] : [])]);
      const restored = await lookOf();
      expect(restored?.fill === null, "A1 恢复为无填充色", restored?.fill);
      if (notes && restored?.note !== undefined) expect(restored.note === null, "A1 恢复为无批注", restored.note);
    },
    added,
  );

  await run(
    "content",
    async () => {
      // What 撤销 does: a cell's formula and number format put back over a text written in it.
      const content = { formula: "=1+1", numberFormat: "0.00" };
      const read = async () => (await port.read({ contents: [{ sheet: scratch, cells: ["C1"] }] })).contents.get(scratch)?.get("C1");
      await apply([{ op: "content", sheet: scratch, cell: "C1", content }]);
      const put = await read();
      expect(put?.formula === "=1+1" && put.numberFormat === "0.00", "C1 为 =1+1，格式 0.00", put);
      const c1 = parseA1("C1")!;
      await apply([{ op: "values", sheet: scratch, row: c1.row, col: c1.col, rows: [["改写"]] }]);
      const written = await read();
      expect(written?.text === "改写", "C1 显示“改写”", written?.text);
      await apply([{ op: "content", sheet: scratch, cell: "C1", content }]);
      const back = await read();
      expect(back?.formula === "=1+1" && back.numberFormat === "0.00", "C1 恢复为 =1+1，格式 0.00", back);
    },
    added,
  );

  // The metadata sheet's rows with one more, then as they were (or no sheet, when there was none).
  const original = before?.metadata?.rows.map((r) => r.map((v) => cellText(v ?? null)));
  await run(
    "metadata",
    async () => {
      const rows = [...(original ?? []), STAMP_ROW];
      await apply([{ op: "metadata", rows }]);
      const r = await port.read({ metadata: true });
      expect(rowsText(r.metadata?.rows) === JSON.stringify(rows), "记录表多出自检的一行", r.metadata?.rows.length ?? "无记录表");
      expect(r.active === before!.active, `当前工作表仍为 ${before!.active}`, r.active);
      await restoreMetadata(port, original);
      const again = await port.read({ metadata: true });
      expect(rowsText(again.metadata?.rows) === rowsText(original) && (original !== undefined) === (again.metadata !== undefined), "记录表恢复原样", again.metadata?.rows.length ?? "无记录表");
    },
    before !== undefined && !before.structureProtected,
  );

  await run(
    "replace-sheet",
    async () => {
      // As a summary is replaced: a draft at the old sheet's tab, the old one deleted, the draft renamed.
      const r = await port.read({});
      const draft = freeSheetName(`${scratch}_2`, names(r));
      const tab = names(r).indexOf(scratch);
      await apply([{ op: "addSheet", name: draft, position: tab }]);
      made.push(draft);
      await apply([{ op: "deleteSheet", name: scratch }]);
      made.splice(made.indexOf(scratch), 1);
      await apply([{ op: "renameSheet", from: draft, to: scratch }]);
      made.splice(made.indexOf(draft), 1, scratch);
      const after = await port.read({});
      expect(names(after).indexOf(scratch) === tab, `${scratch} 仍在第 ${tab + 1} 个标签`, names(after));
    },
    added,
  );

  await run(
    "protection",
    async () => {
      await apply([{ op: "protect", sheet: scratch, open: [{ top: 0, left: 0, bottom: 0, right: 0 }] }]);
      const r = await port.read({ protection: [scratch] });
      expect(r.protectedSheets.includes(scratch), `${scratch} 已保护`, r.protectedSheets);
    },
    added,
  );

  await run(
    "clean-up",
    async () => {
      await removeSheets(port, made);
      // A metadata step that stopped half-way may have left its row.
      const left = await port.read({ metadata: true });
      if (rowsText(left.metadata?.rows) !== rowsText(original)) await restoreMetadata(port, original);
      const after = await port.read({ metadata: true });
      expect(JSON.stringify(names(after)) === JSON.stringify(names(before!)), "工作表恢复原样", names(after));
      expect(after.active === before!.active, `当前工作表仍为 ${before!.active}`, after.active);
      expect(rowsText(after.metadata?.rows) === rowsText(original), "记录表恢复原样", after.metadata?.rows.length ?? "无记录表");
    },
    before !== undefined,
  );
  const passed = steps.filter((s) => s.result === "pass").length;
  return { kind: port.kind, ...(about ? { about } : {}), steps, passed, failed: steps.length - passed };
}

/** The metadata sheet's rows as they were, or no metadata sheet when there was none. */
async function restoreMetadata(port: WorkbookPort, rows: readonly (readonly string[])[] | undefined): Promise<void> {
  await port.apply(rows ? [{ op: "metadata", rows }] : [{ op: "deleteSheet", name: METADATA_SHEET }], "self-test");
}

/** Deletes the scratch sheets that are there (a step that stopped may have left them); the metadata put back too. */
async function removeSheets(port: WorkbookPort, sheets: readonly string[]): Promise<void> {
  const r = await port.read({});
  const there = sheets.filter((s) => r.sheets.some((x) => x.name === s));
  if (there.length) await port.apply(there.map((name) => ({ op: "deleteSheet", name })), "self-test");
}

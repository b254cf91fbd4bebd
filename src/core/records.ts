// The records the add-in keeps in a workbook's metadata of what a cell was before it touched it: the
// look of a cell it marked (fill, note), the content of a cell it wrote (formula, number format).
// One host-neutral form, written by every host alike; records of earlier versions, each host's own
// form ("host": "excel" | "xlsx" | "wps"), are read here too, so no host decodes a record itself.
import type { Fill, StoredContent } from "./ops";
import type { NoteRecord } from "./markNotes";

/** A marked cell's look before the mark. */
export interface LookRecord {
  readonly fill: Fill | null;
  readonly note: NoteRecord;
}

/** A written cell's content before the write, and the text written (to tell whether someone changed it since). */
export interface WrittenRecord {
  readonly content: StoredContent;
  readonly written: string;
}

/** The version of the records written now. */
const VERSION = 2;

/**
 * A record's JSON as stored: the note's `before` absent when unknown; `wrote` absent when the add-in's
 * note is told by its prefix (JSON leaves out what is undefined).
 */
export function encodeLook(look: LookRecord): string {
  return JSON.stringify({ v: VERSION, fill: look.fill, note: look.note.before, wrote: look.note.wrote });
}

/** The record's note text: a string, or an .xlsx host's rich note ({ texts: [{ text }] }); null for none. */
function noteText(note: unknown): string | null {
  const text = typeof note === "string" ? note : note && typeof note === "object" && "texts" in note ? ((note as { texts: { text: string }[] }).texts ?? []).map((t) => t.text).join("") : "";
  return text || null;
}

/** An Excel fill as recorded, without the fields Excel reported as null; "None" is no fill. */
function excelFill(f: Record<string, unknown> | null | undefined): Fill | null {
  if (!f || typeof f.color !== "string" || f.pattern === "None") return null;
  const fill: Record<string, unknown> = {};
  for (const k of ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"]) if (f[k] !== null && f[k] !== undefined) fill[k] = f[k];
  return fill as unknown as Fill;
}

/** An ExcelJS fill as recorded by the .xlsx host: its colour where it has one, the fill itself for that host. */
function xlsxFill(f: { type?: string; pattern?: string; fgColor?: { argb?: string } } | null | undefined): Fill | null {
  if (!f || (f.type === "pattern" && (f.pattern === "none" || !f.pattern))) return null;
  const argb = f.fgColor?.argb;
  return { color: argb ? `#${argb.slice(-6).toUpperCase()}` : "#FFFFFF", native: { host: "xlsx", value: f } };
}

/** A mark record's look, whichever version and host wrote it. */
export function decodeLook(json: string): LookRecord {
  const o = JSON.parse(json) as { v?: number; host?: string; fill?: unknown; note?: unknown; wrote?: string | null };
  const wrote = o.wrote;
  if (o.v === VERSION) return { fill: (o.fill as Fill | null) ?? null, note: { before: "note" in o ? (o.note as string | null) : undefined, wrote } };
  if (o.host === "xlsx") return { fill: xlsxFill(o.fill as never), note: { before: noteText(o.note), wrote } };
  if (o.host === "wps") {
    const f = o.fill as { color?: string } | null;
    return { fill: f && typeof f.color === "string" ? { color: f.color } : null, note: { before: "note" in o ? (o.note as string | null) : undefined, wrote } };
  }
  // Excel: the note is absent when that Excel could not read notes.
  return { fill: excelFill(o.fill as Record<string, unknown> | null), note: { before: "note" in o ? (o.note as string | null) : undefined, wrote } };
}

/** A mark record with what is known of its note now: a cell marked again keeps its first look. */
export function lookWithNote(json: string, note: NoteRecord): string {
  return encodeLook({ fill: decodeLook(json).fill, note });
}

export function encodeWritten(record: WrittenRecord): string {
  return JSON.stringify({ v: VERSION, content: record.content, written: record.written });
}

/** An .xlsx host's value (ExcelJS) as Excel's formula form, with the value itself for that host. */
function xlsxContent(v: unknown): StoredContent {
  const native = { host: "xlsx" as const, value: v ?? null };
  const general = (formula: string | number | boolean): StoredContent => ({ formula, numberFormat: "General", native });
  if (v === null || v === undefined) return general("");
  if (typeof v === "string") return { formula: v, numberFormat: v.startsWith("=") ? "@" : "General", native };
  if (typeof v === "number" || typeof v === "boolean") return general(v);
  // What is left is an object: JSON holds nothing else.
  const o = v as { formula?: unknown; richText?: { text: string }[]; date?: unknown };
  if ("formula" in o) return general(`=${String(o.formula)}`);
  if ("richText" in o) return general(o.richText!.map((r) => r.text).join(""));
  if ("date" in o) return general(String(o.date).slice(0, 10));
  return general("");
}

/** A write record, whichever version and host wrote it. */
export function decodeWritten(json: string): WrittenRecord {
  const o = JSON.parse(json) as { v?: number; host?: string; content?: StoredContent; value?: unknown; formula?: string | number | boolean; numberFormat?: string; written: string };
  if (o.v === VERSION) return { content: o.content!, written: o.written };
  if (o.host === "xlsx") return { content: xlsxContent(o.value), written: o.written };
  return { content: { formula: o.formula ?? "", numberFormat: o.numberFormat ?? "General" }, written: o.written };
}

/** The text a stored content shows (a constant as it is; a formula's text is unknown until calculated). */
export function contentText(content: StoredContent): string {
  const f = content.formula;
  return typeof f === "boolean" ? (f ? "TRUE" : "FALSE") : String(f);
}


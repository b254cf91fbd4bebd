// Turning cell values into text, and the text folding every comparison in the engine relies on.
import type { CellValue } from "./types";

/** The text a person sees in a cell. Dates become YYYY-MM-DD; errors their code (#N/A). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(+value.toFixed(10));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  return value.error;
}

export function isoDate(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

/** True for a cell error value. */
export function isCellError(value: CellValue | undefined): value is { error: string } {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

const ERROR_TEXT = /^#(N\/A|REF!|NAME\?|DIV\/0!|NULL!|VALUE!|NUM!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** True for the text of a cell error (#N/A, #REF! …): a formula went wrong, nobody wrote it. */
export function isErrorText(text: string): boolean {
  return ERROR_TEXT.test(text.trim());
}

/** Full-width letters, digits and punctuation to half-width (NFKC), ideographic space to space. */
export function halfWidth(s: string): string {
  return s.normalize("NFKC");
}

/** Removes every kind of white space, including line breaks and ideographic spaces. */
export function stripSpaces(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b]+/g, "");
}

/** Collapses runs of white space to one space and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b]+/g, " ").trim();
}

/** Text folded for comparison: half-width, no spaces, no punctuation. */
export function foldForCompare(s: string): string {
  return halfWidth(s)
    .replace(/[\s\u3000\u00a0\u200b]+/g, "")
    .replace(/[\p{P}\p{S}]/gu, "")
    .toLowerCase();
}

/** Number of characters as a person counts them (code points, not UTF-16 units). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Shortens a text for a message, keeping its start. */
export function excerpt(s: string, max = 30): string {
  const flat = collapseSpaces(s);
  const chars = Array.from(flat);
  return chars.length <= max ? flat : chars.slice(0, max).join("") + "…";
}

/** A year (2000–2099) written in a text: a title, a sheet name, a deadline. */
export function yearIn(text: string): number | undefined {
  const m = /(?<!\d)(20\d{2})(?!\d)/.exec(text.normalize("NFKC"));
  return m ? Number(m[1]) : undefined;
}

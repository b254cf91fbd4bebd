// The note of a marked cell: what the add-in knows of the note a cell had before its mark (known, or
// unknown where Excel could not read notes), and of the note it wrote, so that clearing a mark only
// ever takes away a note whose text is still the one the add-in wrote. A person's own note, or one
// they edited, stays.
import { NOTE_PREFIX } from "./marks";

/** What a mark record keeps of a cell's note. */
export interface NoteRecord {
  /** The note before the mark: null for none; undefined when unknown (Excel could not read notes). */
  readonly before: string | null | undefined;
  /**
   * A digest of the note the add-in wrote (`noteDigest`); null when it wrote none; undefined in
   * records written before digests were kept, which are told by the add-in's prefix instead.
   */
  readonly wrote: string | null | undefined;
}

/** Math.imul, taken once: a global reached in each step of the loop is slow where a test sandbox wraps the globals. */
const imul = Math.imul;

/** A note's digest: its length and a 32-bit FNV-1a hash of its UTF-16 units ("12:9f3a01c2"). */
export function noteDigest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16).padStart(8, "0")}`;
}

/** A mark's note added to a note the cell already had, kept above it. */
export function noteWithMark(before: string, markNote: string): string {
  return before.trim() ? `${before}\n——\n${markNote}` : markNote;
}

/** What to do with a cell's note: leave it, or put this text (null: take the note away). */
export type NoteChange = { readonly keep: true } | { readonly keep: false; readonly put: string | null };

const KEEP: NoteChange = { keep: true };

/**
 * Clearing a mark: the note goes back to what it was only while it is exactly the note the add-in
 * wrote. `now` is the cell's note now (null: none).
 */
export function noteOnClear(now: string | null, record: NoteRecord): NoteChange {
  if (now === null) return KEEP;
  if (record.wrote === null) return KEEP;
  if (record.wrote !== undefined) {
    if (noteDigest(now) !== record.wrote || record.before === undefined) return KEEP;
    return { keep: false, put: record.before };
  }
  // A record from before digests: the add-in's part begins with its prefix, under the note before.
  const before = record.before ?? "";
  if (before.trim() ? now.startsWith(`${before}\n——\n${NOTE_PREFIX}`) : now.startsWith(NOTE_PREFIX)) return { keep: false, put: before.trim() ? before : null };
  return KEEP;
}

/** Marking a cell: the note to write (none when undefined) and what the record keeps. */
export interface NoteOnMark {
  readonly write?: string;
  readonly record: NoteRecord;
}

/**
 * Marking a cell, first or again. `now` is the cell's note now (undefined where this Excel cannot read
 * notes); `canWrite` is false where it cannot write one (no notes in this Excel, or the cell holds a
 * threaded comment); `earlier` is the record of an earlier mark on the cell. A note the add-in wrote
 * and a person edited since is left as it is.
 */
export function noteOnMark(now: string | null | undefined, earlier: NoteRecord | undefined, markNote: string, canWrite: boolean): NoteOnMark {
  if (now === undefined) {
    // Notes cannot be read here: whatever an earlier mark wrote stays, and stays known as the add-in's.
    return { record: earlier ?? { before: undefined, wrote: null } };
  }
  let before: string | null | undefined;
  if (!earlier || earlier.wrote === null) {
    // The note there is not the add-in's: it is the one to keep.
    before = now;
  } else if (now === null) {
    // Someone took the add-in's note away, their own part with it.
    before = null;
  } else {
    const change = noteOnClear(now, earlier);
    if (change.keep) return { record: { before: earlier.before, wrote: null } };
    before = change.put;
  }
  if (!canWrite) return { record: { before, wrote: null } };
  const write = noteWithMark(before ?? "", markNote);
  return { write, record: { before, wrote: noteDigest(write) } };
}

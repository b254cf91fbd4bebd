// The note of a marked cell: what marking writes and records, and what clearing may take away — only
// ever a note whose text is still the one the add-in wrote.
import { noteDigest, noteOnClear, noteOnMark, noteWithMark } from "../src/core/markNotes";

const MARK = "督办助手：序号1（第3行）三季度进展未填写。";

describe("marking", () => {
  test("a cell without a note gets the mark's; one with a note keeps it above the mark's; the record knows which", () => {
    expect(noteOnMark(null, undefined, MARK, true)).toEqual({ write: MARK, record: { before: null, wrote: noteDigest(MARK) } });
    const own = "由区园林局填写";
    const written = `${own}\n——\n${MARK}`;
    expect(noteWithMark(own, MARK)).toBe(written);
    expect(noteOnMark(own, undefined, MARK, true)).toEqual({ write: written, record: { before: own, wrote: noteDigest(written) } });
  });

  test("where notes cannot be read, nothing is written and the note before is unknown; an earlier record is kept as it is", () => {
    expect(noteOnMark(undefined, undefined, MARK, false)).toEqual({ record: { before: undefined, wrote: null } });
    const earlier = { before: "由区园林局填写", wrote: noteDigest("x") };
    expect(noteOnMark(undefined, earlier, MARK, false)).toEqual({ record: earlier });
  });

  test("a cell that cannot take a note (a threaded comment on it): no note, the note before known", () => {
    expect(noteOnMark(null, undefined, MARK, false)).toEqual({ record: { before: null, wrote: null } });
  });

  test("marked again: over the add-in's own note, the note before stays the same; over a note a person edited, nothing is written", () => {
    const first = noteOnMark("由区园林局填写", undefined, MARK, true);
    const next = "督办助手：序号1（第3行）三季度进展只有套话。";
    expect(noteOnMark(first.write!, first.record, next, true)).toEqual({ write: `由区园林局填写\n——\n${next}`, record: { before: "由区园林局填写", wrote: noteDigest(`由区园林局填写\n——\n${next}`) } });
    expect(noteOnMark(`${first.write}\n已催办`, first.record, next, true)).toEqual({ record: { before: "由区园林局填写", wrote: null } });
    // The add-in wrote none before (notes unknown there): the note now is the person's, known from now on.
    expect(noteOnMark("已核实", { before: undefined, wrote: null }, MARK, true)).toEqual({ write: `已核实\n——\n${MARK}`, record: { before: "已核实", wrote: noteDigest(`已核实\n——\n${MARK}`) } });
    // Someone took the note away: a fresh one, nothing before.
    expect(noteOnMark(null, first.record, next, true)).toEqual({ write: next, record: { before: null, wrote: noteDigest(next) } });
  });
});

describe("clearing", () => {
  const own = "由区园林局填写";
  const written = noteWithMark(own, MARK);

  test("the add-in's note, untouched, goes back to the note before (or none)", () => {
    expect(noteOnClear(written, { before: own, wrote: noteDigest(written) })).toEqual({ keep: false, put: own });
    expect(noteOnClear(MARK, { before: null, wrote: noteDigest(MARK) })).toEqual({ keep: false, put: null });
  });

  test("a note edited since, a note where the add-in wrote none, no note, a note before unknown: left as they are", () => {
    expect(noteOnClear(`${written}。`, { before: own, wrote: noteDigest(written) })).toEqual({ keep: true });
    expect(noteOnClear(own, { before: undefined, wrote: null })).toEqual({ keep: true });
    expect(noteOnClear(own, { before: null, wrote: null })).toEqual({ keep: true });
    expect(noteOnClear(null, { before: own, wrote: noteDigest(written) })).toEqual({ keep: true });
    expect(noteOnClear(MARK, { before: undefined, wrote: noteDigest(MARK) })).toEqual({ keep: true });
  });

  test("records of an earlier version (no digest): the add-in's part is told by its prefix under the note before", () => {
    expect(noteOnClear(written, { before: own, wrote: undefined })).toEqual({ keep: false, put: own });
    expect(noteOnClear(MARK, { before: null, wrote: undefined })).toEqual({ keep: false, put: null });
    // Recorded as null where notes could not be read: the person's own note stays.
    expect(noteOnClear(own, { before: null, wrote: undefined })).toEqual({ keep: true });
    expect(noteOnClear(`改写：${written}`, { before: own, wrote: undefined })).toEqual({ keep: true });
  });

  test("the digest tells notes apart by length and content", () => {
    expect(noteDigest(MARK)).toMatch(/^\d+:[0-9a-f]{8}$/);
    expect(noteDigest(MARK)).not.toBe(noteDigest(`${MARK} `));
    expect(noteDigest("ab")).not.toBe(noteDigest("ba"));
    expect(noteDigest(MARK)).toBe(noteDigest(`${MARK}`));
  });
});

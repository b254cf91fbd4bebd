// The records the add-in keeps of what a cell was before it touched it (src/core/records.ts): the look
// of a cell it marked, the content of a cell it wrote. Written now in one host-neutral form (v2), read
// back whichever version and host wrote them: an Excel's, an .xlsx file's (ExcelJS), a WPS's.
import { noteDigest } from "../src/core/markNotes";
import { contentText, decodeLook, decodeWritten, encodeLook, encodeWritten, lookWithNote, type LookRecord, type WrittenRecord } from "../src/core/records";

const DIGEST = noteDigest("由区住建局填写\n——\n督办助手：未报送进展");

describe("a marked cell's look", () => {
  test.each<[string, LookRecord]>([
    ["a fill with Excel's fields and a note before", { fill: { color: "#DDEBF7", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.4, patternTintAndShade: 0 }, note: { before: "由区住建局填写", wrote: DIGEST } }],
    ["no fill and no note before; the add-in wrote none", { fill: null, note: { before: null, wrote: null } }],
    ["a note unknown (that Excel could not read notes)", { fill: { color: "#FFFF00" }, note: { before: undefined, wrote: null } }],
    ["the add-in's note told by its prefix, not a digest (a record before digests, or a write under way)", { fill: null, note: { before: "甲", wrote: undefined } }],
    ["an .xlsx theme colour, carried for that host", { fill: { color: "#FFFFFF", native: { host: "xlsx", value: { type: "pattern", pattern: "solid", fgColor: { theme: 4 } } } }, note: { before: "原批注", wrote: DIGEST } }],
  ])("round trip: %s", (_what, look) => {
    expect(decodeLook(encodeLook(look))).toEqual(look);
  });

  test("a note unknown is left out of the record, not stored as none; a note of none is stored", () => {
    expect(JSON.parse(encodeLook({ fill: null, note: { before: undefined, wrote: null } }))).toEqual({ v: 2, fill: null, wrote: null });
    expect(JSON.parse(encodeLook({ fill: null, note: { before: null, wrote: null } }))).toEqual({ v: 2, fill: null, note: null, wrote: null });
  });

  test("a cell marked again keeps its first fill, with what is known of its note now", () => {
    const first = encodeLook({ fill: { color: "#DDEBF7", pattern: "Solid" }, note: { before: "由区住建局填写", wrote: DIGEST } });
    expect(decodeLook(lookWithNote(first, { before: null, wrote: null }))).toEqual({ fill: { color: "#DDEBF7", pattern: "Solid" }, note: { before: null, wrote: null } });
    // A record of an earlier host becomes a record of this version, its fill as read.
    const wps = JSON.stringify({ host: "wps", fill: { color: "#FFC000" }, note: "甲", wrote: DIGEST });
    expect(JSON.parse(lookWithNote(wps, { before: "甲", wrote: DIGEST }))).toEqual({ v: 2, fill: { color: "#FFC000" }, note: "甲", wrote: DIGEST });
  });

  describe("records of earlier versions", () => {
    test("Excel's: the fields Excel reported as null are left out; a pattern of None is no fill", () => {
      const excel = (fill: unknown, more: object = {}) => decodeLook(JSON.stringify({ host: "excel", fill, note: "原批注", wrote: DIGEST, ...more }));
      expect(excel({ color: "#FFFF00", pattern: "Solid", patternColor: null, tintAndShade: null, patternTintAndShade: 0 })).toStrictEqual({ fill: { color: "#FFFF00", pattern: "Solid", patternTintAndShade: 0 }, note: { before: "原批注", wrote: DIGEST } });
      const patterned = { color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000", tintAndShade: 0.4, patternTintAndShade: -0.25 };
      expect(excel(patterned).fill).toStrictEqual(patterned);
      expect(excel({ color: "#FFFFFF", pattern: "None", tintAndShade: null }).fill).toBeNull();
      expect(excel(null).fill).toBeNull();
      // An Excel without RangeAreas recorded the colour alone.
      expect(excel({ color: "#92D050" }).fill).toStrictEqual({ color: "#92D050" });
      // What is not a colour is no fill to put back.
      expect(excel({ pattern: "Solid" }).fill).toBeNull();
      expect(excel({ color: null, pattern: "Solid" }).fill).toBeNull();
    });

    test("Excel's: the note absent where that Excel could not read notes (unknown), null where there was none", () => {
      expect(decodeLook(JSON.stringify({ host: "excel", fill: null, wrote: null })).note).toEqual({ before: undefined, wrote: null });
      expect(decodeLook(JSON.stringify({ host: "excel", fill: null, note: null, wrote: null })).note).toEqual({ before: null, wrote: null });
      // Before digests were kept: neither null nor a digest, so the add-in's note is told by its prefix.
      expect(decodeLook(JSON.stringify({ host: "excel", fill: null, note: null })).note).toEqual({ before: null, wrote: undefined });
    });

    test("a record without a host is an Excel's (the first version's)", () => {
      expect(decodeLook(JSON.stringify({ fill: { color: "#FFFF00", pattern: "Solid", tintAndShade: null }, note: "甲" }))).toEqual({ fill: { color: "#FFFF00", pattern: "Solid" }, note: { before: "甲", wrote: undefined } });
    });

    test("an .xlsx file's: the fill kept for that host with its colour for others; no pattern is no fill", () => {
      const xlsx = (fill: unknown) => decodeLook(JSON.stringify({ host: "xlsx", fill, note: null, wrote: null })).fill;
      const solid = { type: "pattern", pattern: "solid", fgColor: { argb: "ffddebf7" } };
      expect(xlsx(solid)).toEqual({ color: "#DDEBF7", native: { host: "xlsx", value: solid } });
      // A theme colour has no ARGB: white stands for it elsewhere.
      expect(xlsx({ type: "pattern", pattern: "solid", fgColor: { theme: 4 } })!.color).toBe("#FFFFFF");
      expect(xlsx({ type: "pattern", pattern: "solid" })!.color).toBe("#FFFFFF");
      const gradient = { type: "gradient", gradient: "angle", degree: 0, stops: [] };
      expect(xlsx(gradient)).toEqual({ color: "#FFFFFF", native: { host: "xlsx", value: gradient } });
      expect(xlsx({ type: "pattern", pattern: "none" })).toBeNull();
      expect(xlsx({ type: "pattern" })).toBeNull();
      expect(xlsx(null)).toBeNull();
    });

    test("an .xlsx file's note: plain text, or rich text read as its text; an empty note is none", () => {
      const note = (n: unknown) => decodeLook(JSON.stringify({ host: "xlsx", fill: null, note: n, wrote: DIGEST })).note;
      expect(note("原批注")).toEqual({ before: "原批注", wrote: DIGEST });
      expect(note({ texts: [{ text: "原" }, { text: "批注" }] })).toEqual({ before: "原批注", wrote: DIGEST });
      expect(note({ texts: [] }).before).toBeNull();
      expect(note({ texts: null }).before).toBeNull();
      expect(note({ margins: {} }).before).toBeNull();
      expect(note("").before).toBeNull();
      expect(note(null).before).toBeNull();
      // The metadata sheet is the person's to edit: a note that is not text is none.
      expect(note(42).before).toBeNull();
      // An .xlsx file always knows its notes: absent is none, not unknown.
      expect(decodeLook(JSON.stringify({ host: "xlsx", fill: null })).note).toEqual({ before: null, wrote: undefined });
    });

    test("a WPS's: the colour alone; the note as recorded, absent when unknown", () => {
      expect(decodeLook(JSON.stringify({ host: "wps", fill: { color: "#FFC000", pattern: 1 }, note: "甲", wrote: DIGEST }))).toEqual({ fill: { color: "#FFC000" }, note: { before: "甲", wrote: DIGEST } });
      expect(decodeLook(JSON.stringify({ host: "wps", fill: null, note: null })).fill).toBeNull();
      expect(decodeLook(JSON.stringify({ host: "wps", fill: { color: 65535 }, note: null })).fill).toBeNull();
      expect(decodeLook(JSON.stringify({ host: "wps", fill: null, wrote: null })).note).toEqual({ before: undefined, wrote: null });
    });

    test("a v2 record with a note of none, and one whose fill is missing", () => {
      expect(decodeLook(JSON.stringify({ v: 2, note: null, wrote: null }))).toEqual({ fill: null, note: { before: null, wrote: null } });
    });
  });
});

describe("a written cell's content", () => {
  test.each<[string, WrittenRecord]>([
    ["a formula", { content: { formula: "=B4", numberFormat: "General" }, written: "新增1.8万人。" }],
    ["a number with its format", { content: { formula: 0.25, numberFormat: "0.0%" }, written: "25%" }],
    ["an empty cell", { content: { formula: "", numberFormat: "General" }, written: "甲" }],
    ["an .xlsx value carried for that host", { content: { formula: "2026-10-12", numberFormat: "General", native: { host: "xlsx", value: { date: "2026-10-12T00:00:00.000Z" } } }, written: "乙" }],
  ])("round trip: %s", (_what, record) => {
    expect(decodeWritten(encodeWritten(record))).toEqual(record);
  });

  describe("records of earlier versions", () => {
    const xlsx = (value: unknown) => decodeWritten(JSON.stringify({ host: "xlsx", value, written: "甲" }));
    const native = (value: unknown) => ({ host: "xlsx", value });

    test("an .xlsx file's value, as Excel's formula form, the value itself kept for that host", () => {
      expect(xlsx(42)).toEqual({ content: { formula: 42, numberFormat: "General", native: native(42) }, written: "甲" });
      expect(xlsx(true).content).toEqual({ formula: true, numberFormat: "General", native: native(true) });
      expect(xlsx("正在推进").content).toEqual({ formula: "正在推进", numberFormat: "General", native: native("正在推进") });
      expect(xlsx({ formula: "B4*2", result: 6 }).content).toEqual({ formula: "=B4*2", numberFormat: "General", native: native({ formula: "B4*2", result: 6 }) });
      const rich = { richText: [{ text: "新增" }, { font: { bold: true }, text: "2万人" }] };
      expect(xlsx(rich).content).toEqual({ formula: "新增2万人", numberFormat: "General", native: native(rich) });
      expect(xlsx({ date: "2026-10-12T00:00:00.000Z" }).content).toEqual({ formula: "2026-10-12", numberFormat: "General", native: native({ date: "2026-10-12T00:00:00.000Z" }) });
    });

    test("an .xlsx file's text that looks like a formula stays text (format @)", () => {
      expect(xlsx("=完成20个").content).toEqual({ formula: "=完成20个", numberFormat: "@", native: native("=完成20个") });
    });

    test("an .xlsx file's empty cell, and a value it cannot say, put back as empty", () => {
      expect(xlsx(null).content).toEqual({ formula: "", numberFormat: "General", native: native(null) });
      expect(decodeWritten(JSON.stringify({ host: "xlsx", written: "甲" })).content).toEqual({ formula: "", numberFormat: "General", native: native(null) });
      expect(xlsx({ error: "#N/A" }).content).toEqual({ formula: "", numberFormat: "General", native: native({ error: "#N/A" }) });
    });

    test("an Excel's or a WPS's: its formula and number format; what is absent is an empty General cell", () => {
      for (const host of ["excel", "wps"]) {
        expect(decodeWritten(JSON.stringify({ host, formula: "=1+1", numberFormat: "0.00", written: "乙" }))).toEqual({ content: { formula: "=1+1", numberFormat: "0.00" }, written: "乙" });
        expect(decodeWritten(JSON.stringify({ host, written: "乙" }))).toEqual({ content: { formula: "", numberFormat: "General" }, written: "乙" });
      }
    });
  });
});

describe("the text a stored content shows", () => {
  test.each<[string | number | boolean, string]>([
    ["正在推进", "正在推进"],
    ["", ""],
    [42, "42"],
    [0.5, "0.5"],
    [true, "TRUE"],
    [false, "FALSE"],
  ])("%p shows as %p", (formula, text) => {
    expect(contentText({ formula, numberFormat: "General" })).toBe(text);
  });
});

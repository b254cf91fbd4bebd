// Properties that hold for any input, tried on generated and adversarial inputs (fast-check): the
// unit parser, the header finder, the directory matcher, the notice importer and the whole check never
// throw anything but their own clear errors, and every finding points at a cell that exists.
import fc from "fast-check";
import { findingText, problemText } from "../src/app";
import { parseA1 } from "../src/core/address";
import { check, readDirectory } from "../src/core";
import { DirectoryError } from "../src/core/directory";
import { FilledGrid, findHeader, LedgerError, readLedger } from "../src/core/ledger";
import { parseNotice } from "../src/core/notice";
import { parseUnitCell, splitUnits } from "../src/core/units";
import type { CellRange, CellValue, SheetGrid } from "../src/core/types";

/**
 * Cases per property: 2,000 in `npm test` and CI, each run with a new seed, so that runs add up to different
 * inputs (10,000 took a fifth of the suite's two minutes); FC_RUNS=10000 or more for a deeper search;
 * mutation testing sets its own (`npm run mutate`: 100 per mutant).
 */
const RUNS = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 2000;
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const options = { numRuns: RUNS, seed: SEED };
const SEPARATORS = ["、", "，", ",", "；", ";", "/", "／", "\n", "\r\n", "\t", "  ", "\u3000\u3000", " "];

const UNITS = ["区发展和改革局", "区发改局", "发改局", "区财政局", "经信局", "各街道", "区人民政府各部门", "江汉经济开发区", "市发改委", "区城管委", "区", "局", "（筹）", "区教育局及各街道", "区住房和城乡建设局（区人防办）", "国家税务总局武汉市江汉区税务局"];
const LABELS = ["市级牵头单位：", "区级牵头单位:", "区级责任单位：", "责任单位：", "配合单位:", "协办单位：", "牵头单位：", "("];
const HEADERS = ["序号", "工作类目", "类别", "目标任务", "工作任务", "目标和要求", "主要责任部门", "牵头单位", "责任单位", "配合单位", "相关责任部门", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展", "进展情况", "备注", "完成状态", "Task", "Owner"];
const PROGRESS = ["已完成", "无", "暂无", "/", "同上", "正在推进", "截至9月底，完成投资12.5亿元，占年度目标的85%。", "已制定工作方案，完成年度目标的25%。"];
const DEADLINES = ["2026年6月底", "6月30日前", "年底前", "长期", "三季度末", "2026-12-31", "持续推进"];
const FORMULA_LIKE = ["=SUM(A1:A3)", "+1", "-区财政局", "@区教育局", "\t区科技局", "\r区商务局", "=HYPERLINK(\"http://x\",\"y\")"];

/** Text from the ledger's world, glued with separators, labels and any characters at all. */
const unitCellText = fc
  .array(fc.oneof(fc.constantFrom(...UNITS), fc.constantFrom(...SEPARATORS), fc.constantFrom(...LABELS), fc.constantFrom("（", "）", "(", ")", "【", "】", "及", "。"), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 14 })
  .map((parts) => parts.join(""));

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: unitCellText },
  { weight: 2, arbitrary: fc.constantFrom(...HEADERS, ...PROGRESS, ...DEADLINES, ...FORMULA_LIKE) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(45838)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#REF!", "#VALUE!").map((error) => ({ error })) },
);

/** Any grid: a few rows of anything, a header somewhere (often), merged areas anywhere inside. */
const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    before: fc.integer({ min: 0, max: 24 }),
    header: fc.option(fc.shuffledSubarray(HEADERS, { minLength: 1, maxLength: 10 }), { freq: 3 }),
    body: fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 30 }),
    merges: fc.array(fc.record({ top: fc.nat(40), left: fc.nat(12), h: fc.nat(4), w: fc.nat(3) }), { maxLength: 6 }),
  })
  .map(({ before, header, body, merges }) => {
    const rows: CellValue[][] = [...Array.from({ length: before }, (_, i) => (i === 0 ? ["2026年政府工作报告责任分解"] : [])), ...(header ? [header] : []), ...body];
    const height = rows.length;
    const width = Math.max(1, ...rows.map((r) => r.length));
    const ms: CellRange[] = merges
      .filter((m) => m.top < height && m.left < width)
      .map((m) => ({ top: m.top, left: m.left, bottom: Math.min(height - 1, m.top + m.h), right: Math.min(width - 1, m.left + m.w) }));
    return { name: "台账", rows, merges: ms };
  });

const directoryGrid: fc.Arbitrary<SheetGrid> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...UNITS), fc.string({ unit: "binary", maxLength: 8 })), fc.oneof(fc.constant(""), unitCellText), fc.oneof(fc.constant(""), unitCellText), fc.constantFrom("", "在用", "已撤销")), { maxLength: 20 })
  .map((rows) => ({ name: "部门目录", rows: [["单位名称", "别名", "曾用名", "状态"], ...rows], merges: [] }));

/** Runs `f`, letting through only the errors that are the engine's clear messages. */
function clearErrorsOnly<T>(f: () => T, ...allowed: (abstract new (...a: never[]) => Error)[]): T | undefined {
  try {
    return f();
  } catch (e) {
    if (allowed.some((A) => e instanceof A) && /[\u4e00-\u9fa5]/.test(problemText(e))) return undefined;
    throw e;
  }
}

/** The text with its bracketed parts (a pair of the same kind) taken out, innermost first. */
function withoutBracketed(text: string): string {
  const pair = /（[^（）]*）|\([^()]*\)|【[^【】]*】|〈[^〈〉]*〉|<[^<>]*>|\[[^[\]]*\]|《[^《》]*》/g;
  for (let prev = ""; prev !== text; ) [prev, text] = [text, text.replace(pair, "")];
  return text;
}

test("unit cells: any text parses; every unit has a letter; with paired brackets, no separator outside them and each unit splits to itself", () => {
  fc.assert(
    fc.property(unitCellText, (text) => {
      const parsed = parseUnitCell(text);
      // Stray and crossed brackets ("（、】") are read somehow; the rest holds when the brackets pair up.
      const paired = !/[（）()【】〈〉<>[\]《》]/.test(withoutBracketed(text));
      for (const u of [...parsed.units, ...parsed.city, ...parsed.co]) {
        expect(u.name).toMatch(/[\p{L}\p{N}]/u);
        if (!paired) continue;
        // Separators inside a pair of brackets belong to the name: 区住房和城乡建设局（区人防办、区民防办）.
        expect(withoutBracketed(u.name)).not.toMatch(/[、，,；;\n\r\t]/);
        expect(splitUnits(u.name).map((m) => m.name)).toEqual([u.name]);
      }
    }),
    options,
  );
});

test("header finder and ledger reader: any grid gives a ledger whose cells exist, or a Chinese LedgerError", () => {
  fc.assert(
    fc.property(grid, (g) => {
      findHeader(new FilledGrid(g));
      const ledger = clearErrorsOnly(() => readLedger(g), LedgerError);
      if (!ledger) return;
      expect(ledger.headerRow).toBeGreaterThanOrEqual(1);
      expect(ledger.headerRow).toBeLessThanOrEqual(g.rows.length);
      for (const t of ledger.tasks) {
        expect(t.row).toBeGreaterThan(ledger.headerRow);
        expect(t.row).toBeLessThanOrEqual(g.rows.length);
      }
    }),
    options,
  );
});

test("directory: any directory sheet reads or says why; every name finds its own entry; any text matches without throwing", () => {
  fc.assert(
    fc.property(directoryGrid, fc.array(unitCellText, { maxLength: 4 }), (g, written) => {
      const dir = clearErrorsOnly(() => readDirectory(g), DirectoryError);
      if (!dir) return;
      for (const e of dir.entries) {
        const m = dir.match(e.name);
        if (m.kind === "exact" || m.kind === "alias" || m.kind === "normalized" || m.kind === "renamed") expect(dir.entries).toContain(m.entry);
        // The first entry of a name is the one found (a duplicate name cannot take it over).
        if (m.kind === "exact") expect(m.entry).toBe(dir.entries.find((x) => x.name === e.name));
      }
      for (const w of written) {
        const m = dir.match(w);
        if (m.kind === "unknown") for (const s of m.suggestions) expect(dir.entries).toContain(s);
      }
    }),
    options,
  );
});

const noticeLine = fc.oneof(
  fc.constantFrom("附件1", "附件2", "一、推动经济高质量发展", "（一）扩大有效投资", "——民生实事", "- 3 -", "抄送：区委办公室", "江岸区人民政府办公室 2026年3月1日印发", "责任单位：区发改局、区财政局"),
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom(".", "．", "、", ". "), fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom("", "（责任单位：区教育局）", "(市级牵头单位:市发改委;区级牵头单位:区发改局)")).map(([n, dot, text, units]) => `${n}${dot}${text}${units}`),
  unitCellText,
  fc.string({ unit: "binary", maxLength: 30 }),
);

test("notice importer: any text gives items with a task (or a flag saying it lacks one), a line in the text, and no empty unit", () => {
  fc.assert(
    fc.property(fc.array(noticeLine, { maxLength: 25 }), fc.constantFrom("\n", "\r\n", "\r"), (lines, eol) => {
      const text = lines.join(eol);
      const lineCount = text.split(/\r\n|\r|\n/).length;
      for (const item of parseNotice(text)) {
        if (!item.task.trim()) expect(item.flags).toContainEqual({ code: "no-task" });
        expect(item.line).toBeGreaterThanOrEqual(1);
        expect(item.line).toBeLessThanOrEqual(lineCount);
        for (const u of [...item.lead, ...item.cityLead, ...item.co]) expect(u.trim()).not.toBe("");
      }
    }),
    options,
  );
});

test("the whole check: any grid and directory give findings on cells that exist, in reading order, or a Chinese LedgerError", () => {
  fc.assert(
    fc.property(grid, fc.option(directoryGrid), fc.integer({ min: 1, max: 4 }), (g, dirGrid, q) => {
      const directory = dirGrid ? clearErrorsOnly(() => readDirectory(dirGrid), DirectoryError) : undefined;
      const result = clearErrorsOnly(() => check(g, directory, { quarter: { year: 2026, q: q as 1 | 2 | 3 | 4 } }), LedgerError);
      if (!result) return;
      const width = Math.max(...g.rows.map((r) => r.length));
      let last = -1;
      for (const f of result.findings) {
        const at = parseA1(f.cell);
        expect(at).toBeDefined();
        expect(at!.row).toBeLessThan(g.rows.length);
        expect(at!.col).toBeLessThan(width);
        expect(f.row).toBe(at!.row + 1);
        expect(findingText(f)).toMatch(/[\u4e00-\u9fa5]/);
        const order = at!.row * 1000 + at!.col;
        expect(order).toBeGreaterThanOrEqual(last);
        last = order;
      }
    }),
    options,
  );
});

afterAll(() => {
  // The seed, to replay a failure: FC_SEED=… npx jest tests/properties.test.ts
  if (process.env.FC_VERBOSE) console.log(`fast-check seed ${SEED}, ${RUNS} cases per property`);
});

/** A figure as an item's text may start with one: 100名, 3.5万户, 1.5亿元, 6.5%, 2026年. */
const figure = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }), fc.constantFrom("名", "个", "万户", "亿元", "%", "年", "公里", "+1+X"))
  .map(([whole, fraction, unit]) => `${whole}${fraction === undefined ? "" : `.${fraction}`}${unit}`);
const WORDS = ["园艺师挂牌服务", "社区绿色驿站", "完成投资", "地区生产总值增长", "老旧小区改造", "新建", "左右", "，"];
/** An item's text: figures and words, ending with a stop; a line may break before a figure inside it (after a word, as a PDF breaks). */
const itemText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.option(figure, { nil: undefined }), fc.boolean()), { minLength: 1, maxLength: 4 }), figure)
  .map(([lead, parts, first]) => {
    const whole = (lead ? first : "") + parts.map(([w, f]) => w + (f ?? "")).join("") + "。";
    const lines = (lead ? first : "") + parts.map(([w, f, br]) => w + (f ? (br ? "\n" : "") + f : "")).join("") + "。";
    return { whole, lines };
  });

test("notice importer: items whose texts start with figures or decimals are read with their number and whole text, no gap flagged", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 990 }),
      fc.array(fc.tuple(itemText, fc.constantFrom(".", "．", "、", ". "), fc.constantFrom("inline", "line")), { minLength: 1, maxLength: 8 }),
      (first, items) => {
        const text = items
          .map(([t, stop, units], i) => `${first + i}${stop}${t.lines}${units === "inline" ? "（责任单位：区园林局）" : "\n责任单位：区园林局"}`)
          .join("\n");
        const read = parseNotice(`一、城市建设\n${text}`);
        expect(read.map((r) => [r.no, r.task, r.lead])).toEqual(items.map(([t], i) => [first + i, t.whole, ["区园林局"]]));
        // The first item's number is said when it is not 1; after it, no item is flagged.
        expect(read[0]!.flags).toEqual(first === 1 ? [] : [{ code: "number-starts-at", no: first }]);
        expect(read.slice(1).flatMap((r) => r.flags)).toEqual([]);
      },
    ),
    options,
  );
});

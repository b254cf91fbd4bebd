// Splitting a responsible-unit cell into units: separators, labels (市级牵头单位:…;区级牵头单位:…),
// brackets that belong to a name, names broken across lines, and collective units.
import type { ParsedUnitCell, UnitMention } from "./types";

const OPEN = "（(〈<【[《";
const CLOSE = "）)〉>】]》";
const SEPARATORS = new Set(["、", "，", ",", "；", ";", "/", "／", "\n", "\r", "\t"]);

/** Labels that may stand inside a unit cell, and which part of the cell they introduce. */
const LABELS: readonly (readonly [RegExp, keyof ParsedUnitCell])[] = [
  [/^市级(牵头|责任)(单位|部门)$/, "city"],
  [/^(区级)?(牵头|责任|主要责任)(单位|部门)$/, "units"],
  [/^(配合|协办|相关责任|协同)(单位|部门)$/, "co"],
];
const LABEL_RE = /(市级牵头单位|市级牵头部门|市级责任单位|市级责任部门|区级牵头单位|区级牵头部门|区级责任单位|区级责任部门|主要责任单位|主要责任部门|牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|协办部门|相关责任单位|相关责任部门|协同单位)\s*[:：]/g;

/**
 * Collective units are always valid: 各街道, 各相关部门, 区人民政府各部门, 区人民政府其他部门, 属地街道,
 * 各成员单位 … They name a group of units rather than one.
 */
export function isCollective(name: string): boolean {
  const s = name.normalize("NFKC").replace(/\s+/g, "");
  return (
    /^((区|市|县)?(人民)?政府|区直|市直|全区|全市)?(各|其他|其它|相关|有关|所有)+(相关|有关)?[\u4e00-\u9fa5]{0,6}(部门|单位|街道|街道办事处|街办|社区|乡镇|镇街|成员单位|机构|平台|企业)$/.test(s) ||
    // The streets or units where a task happens: 属地街道, 辖区街道, 所在街道, 涉及单位 …
    /^(属地|辖区|所在地?|涉及|沿线|项目所在)的?(街道|街道办事处|街办|街|社区|乡镇|镇街|单位|部门|政府)?$/.test(s)
  );
}

/** Wuhan's districts, as they stand inside the names of district offices of city bureaus (市公安局江岸分局). */
export const DISTRICT_NAMES = "江岸|江汉|硚口|汉阳|武昌|青山|洪山|东西湖|蔡甸|江夏|黄陂|新洲|汉南";
const DISTRICT_OFFICE = new RegExp(`分局|(${DISTRICT_NAMES})区?`);

/**
 * A city-level unit (市发改委, 武汉市住房保障和房屋管理局): not a district unit, so it never reports in
 * a district ledger. 市场监管局 is a district bureau, and a city bureau's district office
 * (市生态环境局武昌分局, 市公安局江岸分局, 武汉市江汉区…) is district-level.
 */
export function isCityUnit(name: string): boolean {
  if (!/^\s*[市武湖]/.test(name)) return false; // most names: no folding needed to tell
  const s = name.normalize("NFKC").replace(/\s+/g, "").replace(/^湖北省/, "");
  const m = /^(武汉)?市(?!场)/.exec(s);
  return !!m && !DISTRICT_OFFICE.test(s.slice(m[0].length));
}

/** A role note after a unit's name (区住更局（牵头）): an annotation, not part of the name. */
const ROLE_WORDS = "牵头|总牵头|共同牵头|主责|主办|负责|责任|主要责任|第一责任|配合|协办|协助|参与|协同";
const ROLE_NOTE_TEXT = `[(（【\\[](${ROLE_WORDS})(?:单位|部门)?[)）】\\]]`;
const ROLE_NOTE = new RegExp(`${ROLE_NOTE_TEXT}$`);
/** The notes that make the unit a co-unit of the task, even in the lead cell. */
const CO_NOTE = /^(配合|协办|协助|参与|协同)/;

/** A column label standing alone where units should be (a section's own 牵头单位 heading): no unit. */
const BARE_LABEL = /^(市级|区级)?(牵头|责任|主要责任|配合|协办|相关责任|协同)(单位|部门)$/;

/** Unit-name endings; a fragment that is only one of these was broken off the name before it. */
const SUFFIX_FRAGMENT = /^(局|委|办|部|处|队|会|院|所|厅|站|中心|分局|大队|支队|事务局|管理局|办公室|委员会|街道|街|办事处|公司|集团)$/;

function mention(name: string): UnitMention {
  return { name, collective: isCollective(name) };
}

/** A written name without its role notes, and whether a note made it a co-unit (区财政局（配合）). */
function withoutRoleNotes(written: string): { name: string; co: boolean } {
  let name = written;
  let co = false;
  for (let m = ROLE_NOTE.exec(name); m && m.index > 0; m = ROLE_NOTE.exec(name)) {
    co ||= CO_NOTE.test(m[1]!);
    name = name.slice(0, m.index);
  }
  return { name, co };
}

/**
 * Splits on the separators outside brackets; runs of two or more spaces separate too, and so does a
 * single full-width space (区城管执法局　区资建局), which nobody types inside a name.
 */
function splitNames(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  const chars = Array.from(text);
  const paired = pairedBrackets(chars);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (paired.has(i)) depth += OPEN.includes(ch) ? 1 : -1;
    const isSpaceRun = ch === "\u3000" || (ch === " " && (chars[i + 1] === " " || chars[i + 1] === "\u3000" || chars[i - 1] === " " || chars[i - 1] === "\u3000"));
    if (depth === 0 && (SEPARATORS.has(ch) || isSpaceRun)) {
      parts.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  parts.push(cur);
  return parts.map((p) => trimStops(p.replace(/[\s\u3000]+/g, ""))).filter((p) => p.length > 0);
}

/**
 * Mends names broken across lines when a plan was copied from a PDF: a lone "区" joins the next part,
 * a lone "局" (or another ending) joins the part before.
 */
function mendBroken(parts: readonly string[]): string[] {
  const out: string[] = [];
  let carry = "";
  for (const p of parts) {
    if (/^(区|市)$/.test(p)) {
      carry += p;
      continue;
    }
    const name = carry + p;
    carry = "";
    if (out.length > 0 && SUFFIX_FRAGMENT.test(name)) out[out.length - 1] += name;
    else out.push(name);
  }
  if (carry) out.push(carry);
  return out;
}

/**
 * The places of the brackets that pair up (same kind, properly nested): a stray "（" or a "】"
 * closing a "（" does not hold the rest of the cell together.
 */
function pairedBrackets(chars: readonly string[]): Set<number> {
  const paired = new Set<number>();
  const open: number[] = [];
  chars.forEach((ch, i) => {
    if (OPEN.includes(ch)) open.push(i);
    else if (CLOSE.includes(ch) && open.length && OPEN.indexOf(chars[open[open.length - 1]!]!) === CLOSE.indexOf(ch)) {
      paired.add(open.pop()!);
      paired.add(i);
    }
  });
  return paired;
}

/** Where the name splits at its first 及 outside brackets (区住房和城乡建设局（区人防办及区民防办） is one unit), or -1. */
function andOutsideBrackets(chars: readonly string[]): number {
  const paired = pairedBrackets(chars);
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    if (paired.has(i)) depth += OPEN.includes(chars[i]!) ? 1 : -1;
    else if (chars[i] === "及" && depth === 0) return i;
  }
  return -1;
}

/** "区司法局及区人民政府其他部门" names two units: the one before 及 and a collective one. */
function splitAnd(name: string): string[] {
  const chars = Array.from(name);
  const i = andOutsideBrackets(chars);
  if (i <= 0 || i === chars.length - 1) return [name];
  const left = chars.slice(0, i).join("");
  const right = chars.slice(i + 1).join("");
  if (isCollective(right) || /(局|委|办|部|中心|街道)$/.test(left)) return [left, ...splitAnd(right)];
  return [name];
}

/** The units of an unlabelled run of unit names, each with whether a role note made it a co-unit. */
function splitNoted(text: string): { unit: UnitMention; co: boolean }[] {
  return (
    mendBroken(splitNames(text))
      .flatMap(splitAnd)
      .map(trimStops)
      // A part with no letter or digit (a stray bracket or stop) names no unit, nor does a bare label.
      .filter((p) => /[\p{L}\p{N}]/u.test(p) && !BARE_LABEL.test(p))
      .map(withoutRoleNotes)
      .filter((n) => n.name.length > 0)
      .map((n) => ({ unit: mention(n.name), co: n.co }))
  );
}

/** Splits an unlabelled run of unit names; role notes (（牵头）, （配合）) are taken off the names. */
export function splitUnits(text: string): UnitMention[] {
  return splitNoted(text).map((n) => n.unit);
}

function trimStops(name: string): string {
  return name.replace(/^[。.．]+|[。.．]+$/g, "");
}

/**
 * Parses a unit cell. Unlabelled text is the cell's own role (`units`); labelled parts go where the
 * label says: 市级… to `city`, 区级…/责任单位/牵头单位 to `units`, 配合/协办 to `co`.
 */
export function parseUnitCell(text: string): ParsedUnitCell {
  const result: { units: UnitMention[]; city: UnitMention[]; co: UnitMention[] } = { units: [], city: [], co: [] };
  // An inline part such as "(市级牵头单位:…;区级牵头单位:…)" comes wrapped in one pair of brackets.
  const trimmed = text.trim();
  const s = /^[(（][^()（）]*[:：][^()（）]*[)）]$/.test(trimmed) ? trimmed.slice(1, -1) : text;
  LABEL_RE.lastIndex = 0;
  const marks: { at: number; end: number; part: keyof ParsedUnitCell }[] = [];
  for (let m = LABEL_RE.exec(s); m; m = LABEL_RE.exec(s)) {
    const label = m[1]!;
    const part = LABELS.find(([re]) => re.test(label))?.[1] ?? "units";
    marks.push({ at: m.index, end: m.index + m[0].length, part });
  }
  const add = (part: keyof ParsedUnitCell, text: string) => {
    // A unit noted （配合） in a lead part is a co-unit of the task, as if written after 配合单位:.
    for (const n of splitNoted(text)) result[part === "units" && n.co ? "co" : part].push(n.unit);
  };
  add("units", marks.length ? s.slice(0, marks[0]!.at) : s);
  marks.forEach((mk, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.at : s.length;
    add(mk.part, s.slice(mk.end, end));
  });
  return result;
}

const BEFORE = "(?<=^|[、，,；;/／\\s:：(（])";
const AFTER = `(?=$|[、，,；;/／\\s)）。]|${ROLE_NOTE_TEXT})`;

/**
 * The cell text with one unit replaced by another, the other units and separators untouched
 * ("区发该局、区财政局" → "区发展和改革局、区财政局"). Only whole units are replaced.
 */
export function replaceUnit(text: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`${BEFORE}${escaped}${AFTER}`, "g"), () => to);
}

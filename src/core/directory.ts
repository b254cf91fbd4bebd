// The department directory (部门目录): canonical names, aliases and former names, and how a unit
// written in a ledger is found in it.
import { distance } from "fastest-levenshtein";
import { FilledGrid } from "./ledger";
import { foldLabel } from "./header";
import { EngineError, type EngineMessage } from "./messages";
import { stripSpaces } from "./text";
import { isCityUnit, isCollective, parseUnitCell } from "./units";
import type { DirectoryEntry, SheetGrid, Task, UnitMatch, UnitMention, UnitStatus } from "./types";

export const DIRECTORY_SHEET = "部门目录";

/** Raised when a sheet cannot be read as a directory; `detail` says why. */
export class DirectoryError extends EngineError {
  constructor(detail: EngineMessage) {
    super(detail);
    this.name = "DirectoryError";
  }
}

/** Place names that may lead a unit's name (武汉市江汉区城市管理执法局 is 城市管理执法局). */
const PLACE_PREFIX =
  /^(湖北省)?(武汉市)?(江岸|江汉|硚口|汉阳|武昌|青山|洪山|东西湖|蔡甸|江夏|黄陂|新洲|汉南|东湖新技术开发|武汉经济技术开发|东湖生态旅游风景|长江新)区/;

/** True when a name starts with a place (武汉市…, 江汉区…): directories list units without it. */
export function hasPlacePrefix(name: string): boolean {
  const s = stripSpaces(name.normalize("NFKC"));
  return /^(湖北省)?武汉市/.test(s) || PLACE_PREFIX.test(s);
}

/**
 * The form two spellings of one unit share: half-width, no spaces, one kind of bracket, no leading
 * place name or 区, and 街道办事处 / 街道办 / 街 all as 街道.
 */
export function normalizeUnitName(name: string): string {
  let s = stripSpaces(name.normalize("NFKC"));
  s = s.replace(/[〈<【[《]/g, "(").replace(/[〉>】\]》]/g, ")");
  s = s.replace(/^(湖北省)?武汉市(?=.+区)/, "");
  s = s.replace(PLACE_PREFIX, "");
  s = s.replace(/^区(?!委|政府|人民政府|人大|政协|纪委)/, "");
  s = s.replace(/(街道办事处|街道办|街办)$/, "街道").replace(/(?<!街道)街$/, "街道");
  return s;
}

const COLUMN_SYNONYMS: Record<"name" | "aliases" | "former" | "category" | "status", readonly string[]> = {
  name: ["单位名称", "部门名称", "名称", "单位", "规范名称", "标准名称"],
  aliases: ["别名", "简称", "别称", "其他写法"],
  former: ["曾用名", "原名称", "原名", "旧名"],
  category: ["类别", "单位类别", "类型"],
  status: ["状态"],
};

/**
 * Splits a list cell such as 别名 on 、 ， ; line breaks and spaces (ASCII or full-width: no unit's
 * name holds one, so "区文旅局 文旅局" is two aliases). A part that opens with a bracket belongs to
 * the one before it ("区政府办 （金融）"): no unit's name starts with a bracket.
 */
function splitList(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[、，,；;\n\r/／]+/)) {
    let first = true;
    for (const word of part.split(/\s+/)) {
      if (!word) continue;
      if (!first && /^[(（〈【[]/.test(word) && out.length) out[out.length - 1] += word;
      else out.push(word);
      first = false;
    }
  }
  return out;
}

/** How alike a name must be to a unit's to be suggested for it. */
const SUGGEST_AT_LEAST = 0.45;

export interface ScoredEntry {
  readonly entry: DirectoryEntry;
  readonly score: number;
}

/** The directory and its look-up indexes. */
export class Directory {
  private readonly byName = new Map<string, DirectoryEntry>();
  private readonly byAlias = new Map<string, DirectoryEntry>();
  private readonly byNormal = new Map<string, DirectoryEntry>();
  private readonly byFormer = new Map<string, DirectoryEntry>();
  /** Every spelling of every entry, folded, for suggestions (with its characters, to rule out quickly). */
  private readonly spellings: { entry: DirectoryEntry; folded: string; chars: ReadonlySet<string>; length: number }[] = [];
  private readonly byFormerNormal = new Map<string, DirectoryEntry>();
  private readonly cache = new Map<string, UnitMatch>();
  /** Aliases (normalised) that two units share: a name written so means neither for sure. */
  private readonly ambiguous = new Map<string, DirectoryEntry[]>();
  /** What is wrong with the directory itself, naming its rows (duplicates, shared aliases). */
  readonly problems: EngineMessage[] = [];

  constructor(readonly entries: readonly DirectoryEntry[], readonly source = "") {
    for (const e of entries) {
      const first = this.byName.get(e.name);
      if (first) this.problems.push({ code: "directory-duplicate", name: e.name, row: e.row, first: first.row });
      setOnce(this.byName, e.name, e);
      for (const a of e.aliases) {
        const owner = this.byAlias.get(a);
        if (owner && owner.name !== e.name) {
          this.problems.push({ code: "directory-shared-alias", alias: a, owner: owner.name, ownerRow: owner.row, name: e.name, row: e.row });
          const key = normalizeUnitName(a);
          this.ambiguous.set(key, [...(this.ambiguous.get(key) ?? [owner]), e]);
        }
        setOnce(this.byAlias, a, e);
      }
      for (const f of e.formerNames) setOnce(this.byFormer, f, e);
      for (const n of [e.name, ...e.aliases]) setOnce(this.byNormal, normalizeUnitName(n), e);
      for (const n of [e.name, ...e.aliases, ...e.formerNames]) {
        const folded = normalizeUnitName(n);
        const chars = Array.from(folded);
        this.spellings.push({ entry: e, folded, chars: new Set(chars), length: chars.length });
      }
    }
    // Former names normalised last, so a live name always wins over an old one.
    for (const e of entries) for (const f of e.formerNames) setOnce(this.byFormerNormal, normalizeUnitName(f), e);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Finds a unit as written: canonical → alias → normalised form → former name → unknown. */
  match(written: string): UnitMatch {
    const cached = this.cache.get(written);
    if (cached) return cached;
    const result = this.lookup(written);
    this.cache.set(written, result);
    return result;
  }

  private lookup(written: string): UnitMatch {
    const name = written.trim();
    if (isCollective(name)) return { kind: "collective" };
    const shared = !this.byName.has(name) ? this.ambiguous.get(normalizeUnitName(name)) : undefined;
    if (shared) return { kind: "ambiguous", entries: shared };
    const found =
      this.live("exact", this.byName.get(name)) ??
      this.live("alias", this.byAlias.get(name)) ??
      this.live("normalized", this.byNormal.get(normalizeUnitName(name)));
    if (found) return found;
    const bracketed = this.withOwnAlias(name);
    if (bracketed) return bracketed;
    const former = this.byFormer.get(name) ?? this.byFormerNormal.get(normalizeUnitName(name));
    if (former) {
      return former.status === "abolished"
        ? this.abolished(former)
        : { kind: "renamed", entry: former };
    }
    return { kind: "unknown", suggestions: this.suggest(name).map((s) => s.entry) };
  }

  /**
   * 区委宣传部（区文明办）: a unit followed by its own alias in brackets is that unit, when the directory
   * finds both names as the same unit. (区政府办（金融） names a part of a unit, and stays as written.)
   */
  private withOwnAlias(name: string): UnitMatch | undefined {
    const m = /^(.+?)[(（〈<【[]([^()（）〈〉<>【】[\]]+)[)）〉>】\]]$/.exec(name);
    if (!m) return undefined;
    const outer = this.match(m[1]!);
    const inner = this.match(m[2]!);
    const same = (x: UnitMatch) => (x.kind === "exact" || x.kind === "alias" || x.kind === "normalized" ? x.entry : undefined);
    return same(outer) && same(outer) === same(inner) ? outer : undefined;
  }

  /** A match on an entry, unless the entry is abolished (then reported like a renamed unit). */
  private live(kind: "exact" | "alias" | "normalized", entry: DirectoryEntry | undefined): UnitMatch | undefined {
    if (!entry) return undefined;
    return entry.status === "abolished" ? this.abolished(entry) : { kind, entry };
  }

  private abolished(entry: DirectoryEntry): UnitMatch {
    // The unit that took over is the one that lists the abolished name among its former names.
    const successor = this.byFormer.get(entry.name);
    return successor && successor.status === "active" ? { kind: "abolished", entry, successor } : { kind: "abolished", entry };
  }

  /** Up to `limit` entries that the written name may mean, best first. */
  suggest(written: string, limit = 3): ScoredEntry[] {
    const q = normalizeUnitName(written);
    if (!q) return [];
    const qChars = Array.from(q);
    const best = new Map<DirectoryEntry, number>();
    for (const { entry, folded, chars, length } of this.spellings) {
      if (entry.status === "abolished") continue;
      // Every score is bounded by the characters the two share; skip spellings that cannot reach the bar.
      let shared = 0;
      for (const ch of qChars) if (chars.has(ch)) shared++;
      const subsequencePossible = shared === Math.min(qChars.length, length);
      if (!subsequencePossible && shared / Math.max(qChars.length, length) + 0.05 < SUGGEST_AT_LEAST &&
        (1.8 * shared) / (qChars.length + length) + 0.05 < SUGGEST_AT_LEAST) continue;
      const s = similarity(q, folded);
      if (s > (best.get(entry) ?? 0)) best.set(entry, s);
    }
    return [...best]
      .filter(([, s]) => s >= SUGGEST_AT_LEAST)
      .sort((a, b) => b[1] - a[1] || a[0].name.length - b[0].name.length)
      .slice(0, limit)
      .map(([entry, score]) => ({ entry, score }));
  }
}

function setOnce<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

/** Characters of `short` appear in `long` in order (区经科局 in 区经济信息化和科技创新局). */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0;
  for (const ch of long) if (i < short.length && ch === short[i]) i++;
  return i === short.length;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  const cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j]!;
  }
  return prev[b.length]!;
}

/**
 * How alike a written name and a directory spelling are, 0..1. Abbreviations (发改局 of
 * 发展和改革局: same first and last character, the rest in order) score high; typos score by edit
 * distance; otherwise by the longest common subsequence.
 */
export function similarity(q: string, c: string): number {
  if (q === c) return 1;
  const a = Array.from(q);
  const b = Array.from(c);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const sameEnds = short[0] === long[0] && short[short.length - 1] === long[long.length - 1];
  let score = 0;
  if (short.length >= 2 && sameEnds && isSubsequence(short, long)) score = 0.75 + 0.25 * (short.length / long.length);
  const edit = 1 - distance(q, c) / Math.max(a.length, b.length);
  const lcs = (2 * lcsLength(a, b)) / (a.length + b.length);
  const endBonus = a[a.length - 1] === b[b.length - 1] ? 0.05 : 0;
  return Math.min(1, Math.max(score, edit + endBonus, lcs * 0.9 + endBonus));
}

/**
 * A unit name written short for another (文旅局 for 文化和旅游局, 城管局 for 城市管理执法局): both
 * normalised, the short one of at least two characters, with the long one's first and last
 * character and the rest in order.
 */
export function abbreviates(short: string, long: string): boolean {
  return writtenShortFor(normalizeUnitName(short), normalizeUnitName(long));
}

/** `short` written for `long`, both as given: at least two characters, `long`'s first and last, the rest in order. */
export function writtenShortFor(short: string, long: string): boolean {
  const a = Array.from(short);
  const b = Array.from(long);
  return a.length >= 2 && a.length <= b.length && a[0] === b[0] && a[a.length - 1] === b[b.length - 1] && isSubsequence(a, b);
}

/**
 * A slip of one character (one added, left out or changed) between two names of at least three
 * characters, normalised, that end alike: the last character names the kind of body (局, 委, 办), and
 * another one there is another name (卫健委 is no slip for 卫健局).
 */
export function oneEditApart(written: string, spelling: string): boolean {
  const a = Array.from(normalizeUnitName(written));
  const b = Array.from(normalizeUnitName(spelling));
  return Math.min(a.length, b.length) >= 3 && a[a.length - 1] === b[b.length - 1] && distance(a.join(""), b.join("")) === 1;
}

/** Reads a directory from a sheet with a 单位名称 column (and 别名/简称, 曾用名, 类别, 状态). */
/** Where a directory sheet keeps what: its header row and columns (0-based), and its last row with a name. */
export interface DirectoryLayout {
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<keyof typeof COLUMN_SYNONYMS, number>>> & { readonly name: number };
  /** The last row (0-based) with a unit's name; the header row when there is none. */
  readonly lastRow: number;
  /** Columns the sheet uses (its width). */
  readonly width: number;
}

/** Finds the directory's header and columns; DirectoryError when it has no 单位名称 column. */
export function directoryLayout(grid: SheetGrid, source = grid.name): DirectoryLayout {
  const g = new FilledGrid(grid);
  let headerRow = -1;
  const col: Partial<Record<keyof typeof COLUMN_SYNONYMS, number>> = {};
  for (let r = 0; r < Math.min(10, g.height) && headerRow < 0; r++) {
    for (let c = 0; c < g.width; c++) {
      const folded = foldLabel(g.text(r, c)).replace(/[(（].*?[)）]/g, "");
      for (const key of Object.keys(COLUMN_SYNONYMS) as (keyof typeof COLUMN_SYNONYMS)[]) {
        if (col[key] === undefined && COLUMN_SYNONYMS[key].includes(folded)) col[key] = c;
      }
    }
    if (col.name !== undefined) headerRow = r;
    else for (const k of Object.keys(col) as (keyof typeof col)[]) delete col[k];
  }
  if (headerRow < 0 || col.name === undefined) {
    throw new DirectoryError({ code: "directory-no-name-column", source });
  }
  let lastRow = headerRow;
  for (let r = headerRow + 1; r < g.height; r++) if (stripSpaces(g.text(r, col.name))) lastRow = r;
  return { headerRow, columns: { ...col, name: col.name }, lastRow, width: g.width };
}

export function readDirectory(grid: SheetGrid, source = grid.name): Directory {
  const g = new FilledGrid(grid);
  const { headerRow, columns: col } = directoryLayout(grid, source);
  const entries: DirectoryEntry[] = [];
  for (let r = headerRow + 1; r < g.height; r++) {
    const name = stripSpaces(g.text(r, col.name));
    if (!name) continue;
    const statusText = col.status !== undefined ? g.text(r, col.status) : "";
    const status: UnitStatus = /撤销|撤消|停用|无效|废止|已撤/.test(statusText) ? "abolished" : "active";
    entries.push({
      name,
      aliases: col.aliases !== undefined ? splitList(g.text(r, col.aliases)) : [],
      formerNames: col.former !== undefined ? splitList(g.text(r, col.former)) : [],
      category: col.category !== undefined ? g.text(r, col.category) : "",
      status,
      row: r + 1,
    });
  }
  return new Directory(entries, source);
}

/** A guess at a unit's kind from its name, for a proposed directory. */
export function guessCategory(name: string): string {
  const s = normalizeUnitName(name);
  if (/街道$/.test(s)) return "街道";
  if (/(公司|集团)$/.test(s)) return "国企";
  if (/^(团区委|团市委)$|总工会|妇联|残联|工商联|科协|侨联|红十字会|文联/.test(s)) return "群团";
  if (/(分局|支队|大队|税务局|社保处|消防救援|供电|海关)/.test(s)) return "派驻机构";
  return "部门";
}

/** A unit a task names, under its current directory name, and whether the directory lists it. */
export interface ResolvedUnit {
  readonly name: string;
  /** False for a unit the directory does not know (as written); true for every unit when there is no directory. */
  readonly known: boolean;
  /** How the cells write it (区发改局, 区发展和改革局 …), each once, in the order met. */
  readonly written: readonly string[];
}

/** Resolves unit mentions to their current names (collective units and unlisted city units left out), each once. */
function resolveMentions(mentions: readonly UnitMention[], directory: Directory | undefined, into: ResolvedUnit[]): ResolvedUnit[] {
  for (const u of mentions) {
    if (u.collective) continue;
    const m = directory?.match(u.name);
    if (isCityUnit(u.name) && (!m || m.kind === "unknown")) continue;
    const entry =
      m && (m.kind === "exact" || m.kind === "alias" || m.kind === "normalized" || m.kind === "renamed") ? m.entry : m?.kind === "abolished" ? m.successor : undefined;
    const name = entry?.name ?? u.name;
    const found = into.find((r) => r.name === name);
    if (!found) into.push({ name, known: !directory || !!entry, written: [u.name] });
    else if (!found.written.includes(u.name)) (found.written as string[]).push(u.name);
  }
  return into;
}

/**
 * The district units a unit cell names, under their current directory names (as written when the
 * directory does not know them, or there is none); collective units and city units the directory
 * does not list (市发改委) left out.
 */
export function resolveUnits(text: string | undefined, directory: Directory | undefined): ResolvedUnit[] {
  return text ? resolveMentions(parseUnitCell(text).units, directory, []) : [];
}

export function canonicalUnits(text: string | undefined, directory: Directory | undefined): string[] {
  return resolveUnits(text, directory).map((u) => u.name);
}

/**
 * A task's responsible units: its lead units, and its co-units (the co-unit cell, and units noted
 * （配合） in the lead cell); a unit that leads is not also a co-unit.
 */
export function taskUnits(task: Task, directory: Directory | undefined): { leads: ResolvedUnit[]; coUnits: ResolvedUnit[] } {
  const lead = task.lead ? parseUnitCell(task.lead.text) : undefined;
  const leads = resolveMentions(lead?.units ?? [], directory, []);
  const co = resolveMentions(lead?.co ?? [], directory, []);
  if (task.co) {
    const parsed = parseUnitCell(task.co.text);
    resolveMentions([...parsed.units, ...parsed.co], directory, co);
  }
  return { leads, coUnits: co.filter((c) => !leads.some((l) => l.name === c.name)) };
}

// Reading a 责任分解方案 notice (text pasted from Word, a PDF or a web page) into task items:
// annexes, section headings, numbered items, their 责任单位 lines or inline (责任单位:…) parts.
import { isCityUnit, parseUnitCell } from "./units";

export interface NoticeItem {
  /** Annex number (附件 N), when the notice has annexes. */
  readonly annex?: number;
  /** The item's number as written. */
  readonly no: number;
  /** A label unique within the annex: the number, prefixed by its section when numbering restarts (四-1). */
  readonly label: string;
  /** Section headings above the item, outermost first. */
  readonly category: readonly string[];
  readonly task: string;
  /** District responsible units. */
  readonly lead: readonly string[];
  readonly cityLead: readonly string[];
  readonly co: readonly string[];
  /** Things a person should look at (no units, a number out of sequence …), as codes the application layer says. */
  readonly flags: readonly NoticeFlag[];
  /** 1-based line of the notice where the item starts, and where it ends (its last line read). */
  readonly line: number;
  readonly lastLine: number;
}

/** Something a person should look at in an item: a code and the values its sentence needs. */
export type NoticeFlag =
  /** A heading states its count (（共 3 项）) and another number of items was read under it. */
  | { readonly code: "count-differs"; readonly heading: string; readonly stated: number; readonly found: number }
  /** Numbering starts again at 1 with no heading or annex before it. */
  | { readonly code: "restart-without-heading" }
  /** The same number as the item before. */
  | { readonly code: "number-repeated"; readonly previous: number }
  /** A number out of sequence. */
  | { readonly code: "number-gap"; readonly previous: number }
  /** The first item's number is not 1. */
  | { readonly code: "number-starts-at"; readonly no: number }
  /** A line (1-based) starting with a number (`start`, as written) too far ahead of the item's, read as part of it. */
  | { readonly code: "number-far-ahead"; readonly line: number; readonly start: string; readonly previous: number }
  | { readonly code: "no-task" }
  | { readonly code: "no-unit" }
  /** Only city lead units, no district unit. */
  | { readonly code: "city-only" }
  /** A district unit among the city lead units. */
  | { readonly code: "district-unit-as-city"; readonly unit: string }
  /** A city unit among the district units. */
  | { readonly code: "city-unit-as-district"; readonly unit: string };

const CN_DIGITS = "一二三四五六七八九十";

/** A web site's furniture around the text: footers, share boxes, the "leaving this site" dialog. */
const WEB_FURNITURE =
  /版权所有|网站标识码|ICP备|ICP证|公网安备|您访问的链接即将离开|是否继续访问|打印本页|关闭窗口|【打印】|【关闭】|【字体|^(主办|承办|协办|技术支持|网站支持)(单位)?[:：]|^(网站地图|联系我们|继续访问|放弃访问)|^扫一扫(在手机|$)|^分享到([:：]|$)|^(上一篇|下一篇)[:：]|^Copyright|©/i;

/** Lines that belong to the page, not to any task: page numbers, 抄送, 印发, web-site furniture. */
export function isPageFurniture(line: string): boolean {
  const s = line.normalize("NFKC").trim();
  return /^[-—–\s]*\d{1,3}[-—–\s]*$/.test(s) || /^第\s*\d+\s*页/.test(s) || /^(共\s*\d+\s*页|\d+\s*\/\s*\d+)$/.test(s) || endsItems(s);
}

/**
 * Lines after which nothing belongs to the item above until the next item, heading or annex: a
 * notice's 抄送 and 印发 lines, a web page's footer (承办单位, 网站标识码, 版权所有 …). A page number
 * only interrupts an item; these end it.
 */
export function endsItems(line: string): boolean {
  const s = line.normalize("NFKC").trim();
  return /^抄送[:：]/.test(s) || /印发$/.test(s) || WEB_FURNITURE.test(s);
}

/** 一、… is level 0, （一）… level 1; a ——… line is a sub-heading below the numbered ones. */
function headingOf(s: string): { level: number; text: string } | undefined {
  if (new RegExp(`^[${CN_DIGITS}]+、`).test(s)) return { level: 0, text: s };
  if (new RegExp(`^[(（][${CN_DIGITS}]+[)）]`).test(s)) return { level: 1, text: s };
  return undefined;
}

/** "——夯实投资硬支撑": the text of a dash sub-heading (the dashes dropped), or undefined. */
function dashHeadingOf(s: string): string | undefined {
  // Two dashes: one may be a line broken inside "2020—2025年".
  const m = /^(?:[—―─]{2,3}|-{2,3})\s*([^—―─\-\s].*)$/.exec(s);
  return m ? m[1]!.trim() : undefined;
}

/** A heading's count (…（共 131 项）), and the heading without it. */
function statedCount(text: string): { text: string; count?: number } {
  const m = /[(（]共(\d+)项[)）]$/.exec(text);
  return m ? { text: text.slice(0, m.index), count: Number(m[1]) } : { text };
}

/** Removes the spaces a PDF puts between Chinese characters and figures ("增长 6%左右" → "增长6%左右"). */
export function tidyText(s: string): string {
  const cjk = "\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’《》";
  return s
    .replace(new RegExp(`(?<=[${cjk}])[ \\t]+|[ \\t]+(?=[${cjk}])`, "g"), "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

const UNIT_LABELS = "市级牵头单位|市级责任单位|区级牵头单位|区级责任单位|主要责任单位|责任单位|牵头单位|责任部门|牵头部门|配合单位|协办单位";
const UNIT_LINE = new RegExp(`^(${UNIT_LABELS})\\s*[:：]`);
/** The start of an inline unit group: "(" then a label ("(市级牵头单位:…;区级牵头单位:…)"). */
const UNIT_GROUP_START = new RegExp(`^[(（]\\s*(${UNIT_LABELS})\\s*[:：]`);
/** "12.推进…", "12、推进…", "12. 100名…": a number, then text; 、 and a stop with a space never belong to a figure. */
const ITEM_START = /^(\d{1,3})\s*(?:、|[.．](?!\d))\s*(.*)$/;
/**
 * "167.100名园艺师…": item 167 whose text starts with a figure, or a figure (2.13公里, 6.5%) that
 * starts a line broken inside a sentence. Told apart by the numbering and by the line before.
 */
const FIGURE_START = /^(\d{1,3})[.．](\d.*)$/;
/** The end of a sentence or of an inline unit group: what the line before a new item ends with. */
const SENTENCE_END = /[。；;！!？?)）]$/;
const ANNEX = /^(.*?)附\s*件\s*(\d{1,2})\s*$/;
/** How far a number may jump ahead and still start an item (a larger one is taken for text). */
const MAX_JUMP = 5;

/**
 * "附件 2" alone, or at the end of a line it was glued to (…区城管局)附件3, …印发给你们。附件1); not
 * the list "附件：1. …" of a notice, nor "详见附件2" inside a sentence.
 */
function isAnnexMarker(line: string): boolean {
  const m = ANNEX.exec(line);
  if (!m || /附\s*件\s*[:：]/.test(line)) return false;
  const before = m[1]!.trim();
  return before === "" || /[)）。;；.!！?？”"局委办部院处队站所会司心道日]$/.test(before);
}

/** A section heading while the items under it are read: its text, and the count it states. */
interface OpenHeading {
  readonly text: string;
  readonly dash: boolean;
  readonly stated?: number;
  /** Items read under it, and the last of them (its index in the items). */
  count: number;
  last: number;
}

interface Draft {
  annex?: number;
  no: number;
  label: string;
  category: string[];
  text: string[];
  units: string[];
  line: number;
  lastLine: number;
  flags: NoticeFlag[];
}

type MutableItem = Omit<NoticeItem, "flags"> & { flags: NoticeFlag[] };

/** Parses the text of a notice into items. Lines before the first 附件 are the notice itself when it has annexes. */
export function parseNotice(text: string): NoticeItem[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let inBody = !lines.some((l) => isAnnexMarker(tidyText(l)));
  const reader = new NoticeReader();
  for (let i = 0; i < lines.length; i++) {
    const s = tidyText(lines[i]!);
    if (!s) continue;
    if (isAnnexMarker(s)) {
      const [, glued, annex] = ANNEX.exec(s)!;
      // The heading glued to the end of the last item's line ends the annex after that line.
      const before = glued!.trim();
      if (before && inBody && !endsItems(before)) reader.take(before, i + 1);
      reader.startAnnex(Number(annex));
      inBody = true;
    } else if (endsItems(s)) reader.finish();
    else if (!isPageFurniture(s) && inBody) reader.take(s, i + 1);
  }
  return reader.end();
}

/**
 * What a person should look at in an item's number: `no` read after `previous` (0: the first item of
 * its annex); `afterHeading`: a heading or an annex came since the item before, where numbering may
 * start again at 1.
 */
export function numberingFlags(no: number, previous: number, afterHeading: boolean): NoticeFlag[] {
  if (previous === 0) return no === 1 ? [] : [{ code: "number-starts-at", no }];
  if (no === 1) return afterHeading ? [] : [{ code: "restart-without-heading" }];
  if (no === previous) return [{ code: "number-repeated", previous }];
  if (no !== previous + 1) return [{ code: "number-gap", previous }];
  return [];
}

/** A section heading's number (四 of 四、民生实事), to label items when numbering restarts under it. */
const SECTION_NUMBER = new RegExp(`^([${CN_DIGITS}]+)、`);

/** Reads a notice's body line by line: the headings open above, the item being read, the numbering so far. */
class NoticeReader {
  private readonly items: MutableItem[] = [];
  private readonly headings: OpenHeading[] = [];
  private annex: number | undefined;
  private cur: Draft | undefined;
  /** After a unit line, the item's lines are units until the next item. */
  private mode: "text" | "units" = "text";
  private lastNo = 0;
  /** Times the numbering started again at 1 in this annex. */
  private restarts = 0;
  /** A heading (or an annex) came after the last item: numbering may start again at 1 there. */
  private headingSinceItem = true;
  /** The line taken before this one; "" after a heading, an annex or a line that ends items. */
  private previous = "";

  /** One line of the body (tidied, not furniture, not an annex marker). */
  take(s: string, lineNo: number): void {
    const heading = headingOf(s);
    const dash = heading ? undefined : dashHeadingOf(s);
    const start = heading || dash ? null : ITEM_START.exec(s);
    const figure = heading || dash || start ? null : FIGURE_START.exec(s);
    if (heading) this.heading(heading.level, heading.text);
    else if (dash) this.dashHeading(dash);
    else if (start && this.startsItem(Number(start[1]))) this.startItem(Number(start[1]), start[2]!, lineNo);
    else if (figure && this.startsFigureItem(Number(figure[1]))) this.startItem(Number(figure[1]), figure[2]!, lineNo);
    else this.continueItem(s, lineNo, !!start);
    this.previous = heading || dash ? "" : s;
  }

  /** Annex `annex` begins: the item and the headings before it end, and its numbering starts afresh. */
  startAnnex(annex: number): void {
    this.finish();
    this.closeHeadings(0);
    this.annex = annex;
    this.lastNo = 0;
    this.restarts = 0;
    this.headingSinceItem = true;
  }

  /** Ends the item being read (at a heading, the next item, or a line that ends items). */
  finish(): void {
    // A bare number with neither text nor units (a line broken off, a stray figure) is no item.
    const item = this.cur && finishItem(this.cur);
    if (item && (item.task || item.lead.length || item.cityLead.length || item.co.length)) {
      this.items.push(item);
      for (const h of this.headings) {
        h.count++;
        h.last = this.items.length - 1;
      }
    }
    this.cur = undefined;
    this.mode = "text";
    this.previous = "";
  }

  /** The items, once every line is taken. */
  end(): NoticeItem[] {
    this.finish();
    this.closeHeadings(0);
    return this.items;
  }

  private heading(level: number, text: string): void {
    this.finish();
    this.closeHeadings(Math.min(level, this.headings.filter((h) => !h.dash).length));
    this.openHeading(text, false);
  }

  /** A sub-heading below the numbered ones, never the continuation of the item above it. */
  private dashHeading(text: string): void {
    this.finish();
    const top = this.headings[this.headings.length - 1];
    this.closeHeadings(top?.dash ? this.headings.length - 1 : this.headings.length);
    this.openHeading(text, true);
  }

  private openHeading(text: string, dash: boolean): void {
    const { text: name, count } = statedCount(text);
    this.headings.push({ text: name, dash, ...(count !== undefined ? { stated: count } : {}), count: 0, last: -1 });
    this.headingSinceItem = true;
  }

  /** Closes the headings from `keep` on; one that states its count (（共 131 项）) is checked against the items read under it. */
  private closeHeadings(keep: number): void {
    for (const h of this.headings.splice(keep)) {
      if (h.stated === undefined || h.count === h.stated || h.count === 0) continue;
      this.items[h.last]!.flags.push({ code: "count-differs", heading: h.text, stated: h.stated, found: h.count });
    }
  }

  /** A number far ahead of the last one is taken for text inside an item's sentence, not after its units. */
  private startsItem(no: number): boolean {
    return this.lastNo === 0 || no <= this.lastNo + MAX_JUMP || no === 1 || !this.cur || this.mode === "units";
  }

  /**
   * "N.figure…": an item only where one can start (after a heading, a unit line or the end of a
   * sentence) and, after a sentence, only as the next number; otherwise a line broken before a figure
   * ("…4条铁路沿线和" / "2.13公里河流…", seed 001).
   */
  private startsFigureItem(no: number): boolean {
    const next = no === this.lastNo + 1 || (no === 1 && (this.lastNo === 0 || this.headingSinceItem));
    if (this.previous === "" || this.mode === "units") return next || this.startsItem(no);
    return SENTENCE_END.test(this.previous) && next;
  }

  private startItem(no: number, text: string, lineNo: number): void {
    this.finish();
    const flags = numberingFlags(no, this.lastNo, this.headingSinceItem);
    if (no === 1 && this.lastNo > 0) this.restarts++;
    this.lastNo = no;
    this.headingSinceItem = false;
    const section = this.headings.find((h) => !h.dash)?.text.match(SECTION_NUMBER)?.[1];
    this.cur = {
      ...(this.annex !== undefined ? { annex: this.annex } : {}),
      no,
      label: this.restarts > 0 && section ? `${section}-${no}` : String(no),
      category: this.headings.map((h) => h.text),
      text: [text],
      units: [],
      line: lineNo,
      lastLine: lineNo,
      flags,
    };
    this.mode = "text";
  }

  /** A line of the item being read: more of its text, or its units after a unit line. `numbered`: it starts with a number read as text. */
  private continueItem(s: string, lineNo: number, numbered: boolean): void {
    const cur = this.cur;
    if (!cur) return;
    cur.lastLine = lineNo;
    if (numbered) cur.flags.push({ code: "number-far-ahead", line: lineNo, start: /^\d+\s*[.．、]/.exec(s)![0], previous: this.lastNo });
    if (UNIT_LINE.test(s)) {
      this.mode = "units";
      cur.units.push(s);
      return;
    }
    (this.mode === "units" ? cur.units : cur.text).push(s);
  }
}

function finishItem(d: Draft): MutableItem {
  const { task, groups } = takeUnitGroups(d.text.join("").trim());
  // Inline groups (each clause's own) and unit lines together: the item's units are their union.
  // Parts are joined by "；" so that a label ends the part before it.
  const unitText = [...groups, joinBrokenUnitLines(d.units.join("\n"))].filter((t) => t).join("；");
  const parsed = parseUnitCell(unitText);
  const names = (list: readonly { name: string }[]) => [...new Set(list.map((u) => u.name))];
  const lead = names(parsed.units);
  const cityLead = names(parsed.city);
  const co = names(parsed.co).filter((u) => !lead.includes(u));
  const flags = [...d.flags];
  if (!task) flags.push({ code: "no-task" });
  if (lead.length === 0) flags.push(cityLead.length ? { code: "city-only" } : { code: "no-unit" });
  for (const u of cityLead) if (/^区/.test(u)) flags.push({ code: "district-unit-as-city", unit: u });
  // 市生态环境局江岸分局 is a district unit: isCityUnit knows the city's branches in the districts.
  for (const u of lead) if (isCityUnit(u)) flags.push({ code: "city-unit-as-district", unit: u });
  return {
    ...(d.annex !== undefined ? { annex: d.annex } : {}),
    no: d.no,
    label: d.label,
    category: d.category,
    task,
    lead,
    cityLead,
    co,
    flags,
    line: d.line,
    lastLine: d.lastLine,
  };
}

/**
 * Takes the inline unit groups out of a task's text: "(责任单位:…)" at its end, or one group after
 * each clause ("任务甲。(市级牵头单位:…;区级牵头单位:…)任务乙。(…)"). Brackets inside a group
 * (区政府办(金融)) are kept with it. Returns the text without the groups, and the groups' contents.
 */
export function takeUnitGroups(text: string): { task: string; groups: string[] } {
  const groups: string[] = [];
  let task = "";
  let rest = Array.from(text);
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (!((ch === "(" || ch === "（") && UNIT_GROUP_START.test(rest.slice(i, i + 16).join("")))) {
      task += ch;
      continue;
    }
    let depth = 0;
    let j = i;
    for (; j < rest.length; j++) {
      if (rest[j] === "(" || rest[j] === "（") depth++;
      else if ((rest[j] === ")" || rest[j] === "）") && --depth === 0) break;
    }
    groups.push(rest.slice(i + 1, j).join("").trim());
    // The clause keeps its own stop (written before or after the group); clauses without one get "；".
    const after = rest.slice(j + 1).join("");
    const stop = /^\s*([。.;；])?\s*/.exec(after)!;
    rest = Array.from(after.slice(stop[0].length));
    i = -1;
    task = task.trimEnd();
    if (task && !/[。.!！?？;；，,：:]$/.test(task)) task += stop[1] ? (stop[1] === "." ? "。" : stop[1] === ";" ? "；" : stop[1]) : rest.length ? "；" : "";
  }
  task = task.trim();
  if (groups.length && task && !/[。.!！?？]$/.test(task)) task = task.replace(/[;；，,：:]$/, "") + "。";
  return { task, groups };
}

/** A unit line broken by the page width continues on the next line without a separator (not a new label). */
function joinBrokenUnitLines(text: string): string {
  return text.replace(new RegExp(`([^、，,；;:：\\n])\\n(?=[^\\n])(?!(${UNIT_LABELS})\\s*[:：])`, "g"), "$1");
}

/** How many items each annex holds, and their runs of numbering (1–143, 四-1–四-41). */
export interface AnnexCount {
  readonly annex?: number;
  readonly count: number;
  readonly runs: readonly { readonly from: string; readonly to: string }[];
}

export function annexCounts(items: readonly NoticeItem[]): AnnexCount[] {
  const out: { annex?: number; count: number; runs: { from: string; to: string }[] }[] = [];
  let prev: NoticeItem | undefined;
  for (const i of items) {
    let group = out[out.length - 1];
    if (!group || group.annex !== i.annex) {
      group = { ...(i.annex !== undefined ? { annex: i.annex } : {}), count: 0, runs: [] };
      out.push(group);
      prev = undefined;
    }
    group.count++;
    const run = group.runs[group.runs.length - 1];
    if (run && prev && i.no === prev.no + 1) run.to = i.label;
    else group.runs.push({ from: i.label, to: i.label });
    prev = i;
  }
  return out;
}

/** Where lines `from`..`to` (1-based, as NoticeItem.line counts them) are in the text: offsets for a selection. */
export function lineSpan(text: string, from: number, to = from): { start: number; end: number } {
  const re = /\r\n|\r|\n/g;
  let line = 1;
  let start = from <= 1 ? 0 : -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (line === to) return { start: Math.max(start, 0), end: m.index };
    line++;
    if (line === from) start = m.index + m[0].length;
  }
  return { start: start < 0 ? text.length : start, end: text.length };
}

/**
 * The title of the plan a notice carries: the first line of its first annex that is neither a
 * heading nor an item (the notice's own first line when it has no annexes).
 */
export function noticeTitle(text: string): string | undefined {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((l) => tidyText(l)).filter((l) => l && !isPageFurniture(l));
  const annex = lines.findIndex(isAnnexMarker);
  for (const l of lines.slice(annex + 1)) {
    if (ITEM_START.test(l) || headingOf(l) || ANNEX.test(l)) break;
    if (l.length >= 6) return l;
  }
  return undefined;
}

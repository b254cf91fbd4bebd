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
  /** Things a person should look at, in Chinese (no units, a number out of sequence …). */
  readonly flags: readonly string[];
  /** 1-based line of the notice where the item starts. */
  readonly line: number;
}

const CN_DIGITS = "一二三四五六七八九十";

/** Lines that belong to the page, not to any task: page numbers, 抄送, 印发, web-site footers. */
export function isPageFurniture(line: string): boolean {
  const s = line.normalize("NFKC").trim();
  return (
    /^[-—–\s]*\d{1,3}[-—–\s]*$/.test(s) ||
    /^第\s*\d+\s*页/.test(s) ||
    /^(共\s*\d+\s*页|\d+\s*\/\s*\d+)$/.test(s) ||
    /^抄送[:：]/.test(s) ||
    /印发$/.test(s) ||
    /版权所有|网站标识码|ICP备|公网安备|主办单位[:：]|联系我们|打印本页|关闭窗口|【字体/.test(s)
  );
}

function headingOf(s: string): { level: number; text: string } | undefined {
  if (new RegExp(`^[${CN_DIGITS}]+、`).test(s)) return { level: 0, text: s };
  if (new RegExp(`^[(（][${CN_DIGITS}]+[)）]`).test(s)) return { level: 1, text: s };
  return undefined;
}

/** Removes the spaces a PDF puts between Chinese characters and figures ("增长 6%左右" → "增长6%左右"). */
export function tidyText(s: string): string {
  const cjk = "\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’《》";
  return s
    .replace(new RegExp(`(?<=[${cjk}])[ \\t]+|[ \\t]+(?=[${cjk}])`, "g"), "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

const UNIT_LINE = /^(市级牵头单位|区级牵头单位|区级责任单位|责任单位|牵头单位|主要责任单位|责任部门)\s*[:：]/;
const INLINE_UNITS = /[(（]\s*((?:市级牵头单位|区级牵头单位|区级责任单位|责任单位|牵头单位|主要责任单位)\s*[:：][^()（）]*)[)）]\s*[。.;；]?\s*$/;
const ITEM_START = /^(\d{1,3})\s*[.．、](?!\d)\s*(.*)$/;
const ANNEX = /^(.*?)附\s*件\s*(\d{1,2})\s*$/;

/** "附件 2" alone, or at the end of a line it was glued to; not the list "附件：1. …" of a notice. */
function isAnnexMarker(line: string): boolean {
  return ANNEX.test(line) && !/附\s*件\s*[:：]/.test(line);
}

interface Draft {
  annex?: number;
  no: number;
  label: string;
  category: string[];
  text: string[];
  units: string[];
  line: number;
  flags: string[];
}

/** Parses the text of a notice into items. Lines before the first 附件 are the notice itself when it has annexes. */
export function parseNotice(text: string): NoticeItem[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const hasAnnex = lines.some((l) => isAnnexMarker(tidyText(l)));
  let inBody = !hasAnnex;
  let annex: number | undefined;
  const headings: string[] = [];
  const items: NoticeItem[] = [];
  let cur: Draft | undefined;
  let mode: "text" | "units" = "text";
  let lastNo = 0;
  let restarts = 0;

  const finish = () => {
    // A bare number with neither text nor units (a line broken off, a stray figure) is no item.
    const item = cur && finishItem(cur);
    if (item && (item.task || item.lead.length || item.cityLead.length || item.co.length)) items.push(item);
    cur = undefined;
    mode = "text";
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    let s = tidyText(raw);
    if (!s || isPageFurniture(s)) continue;
    const annexMatch = isAnnexMarker(s) ? ANNEX.exec(s) : null;
    if (annexMatch) {
      const before = annexMatch[1]!.trim();
      if (before && cur) (mode === "units" ? cur.units : cur.text).push(before);
      finish();
      annex = Number(annexMatch[2]);
      inBody = true;
      headings.length = 0;
      lastNo = 0;
      restarts = 0;
      continue;
    }
    if (!inBody) continue;
    const heading = headingOf(s);
    if (heading) {
      finish();
      headings.length = heading.level;
      headings.push(heading.text.replace(/[(（]共\d+项[)）]$/, ""));
      continue;
    }
    const start = ITEM_START.exec(s);
    if (start && (lastNo === 0 || Number(start[1]) <= lastNo + 5 || Number(start[1]) === 1)) {
      finish();
      const no = Number(start[1]);
      const flags: string[] = [];
      if (no === 1 && lastNo > 0) restarts++;
      else if (lastNo > 0 && no !== lastNo + 1) flags.push(`序号不连续：上一项为 ${lastNo}`);
      else if (lastNo === 0 && no !== 1) flags.push(`序号从 ${no} 开始`);
      lastNo = no;
      const section = headings[0]?.match(new RegExp(`^([${CN_DIGITS}]+)、`))?.[1];
      const label = restarts > 0 && section ? `${section}-${no}` : String(no);
      cur = { ...(annex !== undefined ? { annex } : {}), no, label, category: [...headings], text: [start[2]!], units: [], line: i + 1, flags };
      mode = "text";
      s = "";
      continue;
    }
    if (!cur) continue;
    if (UNIT_LINE.test(s)) {
      mode = "units";
      cur.units.push(s);
      continue;
    }
    (mode === "units" ? cur.units : cur.text).push(s);
  }
  finish();
  return items;
}

function finishItem(d: Draft): NoticeItem {
  let task = d.text.join("").trim();
  let unitText = d.units.join("\n");
  const inline = INLINE_UNITS.exec(task);
  if (inline) {
    unitText = unitText ? `${inline[1]}\n${unitText}` : inline[1]!;
    task = task.slice(0, inline.index).trim();
    if (task && !/[。.!！?？]$/.test(task)) task += "。";
  }
  const parsed = parseUnitCell(joinBrokenUnitLines(unitText));
  const flags = [...d.flags];
  if (!task) flags.push("未写任务内容");
  if (parsed.units.length === 0) flags.push(parsed.city.length ? "只有市级牵头单位，缺少区级责任单位" : "未写责任单位");
  for (const u of parsed.city) if (/^区/.test(u.name)) flags.push(`市级牵头单位中有区级单位“${u.name}”`);
  for (const u of parsed.units) if (isCityUnit(u.name)) flags.push(`区级责任单位中有市级单位“${u.name}”`);
  return {
    ...(d.annex !== undefined ? { annex: d.annex } : {}),
    no: d.no,
    label: d.label,
    category: d.category,
    task,
    lead: parsed.units.map((u) => u.name),
    cityLead: parsed.city.map((u) => u.name),
    co: parsed.co.map((u) => u.name),
    flags,
    line: d.line,
  };
}

/** A unit line broken by the page width continues on the next line without a separator. */
function joinBrokenUnitLines(text: string): string {
  return text.replace(/([^、，,；;:：\n])\n(?=[^\n])/g, "$1");
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

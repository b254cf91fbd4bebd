// The 2019 Jianghan ledger, rebuilt from two PDF-to-text copies:
//  - 001: the progress table (序号 / 工作类目 / 工作任务 / 目标和要求 / 进展情况 / 主要责任部门), as of
//    the end of October, with the unit names after the 2019 reform;
//  - 000: the January plan with 相关责任部门 (co-units), still written with the old names.
// The PDF columns come out as blocks of lines of typical widths: categories ~5 characters, the task
// ~13, progress ~48, units ~5. Those widths, and the plan's known categories, put each line back.

/** The plan's categories (工作类目) and sub-categories (工作任务), as printed in 000. */
export const CATEGORIES = [
  "经济社会发展主要预期目标",
  "围绕军运保障，深耕精致江汉",
  "聚焦经济密度，促进高质量发展",
  "致力改革创新，激发市场活力",
  "立足普惠民生，实现幸福共享",
  "为民办实事",
];
export const SUBCATEGORIES = [
  "高标准抓好环境改善",
  "高水平推进城市管理",
  "高起点提升服务品质",
  "大力发展楼宇经济",
  "聚力发展优势产业",
  "打造“双创”生态升级版",
  "强力推动重点项目",
  "打造政务服务升级版",
  "打造市场环境升级版",
  "努力加强社会保障",
  "繁荣发展社会事业",
  "创新开展社会治理",
];

/** Units named in 000's unit columns (old names), longest first so that tokens match whole. */
export const PLAN_UNITS = [
  "江汉经济开发区", "武汉金融街管委会", "商务区经济发展局", "商务区综合计划局", "商务区规划建设局", "商务区土地管理局",
  "江汉路步行街管理办", "汉口站综管办", "退役军人事务局", "国土规划分局", "行政审批局", "人力资源局", "各相关街道",
  "各相关部门", "各相关单位", "市红会医院", "公安分局", "交通大队", "三恒集团", "房地公司", "各街道", "各部门",
  "商务局", "城管委", "发改委", "建设局", "财政局", "城改办", "经信局", "科技局", "房管局", "文化局", "民政局",
  "教育局", "园林局", "工商局", "卫计委", "统计局", "水务局", "综治办", "环保局", "创治办", "司法局", "金融办",
  "编办", "税务局", "北湖街", "文明办", "工商联", "残联", "安监局", "食药监局", "信访局",
].sort((a, b) => b.length - a.length);

/** Units named in 001's 主要责任部门 column (names after the 2019 reform). */
export const LEAD_UNITS = [
  "发展和改革局", "财政局", "商务局", "建设局", "房管局", "城管执法局", "自然资源和规划分局", "商务区土地管理局", "环保局",
  "水务和湖泊局", "园林局", "交通大队", "文化和旅游局", "科技和经信局", "文明委", "武汉金融街管委会",
  "江汉路步行街区综合服务中心", "江汉经济开发区", "商务区规划建设局", "人力资源局", "城改局", "行政审批局", "统计局",
  "市场监管局", "政法委", "公安分局", "金融办", "工商联", "民政局", "政府办", "残联", "教育局", "卫生健康局", "创治办",
  "应急管理局", "司法局",
];

export interface Jianghan2019Task {
  no: string;
  category: string;
  subcategory: string;
  task: string;
  progress: string;
  lead: string[];
  co: string[];
}

const UNIT_END = /(局|委|办|队|会|院|处|室|部|所|中心|分局|集团|公司|开发区|街道|街)$/;

function width(s: string): number {
  return Array.from(s.trim()).length;
}

/** Joins a wrapped cell's lines: Chinese text wraps without spaces. */
function joinWrapped(lines: readonly string[]): string {
  return lines.map((l) => l.trim()).join("").replace(/\s+/g, "");
}

/** Joins a unit column's wrapped lines into names: 发展和改 / 革局 → 发展和改革局. */
export function joinUnitLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const raw of lines) {
    for (const piece of raw.trim().split(/\s+/)) {
      if (!piece) continue;
      cur += piece;
      if (UNIT_END.test(cur)) {
        out.push(cur);
        cur = "";
      }
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The known category a garbled, wrapped category text stands for (longest shared prefix wins). */
function closest(text: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestLen = 1;
  for (const k of known) {
    let n = 0;
    while (n < k.length && n < text.length && k[n] === text[n]) n++;
    if (n > bestLen) {
      best = k;
      bestLen = n;
    }
  }
  return best;
}

/** Splits a run of category text into the category and sub-category it starts with. */
function splitCategories(text: string): { category?: string; subcategory?: string } {
  const category = closest(text, CATEGORIES);
  let rest = text;
  if (category) {
    // Drop the category's own characters (wrapped or repeated) before the sub-category starts.
    const sub = SUBCATEGORIES.map((s) => ({ s, at: text.indexOf(s.slice(0, 4)) })).filter((x) => x.at >= 0);
    rest = sub.length ? text.slice(Math.min(...sub.map((x) => x.at))) : "";
  }
  const subcategory = rest ? closest(rest, SUBCATEGORIES) : undefined;
  return { ...(category ? { category } : {}), ...(subcategory ? { subcategory } : {}) };
}

/** Splits 001's text into items: a line with the number alone or before the task, or one starting with a space. */
function itemBlocks(text: string): { no?: string; lines: string[] }[] {
  const lines = text.replace(/\r/g, "").split("\n");
  const start = lines.findIndex((l) => /^1$/.test(l.trim()));
  const blocks: { no?: string; lines: string[] }[] = [];
  for (const line of lines.slice(start)) {
    const numbered = /^(\d{1,3})(?:\s+(\S.*))?$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (numbered && Number(numbered[1]) <= 120) {
      // A task on the number line stands in a paragraph of its own (its progress follows at once).
      blocks.push({ no: numbered[1]!, lines: numbered[2] ? [numbered[2], ""] : [] });
    } else if (/^ \S/.test(line) && last?.lines.some((l) => width(l) > 5)) {
      blocks.push({ lines: [line.trim()] });
    } else {
      blocks[blocks.length - 1]?.lines.push(line);
    }
  }
  return blocks;
}

/** Reads the progress table (seed 001) into tasks; co-units come later from the plan. */
export function parseProgressTable(text: string): Jianghan2019Task[] {
  const tasks: Jianghan2019Task[] = [];
  let category = CATEGORIES[0]!;
  let subcategory = "";
  let lastNo = 0;
  for (const block of itemBlocks(text)) {
    const no = block.no ? Number(block.no) : lastNo + 1;
    lastNo = no;
    // Paragraphs: runs of non-blank lines.
    const paras: string[][] = [];
    let cur: string[] = [];
    for (const l of block.lines) {
      if (l.trim()) cur.push(l);
      else if (cur.length) {
        paras.push(cur);
        cur = [];
      }
    }
    if (cur.length) paras.push(cur);
    // The unit column is the run of paragraphs of short lines after the progress text (a wrapped
    // name may be split by a blank line: 城管执法 / 局).
    const hasLong = (upTo: number) => paras.slice(0, upTo).some((p) => p.some((l) => width(l) > 16));
    let unitLines: string[] = [];
    while (paras.length > 1 && paras[paras.length - 1]!.every((l) => width(l) <= 6) && hasLong(paras.length - 1)) {
      unitLines = [...paras.pop()!, ...unitLines];
    }
    // The first lines of a wrapped unit name may end the progress paragraph (…增长6.9%。/ 发展和改).
    const lastPara = paras[paras.length - 1];
    while (lastPara && lastPara.length > 1 && width(lastPara[lastPara.length - 1]!) <= 8) {
      const line = lastPara[lastPara.length - 1]!.trim();
      if (!LEAD_UNITS.some((u) => u.includes(line))) break;
      unitLines = [lastPara.pop()!, ...unitLines];
    }
    const progressStart = paras.findIndex((p) => p.some((l) => width(l) > 16));
    const before = progressStart >= 0 ? paras.slice(0, progressStart) : paras;
    const progressParas = progressStart >= 0 ? paras.slice(progressStart) : [];
    // Before the progress: category lines (≤ 5 wide), then the task's lines.
    const catLines: string[] = [];
    const taskLines: string[] = [];
    for (const p of before) {
      const isCategory = taskLines.length === 0 && p.every((l) => width(l) <= 5) && !/。$/.test(joinWrapped(p));
      (isCategory ? catLines : taskLines).push(...p);
    }
    if (catLines.length) {
      const split = splitCategories(joinWrapped(catLines));
      if (split.category && split.category !== category) {
        category = split.category;
        subcategory = "";
      }
      if (split.subcategory) subcategory = split.subcategory;
      else if (split.category === "为民办实事" || split.category === CATEGORIES[0]) subcategory = "";
    }
    let progress = progressParas.map((p) => joinWrapped(p)).join("\n");
    // A unit written at the end of the progress line ("…已全部完工 园林局").
    if (!unitLines.length) {
      const m = /^(.*\S)\s+(\S{2,10})$/.exec(progressParas.flat().join(" ").trim());
      if (m && UNIT_END.test(m[2]!)) {
        unitLines = [m[2]!];
        progress = joinWrapped([m[1]!]);
      }
    }
    tasks.push({
      no: String(no),
      category,
      subcategory,
      task: joinWrapped(taskLines).replace(/^。/, ""),
      progress,
      lead: joinUnitLines(unitLines),
      co: [],
    });
  }
  return tasks;
}

/** The 2019 reform's renames, old name (as in 000) → new name (as in 001). */
export const RENAMED_2019: Record<string, string> = {
  发改委: "发展和改革局",
  城管委: "城管执法局",
  经信局: "科技和经信局",
  科技局: "科技和经信局",
  工商局: "市场监管局",
  食药监局: "市场监管局",
  卫计委: "卫生健康局",
  文化局: "文化和旅游局",
  国土规划分局: "自然资源和规划分局",
  安监局: "应急管理局",
  水务局: "水务和湖泊局",
  城改办: "城改局",
  综治办: "政法委",
  文明办: "文明委",
};

function fold(s: string): string {
  return s.replace(/\s+/g, "");
}

/**
 * Adds 000's co-units (相关责任部门) to each task: the units listed with the task in the plan that
 * are not its lead units (under their old or new name). They keep the plan's old names.
 */
export function addPlanCoUnits(tasks: Jianghan2019Task[], planText: string): number {
  const lines = planText.replace(/\r/g, "").split("\n").filter((l) => !/工作类目\s+工作任务/.test(l));
  // Where each line starts in the text with all white space removed.
  let flat = "";
  const lineAt: number[] = [];
  for (const l of lines) {
    lineAt.push(flat.length);
    flat += fold(l);
  }
  const lineOf = (pos: number) => {
    let i = 0;
    while (i + 1 < lineAt.length && lineAt[i + 1]! <= pos) i++;
    return i;
  };
  const starts = tasks.map((t) => {
    const key = fold(t.task).slice(0, 10);
    const at = key.length >= 4 ? flat.indexOf(key) : -1;
    return at >= 0 ? lineOf(at) : -1;
  });
  const sorted = [...new Set(starts.filter((s) => s >= 0))].sort((a, b) => a - b);
  let matched = 0;
  tasks.forEach((t, i) => {
    const from = starts[i]!;
    if (from < 0) return;
    matched++;
    const to = sorted.find((s) => s > from) ?? lines.length;
    const found: string[] = [];
    for (let j = from; j < to; j++) {
      const tokens = lines[j]!.trim().split(/\s+/);
      for (const tok of tokens) if (PLAN_UNITS.includes(tok) && !found.includes(tok)) found.push(tok);
    }
    t.co = found.filter((u) => !t.lead.includes(u) && !t.lead.includes(RENAMED_2019[u] ?? "\u0000"));
  });
  return matched;
}

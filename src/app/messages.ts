// Every sentence the product says to a person, in one place: the engine's codes, the hosts' and the
// application layer's, rendered in Chinese or English, for the task pane or the command line (which
// name different ways to fix a thing: the 设置 tab, or an option); then the pane's own words and
// sentences (in the Office language), and the command line's (in Chinese). The official documents
// (通报, 催办单) and the sheets the add-in writes are content, in Chinese, and are made elsewhere.
import { DIRECTORY_SHEET } from "../core/directory";
import { EngineError, type EngineMessage } from "../core/messages";
import { annexCounts, type NoticeFlag, type NoticeItem } from "../core/notice";
import { formatQuarter, parseQuarter, previousQuarter, quarterLabel, quarterShortLabel, reportDue } from "../core/quarter";
import type { SelfTestReport, SelfTestStep, SelfTestStepName } from "./selfTest";
import type { MergeReport, NotAReturnWhy, UnresolvedUnit } from "../core/returns";
import { DEFAULT_MIN_PROGRESS_LENGTH } from "../core/progress";
import { excerpt, isoDate } from "../core/text";
import type { ColumnRole, Finding, FindingKind, Quarter } from "../core/types";
import { HostError, type HostAction, type HostMessage } from "./port";
import type { BulletinClass, ClassReason } from "../core/summary";
import type { DirectorySource } from "./workbook";

// What a host has to tell is the port's (src/app/port.ts: the hosts import nothing from here); named
// from here too.
export type { HostAction, HostMessage } from "./port";

export type Lang = "zh" | "en";
/** Where a sentence is shown: the pane (settings are on the 设置 tab) or the command line (options). */
export type Surface = "pane" | "cli";

/** What the application layer has to tell. */
export type AppMessage =
  /** The sheet named for this run does not exist. */
  | { readonly code: "sheet-not-found"; readonly sheet: string; readonly sheets: readonly string[] }
  /** No sheet of the workbook is a ledger. */
  | { readonly code: "no-ledger-sheet"; readonly sheets: readonly string[] }
  /** The sheet chosen in 设置 is gone; another was checked. */
  | { readonly code: "ledger-setting-missing"; readonly sheet: string }
  /** The active sheet is not the ledger (`why`), so `sheet` was checked. */
  | { readonly code: "ledger-not-active"; readonly active: string; readonly sheet: string; readonly why: "made-by-addin" | "directory" | "not-a-ledger" }
  /** The workbook is a form a unit fills in, not a ledger. */
  | { readonly code: "form-workbook"; readonly unit: string; readonly quarter: string }
  /** A quarter of another year than the ledger's: refused unless the person confirms it. */
  | { readonly code: "quarter-outside-year"; readonly quarter: string; readonly year: number }
  /** A stored setting is not a valid value: the default is used. */
  | { readonly code: "setting-invalid"; readonly key: SettingKey; readonly value: string }
  /** A value entered in 设置 is not valid. */
  | { readonly code: "setting-bad"; readonly key: SettingKey; readonly value: string }
  /** The settings stored in the workbook are not readable at all. */
  | { readonly code: "settings-unreadable" }
  | { readonly code: "notice-empty" }
  | { readonly code: "forms-none"; readonly sheet: string }
  /** A finding's cell no longer holds what was checked. */
  | { readonly code: "finding-stale"; readonly cell: string }
  /** 应用 refused: the cell holds a formula, which the add-in never writes over. */
  | { readonly code: "finding-formula"; readonly cell: string }
  /** A quarter written in a form other than 2026Q3. */
  | { readonly code: "quarter-unreadable"; readonly text: string }
  /** 加入目录 in a workbook without a 部门目录 sheet. */
  | { readonly code: "directory-missing" }
  /** 加入目录 for a name the directory already finds. */
  | { readonly code: "unit-already-listed"; readonly name: string }
  /** 作为别名 of a unit the directory does not list (or lists as abolished). */
  | { readonly code: "alias-target-missing"; readonly name: string }
  /** A chosen file could not be read (the browser's `reason`, when it gives one). */
  | { readonly code: "file-unreadable"; readonly reason: string }
  /**
   * The pane cannot save a download where it runs (Excel for Mac), so `file` was not saved; `kind`
   * says what it is, for what works instead; `canOpen`: the pane opens a form as a new workbook there.
   */
  | { readonly code: "download-unavailable"; readonly file: string; readonly kind: DownloadKind; readonly canOpen: boolean }
  /**
   * The quarter's own progress column (`column`) is wholly empty: every task counts as unreported.
   * `previous`: the latest earlier quarter of the year with progress in its column, to check instead.
   */
  | { readonly code: "quarter-progress-empty"; readonly sheet: string; readonly quarter: string; readonly column: string; readonly previous?: string };

/** What a file the pane hands over is: a 通报, a 催办单 or all of them, a unit's 填报表 or all of them. */
export type DownloadKind = "bulletin" | "reminder" | "reminders" | "form" | "forms";

/** What works where the pane cannot download, by file: the command that makes it, and the pane's own way if it has one. */
const DOWNLOAD_INSTEAD: Record<DownloadKind, { readonly command: string; readonly zh?: string; readonly en?: string }> = {
  bulletin: { command: "duban bulletin" },
  reminder: { command: "duban remind", zh: "催办短信可点“复制”后发出；", en: 'Copy the reminder text with "Copy" and send it; ' },
  reminders: { command: "duban remind", zh: "各单位的催办短信可在“催办”中点“复制”；", en: 'copy each unit\'s reminder text with "Copy" under "Remind"; ' },
  form: { command: "duban split", zh: "可点该单位旁的“打开”，在新窗口中打开填报表后另存；", en: 'use "Open" beside the unit to open its form as a new workbook and save it from there; ' },
  forms: { command: "duban split", zh: "可点各单位旁的“打开”，逐个打开填报表后另存；", en: 'use "Open" beside each unit to open its form as a new workbook and save it from there; ' },
};

export type SettingKey = "ledgerSheet" | "minProgressLength" | "staleSimilarity" | "headerRow" | "columns" | "district" | "issuer" | "docNumber" | "copyTo" | "scoring";

export type Message = EngineMessage | HostMessage | AppMessage;

/** An error of the application layer, with what to tell the person. */
export class AppError extends Error {
  constructor(readonly detail: AppMessage) {
    super(detail.code);
    this.name = "AppError";
  }
}

interface Style {
  readonly lang: Lang;
  readonly surface: Surface;
}

function q(quarterText: string, lang: Lang): string {
  const parsed = parseQuarter(quarterText);
  if (!parsed) return quarterText;
  return lang === "zh" ? quarterLabel(parsed) : `Q${parsed.q} ${parsed.year}`;
}

/** 5、7–9、12 for rows 5, 7, 8, 9, 12 (at most eight runs, then …). */
export function rowRuns(rows: readonly number[], lang: Lang = "zh"): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    runs.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  const sep = lang === "zh" ? "、" : ", ";
  return runs.length > 8 ? `${runs.slice(0, 8).join(sep)}…` : runs.join(sep);
}

const quoted = (xs: readonly string[], lang: Lang) => (lang === "zh" ? xs.map((x) => `“${x}”`).join("、") : xs.map((x) => `"${x}"`).join(", "));

/** What each settable column is called. */
const COLUMN_NAMES: Record<string, readonly [string, string]> = {
  no: ["序号", "No."],
  task: ["任务", "task"],
  lead: ["牵头（责任）单位", "lead units"],
  co: ["配合单位", "co-units"],
  cityLead: ["市级牵头单位", "city lead"],
  deadline: ["完成时限", "deadline"],
  status: ["完成状态", "status"],
  progress: ["进展", "progress"],
  progress1: ["一季度进展", "Q1 progress"],
  progress2: ["二季度进展", "Q2 progress"],
  progress3: ["三季度进展", "Q3 progress"],
  progress4: ["四季度进展", "Q4 progress"],
};

const SETTING_NAMES: Record<SettingKey, readonly [string, string, string]> = {
  ledgerSheet: ["台账工作表", "ledger sheet", "工作表名称"],
  minProgressLength: ["进展少于多少字视为套话", "minimum progress length", "0 到 200 的整数"],
  staleSimilarity: ["与上季度相似到多少视为照抄", "similarity counted as stale", "0 到 1 之间的小数，如 0.9"],
  headerRow: ["表头行", "header row", "正整数（行号）"],
  columns: ["各列的列字母", "column letters", "列字母，如 D"],
  district: ["区（县）名称", "district", "以“区”“县”“市”或“旗”结尾的名称，如“江汉区”"],
  issuer: ["发文机关", "issuing office", "机关名称（一行，40 字以内），如“江汉区人民政府办公室”"],
  docNumber: ["文号", "document number", "一行，40 字以内，如“某区政办〔2026〕1号”"],
  copyTo: ["抄送机关", "copy-to organs", "一行，200 字以内，机关名称之间用“，”分隔、以“。”结尾，如“区委办公室，区人大常委会办公室，区政协办公室。”"],
  scoring: ["评分规则", "scoring rules", "三项分值（报送得分、未报送扣分、套话扣分），各为 0 到 100 的数，最多一位小数"],
};

/** The 评分规则's points by name, as 设置 shows them. */
const SCORE_NAMES: Record<string, string> = { reported: "报送得分", missing: "未报送扣分", placeholder: "套话扣分" };

/** A stored setting's value in words (columns and scoring by their names; anything else as stored). */
function settingValueText(key: string, value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  const names: Record<string, readonly [string, string] | string> = key === "columns" ? COLUMN_NAMES : key === "scoring" ? SCORE_NAMES : {};
  return Object.entries(value)
    .map(([k, v]) => {
      const name = names[k];
      return `${typeof name === "string" ? name : (name?.[0] ?? k)} ${String(v)}`;
    })
    .join("，");
}

const EXCEL_ACTIONS: Record<HostAction, readonly [string, string]> = {
  read: ["读取台账", "Reading the ledger"],
  mark: ["标记台账", "Marking the ledger"],
  clear: ["清除标记", "Clearing the marks"],
  summary: ["生成汇总", "Writing the summary"],
  select: ["定位单元格", "Selecting the cell"],
  "set-text": ["修改单元格", "Changing the cell"],
  "add-sheet": ["添加工作表", "Adding the sheet"],
  write: ["写入台账", "Writing into the ledger"],
  undo: ["撤销写入", "Undoing the write"],
  settings: ["保存设置", "Saving the settings"],
  "open-workbook": ["打开新工作簿", "Opening the new workbook"],
  "self-test": ["兼容性自检", "The compatibility self-test"],
};

/**
 * What Office's error codes mean for the person, and what to do
 * (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * The payload limits are Excel on the web's (5 MB a request, 5 MB a response).
 */
const EXCEL_HINTS: Record<string, readonly [string, string]> = {
  InvalidOperationInCellEditMode: ["Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试。", "Excel is editing a cell: press Enter or Esc, then try again."],
  AccessDenied: ["工作表或工作簿受保护：请先撤销保护后再试。", "The sheet or workbook is protected: unprotect it, then try again."],
  ResponsePayloadSizeLimitExceeded: [
    "要读取的内容超过了 Excel 网页版一次最多传回的 5 MB：请在 Excel 桌面版中打开此工作簿再试，或把台账拆分为几个较小的工作表。",
    "What had to be read is more than the 5 MB Excel on the web returns at once: open the workbook in the Excel desktop app, or split the ledger into smaller sheets.",
  ],
  RequestPayloadSizeLimitExceeded: [
    "要写入的内容超过了 Excel 网页版一次最多接收的 5 MB：请在 Excel 桌面版中打开此工作簿再试，或把台账拆分为几个较小的工作表。",
    "What had to be written is more than the 5 MB Excel on the web takes at once: open the workbook in the Excel desktop app, or split the ledger into smaller sheets.",
  ],
  ApiNotFound: [
    "这个版本的 Excel 不支持督办助手用到的功能：请更新 Office（Microsoft 365，或 Office 2021 及以后的版本）后再试；在此之前可用离线网页版处理 .xlsx 文件。",
    "This version of Excel lacks a feature the add-in uses: update Office (Microsoft 365, or Office 2021 or later); meanwhile use the offline web page with the .xlsx file.",
  ],
  InactiveWorkbook: [
    "打开了多个工作簿，督办助手所在的工作簿现在不是当前窗口：请先点一下这个工作簿的窗口，再重试。",
    "Several workbooks are open and this one is not the active window: click into this workbook's window, then try again.",
  ],
  // The WPS host's own: the active workbook is not the one it read (src/hosts/wps/host.ts), so nothing was written.
  "workbook-changed": [
    "当前窗口已换成另一个工作簿，督办助手没有写入任何内容：请切回刚才检查的工作簿，重新检查后再试。",
    "Another workbook is now the active one, and nothing was written: switch back to the workbook you checked, check it again, then try again.",
  ],
  ItemAlreadyExists: [
    "要添加的工作表或表格已经存在（可能刚被别人或另一个窗口添加）：请重新检查后再试；已有的那张表未被改动。",
    "The sheet or table to add exists already (someone may just have added it): check again, then try again; the existing one was not changed.",
  ],
  ItemNotFound: ["找不到要操作的工作表或单元格：它可能刚被删除或改名，请重新检查。", "The sheet or cell is gone (deleted or renamed?): check again."],
};

function engineText(m: EngineMessage, { lang, surface }: Style): string {
  const zh = lang === "zh";
  switch (m.code) {
    case "sheet-empty":
      return zh
        ? `工作表“${m.sheet}”是空的：请打开台账所在的工作表（应有表头行，如“序号”“目标任务”“责任单位”，和其下的任务行）。`
        : `Sheet "${m.sheet}" is empty: open the ledger's sheet (a header row such as 序号, 目标任务, 责任单位, with task rows below).`;
    case "no-header":
      return zh
        ? `工作表“${m.sheet}”的前 ${m.rows} 行中没有找到台账表头：应有“序号”“目标任务（或工作任务、目标和要求）”“责任单位（或牵头单位、主要责任部门）”等列名。` +
            (surface === "cli" ? "若表头在更靠下的行，请用 --header-row 指定表头行；或在加载项的“设置”页指定各列。" : "若表头在更靠下的行或列名不同，请在“设置”页指定表头行和各列。")
        : `No ledger header in the first ${m.rows} rows of sheet "${m.sheet}": expected column names such as 序号, 目标任务 (or 工作任务, 目标和要求), 责任单位 (or 牵头单位, 主要责任部门). ` +
            (surface === "cli" ? "If the header is further down, give it with --header-row." : "If the header is further down or named otherwise, set the header row and columns in Settings.");
    case "no-task-column":
      return zh
        ? `工作表“${m.sheet}”第 ${m.row} 行的表头中没有任务列：应有“目标任务”“工作任务”“目标和要求”或“责任事项”等列名。`
        : `The header in row ${m.row} of sheet "${m.sheet}" has no task column: expected 目标任务, 工作任务, 目标和要求 or 责任事项.`;
    case "header-row-outside":
      return zh
        ? `${surface === "cli" ? "--header-row 给出" : "设置"}的表头行“${m.row}”不在工作表“${m.sheet}”的 1 到 ${m.rows} 行之内。`
        : `The header row ${m.row} ${surface === "cli" ? "given with --header-row" : "set in Settings"} is not within rows 1 to ${m.rows} of sheet "${m.sheet}".`;
    case "column-key-unknown":
      return zh ? `设置中的列“${m.key}”无法识别：可设置的有 ${m.keys.join("、")}。` : `The column setting "${m.key}" is unknown: the settable ones are ${m.keys.join(", ")}.`;
    case "column-letters-bad": {
      const name = COLUMN_NAMES[m.key] ?? [m.key, m.key];
      return zh ? `设置中“${name[0]}”的列应写成列字母（如 D），收到“${m.letters}”。` : `The ${name[1]} column should be given as column letters (such as D), not "${m.letters}".`;
    }
    case "no-progress-column": {
      const parsed = parseQuarter(m.quarter);
      const short = parsed ? quarterShortLabel(parsed.q) : m.quarter;
      const have = m.columns.length ? (zh ? `（已识别的进展列：${quoted(m.columns, lang)}）` : ` (progress columns found: ${quoted(m.columns, lang)})`) : zh ? "（没有识别到任何进展列）" : " (no progress column found)";
      return zh
        ? `工作表“${m.sheet}”没有${q(m.quarter, lang)}的进展列${have}：请在表头写“${short}进展”，或${surface === "cli" ? "用 --quarter 指定要检查的季度" : "选择另一个季度"}。`
        : `Sheet "${m.sheet}" has no progress column for ${q(m.quarter, lang)}${have}: name a column "${short}进展", or ${surface === "cli" ? "give another quarter with --quarter" : "choose another quarter"}.`;
    }
    case "no-lead-column":
      return zh ? "没有识别到责任单位列（如“责任单位”“牵头单位”“主要责任部门”），未检查单位。" : "No lead-unit column (such as 责任单位, 牵头单位, 主要责任部门): units were not checked.";
    case "no-directory":
      return zh
        ? surface === "cli"
          ? "没有部门目录（工作簿中没有“部门目录”工作表，也未指定 --directory），未核对单位名称。"
          : "没有部门目录（工作簿中没有“部门目录”工作表），未核对单位名称：可在“目录”页根据台账创建。"
        : surface === "cli"
          ? "No directory (no 部门目录 sheet in the workbook and no --directory): unit names were not checked."
          : "No directory (no 部门目录 sheet in the workbook): unit names were not checked. The Directory tab can make one from the ledger.";
    case "hidden-rows":
      return zh
        ? `第 ${rowRuns(m.rows)} 行被隐藏或筛选掉（${m.rows.length} 项任务），已一并检查；定位到这些行之前请先取消筛选或隐藏。`
        : `Rows ${rowRuns(m.rows, lang)} are hidden or filtered out (${m.rows.length} tasks) and were checked too; show them before going to them.`;
    case "unit-column-chosen": {
      const role = { lead: ["牵头（责任）单位", "lead-unit"], co: ["配合单位", "co-unit"], cityLead: ["市级牵头单位", "city-lead"] }[m.role][zh ? 0 : 1];
      const others = m.others.map((o) => {
        const why = [o.hidden ? (zh ? "隐藏列" : "hidden") : "", o.former ? (zh ? "旧名称" : "a former name") : ""].filter(Boolean);
        return zh ? `${o.column} 列“${o.label}”${why.length ? `（${why.join("、")}）` : ""}` : `column ${o.column} "${o.label}"${why.length ? ` (${why.join(", ")})` : ""}`;
      });
      return zh
        ? `有 ${m.others.length + 1} 列可作为${role}列：检查的是 ${m.column} 列“${m.label}”，未用 ${others.join("、")}。若取错了，可在加载项“设置”页指定该列。`
        : `${m.others.length + 1} columns could hold the ${role}s: column ${m.column} "${m.label}" was checked, not ${others.join(", ")}. If that is wrong, set the column in Settings.`;
    }
    case "directory-no-name-column":
      return zh
        ? `部门目录“${m.source}”的前 10 行中没有“单位名称”列：请在表头写“单位名称”，并可加“别名”“曾用名”“类别”“状态”列。`
        : `The directory "${m.source}" has no 单位名称 column in its first 10 rows: name one 单位名称, and optionally 别名, 曾用名, 类别, 状态.`;
    case "directory-duplicate":
      return zh
        ? `部门目录第 ${m.row} 行的单位名称“${m.name}”与第 ${m.first} 行重复：只用第 ${m.first} 行，请删去或合并重复的一行。`
        : `Row ${m.row} of the directory repeats "${m.name}" of row ${m.first}: only row ${m.first} is used; delete or merge the repeat.`;
    case "directory-shared-alias":
      return zh
        ? `别名“${m.alias}”同时属于“${m.owner}”（第 ${m.ownerRow} 行）和“${m.name}”（第 ${m.row} 行）：写作“${m.alias}”的单位无法确定是哪一个，请只在一个单位下保留这个别名。`
        : `The alias "${m.alias}" belongs to both "${m.owner}" (row ${m.ownerRow}) and "${m.name}" (row ${m.row}): a unit written so cannot be told; keep the alias under one unit only.`;
  }
}

/** Why an .xlsx could not be opened, from what the zip and workbook readers (JSZip, ExcelJS) report. */
export type CorruptWhy = "incomplete" | "damaged" | "encrypted" | "contents" | "unknown";

/**
 * The reason a file could not be read, as a code: the readers say it in English, and differently from
 * one version to the next, so only the kinds a person can act on are told apart.
 */
export function corruptWhy(reason: string): CorruptWhy {
  if (/encrypted/i.test(reason)) return "encrypted";
  // The end of the zip is missing: a download or a copy that stopped.
  if (/end of central directory|end of data reached|missing \d+ bytes|unexpected end|truncated/i.test(reason)) return "incomplete";
  // The zip is there, its bytes are wrong.
  if (/corrupted zip|crc32|unexpected signature|size mismatch|compression .* unknown|invalid (block|distance|stored|code|literal)|incorrect header check|multi-volumes/i.test(reason)) return "damaged";
  // A zip whose workbook parts are not what Excel writes: XML that does not parse, parts that are missing.
  if (/^\d+:\d+:|cannot (read|set) propert|is not a function|undefined|xml/i.test(reason)) return "contents";
  return "unknown";
}

const CORRUPT_WHY: Record<CorruptWhy, readonly [string, string]> = {
  incomplete: ["文件不完整（可能没有下载或复制完）。请重新获取原文件后再打开。", "the file is incomplete (a download or copy that stopped?). Get the file again, then open it."],
  damaged: ["文件已损坏（压缩数据校验不通过）。请重新获取原文件；或在 Excel 或 WPS 中打开它，另存为 .xlsx 后再打开。", "the file is damaged (its compressed data does not check out). Get the file again, or open it in Excel or WPS and save it as .xlsx."],
  // An .xlsx with an open password is an encrypted compound file, not a zip (src/hosts/xlsx/cfb.ts): saving it "as .xlsx" again keeps the password.
  encrypted: [
    "文件设有打开密码。请在 Excel 中输入密码打开它，点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存（WPS 中为“文件 → 文档加密”）；然后重新打开。",
    "the file has an open password. Open it in Excel with the password, choose File → Info → Protect Workbook → Encrypt with Password, clear the password and save (in WPS: File → Document Encryption); then open it again.",
  ],
  contents: ["文件中的工作簿内容不完整，或不是 Excel、WPS 保存的格式。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再打开。", "the workbook inside the file is incomplete, or not as Excel or WPS save it. Open it in Excel or WPS, save it as .xlsx, then open it."],
  unknown: ["文件可能已损坏或不完整。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再打开。", "the file may be damaged or incomplete. Open it in Excel or WPS, save it as .xlsx, then open it."],
};

function hostText(m: HostMessage, { lang }: Style): string {
  const zh = lang === "zh";
  switch (m.code) {
    case "sheet-missing":
      return zh ? `找不到工作表“${m.sheet}”：它可能已被删除或改名，请重新检查。` : `Sheet "${m.sheet}" is gone (deleted or renamed?): check again.`;
    case "sheet-exists":
      return zh ? `已有名为“${m.sheet}”的工作表：督办助手不会覆盖它。若要重新生成，请先把它改名或删除。` : `A sheet named "${m.sheet}" exists: it is never overwritten. Rename or delete it to make it again.`;
    case "no-workbook":
      return zh ? "没有打开的工作簿：请先在 WPS 表格中打开台账（.xlsx 或 .et），再点“检查完整性”。" : "No workbook is open: open the ledger first, then run the check.";
    case "excel-failed": {
      const action = EXCEL_ACTIONS[m.action][zh ? 0 : 1];
      const hint = EXCEL_HINTS[m.error]?.[zh ? 0 : 1] ?? (zh ? `请稍后重试；若仍失败，请把错误代码 ${m.error || "未知"} 告诉管理员。` : `Try again later; if it fails again, tell your administrator the error code ${m.error || "(none)"}.`);
      const recovery =
        m.recovery === "clear-marks"
          ? zh ? " 已写上的标记可用“清除标记”恢复原样。" : " Marks already written can be cleared with Clear marks."
          : m.recovery === "undo-merge"
            ? zh ? " 已写入的部分可用“撤销上次合并”恢复原样。" : " What was written can be put back with Undo the last merge."
            : "";
      const removed = m.keptSheet
        ? zh ? `原有的“${m.keptSheet}”保持不变，未写完的新表已删除，请重新生成。` : ` The existing "${m.keptSheet}" is as it was; the unfinished new one was deleted; make it again.`
        : m.removedSheet ? (zh ? `未写完的“${m.removedSheet}”已删除，请重新生成。` : ` The unfinished sheet "${m.removedSheet}" was deleted; make it again.`) : "";
      return zh ? `${action}失败：${hint}${recovery}${removed}` : `${action} failed: ${hint}${recovery}${removed}`;
    }
    case "sheet-protected": {
      const action = EXCEL_ACTIONS[m.action][zh ? 0 : 1];
      return zh
        ? `工作表“${m.sheet}”受保护，${action}会被 Excel 拒绝，因此没有写入任何内容：请在“审阅”选项卡中点“撤销工作表保护”，完成后再重新保护。`
        : `Sheet "${m.sheet}" is protected, so Excel would refuse this (${action.toLowerCase()}); nothing was written. Unprotect it on the Review tab, then protect it again afterwards.`;
    }
    case "workbook-protected":
      return zh
        ? "工作簿的结构受保护（不能添加或删除工作表），督办助手要用的工作表无法添加，因此没有写入任何内容：请在“审阅”选项卡中点“保护工作簿”取消保护后再试。"
        : "The workbook's structure is protected (no sheet can be added or deleted), so the sheet the add-in needs cannot be added; nothing was written. Turn off Protect Workbook on the Review tab, then try again.";
    case "merges-unreadable":
      return zh
        ? `工作表“${m.sheet}”的合并单元格太多，Excel 无法一次列出：本次按未合并处理，合并的类目单元格没有向下填充。`
        : `Sheet "${m.sheet}" has more merged cells than Excel lists at once: it was read as unmerged, so merged category cells were not filled down.`;
    case "file-old-format":
      return zh ? `“${m.name}”是旧版 Excel（.xls）或 WPS 格式：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再打开。` : `"${m.name}" is an old Excel (.xls) or WPS file: save it as an Excel workbook (.xlsx) first.`;
    case "file-not-xlsx":
      return zh ? `“${m.name}”不是 .xlsx 工作簿${m.ext ? `（扩展名为 ${m.ext}）` : ""}：应为用 Excel 或 WPS 保存的 .xlsx 文件。` : `"${m.name}" is not an .xlsx workbook${m.ext ? ` (its extension is ${m.ext})` : ""}: expected an .xlsx file saved by Excel or WPS.`;
    case "file-corrupt": {
      const why = corruptWhy(m.reason);
      const [zhWhy, enWhy] = CORRUPT_WHY[why];
      // The library's own words (in English) only where nothing better can be said, and only in English.
      return zh ? `“${m.name}”无法作为 .xlsx 工作簿打开：${zhWhy}` : `"${m.name}" cannot be opened as an .xlsx workbook: ${enWhy}${why === "unknown" && m.reason ? ` (${m.reason})` : ""}`;
    }
  }
}

function appText(m: AppMessage, { lang, surface }: Style): string {
  const zh = lang === "zh";
  switch (m.code) {
    case "no-ledger-sheet":
      return zh
        ? `本工作簿中没有台账工作表（现有：${m.sheets.length ? quoted(m.sheets, lang) : "无"}）：台账应有表头行，如“序号”“目标任务”“责任单位”。` +
            (surface === "cli" ? "请用 --sheet 指定台账工作表，或用 --header-row 指定表头行。" : "请切换到台账所在的工作表，或在“设置”页选择台账工作表和表头行。")
        : `No sheet of this workbook is a ledger (sheets: ${m.sheets.length ? quoted(m.sheets, lang) : "none"}): a ledger has a header row such as 序号, 目标任务, 责任单位. ` +
            (surface === "cli" ? "Name the sheet with --sheet, or its header row with --header-row." : "Go to the ledger's sheet, or choose it and its header row in Settings.");
    case "sheet-not-found":
      return zh ? `没有名为“${m.sheet}”的工作表；现有工作表：${m.sheets.length ? quoted(m.sheets, lang) : "（无）"}。` : `There is no sheet named "${m.sheet}"; the sheets are ${m.sheets.length ? quoted(m.sheets, lang) : "(none)"}.`;
    case "ledger-setting-missing":
      return zh ? `设置中的台账工作表“${m.sheet}”已不存在（可能已改名或删除），本次检查了另一张工作表；请在“设置”页重新选择。` : `The ledger sheet "${m.sheet}" set in Settings is gone (renamed or deleted?); another sheet was checked. Choose it again in Settings.`;
    case "ledger-not-active": {
      const why = {
        "made-by-addin": ["是督办助手生成的工作表", "was made by the add-in"],
        directory: ["是部门目录", "is the directory"],
        "not-a-ledger": ["不是台账", "is not a ledger"],
      }[m.why][zh ? 0 : 1];
      return zh ? `当前工作表“${m.active}”${why}，检查的是台账工作表“${m.sheet}”。` : `The active sheet "${m.active}" ${why}; the ledger sheet "${m.sheet}" was checked.`;
    }
    case "form-workbook":
      return zh
        ? `这是发给“${m.unit}”的${q(m.quarter, lang)}进展填报表，不是台账：请在“进展”一列填写后交回督办室，由督办室用“合并回报”并入台账。`
        : `This is the ${q(m.quarter, lang)} progress form for "${m.unit}", not a ledger: fill in its progress column and send it back to be merged into the ledger.`;
    case "quarter-outside-year":
      return zh
        ? `${q(m.quarter, lang)}不在台账的年度（${m.year}年）之内：台账里的进展列是${m.year}年的，按${q(m.quarter, lang)}检查会把几乎所有任务算作逾期或未报送。` +
            (surface === "cli" ? `确需如此，请加 --confirm-quarter；否则用 --quarter 指定${m.year}年的季度。` : `确需如此，请确认后再检查；否则请选择${m.year}年的季度。`)
        : `${q(m.quarter, lang)} is outside the ledger's year (${m.year}): its progress columns are for ${m.year}, and checking ${q(m.quarter, lang)} would count almost every task as overdue or unreported. ` +
            (surface === "cli" ? "Add --confirm-quarter if that is what you want." : "Confirm if that is what you want; otherwise choose a quarter of the ledger's year.");
    case "setting-invalid": {
      const [name, en, expected] = SETTING_NAMES[m.key];
      return zh ? `工作簿中保存的设置“${name}”是“${m.value}”，应为${expected}：本次未采用，请在“设置”页改正。` : `The stored setting "${en}" is "${m.value}", which is not valid: it was ignored. Correct it in Settings.`;
    }
    case "setting-bad": {
      const [name, en, expected] = SETTING_NAMES[m.key];
      return zh ? `“${name}”应为${expected}，收到“${m.value}”。` : `"${en}" is not valid: "${m.value}".`;
    }
    case "settings-unreadable":
      return zh ? "工作簿中保存的督办助手设置无法读取（可能被改动过）：本次按默认设置检查，请在“设置”页重新保存。" : "The add-in's settings stored in the workbook cannot be read (edited by hand?): defaults were used. Save them again in Settings.";
    case "notice-empty":
      return zh ? "没有找到编号的任务：通知中的任务应写成“1. 任务内容”，后面一行写“责任单位：……”，或写成“1.任务内容（责任单位：……）”。" : 'No numbered tasks found: a notice writes its tasks as "1. task" followed by "责任单位：…", or "1. task (责任单位：…)".';
    case "forms-none":
      return zh ? `工作表“${m.sheet}”的任务都没有责任单位：请先填写“牵头单位”或“责任单位”列，再分发。` : `No task of sheet "${m.sheet}" has a responsible unit: fill in the lead-unit column first.`;
    case "finding-formula":
      return zh ? `${m.cell} 是公式，督办助手不改写公式：请在公式所引用的单元格中改正单位名称，或把公式换成文字后再应用。` : `${m.cell} holds a formula, which the add-in never writes over: correct the unit's name in the cells the formula refers to, or replace the formula with text, then apply again.`;
    case "finding-stale":
      return zh ? `找不到 ${m.cell} 原来的内容（可能刚被改过）：请重新检查后再试。` : `Cell ${m.cell} no longer holds what was checked (changed?): check again, then try again.`;
    case "quarter-unreadable":
      return zh ? `季度应写成 2026Q3 这样的形式（年份加 Q1 到 Q4），收到“${m.text}”。` : `A quarter is written like 2026Q3 (a year and Q1 to Q4), not "${m.text}".`;
    case "directory-missing":
      return zh ? "本工作簿没有“部门目录”工作表：请先在“目录”页创建目录，再加入单位。" : "This workbook has no 部门目录 sheet: create it on the Directory tab first.";
    case "unit-already-listed":
      return zh ? `“${m.name}”已在部门目录中（可能刚被加入）：请重新检查。` : `"${m.name}" is in the directory already (added just now?): check again.`;
    case "file-unreadable":
      return zh ? `文件读取失败：${m.reason || "未知原因"}。请确认文件没有被其他程序占用后重试。` : `The file could not be read${m.reason ? ` (${m.reason})` : ""}: make sure no other program holds it, then try again.`;
    case "download-unavailable": {
      const { command, ...pane } = DOWNLOAD_INSTEAD[m.kind];
      // A form opens as a new workbook only where Excel has Excel.createWorkbook (ExcelApi 1.8).
      const instead = { command, ...((m.kind === "form" || m.kind === "forms") && !m.canOpen ? {} : pane) };
      return zh
        ? `Excel for Mac 的任务窗格不能下载文件，“${m.file}”没有保存。${instead.zh ?? ""}也可以用离线页（督办助手.html，用 Chrome 或 Edge 打开台账）或命令行（${instead.command}）生成同样的文件。`
        : `Excel for Mac's pane cannot download files: "${m.file}" was not saved. ${instead.en ?? ""}${instead.en ? "or make" : "Make"} the same file with the offline page (督办助手.html, opening the ledger in Chrome or Edge) or the command line (${instead.command}).`;
    }
    case "alias-target-missing":
      return zh ? `部门目录中没有有效的单位“${m.name}”：无法把别名加到它名下，请重新检查。` : `The directory has no active unit "${m.name}" to add the alias to: check again.`;
    case "quarter-progress-empty": {
      const instead = m.previous
        ? zh
          ? surface === "cli" ? `要检查${q(m.previous, lang)}，请用 --quarter ${m.previous}。` : `要检查${q(m.previous, lang)}，可点下面的按钮。`
          : surface === "cli" ? ` To check ${q(m.previous, lang)}, give --quarter ${m.previous}.` : ` To check ${q(m.previous, lang)} instead, use the button below.`
        : "";
      return zh
        ? `工作表“${m.sheet}”的“${m.column}”列全部为空：${q(m.quarter, lang)}的进展可能还没有填报，或选错了季度，因此每项任务都算作未报送。${instead}`
        : `Column "${m.column}" of sheet "${m.sheet}" is wholly empty: the ${q(m.quarter, lang)} progress may not be written yet, or the wrong quarter was chosen, so every task counts as not reported.${instead}`;
    }
  }
}

const ENGINE_CODES = new Set(["sheet-empty", "no-header", "no-task-column", "header-row-outside", "column-key-unknown", "column-letters-bad", "no-progress-column", "no-lead-column", "no-directory", "hidden-rows", "unit-column-chosen", "directory-no-name-column", "directory-duplicate", "directory-shared-alias"]);
const HOST_CODES = new Set(["sheet-missing", "sheet-exists", "no-workbook", "excel-failed", "sheet-protected", "workbook-protected", "merges-unreadable", "file-old-format", "file-not-xlsx", "file-corrupt"]);

/** A message as a sentence. */
export function say(m: Message, lang: Lang = "zh", surface: Surface = "pane"): string {
  const style = { lang, surface };
  if (ENGINE_CODES.has(m.code)) return engineText(m as EngineMessage, style);
  if (HOST_CODES.has(m.code)) return hostText(m as HostMessage, style);
  return appText(m as AppMessage, style);
}

/** The message an error carries, or undefined for an error nobody meant to show. */
export function messageOf(e: unknown): Message | undefined {
  if (e instanceof EngineError) return e.detail;
  if (e instanceof AppError) return e.detail;
  if (e instanceof HostError) return e.detail;
  return undefined;
}

/** What to tell the person about an error: its message, or (for an unexpected error) its text. */
export function problemText(e: unknown, lang: Lang = "zh", surface: Surface = "pane"): string {
  const m = messageOf(e);
  if (m) return say(m, lang, surface);
  return e instanceof Error ? e.message : String(e);
}

/** The finding kinds' names. */
const KIND_NAMES: Record<FindingKind, readonly [string, string]> = {
  "missing-unit": ["未填责任单位", "No responsible unit"],
  "unknown-unit": ["单位不在目录中", "Unit not in the directory"],
  "renamed-unit": ["单位已更名或撤销", "Unit renamed or abolished"],
  "missing-progress": ["未填进展", "No progress"],
  "placeholder-progress": ["进展只有套话", "Placeholder progress"],
  "stale-progress": ["进展与上季度相同", "Same as last quarter"],
  "unquantified-progress": ["进展缺少数据", "Progress without figures"],
  overdue: ["已过完成时限", "Past its deadline"],
  "done-unsupported": ["完成无依据", "Done, nothing to show"],
};

export function kindName(kind: FindingKind, lang: Lang = "zh"): string {
  return KIND_NAMES[kind][lang === "zh" ? 0 : 1];
}

/** How a task is named: by its 序号 when it has one, else by its row. */
export function taskName(taskNo: string, row: number, lang: Lang = "zh"): string {
  if (lang === "zh") return taskNo ? `序号${taskNo}（第${row}行）` : `第${row}行`;
  return taskNo ? `No. ${taskNo} (row ${row})` : `Row ${row}`;
}

function quarterWords(quarter: Quarter | undefined, lang: Lang): { q: string; due: string; prev: string } {
  if (!quarter) return { q: "", due: "", prev: "" };
  const prev = previousQuarter(quarter);
  return lang === "zh"
    ? { q: quarterShortLabel(quarter.q), due: isoDate(reportDue(quarter)), prev: prev ? quarterShortLabel(prev.q) : "上季度" }
    : { q: `Q${quarter.q}`, due: isoDate(reportDue(quarter)), prev: prev ? `Q${prev.q}` : "last quarter" };
}

/**
 * A finding as a sentence. `short` leaves out what the pane shows beside it (the task and the cell):
 * the list reads "序号2-40 · D43" and then only what is wrong and what to do.
 */
export function findingText(f: Finding, lang: Lang = "zh", short = false): string {
  return lang === "zh" ? findingZh(f, short) : findingEn(f, short);
}

function findingZh(f: Finding, short: boolean): string {
  const name = short ? "" : taskName(f.taskNo, f.row);
  const at = short ? "" : `${f.cell} 中的`;
  // A cell that accumulates the quarters: the quarter's part of it is meant.
  const part = f.part ? `（${quarterShortLabel(f.part)}部分）` : "";
  const where = short ? `在此${part}` : `在 ${f.cell}${part} `;
  const v = f.value ?? "";
  const s = f.suggestions ?? [];
  const { q, due, prev } = quarterWords(f.quarter, "zh");
  switch (f.kind) {
    case "missing-unit":
      if (f.cause === "error-value") return `${name}的${f.field === "co" ? "配合单位" : "责任单位"}是错误值“${v}”（公式出错）：请${where}改为写明单位名称。`;
      if (f.cause === "city-only") return `${name}只写了市级单位（${excerpt(v, 30)}），缺少区级责任单位：请${where}写明区级牵头单位。`;
      return `${name}未填写责任单位：请${where}填写牵头单位。`;
    case "unknown-unit":
      if (f.cause === "shared-alias") return `${at}“${v}”是部门目录中几个单位共用的简称（${s.join("、")}）：请写明是哪一个。`;
      return `${at}“${v}”不在部门目录中，${s.length ? `可能是“${s.join("”“")}”。请改正，或把它加入部门目录。` : "请核对名称，或把它加入部门目录。"}`;
    case "renamed-unit":
      if (f.cause === "abolished") return s[0] ? `${at}“${v}”已撤销，职能由“${s[0]}”承接，请改用“${s[0]}”。` : `${at}“${v}”在部门目录中为撤销状态，请改为现在负责的单位。`;
      return `${at}“${v}”已更名为“${s[0] ?? ""}”，请改用现名。`;
    case "missing-progress":
      if (f.cause === "error-value") return `${name}${q}进展是错误值“${v.trim()}”（公式出错），不是进展：请${where}改为填写本季度进展（报送截止 ${due}）。`;
      return `${name}${q}进展未填写：请${where}填写（报送截止 ${due}）。`;
    case "placeholder-progress":
      return `${name}${q}进展只写了“${excerpt(v, 12)}”：请${where}写明本季度具体做了什么、完成多少。`;
    case "stale-progress":
      return `${name}${q}进展与${prev}几乎相同：请${where}写本季度的新进展。`;
    case "unquantified-progress":
      return `${short ? "任务" : `${name}的任务`}有量化目标，${q}进展中却没有任何数字：请${where}写明完成数或完成比例。`;
    case "overdue":
      return `${name}完成时限为 ${f.deadline ?? ""}，已过期但未标记完成：请${where}写明完成情况或未完成的原因。`;
    case "done-unsupported":
      return f.cause === "stale"
        ? `${name}标记为已完成，但${q}进展与上季度几乎相同，看不出完成的依据：请${where}写明何时完成、如何验收、成效如何。`
        : `${name}标记为已完成，但${q}进展${v.trim() ? `只写了“${excerpt(v, 12)}”` : "未填写"}，看不出完成的依据：请${where}写明何时完成、如何验收、成效如何。`;
  }
}

function findingEn(f: Finding, short: boolean): string {
  const name = short ? "" : `${taskName(f.taskNo, f.row, "en")}: `;
  const at = short ? "" : ` in ${f.cell}`;
  const part = f.part ? ` (its Q${f.part} part)` : "";
  const where = short ? `here${part}` : `in ${f.cell}${part}`;
  const v = f.value ?? "";
  const s = f.suggestions ?? [];
  const { q, due, prev } = quarterWords(f.quarter, "en");
  switch (f.kind) {
    case "missing-unit":
      if (f.cause === "error-value") return `${name}the ${f.field === "co" ? "co-unit" : "lead unit"} cell holds the error "${v}" (a broken formula): write the unit's name ${where}.`;
      if (f.cause === "city-only") return `${name}only city units are named (${excerpt(v, 30)}), no district unit: write the district lead unit ${where}.`;
      return `${name}no responsible unit: write the lead unit ${where}.`;
    case "unknown-unit":
      if (f.cause === "shared-alias") return `"${v}"${at} is an alias several units share (${s.join(", ")}): write which one.`;
      return `"${v}"${at} is not in the directory${s.length ? `; perhaps ${s.map((x) => `"${x}"`).join(" or ")}. Correct it, or add it to the directory.` : ". Check the name, or add it to the directory."}`;
    case "renamed-unit":
      if (f.cause === "abolished") return s[0] ? `"${v}"${at} was abolished; "${s[0]}" took over: write "${s[0]}".` : `"${v}"${at} is abolished in the directory: write the unit responsible now.`;
      return `"${v}"${at} was renamed "${s[0] ?? ""}": write its current name.`;
    case "missing-progress":
      if (f.cause === "error-value") return `${name}the ${q} progress is the error "${v.trim()}" (a broken formula): write this quarter's progress ${where} (due ${due}).`;
      return `${name}no ${q} progress: write it ${where} (due ${due}).`;
    case "placeholder-progress":
      return `${name}the ${q} progress only says "${excerpt(v, 12)}": write ${where} what was done this quarter and how much.`;
    case "stale-progress":
      return `${name}the ${q} progress is almost the same as ${prev}'s: write this quarter's progress ${where}.`;
    case "unquantified-progress":
      return `${name}the task has a target with figures, but the ${q} progress has none: write ${where} how much was done.`;
    case "overdue":
      return `${name}the deadline ${f.deadline ?? ""} has passed and the task is not marked done: write ${where} whether it was finished, or why not.`;
    case "done-unsupported":
      return `${name}marked done, but the ${q} progress ${f.cause === "stale" ? "repeats last quarter's" : v.trim() ? `only says "${excerpt(v, 12)}"` : "is blank"}: write ${where} when it was finished, how it was accepted, what it achieved.`;
  }
}

/** The example of progress that passes, in the 填报 hints (a figure done and its share of the target). */
const FILL_EXAMPLE: Both<string> = ["新建城市书房3个，完成年度目标的60%", "3 new city reading rooms, 60% of the year's target"];

/**
 * 填报: what would pass for a finding, in the words of the staff who fill the row (the task and its
 * cell are beside it). Progress kinds say what to write and give an example; a unit's name says what
 * 检查 says of it.
 */
export function fillHint(f: Finding, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  const v = excerpt((f.value ?? "").trim(), 12);
  const { q, due, prev } = quarterWords(f.quarter, lang);
  const example = zh ? `例如“${FILL_EXAMPLE[0]}”` : `e.g. "${FILL_EXAMPLE[1]}"`;
  const whatAndHowMuch = zh ? `请写明本季度做了什么、完成多少，${example}` : `write what was done this quarter and how much, ${example}`;
  switch (f.kind) {
    case "missing-progress":
      if (f.cause === "error-value") return zh ? `进展是错误值“${v}”（公式出错）：${whatAndHowMuch}。` : `The progress is the error "${v}" (a broken formula): ${whatAndHowMuch}.`;
      return zh ? `还没有填写${q}进展：${whatAndHowMuch}（报送截止 ${due}）。` : `No ${q} progress yet: ${whatAndHowMuch} (due ${due}).`;
    case "placeholder-progress":
      return zh ? `“${v}”是套话：${whatAndHowMuch}。` : `"${v}" is a placeholder: ${whatAndHowMuch}.`;
    case "stale-progress":
      return zh ? `与${prev}进展几乎相同：请写本季度新做了什么、完成多少，不要照抄上季度。` : `Almost the same as ${prev}'s progress: write what is new this quarter and how much, not last quarter's text.`;
    case "unquantified-progress":
      return zh ? `任务有量化目标，进展里却没有数字：请写明完成数或完成比例，${example}。` : `The task has a target with figures, the progress has none: write how much was done, ${example}.`;
    case "overdue":
      return zh
        ? `完成时限 ${f.deadline ?? ""} 已过：已完成的，请写明何时完成、成效如何；未完成的，请写明原因和预计完成时间。`
        : `The deadline ${f.deadline ?? ""} has passed: if it is done, write when and what it achieved; if not, why, and when it will be.`;
    case "done-unsupported":
      return zh ? "标为已完成，但进展看不出依据：请写明何时完成、如何验收、成效如何。" : "Marked done, but the progress shows nothing of it: write when it was finished, how it was accepted, what it achieved.";
    default:
      return findingText(f, lang, true);
  }
}

/** How the tasks with no responsible unit are named where units are listed. */
export function noUnitName(lang: Lang = "zh"): string {
  return lang === "zh" ? "（未填责任单位）" : "(no responsible unit)";
}

/** 距报送截止还有 N 天 / 今天报送截止 / 已逾期 N 天, from daysToDue. */
export function dueWords(days: number, lang: Lang = "zh"): string {
  if (lang === "en") return days > 0 ? `${days} day${days === 1 ? "" : "s"} to the due date` : days === 0 ? "due today" : `${-days} day${days === -1 ? "" : "s"} overdue`;
  return days > 0 ? `距报送截止还有 ${days} 天` : days === 0 ? "今天报送截止" : `已逾期 ${-days} 天`;
}

/** A unit's 催办 in a line: 区城管局：未报送 2 项，需完善 1 项 (a count of 0 left out). */
export function reminderLine(r: { readonly unit: string; readonly missing: number; readonly weak: number }, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  const counts = [r.missing ? (zh ? `未报送 ${r.missing} 项` : `${r.missing} not reported`) : "", r.weak ? (zh ? `需完善 ${r.weak} 项` : `${r.weak} to complete`) : ""];
  return `${r.unit}${zh ? "：" : ": "}${counts.filter(Boolean).join(zh ? "，" : ", ")}`;
}

const CLASS_NAMES: Record<BulletinClass, string> = { 已完成: "Done", 超进度: "Ahead", 达进度: "On track", 欠进度: "Behind", 未报送: "Not reported" };

/** A bulletin class (已完成 / 超进度 / 达进度 / 欠进度 / 未报送) as the person reads it. */
export function classLabel(c: BulletinClass, lang: Lang = "zh"): string {
  return lang === "zh" ? c : CLASS_NAMES[c];
}

// ——— Quarters, places, lists ———

/** A quarter as the person reads it: 2026年第三季度, or Q3 2026. */
export function quarterName(quarter: Quarter, lang: Lang = "zh"): string {
  return lang === "zh" ? quarterLabel(quarter) : `Q${quarter.q} ${quarter.year}`;
}

/** A quarter's own progress column as the ledger names it (三季度进展), or what it is in English. */
function progressColumn(quarter: Quarter, lang: Lang): string {
  return lang === "zh" ? `${quarterShortLabel(quarter.q)}进展` : `Q${quarter.q} progress`;
}

/** A task in a list: 序号12, or 第5行 without a 序号 (No. 12, Row 5). */
export function taskShortName(taskNo: string, row: number, lang: Lang = "zh"): string {
  if (lang === "zh") return taskNo ? `序号${taskNo}` : `第${row}行`;
  return taskNo ? `No. ${taskNo}` : `Row ${row}`;
}

/** How a list of names is joined. */
export function listOf(items: readonly string[], lang: Lang = "zh"): string {
  return items.join(lang === "zh" ? "、" : ", ");
}

/** 85.3%, 75%, 100%: one decimal, none when it is zero. */
function percent(x: number): string {
  return `${(x * 100).toFixed(1).replace(/\.0$/, "")}%`;
}

/** How a directory source is named: 本工作簿“部门目录”工作表, or 目录.xlsx / 部门目录. */
export function directorySourceName(source: DirectorySource, lang: Lang = "zh"): string {
  if (source.kind === "file") return `${source.file} / ${source.sheet}`;
  return lang === "zh" ? `本工作簿“${DIRECTORY_SHEET}”工作表` : `the sheet ${DIRECTORY_SHEET} of this workbook`;
}

// ——— A notice read for 导入 ———

/** What to look at in an item of a notice, as a sentence. */
export function noticeFlagText(f: NoticeFlag, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  switch (f.code) {
    case "count-differs":
      return zh ? `“${f.heading}”写明共 ${f.stated} 项，识别到 ${f.found} 项：请核对是否有任务漏读或并入了别的任务` : `"${f.heading}" states ${f.stated} items and ${f.found} were read: check whether a task was missed or run into another`;
    case "restart-without-heading":
      return zh ? "序号重新从 1 开始，但前面没有新的标题或附件：请核对是否漏了“附件”或标题一行" : "The numbering starts again at 1 with no new heading or annex before it: check whether an annex or heading line is missing";
    case "number-repeated":
      return zh ? `序号重复：上一项也是 ${f.previous}` : `Number repeated: the item before is ${f.previous} too`;
    case "number-gap":
      return zh ? `序号不连续：上一项为 ${f.previous}` : `Number out of sequence: the item before is ${f.previous}`;
    case "number-starts-at":
      return zh ? `序号从 ${f.no} 开始` : `The numbering starts at ${f.no}`;
    case "number-far-ahead":
      return zh
        ? `第 ${f.line} 行以“${f.start}”开头，但上一项是 ${f.previous}，相差太大，已当作本项的续行：如是另一项任务，请核对序号`
        : `Line ${f.line} starts with "${f.start}", too far after ${f.previous}, so it was read as part of this item: if it is another task, check its number`;
    case "no-task":
      return zh ? "未写任务内容" : "No task text";
    case "no-unit":
      return zh ? "未写责任单位" : "No responsible unit";
    case "city-only":
      return zh ? "只有市级牵头单位，缺少区级责任单位" : "Only city lead units, no district unit";
    case "district-unit-as-city":
      return zh ? `市级牵头单位中有区级单位“${f.unit}”` : `A district unit among the city lead units: "${f.unit}"`;
    case "city-unit-as-district":
      return zh ? `区级责任单位中有市级单位“${f.unit}”` : `A city unit among the district units: "${f.unit}"`;
  }
}

/** An item's flags in one line (what the 备注 column of an imported ledger holds, in Chinese). */
export function noticeFlagsText(flags: readonly NoticeFlag[], lang: Lang = "zh"): string {
  return flags.map((f) => noticeFlagText(f, lang)).join(lang === "zh" ? "；" : "; ");
}

/** "附件1 143 项（序号 1–143）；附件2 41 项（序号 1–40、42）", or "184 项（…）" without annexes. */
export function annexCountsText(items: readonly NoticeItem[], lang: Lang = "zh"): string {
  const zh = lang === "zh";
  return annexCounts(items)
    .map((a) => {
      const runs = listOf(a.runs.map((r) => (r.from === r.to ? r.from : `${r.from}–${r.to}`)), lang);
      if (zh) return `${a.annex !== undefined ? `附件${a.annex} ` : ""}${a.count} 项（序号 ${runs}）`;
      return `${a.annex !== undefined ? `Annex ${a.annex}: ` : ""}${a.count} item${a.count === 1 ? "" : "s"} (No. ${runs})`;
    })
    .join(zh ? "；" : "; ");
}

/** Where an item of a notice is: 第 12 行 附件1 序号3 (its line in the text, its annex, its number). */
export function noticeItemPlace(item: Pick<NoticeItem, "line" | "annex" | "label">, lang: Lang = "zh"): string {
  if (lang === "zh") return `第 ${item.line} 行 ${item.annex !== undefined ? `附件${item.annex} ` : ""}序号${item.label}`;
  return `Line ${item.line}, ${item.annex !== undefined ? `annex ${item.annex}, ` : ""}No. ${item.label}`;
}

// ——— Why a task is in its class ———

export function classReasonText(r: ClassReason, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  switch (r.code) {
    case "not-reported":
      return zh ? "本季度进展未填写" : "No progress this quarter";
    case "done-unsupported":
      return r.by === "stale" ? (zh ? "标记已完成，但进展与上季度相同" : "Marked done, but the progress is last quarter's") : zh ? "标记已完成，但进展只有套话" : "Marked done, but the progress is only a placeholder";
    case "done":
      return zh ? "已标记完成" : "Marked done";
    case "says-behind":
    case "says-ahead":
      return zh ? `进展中写有“${r.word}”` : `The progress says "${r.word}"`;
    case "overdue":
      return zh ? `完成时限 ${r.deadline} 已过，未标记完成` : `The deadline ${r.deadline} has passed; not marked done`;
    case "placeholder":
      return zh ? "进展只有套话" : "The progress is only a placeholder";
    case "stale":
      return zh ? "进展与上季度相同" : "The progress is last quarter's";
    case "figures": {
      const reached = r.ratio >= 1;
      return zh
        ? `${r.done}为目标${r.target}的${percent(r.ratio)}，时序进度${percent(r.schedule)}${reached ? "，已达全年目标" : ""}`
        : `"${r.done}" is ${percent(r.ratio)} of the target "${r.target}", with ${percent(r.schedule)} of the year gone${reached ? "; the year's target is reached" : ""}`;
    }
    case "unquantified":
      return zh ? "已报送，但缺少数据" : "Reported, without figures";
    case "reported":
      return zh ? "已报送进展" : "Reported";
  }
}

// ——— 分发 and 合并回报 ———

/** Why a unit gets no form yet. */
export function unresolvedWhy(reason: UnresolvedUnit["reason"], lang: Lang = "zh"): string {
  const zh = lang === "zh";
  return reason === "ambiguous" ? (zh ? "是几个单位共用的简称" : "is an alias several units share") : reason === "abolished" ? (zh ? "已撤销，无承接单位" : "was abolished, and no unit took over") : zh ? "不在部门目录中" : "is not in the directory";
}

/** A file chosen as a returned form that is not one, and why. */
export interface NotReturnFile {
  readonly file: string;
  readonly why: NotAReturnWhy | Message | CliMessage;
}

const RETURN_CODES = new Set(["return-unmarked", "return-marker-incomplete", "return-no-column"]);
/** The messages whose sentence names the file already. */
const FILE_CODES = new Set(["file-old-format", "file-not-xlsx", "file-corrupt", "input-missing", "input-is-folder"]);

function notAReturnWhyText(w: NotAReturnWhy, lang: Lang): string {
  const zh = lang === "zh";
  switch (w.code) {
    case "return-unmarked":
      return zh ? "不是督办助手分发的填报表（缺少“进展填报”工作表或其标识）" : "not a form the add-in sent (it has no form sheet, or no mark of one)";
    case "return-marker-incomplete":
      return zh ? "填报表的标识不完整（单位或季度缺失）" : "the form's mark is incomplete (no unit or no quarter)";
    case "return-no-column":
      return zh ? `填报表中找不到“${w.key}”或“${w.progress}”列` : "the form has lost its key column, or its progress column for the quarter";
  }
}

/** Why a file is not a returned form, as a sentence that names the file. */
export function notReturnText(n: NotReturnFile, lang: Lang = "zh", surface: Surface = "pane"): string {
  const { why } = n;
  const text = RETURN_CODES.has(why.code) ? notAReturnWhyText(why as NotAReturnWhy, lang) : CLI_CODES.has(why.code) ? cliText(why as CliMessage) : say(why as Message, lang, surface);
  if (FILE_CODES.has(why.code)) return text;
  return lang === "zh" ? `“${n.file}”：${text}` : `"${n.file}": ${text}`;
}

/** One part of a merge's report: a title and one line per item. */
export interface ReportSection {
  readonly title: string;
  readonly items: readonly string[];
}

/** What a merge found, section by section (the empty ones left out), for the command line and the pane. */
export function mergeReportSections(plan: { readonly report: MergeReport; readonly notReturns: readonly NotReturnFile[]; readonly readiness?: readonly (ReadinessData & { readonly file: string; readonly unit: string })[] }, lang: Lang = "zh", surface: Surface = "pane"): ReportSection[] {
  const { report } = plan;
  const zh = lang === "zh";
  const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}…` : text);
  const at = (row: number, no: string) => (zh ? `第${row}行 序号${no}` : `row ${row}, No. ${no}`);
  const colon = zh ? "：" : ": ";
  const sections: ReportSection[] = [
    { title: zh ? "不是填报表的文件" : "Files that are not forms", items: plan.notReturns.map((n) => notReturnText(n, lang, surface)) },
    { title: zh ? "其他季度的填报表（未合并）" : "Forms of another quarter (not merged)", items: report.otherQuarter.map((o) => `${o.unit}${colon}${zh ? o.quarter : quarterText(o.quarter, lang)}`) },
    { title: zh ? "牵头单位未填报的任务" : "Tasks no lead unit answered", items: report.unanswered.map((u) => `${at(u.row, u.no)}${colon}${cut(u.task, 30)}`) },
    { title: zh ? "多个单位填报不一致（都已保留，按单位标注）" : "Units answered differently (all kept, each labelled)", items: report.conflicts.map((c) => `${at(c.row, c.no)}${colon}${listOf(c.units, lang)}`) },
    { title: zh ? "非责任单位的填报（未合并）" : "Answers from units not responsible (not merged)", items: report.notResponsible.map((n) => `${n.unit}${colon}${at(n.row, n.no)}`) },
    {
      title: zh ? "改动了进展以外的内容（改动未采用）" : "Changes outside the progress (not taken)",
      items: report.editedOutside.map((x) => `${x.unit}${colon}${at(x.row, x.no)}${zh ? `（${listOf(x.fields, lang)}）` : ` (${listOf(x.fields, lang)})`}`),
    },
    { title: zh ? "台账中找不到的行" : "Rows the ledger does not have", items: report.unmatched.map((u) => `${u.unit}${colon}${zh ? `序号${u.no}` : `No. ${u.no}`} ${cut(u.task, 30)}`) },
    { title: zh ? "覆盖了台账原有内容（原内容如下）" : "Text replaced in the ledger (what it was)", items: report.replaced.map((r) => `${r.cell} ${zh ? `序号${r.no}` : `No. ${r.no}`}${colon}${cut(r.old, 40)}`) },
    {
      title: zh ? "配合单位的填报（作为配合情况标注写入，不算牵头单位报送）" : "Co-units' answers (written in as labelled contributions, not as the leads' report)",
      items: (report.contributions ?? []).map((c) => `${c.unit}${colon}${at(c.row, c.no)} ${c.cell}`),
    },
    {
      title: zh ? "同一单位交回多份（采用列表中靠后的一份）" : "Units that returned more than one form (the later one in the list is taken)",
      items: (report.resubmitted ?? []).map((r) => (zh ? `${r.unit}：${r.copies} 份${r.file ? `，采用“${r.file}”` : ""}` : `${r.unit}: ${r.copies} forms${r.file ? `; "${r.file}" taken` : ""}`)),
    },
    {
      title: zh ? "提交前检查（与单位在填报表中看到的相同）" : "Check before sending (as the unit saw it in its form)",
      items: (plan.readiness ?? []).map((r) => {
        const text = readinessText(r, lang);
        return `${zh ? `“${r.file}”（${r.unit}）：` : `"${r.file}" (${r.unit}): `}${text.head}${text.items.length ? `${colon}${text.items.join(zh ? "；" : "; ")}` : ""}`;
      }),
    },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/** A form's 提交前检查 as its data (src/app/readiness.ts): the form's unit, its tasks, those still missing or weak. */
interface ReadinessData {
  readonly tasks: number;
  readonly items: readonly { readonly no: string; readonly row: number; readonly cell: string; readonly kinds: readonly FindingKind[] }[];
}

/** 提交前检查 as a person reads it: ready, or a head line and one line per task (序号12 · I5：未填进展、进展缺少数据). */
export function readinessText(r: ReadinessData, lang: Lang = "zh"): { ready: boolean; head: string; items: string[] } {
  const zh = lang === "zh";
  if (!r.items.length) return { ready: true, head: zh ? "可以保存并交回" : "Ready to save and send back", items: [] };
  return {
    ready: false,
    head: zh ? `${r.tasks} 项任务中还有 ${r.items.length} 项待完善` : `${r.items.length} of ${plural(r.tasks, "task")} still to complete`,
    items: r.items.map((i) => `${taskShortName(i.no, i.row, lang)} · ${i.cell}${zh ? "：" : ": "}${listOf(i.kinds.map((k) => kindName(k, lang)), lang)}`),
  };
}

/** A quarter written 2026Q3, as the person reads it. */
function quarterText(text: string, lang: Lang): string {
  return q(text, lang);
}

/** The label a merge's batch of writes is stored under, in the workbook (in Chinese, as its content is): 合并回报 2026Q1. */
export const mergeBatchLabel = (quarter: Quarter): string => `合并回报 ${formatQuarter(quarter)}`;

/** A stored batch's label as the person reads it: a merge's in English is "the merge of Q1 2026"; another label as stored. */
export function batchLabelText(label: string, lang: Lang = "zh"): string {
  const m = /^合并回报 (\d{4}Q[1-4])$/.exec(label);
  return m && lang === "en" ? `the merge of ${q(m[1]!, lang)}` : label;
}

/** What a merge wrote, in one sentence. */
export function mergedText(plan: { readonly returns: readonly unknown[]; readonly edits: readonly unknown[]; readonly sheet: string; readonly quarter: Quarter }, lang: Lang = "zh"): string {
  return lang === "zh"
    ? `已合并 ${plan.returns.length} 份填报表，写入 ${plan.edits.length} 个单元格（工作表“${plan.sheet}”，${quarterLabel(plan.quarter)}进展）。`
    : `Merged ${plan.returns.length} form${plan.returns.length === 1 ? "" : "s"}, ${plan.edits.length} cell${plan.edits.length === 1 ? "" : "s"} written (sheet "${plan.sheet}", ${quarterName(plan.quarter, lang)} progress).`;
}


// ——— The pane's words ———

/** The pane's labels and hints, each in Chinese and English. */
const WORDS = {
  title: ["督办助手", "Duban"],
  tabCheck: ["检查", "Check"],
  tabSummary: ["汇总", "Summary"],
  tabDirectory: ["目录", "Directory"],
  tabSettings: ["设置", "Settings"],
  tabImport: ["导入", "Import"],
  tabDistribute: ["分发", "Forms"],
  distribute: ["分发填报表", "Forms for the units"],
  distributeHint: ["每个责任单位一份只含本单位任务的表，只有本季度进展一列可填，其余锁定。", "One form per responsible unit with only its tasks; only this quarter's progress is open."],
  makeForms: ["生成填报表", "Make the forms"],
  downloadAll: ["全部下载（.zip）", "Download all (.zip)"],
  download: ["下载", "Download"],
  openForm: ["打开", "Open"],
  openHint: ["“打开”在新窗口中打开该单位的填报表，另存后发出（无法下载时使用，如 Mac 版 Excel）。", "Open shows the form as a new workbook, to save and send (where downloads do not work, as on a Mac)."],
  mergeReturns: ["合并回报", "Merge the returns"],
  mergeHint: ["选择各单位交回的填报表（可多选），先看将写入什么，确认后写入台账；写入后可撤销。", "Choose the returned forms; see what would be written, then write it into the ledger (it can be undone)."],
  chooseReturns: ["选择交回的填报表…", "Choose returned forms…"],
  cancel: ["取消", "Cancel"],
  afterMerge: ["请到“检查”页运行检查完整性，查看仍缺进展的任务。", " Run the check to see the tasks still without progress."],
  reading: ["正在读取…", "Reading…"],
  writing: ["正在写入…", "Writing…"],
  pasteNotice: ["粘贴责任分解方案通知的文字", "Paste the text of the notice"],
  pasteHint: ["从 Word、PDF 或网页复制，整篇粘贴即可；编号的任务和“责任单位”会被识别。", "Copied from Word, a PDF or a web page; numbered tasks and their units are read."],
  createLedger: ["创建台账工作表", "Create the ledger sheet"],
  runCheck: ["检查完整性", "Check completeness"],
  checking: ["正在检查…", "Checking…"],
  clearMarks: ["清除标记", "Clear marks"],
  nothingMarked: ["工作簿中没有督办助手的标记。", "The workbook has no marks of the add-in."],
  useQuarterAnyway: ["仍按此季度", "Use this quarter anyway"],
  noFindings: ["没有发现问题：每项任务都有责任单位和本季度进展。", "No problems: every task has its units and this quarter's progress."],
  quarter: ["季度", "Quarter"],
  makeSummary: ["生成汇总", "Make summary"],
  making: ["正在生成…", "Working…"],
  directoryInUse: ["正在使用的部门目录", "Directory in use"],
  noDirectory: ["本工作簿没有“部门目录”工作表，未核对单位名称。", "This workbook has no 部门目录 sheet; unit names were not checked."],
  makeDirectory: ["创建目录", "Create directory"],
  unknownUnits: ["不在目录中的单位", "Units not in the directory"],
  ledgerSheet: ["台账工作表", "Ledger sheet"],
  activeSheet: ["（自动：当前工作表或第一张台账）", "(automatic: the active sheet, or the first ledger)"],
  minLength: ["进展少于多少字视为套话", "Progress shorter than this is a placeholder"],
  staleSimilarity: ["与上季度相似到多少视为照抄（0–1）", "Similarity to last quarter counted as stale (0–1)"],
  save: ["保存设置", "Save settings"],
  saved: ["设置已保存在工作簿中。", "Settings saved in the workbook."],
  detected: ["识别到的表头和列", "Detected header and columns"],
  headerRow: ["表头行（留空则自动识别）", "Header row (empty: detect)"],
  overrideHint: ["识别有误时，可指定表头行和下列各列的列字母。", "If detection is wrong, set the header row and column letters below."],
  runFirst: ["请先在“检查”中运行检查完整性。", "Run the check first."],
  byKind: ["按类型", "By kind"],
  downloadBulletin: ["下载通报（.docx）", "Download the bulletin (.docx)"],
  district: ["区（县）名称", "District"],
  issuer: ["发文机关", "Issuing office"],
  docNumber: ["文号", "Document number"],
  copyTo: ["抄送机关", "Copy to"],
  copyToHint: [
    "印在通报版记的“抄送”一行；留空则不印。机关之间用“，”分隔、以“。”结尾，用“、”“,”“;”分隔或未加句号的，保存时改正。",
    "Printed in the bulletin's imprint as the organs it is copied to; empty: none. Separate them with commas.",
  ],
  scoring: ["评分（可选）", "Scoring (optional)"],
  scoringHint: ["每项牵头任务报送进展得分、每项未报送扣分、每项只有套话或照抄上季度扣分；留空则不评分。规则印在汇总和通报的排名下。", "Points per led task reported, deducted per task missing and per placeholder or copied progress; empty: no score."],
  scoreReported: ["报送得分", "Reported +"],
  scoreMissing: ["未报送扣分", "Missing −"],
  scorePlaceholder: ["套话扣分", "Placeholder −"],
  documentsHint: ["通报和催办单的落款。留空时区名取自台账标题，发文机关为“某区人民政府办公室”。", "What the bulletin and reminders are signed with. Empty: the district from the ledger's title, and that district's government office."],
  byUnit: ["按单位", "By unit"],
  // 填报
  tabFill: ["填报", "My tasks"],
  fillUnit: ["本单位", "My unit"],
  fillUnitPlaceholder: ["输入单位名称、简称或曾用名", "Type your unit's name or short name"],
  fillNoMatch: ["没有匹配的单位", "No unit matches"],
  fillChooseUnit: ["请先选择本单位：列出本单位本季度的任务和需要完善的进展。", "Choose your unit: its tasks for the quarter are listed, with what to complete."],
  fillIntro1: ["这里列出本单位本季度的任务：先牵头、后配合，每项标出检查发现的问题。", "Your unit's tasks for the quarter: those it leads first, then those it helps with, each with what the check found."],
  fillIntro2: ["点击一项（或用 ↑↓ 选中后按 Enter）跳到它的进展单元格，按下方的提示修改。", "Click a task (or move with ↑↓ and press Enter) to go to its progress cell, and follow the hint under it."],
  fillIntro3: ["只读取，不改动工作簿（按“标记本单位问题”才在单元格上标出）；所选单位只保存在本机。", "Nothing is written into the workbook unless you press Mark my unit's problems; your unit is remembered on this computer only."],
  fillMarkUnit: ["标记本单位问题", "Mark my unit's problems"],
  fillMarkUnitTitle: ["在台账中给本单位有问题的单元格标色并加批注，其他标记不动；可在“检查”页清除标记", "Colour and annotate your unit's cells with problems in the sheet, other marks untouched; clear them on the Check tab"],
  fillIntroDismiss: ["知道了", "Got it"],
  fillReadAgain: ["重新读取", "Read again"],
  fillTasks: ["本单位的任务", "My unit's tasks"],
  fillAsCo: ["配合", "co-unit"],
  fillReported: ["已报送", "Reported"],
  fillCheckBeforeSending: ["提交前检查", "Check before sending"],
} as const;

export type WordKey = keyof typeof WORDS;

/** The pane's words in a language, by key. */
export function words(lang: Lang): (key: WordKey) => string {
  return (key) => WORDS[key][lang === "zh" ? 0 : 1];
}

// ——— The pane's sentences ———

type Both<T> = readonly [zh: T, en: T];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The pane's sentences that carry values, each in Chinese and English. */
const PHRASES = {
  /** "标签：内容" / "Label: text". */
  labelled: [(label: string, text: string) => `${label}：${text}`, (label: string, text: string) => `${label}: ${text}`],
  /** A heading with its count: 未填进展（12）. */
  counted: [(label: string, n: number) => `${label}（${n}）`, (label: string, n: number) => `${label} (${n})`],
  dueLine: [(due: string, words: string) => `报送截止 ${due} · ${words}`, (due: string, words: string) => `Due ${due} · ${words}`],

  // 检查
  unitMarked: [(cells: number, unit: string) => (cells ? `已在 ${cells} 个单元格上标出“${unit}”的问题；改好后可在“检查”页清除标记。` : `“${unit}”没有要标出的问题。`), (cells: number, unit: string) => (cells ? `${unit}'s problems marked on ${plural(cells, "cell")}; clear the marks on the Check tab once mended.` : `${unit} has no problems to mark.`)],
  marksCleared: [(cells: number) => `已清除 ${cells} 个单元格的标记，恢复为原来的样子。`, (cells: number) => `Marks cleared from ${plural(cells, "cell")}, restored as they were.`],
  checkedLine: [
    (sheet: string, headerRow: number, tasks: number, marked: number) => `工作表“${sheet}” · 表头第 ${headerRow} 行 · 任务 ${tasks} 项 · 已在台账上标记 ${marked} 个单元格`,
    (sheet: string, headerRow: number, tasks: number, marked: number) => `Sheet "${sheet}" · header row ${headerRow} · ${plural(tasks, "task")} · ${plural(marked, "cell")} marked on the ledger`,
  ],
  listBy: ["列出方式", "List by"],
  allReminders: [(units: number) => `全部催办单（.zip，${units} 个单位）`, (units: number) => `All reminders (.zip, ${plural(units, "unit")})`],
  moreFindings: [(more: number) => `…… 另有 ${more} 处，已在台账上标出；“按单位”列出全部。`, (more: number) => `… ${more} more, marked on the ledger; "By unit" lists them all.`],
  appliedAll: [
    (kind: string, fixed: number) => `全部应用：已改正 ${fixed} 处（${kind}）。`,
    (kind: string, fixed: number) => `Applied to all: ${fixed} corrected (${kind}).`,
  ],
  applyAllCount: [(fixes: number) => `全部应用（${fixes} 处）`, (fixes: number) => `Apply all (${fixes})`],
  /** What 按类型 counts: each finding once. */
  findingsTotal: [(findings: number) => `共 ${findings} 处问题（每处只计一次）`, (findings: number) => `${plural(findings, "finding")} in all (each counted once)`],
  checkQuarterInstead: [(quarter: Quarter) => `改查${quarterLabel(quarter)}`, (quarter: Quarter) => `Check ${quarterName(quarter, "en")} instead`],
  applyName: [(name: string) => `应用：${name}`, (name: string) => `Apply: ${name}`],
  /** 应用 done: the cell, the name as it was and as it is now. */
  appliedOne: [(cell: string, from: string, to: string) => `${cell}：${from} → ${to}`, (cell: string, from: string, to: string) => `${cell}: ${from} → ${to}`],
  leadUnitIs: [(unit: string) => `牵头：${unit}`, (unit: string) => `Lead: ${unit}`],

  // 按单位
  searchUnits: ["搜索单位（全称、简称或曾用名）、序号、任务或单元格", "Search units (any of their names), numbers, tasks or cells"],
  unit: ["单位", "Unit"],
  allUnits: [(n: number) => `全部单位（${n}）`, (n: number) => `All units (${n})`],
  problem: ["问题", "Problem"],
  allProblems: ["全部问题", "All problems"],
  order: ["排序", "Order"],
  byCount: ["按问题数（牵头在前）", "By count (lead first)"],
  byName: ["按单位名称", "By name"],
  /**
   * What 按单位 counts: the units, the findings (each once, as 按类型 counts them) and, when a finding
   * on a task of several units is listed under each, the entries listed.
   */
  unitsAndFindings: [
    (units: number, findings: number, listed: number = findings) =>
      `${units} 个单位，${findings} 处问题${listed !== findings ? `；涉及几个单位的问题在每个单位下各列一次，共列出 ${listed} 条` : ""}`,
    (units: number, findings: number, listed: number = findings) =>
      `${plural(units, "unit")}, ${plural(findings, "finding")}${listed !== findings ? `; a finding on a task of several units is listed under each: ${plural(listed, "entry", "entries")}` : ""}`,
  ],
  findingsByUnit: ["按单位列出的问题", "Findings by unit"],
  notListed: ["不在目录", "not listed"],
  leadCount: [(n: number) => `牵头 ${n}`, (n: number) => `lead ${n}`],
  coCount: [(n: number) => `配合 ${n}`, (n: number) => `co ${n}`],
  asCoUnit: ["（配合）", " (co-unit)"],

  // 填报
  /** 本单位第三季度 15 项任务：已报送 9 项，待完善 6 项. */
  fillHeading: [
    (q: Quarter["q"], tasks: number, reported: number, pending: number) => `本单位第${quarterShortLabel(q)} ${tasks} 项任务：已报送 ${reported} 项，待完善 ${pending} 项`,
    (q: Quarter["q"], tasks: number, reported: number, pending: number) => `Q${q}: ${plural(tasks, "task")} of your unit, ${reported} reported, ${pending} to complete`,
  ],
  fillNoTasks: [(unit: string, q: Quarter["q"]) => `台账中没有“${unit}”第${quarterShortLabel(q)}的任务：请核对所选的单位。`, (unit: string, q: Quarter["q"]) => `The ledger has no Q${q} tasks of "${unit}": check the unit chosen.`],
  fillFormOf: [(unit: string) => `这是发给“${unit}”的填报表：列出的是本表中的任务。`, (unit: string) => `This is the form sent to "${unit}": its tasks are listed.`],

  // 加入目录
  addedAsAlias: [
    (name: string, of: string, cells: readonly string[]) => `已把“${name}”作为“${of}”的别名写入部门目录（${cells.join("、")}）。`,
    (name: string, of: string, cells: readonly string[]) => `"${name}" added to the directory as an alias of "${of}" (${cells.join(", ")}).`,
  ],
  addedUnit: [(name: string, cells: readonly string[]) => `已把“${name}”加入部门目录（${cells.join("、")}），请补全它的类别。`, (name: string, cells: readonly string[]) => `"${name}" added to the directory (${cells.join(", ")}); fill in its category.`],
  addToDirectory: ["加入目录", "Add to directory"],
  addToDirectoryTitle: [(name: string) => `“${name}”是真实单位：写入部门目录`, (name: string) => `"${name}" is a real unit: add it to the directory`],
  aliasOf: [(of: string) => `作为“${of}”的别名`, (of: string) => `Alias of "${of}"`],
  aliasOfTitle: [(name: string, of: string) => `把“${name}”写入“${of}”的别名`, (name: string, of: string) => `Add "${name}" as an alias of "${of}"`],

  // 催办
  remind: ["催办", "Remind"],
  remindUnit: [(unit: string) => `催办 ${unit}`, (unit: string) => `Remind ${unit}`],
  reminderText: ["催办短信", "Reminder text"],
  copy: ["复制", "Copy"],
  downloadReminder: ["下载催办单（.docx）", "Download (.docx)"],
  copied: [(unit: string) => `已复制给“${unit}”的催办短信。`, (unit: string) => `Copied the reminder for ${unit}.`],
  copiedShort: ["已复制", "Copied"],
  namesToCheck: [
    (names: readonly string[]) => `单位名称待核对：${names.join("、")}。这些名称不在部门目录中，也无法确定是哪个单位，没有生成催办单。请在台账中改正，或在“目录”页加入部门目录。`,
    (names: readonly string[]) => `Names to check: ${names.join(", ")}. They are not in the directory and stand for no clear unit, so no reminder was made for them. Correct them in the ledger, or add them to the directory (Directory tab).`,
  ],
  selfTest: ["兼容性自检", "Compatibility self-test"],
  selfTestHint: [
    "在一张临时工作表上试一遍督办助手用到的每项操作，再删除它，工作簿保持原样。首次安装时请运行一次，并把报告复制发回。",
    "Tries each operation the add-in uses on a scratch sheet, then deletes it; the workbook is left as it was. Run it once after installing, and send the report back.",
  ],
  selfTestReport: ["自检报告", "Self-test report"],
  selfTestCopied: ["已复制自检报告。", "Self-test report copied."],
  noClipboard: ["无法写入剪贴板：请在文本框中全选后按 Ctrl+C 复制。", "The clipboard is not available: select the text and press Ctrl+C."],

  // 目录
  directoryMade: [(units: number) => `已创建“部门目录”工作表（${units} 个单位），请核对单位名称、别名和曾用名。`, (units: number) => `Sheet 部门目录 made (${plural(units, "unit")}): check the names, aliases and former names.`],
  directoryUnits: [(source: string, units: number) => `${source}：${units} 个单位`, (source: string, units: number) => `${source}: ${plural(units, "unit")}`],

  // 汇总
  summaryMade: [(sheet: string, replaced: boolean) => `已${replaced ? "更新" : "生成"}工作表“${sheet}”`, (sheet: string, replaced: boolean) => `${replaced ? "Updated" : "Made"} sheet "${sheet}"`],
  summaryTotals: [
    (tasks: number, reported: number, rate: number, missing: number) => `任务 ${tasks} 项，已报送 ${reported} 项（${(rate * 100).toFixed(1)}%），未报送 ${missing} 项。`,
    (tasks: number, reported: number, rate: number, missing: number) => `${plural(tasks, "task")}, ${reported} reported (${(rate * 100).toFixed(1)}%), ${missing} not reported.`,
  ],
  summaryClasses: [
    (c: Readonly<Record<BulletinClass, number>>) => `已完成 ${c["已完成"]}，超进度 ${c["超进度"]}，达进度 ${c["达进度"]}，欠进度 ${c["欠进度"]}，未报送 ${c["未报送"]}。`,
    (c: Readonly<Record<BulletinClass, number>>) => `Done ${c["已完成"]}, ahead ${c["超进度"]}, on track ${c["达进度"]}, behind ${c["欠进度"]}, not reported ${c["未报送"]}.`,
  ],
  summarySource: [(sheet: string, due: string) => `数据来源：工作表“${sheet}”。报送截止 ${due}。`, (sheet: string, due: string) => `From sheet "${sheet}". Due ${due}.`],
  bulletinDownloaded: [
    (file: string, issuer: string, noDistrict: boolean, noDocNumber: boolean) => {
      const hints = [noDistrict ? "台账标题中没有区名，通报中写作“区”" : "", noDocNumber ? "没有文号" : ""].filter(Boolean);
      return `已下载“${file}”（${issuer}）。${hints.length ? `${hints.join("，")}：可在“设置”页填写。` : ""}`;
    },
    (file: string, issuer: string, noDistrict: boolean, noDocNumber: boolean) => {
      const hints = [noDistrict ? "no district in the ledger's title" : "", noDocNumber ? "no document number" : ""].filter(Boolean);
      return `Downloaded ${file} (${issuer}).${hints.length ? ` ${hints.join("; ")}: set them in Settings.` : ""}`;
    },
  ],

  // 导入
  noticeRead: [(items: number, flagged: number) => `识别到 ${items} 项任务${flagged ? `，其中 ${flagged} 项需要核对` : ""}`, (items: number, flagged: number) => `${plural(items, "task")} read${flagged ? `, ${flagged} to check` : ""}`],
  noticeImported: [(sheet: string, items: number) => `已创建工作表“${sheet}”：${items} 项任务。`, (sheet: string, items: number) => `Sheet "${sheet}" made: ${plural(items, "task")}.`],
  annexPrefix: [(annex: number) => `附件${annex} `, (annex: number) => `Annex ${annex}: `],
  noticeNoUnit: ["（无责任单位）", "(no unit)"],

  // 设置
  columnSetting: [(key: SettableColumn) => `${SETTABLE_COLUMNS[key][0]}列`, (key: SettableColumn) => `${SETTABLE_COLUMNS[key][1]} column`],
  detectedHeader: [(sheet: string, rows: string) => `工作表“${sheet}”，表头在第 ${rows} 行`, (sheet: string, rows: string) => `Sheet "${sheet}", header in row ${rows}`],
  detectedColumn: [
    (column: string, label: string, role: ColumnRole, quarter?: number) => `${column}列“${label}” → ${COLUMN_ROLE_NAMES[role][0]}${quarter ? `（${"一二三四"[quarter - 1]}季度）` : ""}`,
    (column: string, label: string, role: ColumnRole, quarter?: number) => `Column ${column} "${label}" → ${COLUMN_ROLE_NAMES[role][1]}${quarter ? ` (Q${quarter})` : ""}`,
  ],
  districtExample: ["江汉区", "from the ledger's title"],
  issuerExample: ["区人民政府办公室", "the district's government office"],
  docNumberExample: ["如：某区政办〔2026〕1号", "as printed on the bulletin"],
  copyToExample: ["如：区委办公室，区人大常委会办公室，区政协办公室。", "the offices the bulletin is copied to"],

  // 分发 and 合并回报
  unitsCorrected: [(cells: number) => `已在台账中改正 ${cells} 个单元格的单位名称。`, (cells: number) => `Unit names corrected in ${plural(cells, "cell")} of the ledger.`],
  nothingToUndo: ["没有可以撤销的合并。", "There is no merge to undo."],
  mergeUndone: [
    (label: string, restored: number, kept: readonly string[]) =>
      `已撤销“${label}”：${restored} 个单元格恢复原样${kept.length ? `；${kept.length} 个单元格在合并后又被修改过，保留现状（${kept.slice(0, 5).join("、")}${kept.length > 5 ? "…" : ""}）` : ""}。`,
    (label: string, restored: number, kept: readonly string[]) =>
      `Undone "${label}": ${plural(restored, "cell")} put back${kept.length ? `; ${plural(kept.length, "cell")} changed since the merge kept as they are (${kept.slice(0, 5).join(", ")}${kept.length > 5 ? "…" : ""})` : ""}.`,
  ],
  formsMade: [
    (quarter: Quarter, tasks: number, units: number) => `${quarterLabel(quarter)}：${tasks} 项任务，分发给 ${units} 个责任单位。各单位只填写“${progressColumn(quarter, "zh")}”一列。`,
    (quarter: Quarter, tasks: number, units: number) => `${quarterName(quarter, "en")}: ${plural(tasks, "task")} for ${plural(units, "responsible unit")}. Each fills in only its ${progressColumn(quarter, "en")} column.`,
  ],
  formRows: [(rows: number, leads: number) => `${rows} 项（牵头 ${leads}）`, (rows: number, leads: number) => `${plural(rows, "task")} (lead ${leads})`],
  downloadUnit: [(unit: string) => `下载 ${unit}`, (unit: string) => `Download ${unit}`],
  openUnit: [(unit: string) => `打开 ${unit}`, (unit: string) => `Open ${unit}`],
  undoMergeOf: [(label: string, cells: number) => `撤销上次合并（${label}，${cells} 个单元格）`, (label: string, cells: number) => `Undo the last merge (${label}, ${plural(cells, "cell")})`],
  mergePlanned: [
    (units: readonly string[], cells: number) => `${units.length} 份填报表（${units.join("、") || "无"}），将写入 ${cells} 个单元格。`,
    (units: readonly string[], cells: number) => `${plural(units.length, "form")} (${units.join(", ") || "none"}); ${plural(cells, "cell")} to write.`,
  ],
  writeMergeCells: [(cells: number) => `写入台账（${cells} 个单元格）`, (cells: number) => `Write into the ledger (${plural(cells, "cell")})`],
  unresolvedUnits: [
    (n: number) => `部门目录中找不到 ${n} 个单位，暂未为其生成填报表（这些任务发不出去）：请改为目录中的名称，或确认是真实单位后再生成。`,
    (n: number) => `The directory has no ${plural(n, "unit")} of these: no form was made for them (their tasks cannot be sent). Correct each to a directory name, or confirm it is a real unit.`,
  ],
  unassignedTasks: [
    (tasks: readonly string[]) => `${tasks.length} 项任务没有责任单位，未分发：${tasks.join("、")}`,
    (tasks: readonly string[]) => `${plural(tasks.length, "task")} with no responsible unit, not sent: ${tasks.join(", ")}`,
  ],
  unresolvedUnit: [
    (name: string, why: string, cells: readonly string[], places: number) => `“${name}”${why}，写在 ${cells.slice(0, 4).join("、")}${places > 4 ? ` 等 ${places} 处` : ""}`,
    (name: string, why: string, cells: readonly string[], places: number) => `"${name}" ${why}; written in ${cells.slice(0, 4).join(", ")}${places > 4 ? ` and more (${places} places)` : ""}`,
  ],
  changeTo: [(name: string) => `改为：${name}`, (name: string) => `Change to: ${name}`],
  includeAnyway: ["是真实单位，仍生成", "A real unit: make its form"],
  applyAllFirst: ["全部应用（改为第一个建议）", "Apply all (the first suggestion)"],
  sectionHead: [(title: string, n: number) => `【${title}】${n} 项`, (title: string, n: number) => `${title}: ${n}`],
  moreItems: [(n: number) => `…另有 ${n} 项`, (n: number) => `… ${n} more`],
} satisfies Record<string, Both<string> | Both<(...args: never[]) => string>>;

/** The columns a person may set by letter in 设置, in the order shown. */
export const SETTABLE_COLUMN_KEYS = ["task", "lead", "co", "deadline", "progress1", "progress2", "progress3", "progress4"] as const;
export type SettableColumn = (typeof SETTABLE_COLUMN_KEYS)[number];

const SETTABLE_COLUMNS: Record<SettableColumn, Both<string>> = {
  task: ["任务", "Task"],
  lead: ["牵头单位", "Lead unit"],
  co: ["配合单位", "Co-unit"],
  deadline: ["完成时限", "Deadline"],
  progress1: ["一季度进展", "Q1 progress"],
  progress2: ["二季度进展", "Q2 progress"],
  progress3: ["三季度进展", "Q3 progress"],
  progress4: ["四季度进展", "Q4 progress"],
};

/** What each column role is called. */
const COLUMN_ROLE_NAMES: Record<ColumnRole, Both<string>> = {
  no: ["序号", "No."],
  category: ["类目", "category"],
  subcategory: ["工作任务（类目）", "sub-category"],
  task: ["任务", "task"],
  lead: ["牵头（责任）单位", "lead units"],
  co: ["配合单位", "co-units"],
  cityLead: ["市级牵头单位", "city lead"],
  deadline: ["完成时限", "deadline"],
  progress: ["进展", "progress"],
  status: ["完成状态", "status"],
  note: ["备注", "note"],
};

/** The pane's sentences in one language: a string, or a function of the values the sentence carries. */
export type PaneText = { readonly [K in keyof typeof PHRASES]: (typeof PHRASES)[K][0] };

export function paneText(lang: Lang): PaneText {
  const i = lang === "zh" ? 0 : 1;
  return Object.fromEntries(Object.entries(PHRASES).map(([k, v]) => [k, v[i]])) as PaneText;
}

// ——— The preview and the offline page ———

/** The page around the pane (the preview, the offline page): its toolbar and its grid, in Chinese and English. */
const PAGE_TEXT = {
  previewTitle: ["督办助手 · 预览", "Duban · preview"],
  offlineTitle: ["督办助手", "Duban"],
  openFile: ["打开文件", "Open a file"],
  chooseWorkbook: ["选择工作簿", "Choose a workbook"],
  openExample: ["打开示例台账", "Open the example ledger"],
  download: ["下载", "Download"],
  privacy: ["文件只在本机浏览器中打开，不会上传。", "The file is opened in this browser only; nothing is uploaded."],
  empty: ["请点“打开文件”，选择本机的台账（.xlsx）；或点“打开示例台账”，先看看 2019 年江汉区的示例。", "Open a file to choose a ledger (.xlsx) on this computer, or open the example ledger (Jianghan district, 2019) to look around first."],
  language: ["语言", "Language"],
  sheets: ["工作表", "Sheets"],
  goTo: [(place: string) => `转到 ${place}`, (place: string) => `Go to ${place}`],
  cellEditor: [(cell: string) => `编辑 ${cell}`, (cell: string) => `Edit ${cell}`],
  exampleUnreadable: [(status: number) => `示例台账读取失败（${status}）`, (status: number) => `The example ledger could not be read (${status})`],
} satisfies Record<string, Both<string> | Both<(...args: never[]) => string>>;

export type PageText = { readonly [K in keyof typeof PAGE_TEXT]: (typeof PAGE_TEXT)[K][0] };

export function pageText(lang: Lang): PageText {
  const i = lang === "zh" ? 0 : 1;
  return Object.fromEntries(Object.entries(PAGE_TEXT).map(([k, v]) => [k, v[i]])) as PageText;
}

/** The languages a page offers, each named in itself. */
export const LANGUAGES: readonly { readonly lang: Lang; readonly name: string }[] = [
  { lang: "zh", name: "中文" },
  { lang: "en", name: "English" },
];

// ——— The command line's sentences (in Chinese) ———

/** What the `duban` command prints for `--help`, and after a mistake in its arguments. */
export const CLI_USAGE = `督办助手命令行

用法：
  duban check BOOK.xlsx [--sheet 工作表] [--directory 目录.xlsx] [--quarter 2026Q3] [--json]
      检查台账：责任单位是否规范、本季度进展是否齐全。
      退出码：0 没有问题，1 发现问题，2 输入有误。
  duban summary BOOK.xlsx [--quarter 2026Q3] -o 输出.xlsx [--directory 目录.xlsx] [--in-place]
      生成季度汇总工作表（含通报草稿），并在台账上标出缺报和有问题的单元格。
  duban clear BOOK.xlsx -o 输出.xlsx [--in-place]
      清除督办助手的标记，恢复单元格原来的填充和批注。
  duban directory BOOK.xlsx -o 目录.xlsx [--sheet 工作表]
      根据台账中出现的单位，生成一份“部门目录”草稿供人工核对。
  duban import 通知.txt -o 台账.xlsx [--json]
      把责任分解方案通知的文字（从 Word、PDF 或网页复制）转成台账。
  duban split BOOK.xlsx [--quarter 2026Q1] -o 文件夹/ [--include-unknown 单位]
      为每个责任单位生成一份只含其任务的填报表（只有本季度进展一列可填）。
      部门目录中找不到的单位先列出（附建议），确认是真实单位后用 --include-unknown 为其生成。
  duban merge BOOK.xlsx 回报1.xlsx 回报2.xlsx … [--quarter 2026Q1] -o 合并.xlsx [--in-place]
      把各单位交回的填报表合并进台账，并列出需要核对的地方（完整清单写入输出工作簿）。
  duban remind BOOK.xlsx [--quarter 2026Q3] -o 文件夹/
      为每个有未报送或进展需完善任务的牵头单位写一份催办单（.docx），并把各单位的催办短信写入“催办短信.txt”。
  duban bulletin BOOK.xlsx [--quarter 2026Q3] -o 通报.docx
      写出本季度的通报（公文格式 .docx：发文机关、文号、排名、需补报事项）；发文机关、区名和文号在加载项“设置”页设定。
  duban settings BOOK.xlsx [--json]
      显示工作簿中保存的督办助手设置（加载项“设置”页保存的台账工作表、表头行、各列等）。

选项：
  --sheet NAME        台账工作表（默认：设置中选定的，否则当前工作表，否则第一张有台账表头的工作表）
  --directory FILE    部门目录工作簿（默认：本工作簿中的“部门目录”工作表）
  --quarter 2026Q3    季度（默认：上次检查或汇总的季度；没有记录时为台账年度中最近一个已结束的季度，往年的台账为其第四季度）
  --confirm-quarter   确认使用台账年度以外的季度
  --include-unknown U split：确认“U”是真实单位（部门目录中没有），也为它生成填报表；可重复
  --min-length N      进展少于 N 个字视为套话（默认 ${DEFAULT_MIN_PROGRESS_LENGTH}，或工作簿设置中的值）
  --header-row N      表头所在行（自动识别有误时指定）
  --json              输出一个 JSON 对象，供其他程序使用（出错时也是，含 error.code 和 error.message）
  -o, --output FILE   输出文件（summary、clear、directory、import、merge、bulletin）或文件夹（split、remind）；原文件不变
  --in-place          summary、clear、merge 直接改写原文件（全部完成后才替换原文件）
  --today YYYY-MM-DD  以该日期计算默认季度（用于复现结果）
  -h, --help          显示本说明
`;

/** Parts of a workbook that the command line cannot write back (ExcelJS drops them). */
export type XlsxPart = "charts" | "chartsheets" | "pivot-tables" | "vba" | "slicers" | "timelines" | "controls" | "external-links" | "threaded-comments" | "data-model" | "shapes";

const XLSX_PARTS: Record<XlsxPart, string> = {
  charts: "图表",
  chartsheets: "图表工作表",
  "pivot-tables": "数据透视表",
  vba: "宏（VBA）",
  slicers: "切片器",
  timelines: "日程表",
  controls: "表单控件",
  "external-links": "外部链接",
  "threaded-comments": "批注（新版）",
  "data-model": "数据模型",
  shapes: "形状和文本框",
};

/** What a written file lacks that the command line could not put back: a sheet's filter, its cells typed as text ('01), its data validations (dropdowns). */
export interface LostOnWrite {
  readonly sheet: string;
  readonly what: "filter" | "text-prefix" | "validations";
}

const lostText = (l: LostOnWrite) =>
  l.what === "filter" ? `工作表“${l.sheet}”的筛选条件` : l.what === "validations" ? `工作表“${l.sheet}”的数据验证（下拉列表等）` : `工作表“${l.sheet}”中以撇号（'）标为文本的单元格`;

/** A mistake in what the command line was given, or a file it cannot use. */
export type CliMessage =
  | { readonly code: "usage-bad"; readonly reason: string }
  | { readonly code: "command-unknown"; readonly command: string; readonly commands: readonly string[] }
  | { readonly code: "book-needed"; readonly command: string }
  | { readonly code: "extra-arguments"; readonly args: readonly string[] }
  | { readonly code: "input-missing"; readonly file: string }
  | { readonly code: "input-is-folder"; readonly file: string }
  | { readonly code: "today-bad"; readonly text: string }
  | { readonly code: "min-length-bad"; readonly text: string }
  | { readonly code: "header-row-bad"; readonly text: string }
  | { readonly code: "directory-file-empty"; readonly file: string }
  | { readonly code: "output-and-in-place" }
  /** A command that changes a workbook (summary, clear, merge), without -o or --in-place. */
  | { readonly code: "output-or-in-place"; readonly command: string }
  | { readonly code: "output-is-input-in-place" }
  /** A command that makes a new file (directory, import, bulletin), without -o. */
  | { readonly code: "output-needed"; readonly command: string }
  | { readonly code: "output-is-input" }
  | { readonly code: "write-failed"; readonly file: string; readonly reason: string; readonly existed: boolean }
  | { readonly code: "parts-would-be-lost"; readonly file: string; readonly parts: readonly XlsxPart[] }
  | { readonly code: "notice-not-text"; readonly file: string }
  /** A command that writes a folder (split, remind), without -o. */
  | { readonly code: "folder-needed"; readonly command: string }
  | { readonly code: "output-is-file"; readonly command: string; readonly dir: string }
  | { readonly code: "returns-needed" }
  | { readonly code: "bulletin-not-docx"; readonly file: string };

const CLI_CODES = new Set([
  "usage-bad", "command-unknown", "book-needed", "extra-arguments", "input-missing", "input-is-folder", "today-bad", "min-length-bad", "header-row-bad", "directory-file-empty",
  "output-and-in-place", "output-or-in-place", "output-is-input-in-place", "output-needed", "output-is-input", "write-failed", "parts-would-be-lost", "notice-not-text",
  "folder-needed", "output-is-file", "returns-needed", "bulletin-not-docx",
]);

/** What a command's output is called in its example (台账-汇总.xlsx), and the examples of the commands that write new files. */
const CLI_OUTPUT_NAMES: Readonly<Record<string, string>> = { summary: "汇总", clear: "已清除", merge: "合并" };
const CLI_EXAMPLES: Readonly<Record<string, string>> = {
  directory: "duban directory 台账.xlsx -o 部门目录.xlsx",
  import: "duban import 通知.txt -o 台账.xlsx；或用 --json 只显示识别结果",
  bulletin: "duban bulletin 台账.xlsx --quarter 2026Q3 -o 通报.docx",
  split: "duban split 台账.xlsx --quarter 2026Q1 -o 分发/",
  remind: "duban remind 台账.xlsx --quarter 2026Q3 -o 催办/",
};

/** A mistake the command line was given, as a sentence. */
export function cliText(m: CliMessage): string {
  switch (m.code) {
    case "usage-bad":
      return `参数有误：${m.reason}\n\n${CLI_USAGE}`;
    case "command-unknown":
      return `未知命令“${m.command}”：可用的命令是 ${m.commands.join("、")}。\n\n${CLI_USAGE}`;
    case "book-needed":
      return m.command === "import" ? "import 命令需要一个通知的文本文件，例如：duban import 通知.txt -o 台账.xlsx" : `${m.command} 命令需要一个 .xlsx 台账文件，例如：duban ${m.command} 台账.xlsx`;
    case "extra-arguments":
      return `多余的参数：${m.args.join(" ")}。一次只处理一个工作簿。`;
    case "input-missing":
      return `找不到文件“${m.file}”：请检查路径和文件名。`;
    case "input-is-folder":
      return `“${m.file}”是文件夹，应为 .xlsx 工作簿文件。`;
    case "today-bad":
      return `--today 应为 YYYY-MM-DD 格式的日期，收到“${m.text}”。`;
    case "min-length-bad":
      return `--min-length 应为 0 到 200 之间的整数（进展少于这么多字视为套话），收到“${m.text}”。`;
    case "header-row-bad":
      return `--header-row 应为表头所在的行号（正整数），收到“${m.text}”。`;
    case "directory-file-empty":
      return `部门目录文件“${m.file}”中没有工作表。`;
    case "output-and-in-place":
      return "-o 和 --in-place 只能选一个：-o 写到新文件，--in-place 改写原文件。";
    case "output-or-in-place":
      return `${m.command} 命令需要 -o 指定输出文件（原文件不变），或用 --in-place 改写原文件，例如：duban ${m.command} 台账.xlsx -o 台账-${CLI_OUTPUT_NAMES[m.command] ?? m.command}.xlsx`;
    case "output-is-input-in-place":
      return "-o 与输入文件相同：若要改写原文件，请用 --in-place。";
    case "output-needed":
      return `需要 -o 指定输出文件，例如：${CLI_EXAMPLES[m.command] ?? `duban ${m.command}`}`;
    case "output-is-input":
      return "输出文件不能与输入的台账相同：命令行从不改写输入文件，请用 -o 指定另一个文件名。";
    case "write-failed":
      return `写入“${m.file}”失败（${m.reason}）：${m.existed ? "原文件未改动" : "没有写出文件"}。请检查磁盘空间和写入权限后重试。`;
    case "parts-would-be-lost":
      return `“${m.file}”含有${m.parts.map((p) => XLSX_PARTS[p]).join("、")}，命令行改写时无法保留：请改用 -o 写到新文件，或在 Excel 中使用督办助手加载项。原文件未改动。`;
    case "notice-not-text":
      return `“${m.file}”是 .xlsx 或 .docx 文件：请把通知的文字复制到纯文本文件（.txt）中再导入。`;
    case "folder-needed":
      return `${m.command} 命令需要 -o 指定输出文件夹，例如：${CLI_EXAMPLES[m.command] ?? `duban ${m.command}`}`;
    case "output-is-file":
      return `“${m.dir}”是文件：${m.command} 命令的 -o 应为文件夹（每个单位一份催办单）。`;
    case "returns-needed":
      return "merge 命令需要各单位交回的填报表，例如：duban merge 台账.xlsx 回报1.xlsx 回报2.xlsx --quarter 2026Q1 -o 合并.xlsx";
    case "bulletin-not-docx":
      return `通报是 Word 文档：-o 应为 .docx 文件，例如“通报.docx”，收到“${m.file}”。`;
  }
}

/** What the command line reports as it goes, in Chinese. */
export const cliSays = {
  error: (text: string) => `错误：${text}`,
  hint: (text: string) => `提示：${text}`,
  summaryMade: (sheet: string, replaced: boolean, t: { tasks: number; reported: number; rate: number; missing: number }, ledger: string, marked: number, out: string) =>
    `已${replaced ? "更新" : "生成"}工作表“${sheet}”：${t.tasks} 项任务，已报送 ${t.reported} 项（${(t.rate * 100).toFixed(1)}%），未报送 ${t.missing} 项；` + `在“${ledger}”上标记了 ${marked} 个单元格 → ${out}`,
  clearHint: "标记可用 duban clear 清除，恢复单元格原来的样子。",
  cleared: (cells: number, out: string) => (cells ? `已清除 ${cells} 个单元格的标记，恢复为原来的填充和批注 → ${out}` : `没有督办助手的标记需要清除 → ${out}`),
  partsDropped: (parts: readonly XlsxPart[]) => `注意：原工作簿中的${parts.map((p) => XLSX_PARTS[p]).join("、")}无法由命令行带到新文件中；原文件未改动，仍保留这些内容。`,
  lostOnWrite: (lost: readonly LostOnWrite[]) => `注意：${lost.map(lostText).join("、")}无法由命令行保留到写出的文件中。`,
  directoryDraft: (sheet: string, tasks: number, units: number, out: string) => `已根据“${sheet}”中的 ${tasks} 项任务生成部门目录草稿：${units} 个单位 → ${out}`,
  directoryCheck: "请人工核对：确认“单位名称”为规范全称，把简称放入“别名”，把更名前的名称放入“曾用名”。",
  imported: (file: string, items: number, out: string, sheet: string) => `已从“${file}”识别 ${items} 项任务 → ${out}（工作表“${sheet}”）`,
  importCounts: (items: readonly NoticeItem[]) => `任务数：${annexCountsText(items)}`,
  importFlagged: (n: number) => `其中 ${n} 项需要核对（已写入“备注”列）：`,
  importFlag: (item: NoticeItem) => `  ${noticeItemPlace(item)}：${noticeFlagsText(item.flags)}`,
  unresolvedHead: (n: number) => `【部门目录中找不到的单位】${n} 个，未生成填报表（这些任务发不出去）：`,
  unresolvedUnit: (u: UnresolvedUnit) => {
    const where = u.places.slice(0, 5).map((p) => `${p.cell}${p.no ? `（序号${p.no}）` : ""}`).join("、") + (u.places.length > 5 ? ` 等 ${u.places.length} 处` : "");
    return `  “${u.name}”${unresolvedWhy(u.reason)}，写在 ${where}${u.suggestions.length ? `；可能是“${u.suggestions.join("”“")}”` : ""}`;
  },
  unresolvedFix: "  请先在台账中改正这些单位名称（duban check 会给出建议），或确认是真实单位后加 --include-unknown 单位名称 重新生成。",
  /** In the pane's words (分发). */
  unassignedTasks: (tasks: readonly { readonly no: string; readonly row: number }[]) => paneText("zh").unassignedTasks(tasks.map((t) => taskShortName(t.no, t.row))),
  formsWritten: (units: number, quarter: Quarter, sheet: string, tasks: number, dir: string) => `已为 ${units} 个责任单位生成${quarterLabel(quarter)}填报表（工作表“${sheet}”，${tasks} 项任务）→ ${dir}`,
  formsNext: "各单位只需填写“进展”一列；交回后用 duban merge 合并进台账。",
  nothingToRemind: (quarter: Quarter) => `${quarterLabel(quarter)}没有需要催办的单位：各牵头单位的任务都已报送进展，且没有需要完善的进展。`,
  remindersWritten: (units: number, quarter: Quarter, sheet: string, dir: string) => `已为 ${units} 个单位写出${quarterLabel(quarter)}催办单（工作表“${sheet}”）→ ${dir}`,
  reminderMade: (line: string, file: string) => `  ${line} → ${file}`,
  moreUnits: (n: number) => `  …… 另有 ${n} 个单位`,
  reminderTexts: (file: string) => `各单位的催办短信在“${file}”中，可直接复制发送。`,
  namesToCheck: (names: readonly string[], file: string) => `${names.length} 个单位名称不在部门目录中，也无法确定是哪个单位，未生成催办单：${names.slice(0, 8).join("、")}${names.length > 8 ? "等" : ""}。请在台账中改正或加入部门目录，见“${file}”。`,
  reminderTextsFile: "催办短信.txt",
  merged: (text: string, out: string) => `${text.replace(/。$/, "")}→ ${out}`,
  reportSection: (title: string, n: number) => `【${title}】${n} 项`,
  reportItem: (item: string) => `  ${item}`,
  moreItems: (n: number) => `  …… 另有 ${n} 项`,
  reportWhere: (sheet: string, whole: boolean) => (whole ? `完整清单见输出工作簿的“${sheet}”工作表。` : `以上清单也写在输出工作簿的“${sheet}”工作表中。`),
  undoHint: "合并可在 Excel 的督办助手加载项中用“撤销上次合并”恢复原样。",
  bulletinWritten: (quarter: Quarter, issuer: string, docNumber: string | undefined, tasks: number, reported: number, gaps: number, out: string) =>
    `已写出${quarterLabel(quarter)}通报（${issuer}${docNumber ? `，${docNumber}` : ""}）：${tasks} 项任务，已报送 ${reported} 项，需补报和完善 ${gaps} 项 → ${out}`,
  bulletinNoDistrict: "提示：台账标题中没有区名，通报中写作“区”；可在加载项“设置”页填写区名、发文机关和文号。",
  bulletinNoDocNumber: "提示：没有设置文号，版头的文号处留空；可在加载项“设置”页填写。",
  settingsOf: (file: string) => `督办助手设置：${file}`,
  noSettings: "（没有保存的设置：按默认方式识别台账）",
  /** A stored setting in 设置's words: 进展少于多少字视为套话：8; 各列的列字母：任务 D，牵头单位 E. */
  setting: (key: string, value: unknown) => `  ${key in SETTING_NAMES ? SETTING_NAMES[key as SettingKey][0] : key}：${settingValueText(key, value)}`,
  // duban check
  checkTitle: "督办助手 · 检查完整性",
  checkFile: (file: string) => `文件：${file}`,
  checkSheet: (sheet: string, headerRow: number, tasks: number) => `工作表：${sheet}（表头在第 ${headerRow} 行，任务 ${tasks} 项）`,
  checkQuarter: (quarter: Quarter) => `检查季度：${quarterLabel(quarter)}（报送截止 ${isoDate(reportDue(quarter))}）`,
  checkDirectory: (source: DirectorySource | undefined, units: number) => (source ? `部门目录：${directorySourceName(source)}（${units} 个单位）` : "部门目录：无"),
  noFindings: "没有发现问题：每项任务都有责任单位和本季度进展。",
  kindHead: (kind: FindingKind, n: number) => `【${kindName(kind)}】${n} 处`,
  moreFindings: (n: number) => `  …… 另有 ${n} 处（用 --json 查看全部）`,
  findingsTotal: (n: number, counts: readonly (readonly [FindingKind, number])[]) => `共 ${n} 处问题：${counts.map(([k, c]) => `${kindName(k)} ${c}`).join("，")}。`,
  checkAgain: "改正后再次运行 duban check 复查；单元格地址可在 Excel 名称框中输入直接跳转。",
} as const;

// ——— 兼容性自检 ———

const SELF_TEST_STEP_NAMES: Record<SelfTestStepName, readonly [string, string]> = {
  read: ["读取工作簿", "Read the workbook"],
  "add-sheet": ["添加自检工作表", "Add the scratch sheet"],
  values: ["写入文本和数字", "Write text and numbers"],
  merge: ["合并单元格", "Merge cells"],
  look: ["填充色和批注：写入并恢复", "Fill and note: set and put back"],
  content: ["公式和数字格式：恢复（撤销所用）", "Formula and number format put back (as 撤销 does)"],
  metadata: ["督办助手记录表：写入并恢复", "The add-in's records: write and put back"],
  "replace-sheet": ["在原位置替换工作表", "Replace a sheet at its tab"],
  protection: ["读取工作表保护", "Read sheet protection"],
  "clean-up": ["删除自检工作表，工作簿恢复原样", "Delete the scratch sheet; the workbook as it was"],
};

export function selfTestStepName(step: SelfTestStepName, lang: Lang = "zh"): string {
  return SELF_TEST_STEP_NAMES[step][lang === "zh" ? 0 : 1];
}

/** One step's line: ✓ or ✗ (– not run), its name, its time, and what went wrong. */
export function selfTestStepText(s: SelfTestStep, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  const mark = s.result === "pass" ? "✓" : s.result === "fail" ? "✗" : "–";
  const name = selfTestStepName(s.step, lang);
  if (s.result === "skipped") return `${mark} ${name}${zh ? "：未运行（前面的步骤未通过）" : ": not run (an earlier step failed)"}`;
  const why = s.expected !== undefined ? (zh ? `应为 ${s.expected}，实为 ${s.got}` : `expected ${s.expected}, got ${s.got}`) : s.error !== undefined ? problemText(s.error, lang) : "";
  const time = zh ? `（${s.ms} ms）` : ` (${s.ms} ms)`;
  return `${mark} ${name}${time}${why ? `${zh ? "：" : ": "}${why}` : ""}`;
}

/** The report to copy: its first line the count (兼容性自检：通过 N 项，未通过 M 项), then the host, then each step. */
export function selfTestText(report: SelfTestReport, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  const head = zh ? `兼容性自检：通过 ${report.passed} 项，未通过 ${report.failed} 项` : `Compatibility self-test: ${report.passed} passed, ${report.failed} failed`;
  const a = report.about;
  const host = a
    ? [a.host, a.version, a.platform].filter(Boolean).join(" ") + (a.apiSets?.length ? `${zh ? "；API 集：" : "; API sets: "}${a.apiSets.join(", ")}` : "")
    : report.kind;
  return [head, `${zh ? "宿主：" : "Host: "}${host}`, ...report.steps.map((s) => selfTestStepText(s, lang))].join("\n");
}

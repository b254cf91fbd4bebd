// Every sentence the product says to a person, in one place: the engine's codes, the hosts' and the
// application layer's, rendered in Chinese or English, for the task pane or the command line (which
// name different ways to fix a thing: the 设置 tab, or an option).
import { EngineError, type EngineMessage } from "../core/messages";
import { parseQuarter, previousQuarter, quarterLabel, quarterShortLabel, reportDue } from "../core/quarter";
import { excerpt, isoDate } from "../core/text";
import type { Finding, FindingKind, Quarter } from "../core/types";
import { HostError } from "./port";
import type { BulletinClass } from "../core/summary";

export type Lang = "zh" | "en";
/** Where a sentence is shown: the pane (settings are on the 设置 tab) or the command line (options). */
export type Surface = "pane" | "cli";

/** What a host action was, for its failure message. */
export type HostAction = "read" | "mark" | "clear" | "summary" | "select" | "set-text" | "add-sheet" | "write" | "undo" | "settings" | "open-workbook";

/** What a host has to tell. */
export type HostMessage =
  | { readonly code: "sheet-missing"; readonly sheet: string }
  | { readonly code: "sheet-exists"; readonly sheet: string }
  /** No workbook is open (WPS 表格 with only its start page). */
  | { readonly code: "no-workbook" }
  /**
   * Excel failed an action; `error` is Office's error code; what was already written can be put back
   * by `recovery`; an unfinished new sheet was deleted (`removedSheet`); the sheet it was to replace is
   * as it was (`keptSheet`).
   */
  | { readonly code: "excel-failed"; readonly action: HostAction; readonly error: string; readonly recovery?: "clear-marks" | "undo-merge"; readonly removedSheet?: string; readonly keptSheet?: string }
  /** The sheet is protected: the action was refused before anything was written. */
  | { readonly code: "sheet-protected"; readonly sheet: string; readonly action: HostAction }
  /** The workbook's structure is protected (no sheet can be added or deleted): refused before anything was written. */
  | { readonly code: "workbook-protected" }
  /** More merged areas than Excel lists at once: the sheet was read without them. */
  | { readonly code: "merges-unreadable"; readonly sheet: string }
  | { readonly code: "file-old-format"; readonly name: string }
  | { readonly code: "file-not-xlsx"; readonly name: string; readonly ext: string }
  | { readonly code: "file-corrupt"; readonly name: string; readonly reason: string };

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
  /** A quarter written in a form other than 2026Q3. */
  | { readonly code: "quarter-unreadable"; readonly text: string }
  /** 加入目录 in a workbook without a 部门目录 sheet. */
  | { readonly code: "directory-missing" }
  /** 加入目录 for a name the directory already finds. */
  | { readonly code: "unit-already-listed"; readonly name: string }
  /** 作为别名 of a unit the directory does not list (or lists as abolished). */
  | { readonly code: "alias-target-missing"; readonly name: string };

export type SettingKey = "ledgerSheet" | "minProgressLength" | "staleSimilarity" | "headerRow" | "columns" | "district" | "issuer" | "docNumber" | "scoring";

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
  docNumber: ["文号", "document number", "一行，40 字以内，如“江汉政办〔2019〕12号”"],
  scoring: ["评分规则", "scoring rules", "三项分值（报送得分、未报送扣分、套话扣分），各为 0 到 100 的数，最多一位小数"],
};

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
    case "file-corrupt":
      return zh ? `“${m.name}”无法作为 .xlsx 工作簿打开（文件可能已损坏或不完整）：${m.reason}` : `"${m.name}" cannot be opened as an .xlsx workbook (damaged or incomplete?): ${m.reason}`;
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
    case "finding-stale":
      return zh ? `找不到 ${m.cell} 原来的内容（可能刚被改过）：请重新检查后再试。` : `Cell ${m.cell} no longer holds what was checked (changed?): check again, then try again.`;
    case "quarter-unreadable":
      return zh ? `季度应写成 2026Q3 这样的形式（年份加 Q1 到 Q4），收到“${m.text}”。` : `A quarter is written like 2026Q3 (a year and Q1 to Q4), not "${m.text}".`;
    case "directory-missing":
      return zh ? "本工作簿没有“部门目录”工作表：请先在“目录”页创建目录，再加入单位。" : "This workbook has no 部门目录 sheet: create it on the Directory tab first.";
    case "unit-already-listed":
      return zh ? `“${m.name}”已在部门目录中（可能刚被加入）：请重新检查。` : `"${m.name}" is in the directory already (added just now?): check again.`;
    case "alias-target-missing":
      return zh ? `部门目录中没有有效的单位“${m.name}”：无法把别名加到它名下，请重新检查。` : `The directory has no active unit "${m.name}" to add the alias to: check again.`;
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
  const where = short ? "在此" : `在 ${f.cell} `;
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
  const where = short ? "here" : `in ${f.cell}`;
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

// The pane's words: Chinese first, English when Office is in English. Findings and other messages
// are said by the application layer (src/app/messages.ts) in the same language.
export type Lang = "zh" | "en";

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
  writeMerge: ["写入台账", "Write into the ledger"],
  undoMerge: ["撤销上次合并", "Undo the last merge"],
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
  leadUnit: ["牵头", "Lead"],
  noFindings: ["没有发现问题：每项任务都有责任单位和本季度进展。", "No problems: every task has its units and this quarter's progress."],
  apply: ["应用", "Apply"],
  applyAll: ["全部应用", "Apply all"],
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
  marked: ["已在台账上标记", "Marked on the ledger:"],
  cells: ["个单元格", "cells"],
  byKind: ["按类型", "By kind"],
  downloadBulletin: ["下载通报（.docx）", "Download the bulletin (.docx)"],
  district: ["区（县）名称", "District"],
  issuer: ["发文机关", "Issuing office"],
  docNumber: ["文号", "Document number"],
  scoring: ["评分（可选）", "Scoring (optional)"],
  scoringHint: ["每项牵头任务报送进展得分、每项未报送扣分、每项只有套话或照抄上季度扣分；留空则不评分。规则印在汇总和通报的排名下。", "Points per led task reported, deducted per task missing and per placeholder or copied progress; empty: no score."],
  scoreReported: ["报送得分", "Reported +"],
  scoreMissing: ["未报送扣分", "Missing −"],
  scorePlaceholder: ["套话扣分", "Placeholder −"],
  documentsHint: ["通报和催办单的落款。留空时区名取自台账标题，发文机关为“某区人民政府办公室”。", "What the bulletin and reminders are signed with. Empty: the district from the ledger's title, the office its 人民政府办公室."],
  byUnit: ["按单位", "By unit"],
} as const;

export type WordKey = keyof typeof WORDS;

export function languageOf(officeLanguage: string | undefined): Lang {
  return officeLanguage && /^en/i.test(officeLanguage) ? "en" : "zh";
}

export function words(lang: Lang): (key: WordKey) => string {
  return (key) => WORDS[key][lang === "zh" ? 0 : 1];
}

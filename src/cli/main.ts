// The `duban` command: a thin host over .xlsx files. It reads workbooks, calls the engine and prints.
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import ExcelJS from "exceljs";
import {
  check,
  DIRECTORY_SHEET,
  DirectoryError,
  LedgerError,
  parseQuarter,
  proposeDirectory,
  readDirectory,
  readLedger,
  type Directory,
} from "../core";
import { markPlan } from "../core/marks";
import { summarise } from "../core/summary";
import { summarySheetName, summarySheetPlan } from "../core/summarySheet";
import { proposalLayout } from "../core/proposal";
import { noticeLedgerLayout } from "../core/layout";
import { annexCountsText, noticeTitle, parseNotice } from "../core/notice";
import { mergeReportSections, mergeReturns, NotAReturn, splitLedger, type UnitReturn } from "../core/returns";
import { defaultQuarter, quarterLabel } from "../core/quarter";
import type { Quarter } from "../core/types";
import { addLayoutSheet } from "../xlsx/layout";
import { partsExcelJsDrops } from "./parts";
import { checkJson, checkReport } from "./report";
import { XlsxHost } from "../xlsx/host";
import { readWorkbookMetadata } from "../xlsx/workbook";
import { InputError, openWorkbook, pickLedgerSheet, readInput, sheetGrid } from "./xlsx";
import { formBytes, formFileName, readFormBytes } from "../xlsx/forms";

const COMMANDS = ["check", "summary", "clear", "directory", "import", "split", "merge"];

const USAGE = `督办助手命令行

用法：
  duban check BOOK.xlsx [--sheet 工作表] [--directory 目录.xlsx] [--quarter 2026Q3] [--json]
      检查台账：责任单位是否规范、本季度进展是否齐全。
      退出码：0 没有问题，1 发现问题，2 输入有误。
  duban summary BOOK.xlsx --quarter 2026Q3 -o 输出.xlsx [--directory 目录.xlsx] [--in-place]
      生成季度汇总工作表（含通报草稿），并在台账上标出缺报和有问题的单元格。
  duban clear BOOK.xlsx -o 输出.xlsx [--in-place]
      清除督办助手的标记，恢复单元格原来的填充和批注。
  duban directory BOOK.xlsx -o 目录.xlsx [--sheet 工作表]
      根据台账中出现的单位，生成一份“部门目录”草稿供人工核对。
  duban import 通知.txt -o 台账.xlsx [--json]
      把责任分解方案通知的文字（从 Word、PDF 或网页复制）转成台账。
  duban split BOOK.xlsx --quarter 2026Q1 -o 文件夹/
      为每个责任单位生成一份只含其任务的填报表（只有本季度进展一列可填）。
  duban merge BOOK.xlsx 回报1.xlsx 回报2.xlsx … --quarter 2026Q1 -o 合并.xlsx
      把各单位交回的填报表合并进台账，并列出需要核对的地方。

选项：
  --sheet NAME        要检查的工作表（默认：第一个有台账表头的工作表）
  --directory FILE    部门目录工作簿（默认：本工作簿中的“部门目录”工作表）
  --quarter 2026Q3    检查的季度（默认：台账年度中最近一个已结束的季度）
  --min-length N      进展少于 N 个字视为套话（默认 8）
  --header-row N      表头所在行（自动识别有误时指定）
  --json              输出一个 JSON 对象，供其他程序使用
  -o, --output FILE   summary、clear、directory 命令的输出文件（原文件不变）
  --in-place          summary、clear 直接改写原文件（全部完成后才替换原文件）
  --today YYYY-MM-DD  以该日期计算默认季度（用于复现结果）
  -h, --help          显示本说明
`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
};

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      sheet: { type: "string" },
      directory: { type: "string" },
      quarter: { type: "string" },
      "min-length": { type: "string" },
      "header-row": { type: "string" },
      json: { type: "boolean", default: false },
      output: { type: "string", short: "o" },
      today: { type: "string" },
      "in-place": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

async function loadDirectory(wb: ExcelJS.Workbook, file: string | undefined): Promise<Directory | undefined> {
  if (file) {
    const dwb = await openWorkbook(file);
    const ws = dwb.getWorksheet(DIRECTORY_SHEET) ?? dwb.worksheets[0];
    if (!ws) throw new InputError(`部门目录文件“${path.basename(file)}”中没有工作表。`);
    return readDirectory(sheetGrid(ws), `${path.basename(file)} / ${ws.name}`);
  }
  const ws = wb.getWorksheet(DIRECTORY_SHEET);
  return ws ? readDirectory(sheetGrid(ws), `本工作簿“${DIRECTORY_SHEET}”工作表`) : undefined;
}

function parseToday(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new InputError(`--today 应为 YYYY-MM-DD 格式的日期，收到“${text}”。`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

type Values = ReturnType<typeof parse>["values"];

/** Checks the ledger of a workbook as the options say; shared by check and summary. */
async function checkBook(book: string, values: Values) {
  const quarter = values.quarter === undefined ? undefined : parseQuarter(values.quarter);
  if (values.quarter !== undefined && !quarter) throw new InputError(`--quarter 应写成 2026Q3 这样的形式（年份加 Q1 到 Q4），收到“${values.quarter}”。`);
  const today = parseToday(values.today);
  const minText = values["min-length"];
  const minProgressLength = minText === undefined ? undefined : Number(minText);
  if (minProgressLength !== undefined && !(Number.isInteger(minProgressLength) && minProgressLength >= 0 && minProgressLength <= 200)) {
    throw new InputError(`--min-length 应为 0 到 200 之间的整数（进展少于这么多字视为套话），收到“${minText}”。`);
  }
  const headerText = values["header-row"];
  const headerRow = headerText === undefined ? undefined : Number(headerText);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) throw new InputError(`--header-row 应为表头所在的行号（正整数），收到“${headerText}”。`);
  const wb = await openWorkbook(book);
  const directory = await loadDirectory(wb, values.directory);
  const grid = pickLedgerSheet(wb, values.sheet, book);
  const result = check(grid, directory, {
    ...(quarter ? { quarter } : {}),
    ...(minProgressLength !== undefined ? { minProgressLength } : {}),
    ...(headerRow !== undefined ? { layout: { headerRow } } : {}),
    today,
  });
  return { wb, directory, result, today };
}

async function runCheck(book: string, values: Values, io: Io): Promise<number> {
  const { directory, result } = await checkBook(book, values);
  io.out(values.json ? JSON.stringify(checkJson(book, result, directory), null, 2) : checkReport(book, result, directory));
  return result.findings.length > 0 ? 1 : 0;
}

/** Where a command that writes a workbook writes it: -o FILE, or the input itself with --in-place. */
function outputOf(book: string, values: Values, command: string): string {
  const name = { summary: "汇总", clear: "已清除", merge: "合并" }[command] ?? command;
  if (values["in-place"] && values.output) throw new InputError("-o 和 --in-place 只能选一个：-o 写到新文件，--in-place 改写原文件。");
  if (values["in-place"]) return book;
  if (!values.output) throw new InputError(`${command} 命令需要 -o 指定输出文件（原文件不变），或用 --in-place 改写原文件，例如：duban ${command} 台账.xlsx -o 台账-${name}.xlsx`);
  if (path.resolve(values.output) === path.resolve(book)) throw new InputError("-o 与输入文件相同：若要改写原文件，请用 --in-place。");
  return values.output;
}

/**
 * Writes a workbook built in memory. Over the input file only when nothing in it would be lost, and
 * through a temporary file, so the input is replaced only by a complete result.
 */
async function saveWorkbook(wb: ExcelJS.Workbook, book: string, out: string, io: Io): Promise<void> {
  const lost = await partsExcelJsDrops(book);
  if (lost.length && out === book) {
    throw new InputError(`“${path.basename(book)}”含有${lost.join("、")}，命令行改写时无法保留：请改用 -o 写到新文件，或在 Excel 中使用督办助手加载项。原文件未改动。`);
  }
  if (lost.length) io.err(`注意：原工作簿中的${lost.join("、")}无法由命令行带到新文件中；原文件未改动，仍保留这些内容。`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, out);
  } finally {
    if (fs.existsSync(tmp)) fs.rmSync(tmp);
  }
}

async function runSummary(book: string, values: Values, io: Io): Promise<number> {
  const out = outputOf(book, values, "summary");
  const { wb, directory, result, today } = await checkBook(book, values);
  const summary = summarise(result, directory, today);
  const marks = markPlan(result);
  const host = new XlsxHost(wb);
  await host.mark(result.ledger.sheet, marks);
  const existing = wb.worksheets.map((w) => w.name);
  const { name, replaces } = summarySheetName(result.quarter, existing, readWorkbookMetadata(wb), host.stampOf);
  await host.writeSummary(summarySheetPlan(summary, name), replaces);
  await saveWorkbook(wb, book, out, io);
  const t = summary.totals;
  io.out(
    `已${replaces ? "更新" : "生成"}工作表“${name}”：${t.tasks} 项任务，已报送 ${t.reported} 项（${(t.rate * 100).toFixed(1)}%），未报送 ${t.missing} 项；` +
      `在“${result.ledger.sheet}”上标记了 ${marks.length} 个单元格 → ${out}`,
  );
  io.out("标记可用 duban clear 清除，恢复单元格原来的样子。");
  return 0;
}

async function runClear(book: string, values: Values, io: Io): Promise<number> {
  const out = outputOf(book, values, "clear");
  const wb = await openWorkbook(book);
  const count = await new XlsxHost(wb).clearMarks(values.sheet);
  await saveWorkbook(wb, book, out, io);
  io.out(count ? `已清除 ${count} 个单元格的标记，恢复为原来的填充和批注 → ${out}` : `没有督办助手的标记需要清除 → ${out}`);
  return 0;
}

async function runDirectory(book: string, values: Values, io: Io): Promise<number> {
  const out = values.output;
  if (!out) throw new InputError("directory 命令需要 -o 指定输出文件，例如：duban directory 台账.xlsx -o 部门目录.xlsx");
  if (path.resolve(out) === path.resolve(book)) throw new InputError("输出文件不能与输入的台账相同：命令行从不改写输入文件，请用 -o 指定另一个文件名。");
  const wb = await openWorkbook(book);
  const ledger = readLedger(pickLedgerSheet(wb, values.sheet, book));
  const units = proposeDirectory(ledger);
  const outWb = new ExcelJS.Workbook();
  addLayoutSheet(outWb, proposalLayout(units));
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await outWb.xlsx.writeFile(out);
  io.out(`已根据“${ledger.sheet}”中的 ${ledger.tasks.length} 项任务生成部门目录草稿：${units.length} 个单位 → ${out}`);
  io.out("请人工核对：确认“单位名称”为规范全称，把简称放入“别名”，把更名前的名称放入“曾用名”。");
  return 0;
}

/** Reads a text file as UTF-8, or as GBK (as Chinese Windows saves plain text) when it is not UTF-8. */
function readText(file: string): string {
  if (!fs.existsSync(file)) throw new InputError(`找不到文件“${file}”：请检查路径和文件名。`);
  const bytes = fs.readFileSync(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new InputError(`“${path.basename(file)}”是 .xlsx 或 .docx 文件：请把通知的文字复制到纯文本文件（.txt）中再导入。`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

async function runImport(notice: string, values: Values, io: Io): Promise<number> {
  const text = readText(notice);
  const items = parseNotice(text);
  if (items.length === 0) {
    throw new InputError(`“${path.basename(notice)}”中没有找到编号的任务：通知中的任务应写成“1. 任务内容”，后面一行写“责任单位：……”，或写成“1.任务内容（责任单位：……）”。`);
  }
  if (values.json) {
    io.out(JSON.stringify(items.map((i) => ({ annex: i.annex ?? null, no: i.no, label: i.label, category: i.category, task: i.task, lead: i.lead, cityLead: i.cityLead, co: i.co, flags: i.flags, line: i.line })), null, 2));
    return 0;
  }
  const out = values.output;
  if (!out) throw new InputError("import 命令需要 -o 指定输出的台账文件，例如：duban import 通知.txt -o 台账.xlsx；或用 --json 只显示识别结果。");
  const title = noticeTitle(text) ?? path.basename(notice).replace(/\.[^.]+$/, "");
  const wb = new ExcelJS.Workbook();
  addLayoutSheet(wb, noticeLedgerLayout(items, "责任分解台账", title));
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await wb.xlsx.writeFile(out);
  const flagged = items.filter((i) => i.flags.length);
  io.out(`已从“${path.basename(notice)}”识别 ${items.length} 项任务 → ${out}（工作表“责任分解台账”）`);
  // The count per annex and the runs of numbering, so that an item lost on the way is seen.
  io.out(`任务数：${annexCountsText(items)}`);
  if (flagged.length) {
    io.out(`其中 ${flagged.length} 项需要核对（已写入“备注”列）：`);
    for (const i of flagged) io.out(`  第 ${i.line} 行 ${i.annex !== undefined ? `附件${i.annex} ` : ""}序号${i.label}：${i.flags.join("；")}`);
  }
  return 0;
}

/** The quarter a command works on: --quarter, else the check's default. */
function quarterOption(values: Values, ledgerYear: number | undefined): Quarter {
  if (values.quarter !== undefined) {
    const q = parseQuarter(values.quarter);
    if (!q) throw new InputError(`--quarter 应写成 2026Q1 这样的形式（年份加 Q1 到 Q4），收到“${values.quarter}”。`);
    return q;
  }
  return defaultQuarter(parseToday(values.today), ledgerYear);
}

async function runSplit(book: string, values: Values, io: Io): Promise<number> {
  const dir = values.output;
  if (!dir) throw new InputError("split 命令需要 -o 指定输出文件夹，例如：duban split 台账.xlsx --quarter 2026Q1 -o 分发/");
  const wb = await openWorkbook(book);
  const directory = await loadDirectory(wb, values.directory);
  const ledger = readLedger(pickLedgerSheet(wb, values.sheet, book));
  const quarter = quarterOption(values, ledger.year);
  // Until the units the directory does not resolve are listed for confirmation, each still gets its form.
  const split = splitLedger(ledger, directory, quarter);
  const forms = splitLedger(ledger, directory, quarter, { includeUnknown: split.unresolved.map((u) => u.name) }).forms;
  fs.mkdirSync(dir, { recursive: true });
  for (const form of forms) fs.writeFileSync(path.join(dir, formFileName(form)), await formBytes(form));
  io.out(`已为 ${forms.length} 个责任单位生成${quarterLabel(quarter)}填报表（${ledger.tasks.length} 项任务）→ ${dir}`);
  io.out("各单位只需填写“进展”一列；交回后用 duban merge 合并进台账。");
  return 0;
}

async function runMerge(book: string, files: readonly string[], values: Values, io: Io): Promise<number> {
  const out = outputOf(book, values, "merge");
  if (files.length === 0) throw new InputError("merge 命令需要各单位交回的填报表，例如：duban merge 台账.xlsx 回报1.xlsx 回报2.xlsx --quarter 2026Q1 -o 合并.xlsx");
  const wb = await openWorkbook(book);
  const directory = await loadDirectory(wb, values.directory);
  const ledger = readLedger(pickLedgerSheet(wb, values.sheet, book));
  const quarter = quarterOption(values, ledger.year);
  const returns: UnitReturn[] = [];
  const notReturns: string[] = [];
  for (const f of files) {
    try {
      returns.push(await readFormBytes(readInput(f), path.basename(f)));
    } catch (e) {
      if (e instanceof NotAReturn || e instanceof InputError) notReturns.push(e.message);
      else throw e;
    }
  }
  const { edits, report } = mergeReturns(ledger, directory, returns, quarter);
  const ws = wb.getWorksheet(ledger.sheet)!;
  for (const e of edits) ws.getCell(e.cell).value = e.text;
  await saveWorkbook(wb, book, out, io);
  const lines = [`已合并 ${returns.length} 份填报表，写入 ${edits.length} 个单元格（${quarterLabel(quarter)}进展）→ ${out}`];
  for (const { title, items } of mergeReportSections(report, notReturns)) lines.push(`【${title}】${items.length} 项`, ...items.map((i) => `  ${i}`));
  io.out(lines.join("\n"));
  return 0;
}

/** Runs the command; resolves to the exit status (0 no findings, 1 findings, 2 bad input). */
export async function run(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    io.err(`参数有误：${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, book, ...rest] = positionals;
  if (values.help || command === "help") {
    io.out(USAGE);
    return 0;
  }
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  if (!COMMANDS.includes(command)) {
    io.err(`未知命令“${command}”：可用的命令是 ${COMMANDS.join("、")}。\n\n${USAGE}`);
    return 2;
  }
  if (!book) {
    io.err(command === "import" ? "import 命令需要一个通知的文本文件，例如：duban import 通知.txt -o 台账.xlsx" : `${command} 命令需要一个 .xlsx 台账文件，例如：duban ${command} 台账.xlsx`);
    return 2;
  }
  if (rest.length && command !== "merge") {
    io.err(`多余的参数：${rest.join(" ")}。一次只处理一个工作簿。`);
    return 2;
  }
  try {
    if (command === "merge") return await runMerge(book, rest, values, io);
    const runners = { check: runCheck, summary: runSummary, clear: runClear, directory: runDirectory, import: runImport, split: runSplit };
    return await runners[command as keyof typeof runners](book, values, io);
  } catch (e) {
    if (e instanceof InputError || e instanceof LedgerError || e instanceof DirectoryError) {
      io.err(`错误：${e.message}`);
      return 2;
    }
    throw e;
  }
}

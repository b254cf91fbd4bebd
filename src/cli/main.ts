// The `duban` command: arguments in, the application layer over .xlsx files, text out. No rules of
// its own: which sheet is the ledger, which quarter, what a finding says, all come from src/app.
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import ExcelJS from "exceljs";
import {
  AppError,
  createDirectory,
  importNotice,
  makeSummary,
  messageOf,
  openWorkbook,
  planForms,
  planMerge,
  readNotice,
  readReturnFiles,
  runCheck,
  parseSettings,
  say,
  settingsJson,
  writeMerge,
  ledgerOf,
  makeBulletin,
  reminderLine,
  reminders,
  type CheckRequest,
  type ExternalDirectory,
  type Message,
  type Settings,
} from "../app";
import { DIRECTORY_SHEET } from "../core/directory";
import { readMetadata } from "../core/metadata";
import { annexCountsText } from "../core/notice";
import { formatQuarter, parseQuarter, quarterLabel } from "../core/quarter";
import type { SheetLayout } from "../core/layout";
import { formFiles } from "../hosts/xlsx/forms";
import { documentFiles } from "../hosts/xlsx/documents";
import { sheetGrid } from "../hosts/xlsx/grid";
import { XlsxHost } from "../hosts/xlsx/host";
import { loadXlsx } from "../hosts/xlsx/open";
import { partsExcelJsDrops } from "./parts";
import { checkJson, checkReport } from "./report";
import { keepWhatExcelJsDrops } from "../hosts/xlsx/preserve";

const COMMANDS = ["check", "summary", "clear", "directory", "import", "split", "merge", "settings", "remind", "bulletin"];

const USAGE = `督办助手命令行

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
  --quarter 2026Q3    季度（默认：台账年度中最近一个已结束的季度；往年的台账为其第四季度）
  --confirm-quarter   确认使用台账年度以外的季度
  --include-unknown U split：确认“U”是真实单位（部门目录中没有），也为它生成填报表；可重复
  --min-length N      进展少于 N 个字视为套话（默认 8，或工作簿设置中的值）
  --header-row N      表头所在行（自动识别有误时指定）
  --json              输出一个 JSON 对象，供其他程序使用（出错时也是，含 error.code 和 error.message）
  -o, --output FILE   输出文件（summary、clear、directory、import、merge、bulletin）或文件夹（split、remind）；原文件不变
  --in-place          summary、clear、merge 直接改写原文件（全部完成后才替换原文件）
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

/** Bad input from the command line; the message says in Chinese what was expected. Exit status 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      sheet: { type: "string" },
      directory: { type: "string" },
      quarter: { type: "string" },
      "confirm-quarter": { type: "boolean", default: false },
      "include-unknown": { type: "string", multiple: true },
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

type Values = ReturnType<typeof parse>["values"];

/** The bytes of an input file, or InputError when there is no such file. */
function readInput(file: string): Buffer {
  if (!fs.existsSync(file)) throw new InputError(`找不到文件“${file}”：请检查路径和文件名。`);
  if (fs.statSync(file).isDirectory()) throw new InputError(`“${file}”是文件夹，应为 .xlsx 工作簿文件。`);
  return fs.readFileSync(file);
}

async function openBook(file: string): Promise<XlsxHost> {
  return new XlsxHost(await loadXlsx(readInput(file), path.basename(file)));
}

function parseToday(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new InputError(`--today 应为 YYYY-MM-DD 格式的日期，收到“${text}”。`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** What the options ask of a check: sheet, settings for this run, quarter, directory. */
async function requestOf(values: Values): Promise<CheckRequest> {
  const quarter = values.quarter === undefined ? undefined : parseQuarter(values.quarter);
  if (values.quarter !== undefined && !quarter) throw new AppError({ code: "quarter-unreadable", text: values.quarter });
  const minText = values["min-length"];
  const minProgressLength = minText === undefined ? undefined : Number(minText);
  if (minProgressLength !== undefined && !(Number.isInteger(minProgressLength) && minProgressLength >= 0 && minProgressLength <= 200)) {
    throw new InputError(`--min-length 应为 0 到 200 之间的整数（进展少于这么多字视为套话），收到“${minText}”。`);
  }
  const headerText = values["header-row"];
  const headerRow = headerText === undefined ? undefined : Number(headerText);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) throw new InputError(`--header-row 应为表头所在的行号（正整数），收到“${headerText}”。`);
  const settings: Settings = { ...(minProgressLength !== undefined ? { minProgressLength } : {}), ...(headerRow !== undefined ? { headerRow } : {}) };
  const directory = values.directory === undefined ? undefined : await externalDirectory(values.directory);
  return {
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...(Object.keys(settings).length ? { settings } : {}),
    ...(quarter ? { quarter } : {}),
    ...(values["confirm-quarter"] ? { confirmQuarter: true } : {}),
    ...(directory ? { directory } : {}),
  };
}

/** A directory from another workbook: its 部门目录 sheet, or its first sheet. */
async function externalDirectory(file: string): Promise<ExternalDirectory> {
  const wb = (await openBook(file)).workbook;
  const ws = wb.getWorksheet(DIRECTORY_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new InputError(`部门目录文件“${path.basename(file)}”中没有工作表。`);
  return { grid: sheetGrid(ws), source: { kind: "file", file: path.basename(file), sheet: ws.name } };
}

async function runCheckCommand(book: string, values: Values, io: Io): Promise<number> {
  const port = await openBook(book);
  const outcome = await runCheck(port, parseToday(values.today), { ...(await requestOf(values)), mark: false });
  io.out(values.json ? JSON.stringify(checkJson(book, outcome), null, 2) : checkReport(book, outcome));
  return outcome.result.findings.length > 0 ? 1 : 0;
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
 * A file written whole or not at all: through a temporary file beside it, renamed at the end, so that
 * a write that fails (a full disk, no permission) leaves what was there as it was, and says so.
 */
async function writeWhole(out: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.tmp`);
  const existed = fs.existsSync(out);
  try {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await write(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    throw new InputError(`写入“${out}”失败（${(e as Error).message}）：${existed ? "原文件未改动" : "没有写出文件"}。请检查磁盘空间和写入权限后重试。`);
  } finally {
    if (fs.existsSync(tmp)) fs.rmSync(tmp);
  }
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
  // What ExcelJS does not carry over (an AutoFilter's criteria, the ' of cells typed as text) is put back.
  const kept = await keepWhatExcelJsDrops(fs.readFileSync(book), new Uint8Array(await wb.xlsx.writeBuffer()));
  if (kept.lost.length) io.err(`注意：${kept.lost.join("、")}无法由命令行保留到写出的文件中。`);
  await writeWhole(out, async (tmp) => fs.writeFileSync(tmp, kept.bytes));
}

async function runSummary(book: string, values: Values, io: Io): Promise<number> {
  const out = outputOf(book, values, "summary");
  const port = await openBook(book);
  const made = await makeSummary(port, parseToday(values.today), await requestOf(values));
  await saveWorkbook(port.workbook, book, out, io);
  const t = made.summary.totals;
  io.out(
    `已${made.replaced ? "更新" : "生成"}工作表“${made.sheet}”：${t.tasks} 项任务，已报送 ${t.reported} 项（${(t.rate * 100).toFixed(1)}%），未报送 ${t.missing} 项；` +
      `在“${made.outcome.result.ledger.sheet}”上标记了 ${made.outcome.marked} 个单元格 → ${out}`,
  );
  for (const n of made.outcome.workbook.notes) io.out(`提示：${say(n, "zh", "cli")}`);
  io.out("标记可用 duban clear 清除，恢复单元格原来的样子。");
  return 0;
}

async function runClear(book: string, values: Values, io: Io): Promise<number> {
  const out = outputOf(book, values, "clear");
  const port = await openBook(book);
  const count = await port.clearMarks(values.sheet);
  await saveWorkbook(port.workbook, book, out, io);
  io.out(count ? `已清除 ${count} 个单元格的标记，恢复为原来的填充和批注 → ${out}` : `没有督办助手的标记需要清除 → ${out}`);
  return 0;
}

/** The output file of a command that makes a new workbook; never the input. */
function newFileOf(input: string, values: Values, example: string): string {
  const out = values.output;
  if (!out) throw new InputError(`需要 -o 指定输出文件，例如：${example}`);
  if (path.resolve(out) === path.resolve(input)) throw new InputError("输出文件不能与输入的台账相同：命令行从不改写输入文件，请用 -o 指定另一个文件名。");
  return out;
}

async function runDirectory(book: string, values: Values, io: Io): Promise<number> {
  const out = newFileOf(book, values, "duban directory 台账.xlsx -o 部门目录.xlsx");
  const workbook = await openWorkbook(await openBook(book), values.sheet !== undefined ? { sheet: values.sheet } : {});
  const ledger = ledgerOf(workbook);
  const target = new XlsxHost(new ExcelJS.Workbook());
  const units = await createDirectory(target, ledger);
  await writeWhole(out, (tmp) => target.workbook.xlsx.writeFile(tmp));
  io.out(`已根据“${ledger.sheet}”中的 ${ledger.tasks.length} 项任务生成部门目录草稿：${units} 个单位 → ${out}`);
  io.out("请人工核对：确认“单位名称”为规范全称，把简称放入“别名”，把更名前的名称放入“曾用名”。");
  return 0;
}

/** Reads a text file as UTF-8, or as GBK (as Chinese Windows saves plain text) when it is not UTF-8. */
function readText(file: string): string {
  const bytes = readInput(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new InputError(`“${path.basename(file)}”是 .xlsx 或 .docx 文件：请把通知的文字复制到纯文本文件（.txt）中再导入。`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

async function runImport(notice: string, values: Values, io: Io): Promise<number> {
  const text = readText(notice);
  const { items } = readNotice(text);
  if (items.length === 0) throw new AppError({ code: "notice-empty" });
  if (values.json) {
    io.out(JSON.stringify(items.map((i) => ({ annex: i.annex ?? null, no: i.no, label: i.label, category: i.category, task: i.task, lead: i.lead, cityLead: i.cityLead, co: i.co, flags: i.flags, line: i.line })), null, 2));
    return 0;
  }
  const out = newFileOf(notice, values, "duban import 通知.txt -o 台账.xlsx；或用 --json 只显示识别结果");
  const target = new XlsxHost(new ExcelJS.Workbook());
  const made = await importNotice(target, text, path.basename(notice).replace(/\.[^.]+$/, ""));
  await writeWhole(out, (tmp) => target.workbook.xlsx.writeFile(tmp));
  const flagged = made.items.filter((i) => i.flags.length);
  io.out(`已从“${path.basename(notice)}”识别 ${made.items.length} 项任务 → ${out}（工作表“${target.active}”）`);
  // The count per annex and the runs of numbering, so that an item lost on the way is seen.
  io.out(`任务数：${annexCountsText(made.items)}`);
  if (flagged.length) {
    io.out(`其中 ${flagged.length} 项需要核对（已写入“备注”列）：`);
    for (const i of flagged) io.out(`  第 ${i.line} 行 ${i.annex !== undefined ? `附件${i.annex} ` : ""}序号${i.label}：${i.flags.join("；")}`);
  }
  return 0;
}

async function runSplit(book: string, values: Values, io: Io): Promise<number> {
  const dir = values.output;
  if (!dir) throw new InputError("split 命令需要 -o 指定输出文件夹，例如：duban split 台账.xlsx --quarter 2026Q1 -o 分发/");
  const includeUnknown = values["include-unknown"] ?? [];
  const plan = await planForms(await openBook(book), parseToday(values.today), { ...(await requestOf(values)), includeUnknown });
  const confirmed = new Set(includeUnknown);
  const pending = plan.unresolved.filter((u) => !confirmed.has(u.name));
  const lines: string[] = [];
  if (pending.length) {
    // First what would never come back: tasks of units nobody can find.
    lines.push(`【部门目录中找不到的单位】${pending.length} 个，未生成填报表（这些任务发不出去）：`);
    for (const u of pending) {
      const where = u.places.slice(0, 5).map((p) => `${p.cell}${p.no ? `（序号${p.no}）` : ""}`).join("、") + (u.places.length > 5 ? ` 等 ${u.places.length} 处` : "");
      const why = u.reason === "ambiguous" ? "是几个单位共用的简称" : u.reason === "abolished" ? "已撤销，无承接单位" : "不在部门目录中";
      lines.push(`  “${u.name}”${why}，写在 ${where}${u.suggestions.length ? `；可能是“${u.suggestions.join("”“")}”` : ""}`);
    }
    lines.push("  请先在台账中改正这些单位名称（duban check 会给出建议），或确认是真实单位后加 --include-unknown 单位名称 重新生成。", "");
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const form of plan.forms) fs.writeFileSync(path.join(dir, formFiles.fileName(form)), await formFiles.bytes(form));
  lines.push(`已为 ${plan.forms.length} 个责任单位生成${quarterLabel(plan.quarter)}填报表（工作表“${plan.sheet}”，${plan.tasks} 项任务）→ ${dir}`);
  lines.push("各单位只需填写“进展”一列；交回后用 duban merge 合并进台账。");
  io.out(lines.join("\n"));
  return 0;
}

async function runRemind(book: string, values: Values, io: Io): Promise<number> {
  const dir = values.output;
  if (!dir) throw new InputError("remind 命令需要 -o 指定输出文件夹，例如：duban remind 台账.xlsx --quarter 2026Q3 -o 催办/");
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new InputError(`“${dir}”是文件：remind 命令的 -o 应为文件夹（每个单位一份催办单）。`);
  const today = parseToday(values.today);
  const outcome = await runCheck(await openBook(book), today, { ...(await requestOf(values)), mark: false });
  const list = reminders(outcome, today);
  const q = quarterLabel(outcome.result.quarter);
  if (!list.length) {
    io.out(`${q}没有需要催办的单位：各牵头单位的任务都已报送进展，且没有需要完善的进展。`);
    return 0;
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const r of list) await writeWhole(path.join(dir, r.fileName), async (tmp) => fs.writeFileSync(tmp, await documentFiles.bytes(r.document)));
  const texts = path.join(dir, "催办短信.txt");
  await writeWhole(texts, async (tmp) => fs.writeFileSync(tmp, list.map((r) => r.text).join("\n\n") + "\n"));
  const lines = [`已为 ${list.length} 个单位写出${q}催办单（工作表“${outcome.result.ledger.sheet}”）→ ${dir}`];
  for (const r of list.slice(0, REPORT_SHOWN)) lines.push(`  ${reminderLine(r)} → ${r.fileName}`);
  if (list.length > REPORT_SHOWN) lines.push(`  …… 另有 ${list.length - REPORT_SHOWN} 个单位`);
  lines.push(`各单位的催办短信在“${path.basename(texts)}”中，可直接复制发送。`);
  io.out(lines.join("\n"));
  return 0;
}

/** Items of a merge report section printed at most; the whole list goes into the output workbook. */
const REPORT_SHOWN = 20;

/** The merge's report as a sheet of the output workbook, every item listed. */
function reportLayout(name: string, sections: readonly { title: string; items: readonly string[] }[]): SheetLayout {
  return {
    name,
    columns: [
      { header: "核对事项", width: 36 },
      { header: "明细", width: 90 },
    ],
    rows: sections.flatMap((s) => s.items.map((item) => [`${s.title}（${s.items.length} 项）`, item])),
  };
}

async function runMerge(book: string, files: readonly string[], values: Values, io: Io): Promise<number> {
  const out = outputOf(book, values, "merge");
  if (files.length === 0) throw new InputError("merge 命令需要各单位交回的填报表，例如：duban merge 台账.xlsx 回报1.xlsx 回报2.xlsx --quarter 2026Q1 -o 合并.xlsx");
  const port = await openBook(book);
  const today = parseToday(values.today);
  const request = await requestOf(values);
  const chosen: { name: string; bytes: Uint8Array }[] = [];
  const unreadable: string[] = [];
  for (const f of files) {
    try {
      chosen.push({ name: path.basename(f), bytes: readInput(f) });
    } catch (e) {
      if (e instanceof InputError) unreadable.push(e.message);
      else throw e;
    }
  }
  const returned = await readReturnFiles(formFiles, chosen);
  const plan = await planMerge(port, today, { returns: returned.returns, notReturns: [...unreadable, ...returned.notReturns] }, request);
  const written = await writeMerge(port, today, plan, request);
  const sections = written.sections;
  const sheet = `合并报告${formatQuarter(written.quarter)}`;
  const long = sections.some((s) => s.items.length > REPORT_SHOWN);
  if (sections.length) await port.addSheet(reportLayout(port.workbook.getWorksheet(sheet) ? `${sheet}(${Date.now() % 1000})` : sheet, sections));
  await saveWorkbook(port.workbook, book, out, io);
  const lines = [`已合并 ${written.returns.length} 份填报表，写入 ${written.edits.length} 个单元格（工作表“${written.sheet}”，${quarterLabel(written.quarter)}进展）→ ${out}`];
  for (const { title, items } of sections) {
    lines.push(`【${title}】${items.length} 项`, ...items.slice(0, REPORT_SHOWN).map((i) => `  ${i}`));
    if (items.length > REPORT_SHOWN) lines.push(`  …… 另有 ${items.length - REPORT_SHOWN} 项`);
  }
  if (sections.length) lines.push(long ? `完整清单见输出工作簿的“${sheet}”工作表。` : `以上清单也写在输出工作簿的“${sheet}”工作表中。`);
  lines.push("合并可在 Excel 的督办助手加载项中用“撤销上次合并”恢复原样。");
  io.out(lines.join("\n"));
  return 0;
}

async function runBulletin(book: string, values: Values, io: Io): Promise<number> {
  const out = newFileOf(book, values, "duban bulletin 台账.xlsx --quarter 2026Q3 -o 通报.docx");
  if (!/\.docx$/i.test(out)) throw new InputError(`通报是 Word 文档：-o 应为 .docx 文件，例如“通报.docx”，收到“${out}”。`);
  const b = await makeBulletin(await openBook(book), parseToday(values.today), await requestOf(values));
  await writeWhole(out, async (tmp) => fs.writeFileSync(tmp, await documentFiles.bytes(b.document)));
  const t = b.summary.totals;
  io.out(`已写出${quarterLabel(b.summary.quarter)}通报（${b.office.issuer}${b.office.docNumber ? `，${b.office.docNumber}` : ""}）：${t.tasks} 项任务，已报送 ${t.reported} 项，需补报和完善 ${b.summary.gapTasks.length} 项 → ${out}`);
  if (b.office.districtFrom === "none") io.out("提示：台账标题中没有区名，通报中写作“区”；可在加载项“设置”页填写区名、发文机关和文号。");
  if (!b.office.docNumber) io.out("提示：没有设置文号，版头的文号处留空；可在加载项“设置”页填写。");
  return 0;
}

async function runSettings(book: string, values: Values, io: Io): Promise<number> {
  const info = await (await openBook(book)).info();
  const { settings, problems } = parseSettings(readMetadata(info.metadata).settings ?? info.legacySettings);
  const stored = JSON.parse(settingsJson(settings)) as Record<string, unknown>;
  if (values.json) {
    io.out(JSON.stringify({ file: book, settings: stored, problems: problems.map((p) => ({ code: p.code, message: say(p, "zh", "cli") })) }, null, 2));
    return 0;
  }
  const lines = [`督办助手设置：${book}`];
  if (!Object.keys(stored).length) lines.push("（没有保存的设置：按默认方式识别台账）");
  for (const [k, v] of Object.entries(stored)) lines.push(`  ${k}：${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  for (const p of problems) lines.push(`提示：${say(p, "zh", "cli")}`);
  io.out(lines.join("\n"));
  return 0;
}

/** A failure as what the person is told: the message of the product's own errors, in Chinese. */
function failure(e: unknown): { code: string; message: string } | undefined {
  if (e instanceof InputError) return { code: "input", message: e.message };
  const m: Message | undefined = messageOf(e);
  return m ? { code: m.code, message: say(m, "zh", "cli") } : undefined;
}

/** Runs the command; resolves to the exit status (0 no findings, 1 findings, 2 bad input). */
export async function run(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const json = argv.includes("--json");
  const bad = (code: string, message: string, prefix = ""): number => {
    if (json) io.out(JSON.stringify({ error: { code, message } }, null, 2));
    else io.err(prefix + message);
    return 2;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    return bad("usage", `参数有误：${(e as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, book, ...rest] = positionals;
  if (values.help || command === "help") {
    io.out(USAGE);
    return 0;
  }
  if (!command) return bad("usage", USAGE);
  if (!COMMANDS.includes(command)) return bad("usage", `未知命令“${command}”：可用的命令是 ${COMMANDS.join("、")}。\n\n${USAGE}`);
  if (!book) return bad("usage", command === "import" ? "import 命令需要一个通知的文本文件，例如：duban import 通知.txt -o 台账.xlsx" : `${command} 命令需要一个 .xlsx 台账文件，例如：duban ${command} 台账.xlsx`);
  if (rest.length && command !== "merge") return bad("usage", `多余的参数：${rest.join(" ")}。一次只处理一个工作簿。`);
  try {
    if (command === "merge") return await runMerge(book, rest, values, io);
    const runners = { check: runCheckCommand, summary: runSummary, clear: runClear, directory: runDirectory, import: runImport, split: runSplit, settings: runSettings, remind: runRemind, bulletin: runBulletin };
    return await runners[command as keyof typeof runners](book, values, io);
  } catch (e) {
    const f = failure(e);
    if (!f) throw e;
    return bad(f.code, f.message, "错误：");
  }
}

// The `duban` command: arguments in, the application layer over .xlsx files, text out. No rules of
// its own: which sheet is the ledger, which quarter, what a finding says, all come from src/app.
import { book as bookOf } from "../app/book";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import ExcelJS from "exceljs";
import {
  AppError,
  CLI_USAGE,
  cliSays,
  cliText,
  createDirectory,
  mergedText,
  mergeReportLayout,
  mergeReportSections,
  type CliMessage,
  type NotReturnFile,
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
  validateSettings,
  settingsJson,
  writeMerge,
  ledgerOf,
  makeBulletin,
  noticeFlagText,
  reminderLine,
  reminders,
  unknownNames,
  namesToCheckText,
  NAMES_TO_CHECK_FILE,
  type CheckRequest,
  type ExternalDirectory,
  type Message,
} from "../app";
import { DIRECTORY_SHEET } from "../core/directory";
import { readMetadata } from "../core/metadata";
import { parseQuarter } from "../core/quarter";
import { formFiles } from "../files/forms";
import { documentFiles } from "../files/documents";
import { sheetGrid } from "../hosts/xlsx/grid";
import { XlsxHost } from "../hosts/xlsx/host";
import { loadXlsx } from "../hosts/xlsx/open";
import { partsExcelJsDrops } from "./parts";
import { checkJson, checkReport } from "./report";
import { keepWhatExcelJsDrops } from "../hosts/xlsx/preserve";

const COMMANDS = ["check", "summary", "clear", "directory", "import", "split", "merge", "settings", "remind", "bulletin"];

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
};

/** Bad input from the command line, with what to tell the person (in Chinese: what was expected). Exit status 2. */
export class InputError extends Error {
  constructor(readonly detail: CliMessage) {
    super(cliText(detail));
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
  if (!fs.existsSync(file)) throw new InputError({ code: "input-missing", file });
  if (fs.statSync(file).isDirectory()) throw new InputError({ code: "input-is-folder", file });
  return fs.readFileSync(file);
}

async function openBook(file: string): Promise<XlsxHost> {
  return new XlsxHost(await loadXlsx(readInput(file), path.basename(file)));
}

function parseToday(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new InputError({ code: "today-bad", text });
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** What the options ask of a check: sheet, settings for this run, quarter, directory. */
async function requestOf(values: Values): Promise<CheckRequest> {
  const quarter = values.quarter === undefined ? undefined : parseQuarter(values.quarter);
  if (values.quarter !== undefined && !quarter) throw new AppError({ code: "quarter-unreadable", text: values.quarter });
  // The settings for this run are checked as 设置 checks them (validateSettings); only the words differ.
  const options = { minProgressLength: values["min-length"], headerRow: values["header-row"] } as const;
  const { settings, problems } = validateSettings(Object.fromEntries(Object.entries(options).map(([k, text]) => [k, text === undefined ? undefined : Number(text)])));
  const bad = problems.find((p) => p.code === "setting-invalid");
  if (bad?.code === "setting-invalid") {
    const key = bad.key as keyof typeof options;
    throw new InputError({ code: key === "headerRow" ? "header-row-bad" : "min-length-bad", text: options[key] ?? "" });
  }
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
  if (!ws) throw new InputError({ code: "directory-file-empty", file: path.basename(file) });
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
  if (values["in-place"] && values.output) throw new InputError({ code: "output-and-in-place" });
  if (values["in-place"]) return book;
  if (!values.output) throw new InputError({ code: "output-or-in-place", command });
  if (path.resolve(values.output) === path.resolve(book)) throw new InputError({ code: "output-is-input-in-place" });
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
    throw new InputError({ code: "write-failed", file: out, reason: (e as Error).message, existed });
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
  if (lost.length && out === book) throw new InputError({ code: "parts-would-be-lost", file: path.basename(book), parts: lost });
  if (lost.length) io.err(cliSays.partsDropped(lost));
  // What ExcelJS does not carry over (an AutoFilter's criteria, the ' of cells typed as text) is put back.
  const kept = await keepWhatExcelJsDrops(fs.readFileSync(book), new Uint8Array(await wb.xlsx.writeBuffer()));
  if (kept.lost.length) io.err(cliSays.lostOnWrite(kept.lost));
  await writeWhole(out, async (tmp) => fs.writeFileSync(tmp, kept.bytes));
}

async function runSummary(book: string, values: Values, io: Io): Promise<number> {
  const out = outputOf(book, values, "summary");
  const port = await openBook(book);
  const made = await makeSummary(port, parseToday(values.today), await requestOf(values));
  await saveWorkbook(port.workbook, book, out, io);
  io.out(cliSays.summaryMade(made.sheet, made.replaced, made.summary.totals, made.outcome.result.ledger.sheet, made.outcome.marked, out));
  for (const n of made.outcome.workbook.notes) io.out(cliSays.hint(say(n, "zh", "cli")));
  io.out(cliSays.clearHint);
  return 0;
}

async function runClear(book: string, values: Values, io: Io): Promise<number> {
  const out = outputOf(book, values, "clear");
  const port = await openBook(book);
  const count = await bookOf(port).clearMarks(values.sheet);
  await saveWorkbook(port.workbook, book, out, io);
  io.out(cliSays.cleared(count, out));
  return 0;
}

/** The output file of a command that makes a new workbook; never the input. */
function newFileOf(input: string, values: Values, command: string): string {
  const out = values.output;
  if (!out) throw new InputError({ code: "output-needed", command });
  if (path.resolve(out) === path.resolve(input)) throw new InputError({ code: "output-is-input" });
  return out;
}

async function runDirectory(book: string, values: Values, io: Io): Promise<number> {
  const out = newFileOf(book, values, "directory");
  const workbook = await openWorkbook(await openBook(book), values.sheet !== undefined ? { sheet: values.sheet } : {});
  const ledger = ledgerOf(workbook);
  const target = new XlsxHost(new ExcelJS.Workbook());
  const units = await createDirectory(target, ledger);
  await writeWhole(out, (tmp) => target.workbook.xlsx.writeFile(tmp));
  io.out(cliSays.directoryDraft(ledger.sheet, ledger.tasks.length, units, out));
  io.out(cliSays.directoryCheck);
  return 0;
}

/** Reads a text file as UTF-8, or as GBK (as Chinese Windows saves plain text) when it is not UTF-8. */
function readText(file: string): string {
  const bytes = readInput(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new InputError({ code: "notice-not-text", file: path.basename(file) });
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
    io.out(JSON.stringify(items.map((i) => ({ annex: i.annex ?? null, no: i.no, label: i.label, category: i.category, task: i.task, lead: i.lead, cityLead: i.cityLead, co: i.co, flags: i.flags.map((f) => noticeFlagText(f)), line: i.line })), null, 2));
    return 0;
  }
  const out = newFileOf(notice, values, "import");
  const target = new XlsxHost(new ExcelJS.Workbook());
  const made = await importNotice(target, text, path.basename(notice).replace(/\.[^.]+$/, ""));
  await writeWhole(out, (tmp) => target.workbook.xlsx.writeFile(tmp));
  const flagged = made.items.filter((i) => i.flags.length);
  io.out(cliSays.imported(path.basename(notice), made.items.length, out, target.active));
  // The count per annex and the runs of numbering, so that an item lost on the way is seen.
  io.out(cliSays.importCounts(made.items));
  if (flagged.length) {
    io.out(cliSays.importFlagged(flagged.length));
    for (const i of flagged) io.out(cliSays.importFlag(i));
  }
  return 0;
}

async function runSplit(book: string, values: Values, io: Io): Promise<number> {
  const dir = values.output;
  if (!dir) throw new InputError({ code: "folder-needed", command: "split" });
  const includeUnknown = values["include-unknown"] ?? [];
  const plan = await planForms(await openBook(book), parseToday(values.today), { ...(await requestOf(values)), includeUnknown });
  const confirmed = new Set(includeUnknown);
  const pending = plan.unresolved.filter((u) => !confirmed.has(u.name));
  const lines: string[] = [];
  if (pending.length) {
    // First what would never come back: tasks of units nobody can find.
    lines.push(cliSays.unresolvedHead(pending.length));
    for (const u of pending) lines.push(cliSays.unresolvedUnit(u));
    lines.push(cliSays.unresolvedFix, "");
  }
  // Then the tasks no unit is written for: no form carries them, as 分发 in the pane says.
  if (plan.unassigned.length) lines.push(cliSays.unassignedTasks(plan.unassigned), "");
  fs.mkdirSync(dir, { recursive: true });
  for (const form of plan.forms) fs.writeFileSync(path.join(dir, formFiles.fileName(form)), await formFiles.bytes(form));
  lines.push(cliSays.formsWritten(plan.forms.length, plan.quarter, plan.sheet, plan.tasks, dir));
  lines.push(cliSays.formsNext);
  io.out(lines.join("\n"));
  return 0;
}

async function runRemind(book: string, values: Values, io: Io): Promise<number> {
  const dir = values.output;
  if (!dir) throw new InputError({ code: "folder-needed", command: "remind" });
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new InputError({ code: "output-is-file", command: "remind", dir });
  const today = parseToday(values.today);
  const outcome = await runCheck(await openBook(book), today, { ...(await requestOf(values)), mark: false });
  const list = reminders(outcome, today);
  const { toCheck } = unknownNames(outcome);
  const q = outcome.result.quarter;
  if (!list.length && !toCheck.length) {
    io.out(cliSays.nothingToRemind(q));
    return 0;
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const r of list) await writeWhole(path.join(dir, r.fileName), async (tmp) => fs.writeFileSync(tmp, await documentFiles.bytes(r.document)));
  const texts = path.join(dir, cliSays.reminderTextsFile);
  if (list.length) await writeWhole(texts, async (tmp) => fs.writeFileSync(tmp, list.map((r) => r.text).join("\n\n") + "\n"));
  const lines = [cliSays.remindersWritten(list.length, q, outcome.result.ledger.sheet, dir)];
  for (const r of list.slice(0, REPORT_SHOWN)) lines.push(cliSays.reminderMade(reminderLine(r), r.fileName));
  if (list.length > REPORT_SHOWN) lines.push(cliSays.moreUnits(list.length - REPORT_SHOWN));
  if (list.length) lines.push(cliSays.reminderTexts(path.basename(texts)));
  // The names no 催办单 went to: the office's to check, in a file beside the 催办单.
  if (toCheck.length) {
    await writeWhole(path.join(dir, NAMES_TO_CHECK_FILE), async (tmp) => fs.writeFileSync(tmp, namesToCheckText(toCheck)));
    lines.push(cliSays.namesToCheck(toCheck.map((n) => n.name), NAMES_TO_CHECK_FILE));
  }
  io.out(lines.join("\n"));
  return 0;
}

/** Items of a merge report section printed at most; the whole list goes into the output workbook. */
const REPORT_SHOWN = 20;

async function runMerge(book: string, files: readonly string[], values: Values, io: Io): Promise<number> {
  const out = outputOf(book, values, "merge");
  if (files.length === 0) throw new InputError({ code: "returns-needed" });
  const port = await openBook(book);
  const today = parseToday(values.today);
  const request = await requestOf(values);
  const chosen: { name: string; bytes: Uint8Array }[] = [];
  const unreadable: NotReturnFile[] = [];
  for (const f of files) {
    try {
      chosen.push({ name: path.basename(f), bytes: readInput(f) });
    } catch (e) {
      if (e instanceof InputError) unreadable.push({ file: path.basename(f), why: e.detail });
      else throw e;
    }
  }
  const returned = await readReturnFiles(formFiles, chosen);
  const plan = await planMerge(port, today, { returns: returned.returns, notReturns: [...unreadable, ...returned.notReturns] }, request);
  const written = await writeMerge(port, today, plan, request);
  const sections = mergeReportSections(written, "zh", "cli");
  const report = mergeReportLayout(written, port.workbook.worksheets.map((w) => w.name));
  if (report) await bookOf(port).addSheet(report);
  await saveWorkbook(port.workbook, book, out, io);
  const lines = [cliSays.merged(mergedText(written), out)];
  for (const { title, items } of sections) {
    lines.push(cliSays.reportSection(title, items.length), ...items.slice(0, REPORT_SHOWN).map(cliSays.reportItem));
    if (items.length > REPORT_SHOWN) lines.push(cliSays.moreItems(items.length - REPORT_SHOWN));
  }
  if (report) lines.push(cliSays.reportWhere(report.name, sections.some((s) => s.items.length > REPORT_SHOWN)));
  lines.push(cliSays.undoHint);
  io.out(lines.join("\n"));
  return 0;
}

async function runBulletin(book: string, values: Values, io: Io): Promise<number> {
  const out = newFileOf(book, values, "bulletin");
  if (!/\.docx$/i.test(out)) throw new InputError({ code: "bulletin-not-docx", file: out });
  const b = await makeBulletin(await openBook(book), parseToday(values.today), await requestOf(values));
  await writeWhole(out, async (tmp) => fs.writeFileSync(tmp, await documentFiles.bytes(b.document)));
  const t = b.summary.totals;
  io.out(cliSays.bulletinWritten(b.summary.quarter, b.office.issuer, b.office.docNumber, t.tasks, t.reported, b.summary.gapTasks.length, out));
  if (b.office.districtFrom === "none") io.out(cliSays.bulletinNoDistrict);
  if (!b.office.docNumber) io.out(cliSays.bulletinNoDocNumber);
  return 0;
}

async function runSettings(book: string, values: Values, io: Io): Promise<number> {
  const info = await bookOf(await openBook(book)).info();
  const { settings, problems } = parseSettings(readMetadata(info.metadata).settings ?? info.legacySettings);
  const stored = JSON.parse(settingsJson(settings)) as Record<string, unknown>;
  if (values.json) {
    io.out(JSON.stringify({ file: book, settings: stored, problems: problems.map((p) => ({ code: p.code, message: say(p, "zh", "cli") })) }, null, 2));
    return 0;
  }
  const lines = [cliSays.settingsOf(book)];
  if (!Object.keys(stored).length) lines.push(cliSays.noSettings);
  for (const [k, v] of Object.entries(stored)) lines.push(cliSays.setting(k, v));
  for (const p of problems) lines.push(cliSays.hint(say(p, "zh", "cli")));
  io.out(lines.join("\n"));
  return 0;
}

/** A failure as what the person is told: the message of the product's own errors, in Chinese. */
function failure(e: unknown): { code: string; message: string } | undefined {
  if (e instanceof InputError) return { code: "input", message: cliText(e.detail) };
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
    return bad("usage", cliText({ code: "usage-bad", reason: (e as Error).message }));
  }
  const { values, positionals } = parsed;
  const [command, book, ...rest] = positionals;
  if (values.help || command === "help") {
    io.out(CLI_USAGE);
    return 0;
  }
  if (!command) return bad("usage", CLI_USAGE);
  if (!COMMANDS.includes(command)) return bad("usage", cliText({ code: "command-unknown", command, commands: COMMANDS }));
  if (!book) return bad("usage", cliText({ code: "book-needed", command }));
  if (rest.length && command !== "merge") return bad("usage", cliText({ code: "extra-arguments", args: rest }));
  try {
    if (command === "merge") return await runMerge(book, rest, values, io);
    const runners = { check: runCheckCommand, summary: runSummary, clear: runClear, directory: runDirectory, import: runImport, split: runSplit, settings: runSettings, remind: runRemind, bulletin: runBulletin };
    return await runners[command as keyof typeof runners](book, values, io);
  } catch (e) {
    const f = failure(e);
    if (!f) throw e;
    return bad(f.code, f.message, cliSays.error(""));
  }
}

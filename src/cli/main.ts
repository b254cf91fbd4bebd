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
import { checkJson, checkReport } from "./report";
import { InputError, openWorkbook, pickLedgerSheet, sheetGrid } from "./xlsx";

const USAGE = `督办助手命令行

用法：
  duban check BOOK.xlsx [--sheet 工作表] [--directory 目录.xlsx] [--quarter 2026Q3] [--json]
      检查台账：责任单位是否规范、本季度进展是否齐全。
      退出码：0 没有问题，1 发现问题，2 输入有误。
  duban directory BOOK.xlsx -o 目录.xlsx [--sheet 工作表]
      根据台账中出现的单位，生成一份“部门目录”草稿供人工核对。

选项：
  --sheet NAME        要检查的工作表（默认：第一个有台账表头的工作表）
  --directory FILE    部门目录工作簿（默认：本工作簿中的“部门目录”工作表）
  --quarter 2026Q3    检查的季度（默认：台账年度中最近一个已结束的季度）
  --min-length N      进展少于 N 个字视为套话（默认 8）
  --json              输出一个 JSON 对象，供其他程序使用
  -o, --output FILE   directory 命令的输出文件
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
      json: { type: "boolean", default: false },
      output: { type: "string", short: "o" },
      today: { type: "string" },
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

async function runCheck(book: string, values: ReturnType<typeof parse>["values"], io: Io): Promise<number> {
  const quarter = values.quarter === undefined ? undefined : parseQuarter(values.quarter);
  if (values.quarter !== undefined && !quarter) throw new InputError(`--quarter 应写成 2026Q3 这样的形式（年份加 Q1 到 Q4），收到“${values.quarter}”。`);
  const today = parseToday(values.today);
  const minText = values["min-length"];
  const minProgressLength = minText === undefined ? undefined : Number(minText);
  if (minProgressLength !== undefined && !(Number.isInteger(minProgressLength) && minProgressLength >= 0 && minProgressLength <= 200)) {
    throw new InputError(`--min-length 应为 0 到 200 之间的整数（进展少于这么多字视为套话），收到“${minText}”。`);
  }
  const wb = await openWorkbook(book);
  const directory = await loadDirectory(wb, values.directory);
  const grid = pickLedgerSheet(wb, values.sheet, book);
  const result = check(grid, directory, { ...(quarter ? { quarter } : {}), ...(minProgressLength !== undefined ? { minProgressLength } : {}), today });
  io.out(values.json ? JSON.stringify(checkJson(book, result, directory), null, 2) : checkReport(book, result, directory));
  return result.findings.length > 0 ? 1 : 0;
}

async function runDirectory(book: string, values: ReturnType<typeof parse>["values"], io: Io): Promise<number> {
  const out = values.output;
  if (!out) throw new InputError("directory 命令需要 -o 指定输出文件，例如：duban directory 台账.xlsx -o 部门目录.xlsx");
  if (path.resolve(out) === path.resolve(book)) throw new InputError("输出文件不能与输入的台账相同：命令行从不改写输入文件，请用 -o 指定另一个文件名。");
  const wb = await openWorkbook(book);
  const ledger = readLedger(pickLedgerSheet(wb, values.sheet, book));
  const units = proposeDirectory(ledger);
  const outWb = new ExcelJS.Workbook();
  const ws = outWb.addWorksheet(DIRECTORY_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "单位名称", key: "name", width: 30 },
    { header: "别名", key: "aliases", width: 30 },
    { header: "曾用名", key: "former", width: 20 },
    { header: "类别", key: "category", width: 10 },
    { header: "状态", key: "status", width: 8 },
    { header: "出现次数", key: "count", width: 10 },
    { header: "出现位置", key: "cells", width: 28 },
  ];
  for (const u of units) {
    ws.addRow({ name: u.name, aliases: u.aliases.join("、"), former: "", category: u.category, status: "有效", count: u.count, cells: u.cells.join("、") });
  }
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await outWb.xlsx.writeFile(out);
  io.out(`已根据“${ledger.sheet}”中的 ${ledger.tasks.length} 项任务生成部门目录草稿：${units.length} 个单位 → ${out}`);
  io.out("请人工核对：确认“单位名称”为规范全称，把简称放入“别名”，把更名前的名称放入“曾用名”。");
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
  if (command !== "check" && command !== "directory") {
    io.err(`未知命令“${command}”：可用的命令是 check 和 directory。\n\n${USAGE}`);
    return 2;
  }
  if (!book) {
    io.err(`${command} 命令需要一个 .xlsx 台账文件，例如：duban ${command} 台账.xlsx`);
    return 2;
  }
  if (rest.length) {
    io.err(`多余的参数：${rest.join(" ")}。一次只检查一个工作簿。`);
    return 2;
  }
  try {
    return command === "check" ? await runCheck(book, values, io) : await runDirectory(book, values, io);
  } catch (e) {
    if (e instanceof InputError || e instanceof LedgerError || e instanceof DirectoryError) {
      io.err(`错误：${e.message}`);
      return 2;
    }
    throw e;
  }
}

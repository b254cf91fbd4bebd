// What the product says, in Chinese and English, on the pane and the command line: each message's
// sentence carries its values and the way to fix it that fits where it is read (the 设置 tab, or an
// option). The sentences' words themselves are not pinned here (mutation testing leaves them out, see
// docs/quality.md); the choices in them are: which sentence, which branch, plurals, numbers, lists.
import * as fs from "fs";
import * as path from "path";
import {
  annexCountsText,
  AppError,
  batchLabelText,
  classLabel,
  classReasonText,
  cliSays,
  cliText,
  corruptWhy,
  directorySourceName,
  dueWords,
  findingText,
  kindName,
  LANGUAGES,
  listOf,
  mergeBatchLabel,
  mergedText,
  mergeReportSections,
  messageOf,
  noticeFlagsText,
  noticeFlagText,
  noticeItemPlace,
  notReturnText,
  noUnitName,
  pageText,
  paneText,
  problemText,
  quarterName,
  reminderLine,
  rowRuns,
  say,
  selfTestStepName,
  selfTestStepText,
  selfTestText,
  taskName,
  taskShortName,
  unresolvedWhy,
  words,
  type CliMessage,
  type Message,
} from "../../src/app/messages";
import { HostError } from "../../src/app/port";
import { EngineError } from "../../src/core/messages";
import { parseNotice } from "../../src/core/notice";
import type { MergeReport } from "../../src/core/returns";
import type { Finding } from "../../src/core/types";

const HAN = /\p{Script=Han}/u;
/** The sentence in the four places it can be read. */
const all = (m: Message) => ({ zh: say(m), zhCli: say(m, "zh", "cli"), en: say(m, "en"), enCli: say(m, "en", "cli") });

describe("which sentence for which message", () => {
  test("the engine's, the host's and the application's codes each have their own sentence, with their values", () => {
    expect(say({ code: "sheet-empty", sheet: "台账" })).toBe("工作表“台账”是空的：请打开台账所在的工作表（应有表头行，如“序号”“目标任务”“责任单位”，和其下的任务行）。");
    expect(say({ code: "sheet-missing", sheet: "台账" })).toBe("找不到工作表“台账”：它可能已被删除或改名，请重新检查。");
    expect(say({ code: "notice-empty" })).toMatch(/^没有找到编号的任务/);
    expect(say({ code: "sheet-empty", sheet: "台账" }, "en")).toBe('Sheet "台账" is empty: open the ledger\'s sheet (a header row such as 序号, 目标任务, 责任单位, with task rows below).');
    expect(say({ code: "sheet-missing", sheet: "台账" }, "en")).toBe('Sheet "台账" is gone (deleted or renamed?): check again.');
  });

  test("an error's message, and what is said of it; an unexpected error by its text", () => {
    const engine = new EngineError({ code: "no-lead-column" });
    const app = new AppError({ code: "directory-missing" });
    const host = new HostError({ code: "no-workbook" });
    expect(messageOf(engine)).toEqual({ code: "no-lead-column" });
    expect(messageOf(app)).toEqual({ code: "directory-missing" });
    expect(messageOf(host)).toEqual({ code: "no-workbook" });
    expect(messageOf(new Error("x"))).toBeUndefined();
    expect(messageOf("x")).toBeUndefined();
    expect(app).toMatchObject({ name: "AppError", message: "directory-missing" });
    expect(problemText(engine)).toBe(say({ code: "no-lead-column" }));
    expect(problemText(app, "en")).toBe(say({ code: "directory-missing" }, "en"));
    expect(problemText(new AppError({ code: "no-ledger-sheet", sheets: [] }), "zh", "cli")).toContain("--sheet");
    expect(problemText(new TypeError("x is undefined"))).toBe("x is undefined");
    expect(problemText("断网了")).toBe("断网了");
  });
});

describe("the engine's messages", () => {
  test("no header: where to set it, by the option or in 设置", () => {
    const s = all({ code: "no-header", sheet: "台账", rows: 20 });
    expect(s.zh).toContain("工作表“台账”的前 20 行中没有找到台账表头");
    expect(s.zh).toContain("请在“设置”页指定表头行和各列");
    expect(s.zhCli).toContain("请用 --header-row 指定表头行");
    expect(s.en).toContain("first 20 rows of sheet \"台账\"");
    expect(s.en).toContain("in Settings");
    expect(s.enCli).toContain("give it with --header-row");
  });

  test("no task column; a header row outside the sheet; a column setting unknown or not letters", () => {
    expect(all({ code: "no-task-column", sheet: "台账", row: 3 })).toEqual({
      zh: expect.stringContaining("工作表“台账”第 3 行的表头中没有任务列"),
      zhCli: expect.stringContaining("第 3 行"),
      en: expect.stringContaining('The header in row 3 of sheet "台账" has no task column'),
      enCli: expect.stringContaining("row 3"),
    });
    const outside = all({ code: "header-row-outside", sheet: "台账", row: 40, rows: 12 });
    expect(outside.zh).toBe("设置的表头行“40”不在工作表“台账”的 1 到 12 行之内。");
    expect(outside.zhCli).toBe("--header-row 给出的表头行“40”不在工作表“台账”的 1 到 12 行之内。");
    expect(outside.en).toBe('The header row 40 set in Settings is not within rows 1 to 12 of sheet "台账".');
    expect(outside.enCli).toBe('The header row 40 given with --header-row is not within rows 1 to 12 of sheet "台账".');
    expect(say({ code: "column-key-unknown", key: "leader", keys: ["lead", "co"] })).toBe("设置中的列“leader”无法识别：可设置的有 lead、co。");
    expect(say({ code: "column-key-unknown", key: "leader", keys: ["lead", "co"] }, "en")).toBe('The column setting "leader" is unknown: the settable ones are lead, co.');
    expect(say({ code: "column-letters-bad", key: "progress3", letters: "3" })).toBe("设置中“三季度进展”的列应写成列字母（如 D），收到“3”。");
    expect(say({ code: "column-letters-bad", key: "progress3", letters: "3" }, "en")).toBe('The Q3 progress column should be given as column letters (such as D), not "3".');
    // A key the table does not name: said as it is.
    expect(say({ code: "column-letters-bad", key: "x", letters: "3" })).toContain("设置中“x”的列");
    expect(say({ code: "column-letters-bad", key: "x", letters: "3" }, "en")).toContain("The x column");
  });

  test("no progress column for the quarter: the columns found, or none; the quarter as the person reads it", () => {
    const found = all({ code: "no-progress-column", sheet: "台账", quarter: "2026Q3", columns: ["上半年进展", "全年进展"] });
    expect(found.zh).toBe("工作表“台账”没有2026年第三季度的进展列（已识别的进展列：“上半年进展”、“全年进展”）：请在表头写“三季度进展”，或选择另一个季度。");
    expect(found.zhCli).toContain("或用 --quarter 指定要检查的季度。");
    expect(found.en).toBe('Sheet "台账" has no progress column for Q3 2026 (progress columns found: "上半年进展", "全年进展"): name a column "三季度进展", or choose another quarter.');
    expect(found.enCli).toContain("or give another quarter with --quarter.");
    const none = all({ code: "no-progress-column", sheet: "台账", quarter: "2026Q3", columns: [] });
    expect(none.zh).toContain("（没有识别到任何进展列）");
    expect(none.en).toContain(" (no progress column found)");
    // A quarter written otherwise is said as written.
    expect(say({ code: "no-progress-column", sheet: "台账", quarter: "下半年", columns: [] })).toContain("没有下半年的进展列（没有识别到任何进展列）：请在表头写“下半年进展”");
  });

  test("no lead column; no directory, where one comes from", () => {
    expect(say({ code: "no-lead-column" })).toMatch(/^没有识别到责任单位列/);
    expect(say({ code: "no-lead-column" }, "en")).toMatch(/^No lead-unit column/);
    const d = all({ code: "no-directory" });
    expect(d.zh).toContain("可在“目录”页根据台账创建");
    expect(d.zhCli).toContain("也未指定 --directory");
    expect(d.en).toContain("The Directory tab can make one");
    expect(d.enCli).toContain("no --directory");
  });

  test("hidden rows: their runs and how many tasks", () => {
    expect(say({ code: "hidden-rows", rows: [3, 4, 9] })).toBe("第 3–4、9 行被隐藏或筛选掉（3 项任务），已一并检查；定位到这些行之前请先取消筛选或隐藏。");
    expect(say({ code: "hidden-rows", rows: [3, 4, 9] }, "en")).toBe("Rows 3–4, 9 are hidden or filtered out (3 tasks) and were checked too; show them before going to them.");
  });

  test("several unit columns: which was read, which not and why", () => {
    const m: Message = {
      code: "unit-column-chosen",
      role: "lead",
      column: "C",
      label: "责任单位",
      others: [
        { column: "D", label: "牵头单位", hidden: true, former: false },
        { column: "E", label: "原责任单位", hidden: true, former: true },
        { column: "F", label: "单位", hidden: false, former: false },
      ],
    };
    expect(say(m)).toBe("有 4 列可作为牵头（责任）单位列：检查的是 C 列“责任单位”，未用 D 列“牵头单位”（隐藏列）、E 列“原责任单位”（隐藏列、旧名称）、F 列“单位”。若取错了，可在加载项“设置”页指定该列。");
    expect(say(m, "en")).toBe('4 columns could hold the lead-units: column C "责任单位" was checked, not column D "牵头单位" (hidden), column E "原责任单位" (hidden, a former name), column F "单位". If that is wrong, set the column in Settings.');
    expect(say({ ...m, role: "co", others: [{ column: "G", label: "旧配合单位", hidden: false, former: true }] })).toBe("有 2 列可作为配合单位列：检查的是 C 列“责任单位”，未用 G 列“旧配合单位”（旧名称）。若取错了，可在加载项“设置”页指定该列。");
    expect(say({ ...m, role: "cityLead", others: [] }, "en")).toMatch(/^1 columns could hold the city-leads/);
  });

  test("the directory's faults", () => {
    expect(say({ code: "directory-no-name-column", source: "目录.xlsx / Sheet1" })).toContain("部门目录“目录.xlsx / Sheet1”的前 10 行中没有“单位名称”列");
    expect(say({ code: "directory-no-name-column", source: "目录.xlsx" }, "en")).toContain('The directory "目录.xlsx" has no 单位名称 column');
    expect(say({ code: "directory-duplicate", name: "区财政局", row: 9, first: 3 })).toBe("部门目录第 9 行的单位名称“区财政局”与第 3 行重复：只用第 3 行，请删去或合并重复的一行。");
    expect(say({ code: "directory-duplicate", name: "区财政局", row: 9, first: 3 }, "en")).toBe('Row 9 of the directory repeats "区财政局" of row 3: only row 3 is used; delete or merge the repeat.');
    const shared: Message = { code: "directory-shared-alias", alias: "区城管", owner: "区城市管理执法局", ownerRow: 4, name: "区城管委员会", row: 8 };
    expect(say(shared)).toContain("别名“区城管”同时属于“区城市管理执法局”（第 4 行）和“区城管委员会”（第 8 行）");
    expect(say(shared, "en")).toContain('The alias "区城管" belongs to both "区城市管理执法局" (row 4) and "区城管委员会" (row 8)');
  });
});

describe("the hosts' messages", () => {
  test("a sheet that exists already; no workbook; too many merges; an old file; not an .xlsx", () => {
    expect(say({ code: "sheet-exists", sheet: "部门目录" })).toContain("已有名为“部门目录”的工作表");
    expect(say({ code: "sheet-exists", sheet: "部门目录" }, "en")).toContain('A sheet named "部门目录" exists');
    expect(say({ code: "no-workbook" })).toMatch(/^没有打开的工作簿/);
    expect(say({ code: "no-workbook" }, "en")).toMatch(/^No workbook is open/);
    expect(say({ code: "merges-unreadable", sheet: "台账" })).toContain("工作表“台账”的合并单元格太多");
    expect(say({ code: "merges-unreadable", sheet: "台账" }, "en")).toContain('Sheet "台账" has more merged cells');
    expect(say({ code: "file-old-format", name: "台账.xls" })).toContain("“台账.xls”是旧版 Excel（.xls）");
    expect(say({ code: "file-old-format", name: "台账.xls" }, "en")).toContain('"台账.xls" is an old Excel (.xls)');
    expect(say({ code: "file-not-xlsx", name: "说明.txt", ext: ".txt" })).toBe("“说明.txt”不是 .xlsx 工作簿（扩展名为 .txt）：应为用 Excel 或 WPS 保存的 .xlsx 文件。");
    expect(say({ code: "file-not-xlsx", name: "说明", ext: "" })).toBe("“说明”不是 .xlsx 工作簿：应为用 Excel 或 WPS 保存的 .xlsx 文件。");
    expect(say({ code: "file-not-xlsx", name: "说明.txt", ext: ".txt" }, "en")).toContain("(its extension is .txt)");
    expect(say({ code: "file-not-xlsx", name: "说明", ext: "" }, "en")).toBe('"说明" is not an .xlsx workbook: expected an .xlsx file saved by Excel or WPS.');
  });

  test("Excel failed: the action, what the error code means, what to do, what was put back", () => {
    const failed = (more: object) => ({ code: "excel-failed", action: "mark", error: "AccessDenied", ...more }) as Message;
    expect(say(failed({}))).toBe("标记台账失败：工作表或工作簿受保护：请先撤销保护后再试。");
    expect(say(failed({}), "en")).toBe("Marking the ledger failed: The sheet or workbook is protected: unprotect it, then try again.");
    expect(say(failed({ recovery: "clear-marks" }))).toBe("标记台账失败：工作表或工作簿受保护：请先撤销保护后再试。 已写上的标记可用“清除标记”恢复原样。");
    expect(say(failed({ recovery: "clear-marks" }), "en")).toContain(" Marks already written can be cleared with Clear marks.");
    expect(say(failed({ action: "write", recovery: "undo-merge" }))).toBe("写入台账失败：工作表或工作簿受保护：请先撤销保护后再试。 已写入的部分可用“撤销上次合并”恢复原样。");
    expect(say(failed({ recovery: "undo-merge" }), "en")).toContain(" What was written can be put back with Undo the last merge.");
    // An error code nobody explains: the code, for the administrator.
    expect(say(failed({ error: "GeneralException" }))).toBe("标记台账失败：请稍后重试；若仍失败，请把错误代码 GeneralException 告诉管理员。");
    expect(say(failed({ error: "" }))).toContain("错误代码 未知 告诉管理员");
    expect(say(failed({ error: "GeneralException" }), "en")).toContain("tell your administrator the error code GeneralException.");
    expect(say(failed({ error: "" }), "en")).toContain("the error code (none).");
    // A new sheet left unfinished, or the old one kept.
    expect(say(failed({ action: "add-sheet", error: "x", removedSheet: "责任分解台账" }))).toMatch(/未写完的“责任分解台账”已删除，请重新生成。$/);
    expect(say(failed({ action: "add-sheet", error: "x", removedSheet: "责任分解台账" }), "en")).toMatch(/ The unfinished sheet "责任分解台账" was deleted; make it again\.$/);
    expect(say(failed({ action: "summary", error: "x", removedSheet: "草稿", keptSheet: "2026年第三季度汇总" }))).toMatch(/原有的“2026年第三季度汇总”保持不变，未写完的新表已删除，请重新生成。$/);
    expect(say(failed({ action: "summary", error: "x", keptSheet: "2026年第三季度汇总" }), "en")).toMatch(/ The existing "2026年第三季度汇总" is as it was; the unfinished new one was deleted; make it again\.$/);
  });

  test("a protected sheet or workbook: nothing written, how to lift it", () => {
    expect(say({ code: "sheet-protected", sheet: "台账", action: "set-text" })).toBe("工作表“台账”受保护，修改单元格会被 Excel 拒绝，因此没有写入任何内容：请在“审阅”选项卡中点“撤销工作表保护”，完成后再重新保护。");
    expect(say({ code: "sheet-protected", sheet: "台账", action: "set-text" }, "en")).toContain("Excel would refuse this (changing the cell)");
    expect(say({ code: "workbook-protected" })).toMatch(/^工作簿的结构受保护/);
    expect(say({ code: "workbook-protected" }, "en")).toMatch(/^The workbook's structure is protected/);
  });

  test("a file that cannot be opened: why, as a person can act on it; the reader's own words only in English, and only when nothing better can be said", () => {
    const corrupt = (reason: string) => ({ code: "file-corrupt", name: "回报.xlsx", reason }) as Message;
    expect(say(corrupt("Corrupted zip: missing 120 bytes."))).toBe("“回报.xlsx”无法作为 .xlsx 工作簿打开：文件不完整（可能没有下载或复制完）。请重新获取原文件后再打开。");
    expect(say(corrupt("Corrupted zip: missing 120 bytes."), "en")).toBe('"回报.xlsx" cannot be opened as an .xlsx workbook: the file is incomplete (a download or copy that stopped?). Get the file again, then open it.');
    expect(say(corrupt("something odd"))).not.toContain("something odd");
    expect(say(corrupt("something odd"), "en")).toMatch(/the file may be damaged or incomplete\. .* \(something odd\)$/);
    expect(say(corrupt(""), "en")).toMatch(/then open it\.$/);
    expect(say(corrupt("Encrypted zip are not supported"), "en")).not.toContain("(Encrypted");
  });

  test("the readers' reasons, by kind", () => {
    for (const r of ["Encrypted zip are not supported", "file is ENCRYPTED"]) expect(corruptWhy(r)).toBe("encrypted");
    for (const r of ["End of central directory record signature not found", "End of data reached (data length = 0, asked index = 4)", "Corrupted zip: missing 120 bytes.", "Unexpected end of data", "truncated file"]) expect(corruptWhy(r)).toBe("incomplete");
    for (const r of [
      "Corrupted zip or bug: unexpected signature (\\x00\\x00, expected \\x50\\x4B\\x03\\x04)",
      "Corrupted zip : CRC32 mismatch",
      "Bug : uncompressed data size mismatch",
      "Corrupted zip : compression 00 unknown (inner file : a.xml)",
      "invalid block type",
      "invalid distance too far back",
      "invalid stored block lengths",
      "invalid code lengths set",
      "invalid literal/lengths set",
      "incorrect header check",
      "Corrupted zip: can't find end of central directory".replace("end of central directory", "the directory"),
      "Unsupported: multi-volumes zip",
    ])
      expect([r, corruptWhy(r)]).toEqual([r, "damaged"]);
    for (const r of ["12:3: unexpected close tag", "Cannot read properties of undefined (reading 'sheets')", "cannot set property x of undefined", "e.getSheet is not a function", "value is undefined", "Invalid XML"]) expect([r, corruptWhy(r)]).toEqual([r, "contents"]);
    for (const r of ["", "something odd", "1:2 no colon after", "invalid"]) expect([r, corruptWhy(r)]).toEqual([r, "unknown"]);
  });
});

describe("the application's messages", () => {
  test("no ledger sheet: the sheets there are, or none; how to name it", () => {
    const m = all({ code: "no-ledger-sheet", sheets: ["说明", "部门目录"] });
    expect(m.zh).toContain("（现有：“说明”、“部门目录”）");
    expect(m.zh).toContain("或在“设置”页选择台账工作表和表头行");
    expect(m.zhCli).toContain("请用 --sheet 指定台账工作表");
    expect(m.en).toContain('(sheets: "说明", "部门目录")');
    expect(m.en).toContain("choose it and its header row in Settings");
    expect(m.enCli).toContain("Name the sheet with --sheet");
    expect(say({ code: "no-ledger-sheet", sheets: [] })).toContain("（现有：无）");
    expect(say({ code: "no-ledger-sheet", sheets: [] }, "en")).toContain("(sheets: none)");
  });

  test("a sheet not found; the sheet of 设置 gone; the active sheet not the ledger, and why", () => {
    expect(say({ code: "sheet-not-found", sheet: "台帐", sheets: ["台账"] })).toBe("没有名为“台帐”的工作表；现有工作表：“台账”。");
    expect(say({ code: "sheet-not-found", sheet: "台帐", sheets: [] })).toBe("没有名为“台帐”的工作表；现有工作表：（无）。");
    expect(say({ code: "sheet-not-found", sheet: "台帐", sheets: ["台账", "说明"] }, "en")).toBe('There is no sheet named "台帐"; the sheets are "台账", "说明".');
    expect(say({ code: "sheet-not-found", sheet: "台帐", sheets: [] }, "en")).toBe('There is no sheet named "台帐"; the sheets are (none).');
    expect(say({ code: "ledger-setting-missing", sheet: "旧台账" })).toContain("设置中的台账工作表“旧台账”已不存在");
    expect(say({ code: "ledger-setting-missing", sheet: "旧台账" }, "en")).toContain('The ledger sheet "旧台账" set in Settings is gone');
    const active = (why: "made-by-addin" | "directory" | "not-a-ledger") => ({ code: "ledger-not-active", active: "汇总", sheet: "台账", why }) as Message;
    expect(say(active("made-by-addin"))).toBe("当前工作表“汇总”是督办助手生成的工作表，检查的是台账工作表“台账”。");
    expect(say(active("directory"))).toBe("当前工作表“汇总”是部门目录，检查的是台账工作表“台账”。");
    expect(say(active("not-a-ledger"))).toBe("当前工作表“汇总”不是台账，检查的是台账工作表“台账”。");
    expect(say(active("made-by-addin"), "en")).toBe('The active sheet "汇总" was made by the add-in; the ledger sheet "台账" was checked.');
    expect(say(active("directory"), "en")).toContain("is the directory");
    expect(say(active("not-a-ledger"), "en")).toContain("is not a ledger");
  });

  test("a unit's form; a quarter outside the ledger's year, how to confirm it", () => {
    expect(say({ code: "form-workbook", unit: "区财政局", quarter: "2026Q2" })).toMatch(/^这是发给“区财政局”的2026年第二季度进展填报表/);
    expect(say({ code: "form-workbook", unit: "区财政局", quarter: "2026Q2" }, "en")).toMatch(/^This is the Q2 2026 progress form for "区财政局"/);
    const o = all({ code: "quarter-outside-year", quarter: "2026Q3", year: 2025 });
    expect(o.zh).toMatch(/^2026年第三季度不在台账的年度（2025年）之内：.*按2026年第三季度检查.*确需如此，请确认后再检查；否则请选择2025年的季度。$/);
    expect(o.zhCli).toMatch(/确需如此，请加 --confirm-quarter；否则用 --quarter 指定2025年的季度。$/);
    expect(o.en).toMatch(/^Q3 2026 is outside the ledger's year \(2025\): .*checking Q3 2026 would .* Confirm if that is what you want; otherwise choose a quarter of the ledger's year\.$/);
    expect(o.enCli).toMatch(/Add --confirm-quarter if that is what you want\.$/);
  });

  test("settings stored wrongly, or entered wrongly: which, what it was, what is expected", () => {
    expect(say({ code: "setting-invalid", key: "headerRow", value: "0" })).toBe("工作簿中保存的设置“表头行”是“0”，应为正整数（行号）：本次未采用，请在“设置”页改正。");
    expect(say({ code: "setting-invalid", key: "headerRow", value: "0" }, "en")).toBe('The stored setting "header row" is "0", which is not valid: it was ignored. Correct it in Settings.');
    expect(say({ code: "setting-bad", key: "district", value: "江汉" })).toBe("“区（县）名称”应为以“区”“县”“市”或“旗”结尾的名称，如“江汉区”，收到“江汉”。");
    expect(say({ code: "setting-bad", key: "district", value: "江汉" }, "en")).toBe('"district" is not valid: "江汉".');
    expect(say({ code: "settings-unreadable" })).toMatch(/^工作簿中保存的督办助手设置无法读取/);
    expect(say({ code: "settings-unreadable" }, "en")).toMatch(/^The add-in's settings stored in the workbook cannot be read/);
  });

  test("the others: forms with no unit, a stale finding, a quarter unreadable, the directory, a file unreadable", () => {
    expect(say({ code: "notice-empty" }, "en")).toMatch(/^No numbered tasks found/);
    expect(say({ code: "forms-none", sheet: "台账" })).toContain("工作表“台账”的任务都没有责任单位");
    expect(say({ code: "forms-none", sheet: "台账" }, "en")).toContain('No task of sheet "台账" has a responsible unit');
    expect(say({ code: "finding-stale", cell: "C7" })).toContain("找不到 C7 原来的内容");
    expect(say({ code: "finding-stale", cell: "C7" }, "en")).toContain("Cell C7 no longer holds what was checked");
    expect(say({ code: "quarter-unreadable", text: "三季度" })).toContain("收到“三季度”");
    expect(say({ code: "quarter-unreadable", text: "三季度" }, "en")).toContain('not "三季度"');
    expect(say({ code: "directory-missing" })).toMatch(/^本工作簿没有“部门目录”工作表/);
    expect(say({ code: "directory-missing" }, "en")).toMatch(/^This workbook has no 部门目录 sheet/);
    expect(say({ code: "unit-already-listed", name: "区发改局" })).toContain("“区发改局”已在部门目录中");
    expect(say({ code: "unit-already-listed", name: "区发改局" }, "en")).toContain('"区发改局" is in the directory already');
    expect(say({ code: "alias-target-missing", name: "区城管局" })).toContain("部门目录中没有有效的单位“区城管局”");
    expect(say({ code: "alias-target-missing", name: "区城管局" }, "en")).toContain('no active unit "区城管局"');
    expect(say({ code: "file-unreadable", reason: "NotReadableError" })).toBe("文件读取失败：NotReadableError。请确认文件没有被其他程序占用后重试。");
    expect(say({ code: "file-unreadable", reason: "" })).toBe("文件读取失败：未知原因。请确认文件没有被其他程序占用后重试。");
    expect(say({ code: "file-unreadable", reason: "NotReadableError" }, "en")).toBe("The file could not be read (NotReadableError): make sure no other program holds it, then try again.");
    expect(say({ code: "file-unreadable", reason: "" }, "en")).toBe("The file could not be read: make sure no other program holds it, then try again.");
  });

  test("a quarter's column wholly empty: the quarter before to check instead, by the button or the option", () => {
    const m: Message = { code: "quarter-progress-empty", sheet: "台账", quarter: "2025Q4", column: "四季度进展", previous: "2025Q3" };
    const s = all(m);
    expect(s.zh).toBe("工作表“台账”的“四季度进展”列全部为空：2025年第四季度的进展可能还没有填报，或选错了季度，因此每项任务都算作未报送。要检查2025年第三季度，可点下面的按钮。");
    expect(s.zhCli).toMatch(/要检查2025年第三季度，请用 --quarter 2025Q3。$/);
    expect(s.en).toMatch(/^Column "四季度进展" of sheet "台账" is wholly empty: the Q4 2025 progress .* To check Q3 2025 instead, use the button below\.$/);
    expect(s.enCli).toMatch(/ To check Q3 2025, give --quarter 2025Q3\.$/);
    const none = all({ ...m, previous: undefined } as Message);
    expect(none.zh).toMatch(/每项任务都算作未报送。$/);
    expect(none.enCli).toMatch(/every task counts as not reported\.$/);
  });
});

describe("a finding as a sentence", () => {
  const base = { cell: "C7", row: 7, taskNo: "5", field: "lead" as const };
  const Q3 = { year: 2026, q: 3 as const };
  const f = (x: Partial<Finding> & Pick<Finding, "kind">): Finding => ({ ...base, ...x }) as Finding;

  test("the unit findings, each cause its own sentence", () => {
    expect(findingText(f({ kind: "missing-unit" }))).toBe("序号5（第7行）未填写责任单位：请在 C7 填写牵头单位。");
    expect(findingText(f({ kind: "missing-unit" }), "en")).toBe("No. 5 (row 7): no responsible unit: write the lead unit in C7.");
    expect(findingText(f({ kind: "missing-unit", cause: "error-value", value: "#REF!" }))).toBe("序号5（第7行）的责任单位是错误值“#REF!”（公式出错）：请在 C7 改为写明单位名称。");
    expect(findingText(f({ kind: "missing-unit", cause: "error-value", value: "#REF!", field: "co" }))).toContain("的配合单位是错误值");
    expect(findingText(f({ kind: "missing-unit", cause: "error-value", value: "#REF!" }), "en")).toContain('the lead unit cell holds the error "#REF!"');
    expect(findingText(f({ kind: "missing-unit", cause: "error-value", value: "#N/A", field: "co" }), "en")).toContain('the co-unit cell holds the error "#N/A"');
    expect(findingText(f({ kind: "missing-unit", cause: "city-only", value: "市发改委" }))).toBe("序号5（第7行）只写了市级单位（市发改委），缺少区级责任单位：请在 C7 写明区级牵头单位。");
    expect(findingText(f({ kind: "missing-unit", cause: "city-only", value: "市发改委" }), "en")).toBe("No. 5 (row 7): only city units are named (市发改委), no district unit: write the district lead unit in C7.");
    expect(findingText(f({ kind: "unknown-unit", value: "区卫键局", suggestions: ["区卫生健康局", "区卫健委"] }))).toBe("C7 中的“区卫键局”不在部门目录中，可能是“区卫生健康局”“区卫健委”。请改正，或把它加入部门目录。");
    expect(findingText(f({ kind: "unknown-unit", value: "区卫键局", suggestions: ["区卫生健康局", "区卫健委"] }), "en")).toBe('"区卫键局" in C7 is not in the directory; perhaps "区卫生健康局" or "区卫健委". Correct it, or add it to the directory.');
    expect(findingText(f({ kind: "unknown-unit", value: "区档案馆" }))).toBe("C7 中的“区档案馆”不在部门目录中，请核对名称，或把它加入部门目录。");
    expect(findingText(f({ kind: "unknown-unit", value: "区档案馆", suggestions: [] }), "en")).toBe('"区档案馆" in C7 is not in the directory. Check the name, or add it to the directory.');
    expect(findingText(f({ kind: "unknown-unit", cause: "shared-alias", value: "区城管", suggestions: ["甲", "乙"] }))).toBe("C7 中的“区城管”是部门目录中几个单位共用的简称（甲、乙）：请写明是哪一个。");
    expect(findingText(f({ kind: "unknown-unit", cause: "shared-alias", value: "区城管", suggestions: ["甲", "乙"] }), "en")).toBe('"区城管" in C7 is an alias several units share (甲, 乙): write which one.');
    expect(findingText(f({ kind: "renamed-unit", value: "区城管委", suggestions: ["区城市管理执法局"] }))).toBe("C7 中的“区城管委”已更名为“区城市管理执法局”，请改用现名。");
    expect(findingText(f({ kind: "renamed-unit", value: "区城管委" }))).toBe("C7 中的“区城管委”已更名为“”，请改用现名。");
    expect(findingText(f({ kind: "renamed-unit", value: "区城管委", suggestions: ["区城市管理执法局"] }), "en")).toBe('"区城管委" in C7 was renamed "区城市管理执法局": write its current name.');
    expect(findingText(f({ kind: "renamed-unit", value: "区城管委" }), "en")).toBe('"区城管委" in C7 was renamed "": write its current name.');
    expect(findingText(f({ kind: "renamed-unit", cause: "abolished", value: "区编办", suggestions: ["区委编办"] }))).toBe("C7 中的“区编办”已撤销，职能由“区委编办”承接，请改用“区委编办”。");
    expect(findingText(f({ kind: "renamed-unit", cause: "abolished", value: "区编办" }))).toBe("C7 中的“区编办”在部门目录中为撤销状态，请改为现在负责的单位。");
    expect(findingText(f({ kind: "renamed-unit", cause: "abolished", value: "区编办", suggestions: ["区委编办"] }), "en")).toBe('"区编办" in C7 was abolished; "区委编办" took over: write "区委编办".');
    expect(findingText(f({ kind: "renamed-unit", cause: "abolished", value: "区编办" }), "en")).toBe('"区编办" in C7 is abolished in the directory: write the unit responsible now.');
  });

  test("the progress findings: the quarter, its due date, the quarter before", () => {
    const p = (x: Partial<Finding> & Pick<Finding, "kind">) => f({ field: "progress", cell: "G7", quarter: Q3, ...x });
    expect(findingText(p({ kind: "missing-progress" }))).toBe("序号5（第7行）三季度进展未填写：请在 G7 填写（报送截止 2026-10-10）。");
    expect(findingText(p({ kind: "missing-progress" }), "en")).toBe("No. 5 (row 7): no Q3 progress: write it in G7 (due 2026-10-10).");
    expect(findingText(p({ kind: "missing-progress", cause: "error-value", value: " #N/A " }))).toBe("序号5（第7行）三季度进展是错误值“#N/A”（公式出错），不是进展：请在 G7 改为填写本季度进展（报送截止 2026-10-10）。");
    expect(findingText(p({ kind: "missing-progress", cause: "error-value", value: " #N/A " }), "en")).toBe('No. 5 (row 7): the Q3 progress is the error "#N/A" (a broken formula): write this quarter\'s progress in G7 (due 2026-10-10).');
    expect(findingText(p({ kind: "placeholder-progress", value: "正在按计划有序推进各项工作" }))).toBe("序号5（第7行）三季度进展只写了“正在按计划有序推进各项工…”：请在 G7 写明本季度具体做了什么、完成多少。");
    expect(findingText(p({ kind: "placeholder-progress", value: "暂无" }), "en")).toBe('No. 5 (row 7): the Q3 progress only says "暂无": write in G7 what was done this quarter and how much.');
    expect(findingText(p({ kind: "stale-progress" }))).toBe("序号5（第7行）三季度进展与二季度几乎相同：请在 G7 写本季度的新进展。");
    expect(findingText(p({ kind: "stale-progress" }), "en")).toBe("No. 5 (row 7): the Q3 progress is almost the same as Q2's: write this quarter's progress in G7.");
    expect(findingText(p({ kind: "stale-progress", quarter: { year: 2026, q: 1 } }))).toContain("一季度进展与上季度几乎相同");
    expect(findingText(p({ kind: "stale-progress", quarter: { year: 2026, q: 1 } }), "en")).toContain("the Q1 progress is almost the same as last quarter's");
    expect(findingText(p({ kind: "unquantified-progress" }))).toBe("序号5（第7行）的任务有量化目标，三季度进展中却没有任何数字：请在 G7 写明完成数或完成比例。");
    expect(findingText(p({ kind: "unquantified-progress" }), "en")).toBe("No. 5 (row 7): the task has a target with figures, but the Q3 progress has none: write in G7 how much was done.");
    expect(findingText(p({ kind: "overdue", deadline: "2026年6月底" }))).toBe("序号5（第7行）完成时限为 2026年6月底，已过期但未标记完成：请在 G7 写明完成情况或未完成的原因。");
    expect(findingText(p({ kind: "overdue" }))).toContain("完成时限为 ，");
    expect(findingText(p({ kind: "overdue", deadline: "2026年6月底" }), "en")).toBe("No. 5 (row 7): the deadline 2026年6月底 has passed and the task is not marked done: write in G7 whether it was finished, or why not.");
    expect(findingText(p({ kind: "overdue" }), "en")).toContain("the deadline  has passed");
    expect(findingText(p({ kind: "done-unsupported", cause: "stale" }))).toBe("序号5（第7行）标记为已完成，但三季度进展与上季度几乎相同，看不出完成的依据：请在 G7 写明何时完成、如何验收、成效如何。");
    expect(findingText(p({ kind: "done-unsupported", cause: "placeholder", value: "已完成" }))).toContain("标记为已完成，但三季度进展只写了“已完成”，看不出");
    expect(findingText(p({ kind: "done-unsupported", cause: "placeholder", value: " " }))).toContain("标记为已完成，但三季度进展未填写，看不出");
    expect(findingText(p({ kind: "done-unsupported", cause: "stale" }), "en")).toContain("marked done, but the Q3 progress repeats last quarter's: write in G7");
    expect(findingText(p({ kind: "done-unsupported", cause: "placeholder", value: "已完成" }), "en")).toContain('the Q3 progress only says "已完成": write');
    expect(findingText(p({ kind: "done-unsupported", cause: "placeholder" }), "en")).toContain("the Q3 progress is blank: write");
    // With no quarter (a unit cell's finding asked about progress): nothing to name.
    expect(findingText(p({ kind: "missing-progress", quarter: undefined }))).toBe("序号5（第7行）进展未填写：请在 G7 填写（报送截止 ）。");
  });

  test("short, for the list: without the task and the cell the list shows beside it", () => {
    expect(findingText(f({ kind: "missing-unit" }), "zh", true)).toBe("未填写责任单位：请在此填写牵头单位。");
    expect(findingText(f({ kind: "unknown-unit", value: "区档案馆" }), "zh", true)).toBe("“区档案馆”不在部门目录中，请核对名称，或把它加入部门目录。");
    expect(findingText(f({ kind: "unquantified-progress", quarter: Q3, field: "progress" }), "zh", true)).toBe("任务有量化目标，三季度进展中却没有任何数字：请在此写明完成数或完成比例。");
    expect(findingText(f({ kind: "missing-unit" }), "en", true)).toBe("no responsible unit: write the lead unit here.");
    expect(findingText(f({ kind: "unknown-unit", value: "区档案馆" }), "en", true)).toBe('"区档案馆" is not in the directory. Check the name, or add it to the directory.');
  });

  test("a task by its 序号, or by its row", () => {
    expect(taskName("5", 7)).toBe("序号5（第7行）");
    expect(taskName("", 7)).toBe("第7行");
    expect(taskName("5", 7, "en")).toBe("No. 5 (row 7)");
    expect(taskName("", 7, "en")).toBe("Row 7");
    expect(taskShortName("5", 7)).toBe("序号5");
    expect(taskShortName("", 7)).toBe("第7行");
    expect(taskShortName("5", 7, "en")).toBe("No. 5");
    expect(taskShortName("", 7, "en")).toBe("Row 7");
    expect(findingText(f({ kind: "missing-unit", taskNo: "" }))).toMatch(/^第7行未填写责任单位/);
  });
});

describe("small words", () => {
  test("kinds, classes, quarters, lists, places", () => {
    expect(kindName("overdue")).toBe("已过完成时限");
    expect(kindName("overdue", "en")).toBe("Past its deadline");
    expect(classLabel("欠进度")).toBe("欠进度");
    expect(classLabel("欠进度", "en")).toBe("Behind");
    expect(quarterName({ year: 2026, q: 3 })).toBe("2026年第三季度");
    expect(quarterName({ year: 2026, q: 3 }, "en")).toBe("Q3 2026");
    expect(listOf(["甲", "乙"])).toBe("甲、乙");
    expect(listOf(["a", "b"], "en")).toBe("a, b");
    expect(noUnitName()).toBe("（未填责任单位）");
    expect(noUnitName("en")).toBe("(no responsible unit)");
    expect(directorySourceName({ kind: "file", file: "目录.xlsx", sheet: "Sheet1" })).toBe("目录.xlsx / Sheet1");
    expect(directorySourceName({ kind: "file", file: "目录.xlsx", sheet: "Sheet1" }, "en")).toBe("目录.xlsx / Sheet1");
    expect(directorySourceName({ kind: "workbook" })).toBe("本工作簿“部门目录”工作表");
    expect(directorySourceName({ kind: "workbook" }, "en")).toBe("the sheet 部门目录 of this workbook");
    expect(LANGUAGES.map((l) => l.lang)).toEqual(["zh", "en"]);
  });

  test("rows as runs: consecutive rows joined, at most eight runs", () => {
    expect(rowRuns([5, 7, 8, 9, 12])).toBe("5、7–9、12");
    expect(rowRuns([5, 7, 8, 9, 12], "en")).toBe("5, 7–9, 12");
    expect(rowRuns([3])).toBe("3");
    expect(rowRuns([])).toBe("");
    expect(rowRuns([1, 3, 5, 7, 9, 11, 13, 15])).toBe("1、3、5、7、9、11、13、15");
    expect(rowRuns([1, 3, 5, 7, 9, 11, 13, 15, 17, 18])).toBe("1、3、5、7、9、11、13、15…");
    expect(rowRuns([1, 2, 4])).toBe("1–2、4");
  });

  test("the days to the due date, with English plurals", () => {
    expect(dueWords(3)).toBe("距报送截止还有 3 天");
    expect(dueWords(0)).toBe("今天报送截止");
    expect(dueWords(-4)).toBe("已逾期 4 天");
    expect(dueWords(1, "en")).toBe("1 day to the due date");
    expect(dueWords(2, "en")).toBe("2 days to the due date");
    expect(dueWords(0, "en")).toBe("due today");
    expect(dueWords(-1, "en")).toBe("1 day overdue");
    expect(dueWords(-2, "en")).toBe("2 days overdue");
  });

  test("a unit's 催办 in a line, a count of 0 left out", () => {
    expect(reminderLine({ unit: "区财政局", missing: 2, weak: 1 })).toBe("区财政局：未报送 2 项，需完善 1 项");
    expect(reminderLine({ unit: "区财政局", missing: 0, weak: 1 })).toBe("区财政局：需完善 1 项");
    expect(reminderLine({ unit: "区财政局", missing: 2, weak: 0 })).toBe("区财政局：未报送 2 项");
    expect(reminderLine({ unit: "区财政局", missing: 2, weak: 1 }, "en")).toBe("区财政局: 2 not reported, 1 to complete");
    expect(reminderLine({ unit: "区财政局", missing: 0, weak: 1 }, "en")).toBe("区财政局: 1 to complete");
  });

  test("why a task is in its class", () => {
    expect(classReasonText({ code: "not-reported" })).toBe("本季度进展未填写");
    expect(classReasonText({ code: "not-reported" }, "en")).toBe("No progress this quarter");
    expect(classReasonText({ code: "done-unsupported", by: "stale" })).toBe("标记已完成，但进展与上季度相同");
    expect(classReasonText({ code: "done-unsupported", by: "stale" }, "en")).toBe("Marked done, but the progress is last quarter's");
    expect(classReasonText({ code: "done-unsupported", by: "placeholder" })).toBe("标记已完成，但进展只有套话");
    expect(classReasonText({ code: "done-unsupported", by: "placeholder" }, "en")).toBe("Marked done, but the progress is only a placeholder");
    expect(classReasonText({ code: "done" }, "en")).toBe("Marked done");
    expect(classReasonText({ code: "says-behind", word: "滞后" })).toBe("进展中写有“滞后”");
    expect(classReasonText({ code: "says-ahead", word: "超时序进度" }, "en")).toBe('The progress says "超时序进度"');
    expect(classReasonText({ code: "overdue", deadline: "6月底" })).toBe("完成时限 6月底 已过，未标记完成");
    expect(classReasonText({ code: "overdue", deadline: "6月底" }, "en")).toBe("The deadline 6月底 has passed; not marked done");
    expect(classReasonText({ code: "placeholder" }, "en")).toBe("The progress is only a placeholder");
    expect(classReasonText({ code: "stale" }, "en")).toBe("The progress is last quarter's");
    expect(classReasonText({ code: "unquantified" })).toBe("已报送，但缺少数据");
    expect(classReasonText({ code: "reported" }, "en")).toBe("Reported");
    expect(classReasonText({ code: "figures", done: "217.6亿元", target: "255亿元", ratio: 0.8533, schedule: 0.75 })).toBe("217.6亿元为目标255亿元的85.3%，时序进度75%");
    expect(classReasonText({ code: "figures", done: "3个", target: "3个", ratio: 1, schedule: 0.5 })).toBe("3个为目标3个的100%，时序进度50%，已达全年目标");
    expect(classReasonText({ code: "figures", done: "3个", target: "3个", ratio: 1.2, schedule: 0.5 }, "en")).toBe('"3个" is 120% of the target "3个", with 50% of the year gone; the year\'s target is reached');
    expect(classReasonText({ code: "figures", done: "1个", target: "3个", ratio: 0.999, schedule: 0.25 }, "en")).toBe('"1个" is 99.9% of the target "3个", with 25% of the year gone');
  });
});

describe("a notice read for 导入", () => {
  test("each flag its sentence, with its values, in either language", () => {
    const flags = [
      { code: "count-differs", heading: "一、产业", stated: 5, found: 4 },
      { code: "restart-without-heading" },
      { code: "number-repeated", previous: 7 },
      { code: "number-gap", previous: 9 },
      { code: "number-starts-at", no: 3 },
      { code: "number-far-ahead", line: 40, start: "2026", previous: 12 },
      { code: "no-task" },
      { code: "no-unit" },
      { code: "city-only" },
      { code: "district-unit-as-city", unit: "区发改局" },
      { code: "city-unit-as-district", unit: "市发改委" },
    ] as const;
    const zh = flags.map((x) => noticeFlagText(x));
    const en = flags.map((x) => noticeFlagText(x, "en"));
    expect(zh[0]).toBe("“一、产业”写明共 5 项，识别到 4 项：请核对是否有任务漏读或并入了别的任务");
    expect(en[0]).toBe('"一、产业" states 5 items and 4 were read: check whether a task was missed or run into another');
    expect(zh[2]).toBe("序号重复：上一项也是 7");
    expect(en[2]).toBe("Number repeated: the item before is 7 too");
    expect(zh[3]).toBe("序号不连续：上一项为 9");
    expect(en[3]).toBe("Number out of sequence: the item before is 9");
    expect(zh[4]).toBe("序号从 3 开始");
    expect(en[4]).toBe("The numbering starts at 3");
    expect(zh[5]).toMatch(/^第 40 行以“2026”开头，但上一项是 12/);
    expect(en[5]).toMatch(/^Line 40 starts with "2026", too far after 12/);
    expect(zh[9]).toBe("市级牵头单位中有区级单位“区发改局”");
    expect(en[10]).toBe('A city unit among the district units: "市发改委"');
    // Every flag a sentence of its own in each language; Chinese in Chinese.
    expect(new Set(zh).size).toBe(flags.length);
    expect(new Set(en).size).toBe(flags.length);
    expect(zh.every((s) => HAN.test(s))).toBe(true);
    expect(en.filter((s) => /^[\x20-\x7e]+$/.test(s))).toHaveLength(8);
    expect(noticeFlagsText([flags[6], flags[7]])).toBe("未写任务内容；未写责任单位");
    expect(noticeFlagsText([flags[6], flags[7]], "en")).toBe("No task text; No responsible unit");
    expect(noticeFlagsText([])).toBe("");
  });

  test("the counts by annex, with the numbers as runs; an item's place", () => {
    const items = parseNotice(["附件1", "一、甲", "1.任务一。(责任单位:区财政局)", "2.任务二。(责任单位:区财政局)", "4.任务四。(责任单位:区财政局)", "附件2", "二、乙", "1.任务五。(责任单位:区商务局)"].join("\n"));
    expect(annexCountsText(items)).toBe("附件1 3 项（序号 1–2、4）；附件2 1 项（序号 1）");
    expect(annexCountsText(items, "en")).toBe("Annex 1: 3 items (No. 1–2, 4); Annex 2: 1 item (No. 1)");
    const plain = parseNotice("1.任务一。(责任单位:区财政局)\n2.任务二。(责任单位:区财政局)");
    expect(annexCountsText(plain)).toBe("2 项（序号 1–2）");
    expect(annexCountsText(plain, "en")).toBe("2 items (No. 1–2)");
    expect(noticeItemPlace({ line: 12, annex: 1, label: "3" })).toBe("第 12 行 附件1 序号3");
    expect(noticeItemPlace({ line: 12, label: "3" })).toBe("第 12 行 序号3");
    expect(noticeItemPlace({ line: 12, annex: 1, label: "3" }, "en")).toBe("Line 12, annex 1, No. 3");
    expect(noticeItemPlace({ line: 12, label: "3" }, "en")).toBe("Line 12, No. 3");
  });

  test("the 2026 Jiang'an notice: 184 items of its annex, 143 numbered on, then 四-1 to 四-41", () => {
    const items = parseNotice(fs.readFileSync(path.join(__dirname, "..", "..", "seeds", "sources", "002_4e4f19e7498f2113.txt"), "utf8"));
    expect(annexCountsText(items)).toBe("附件1 184 项（序号 1–143、四-1–四-41）");
  });
});

describe("分发 and 合并回报", () => {
  test("why a unit gets no form", () => {
    expect(unresolvedWhy("ambiguous")).toBe("是几个单位共用的简称");
    expect(unresolvedWhy("abolished")).toBe("已撤销，无承接单位");
    expect(unresolvedWhy("unknown")).toBe("不在部门目录中");
    expect(unresolvedWhy("ambiguous", "en")).toBe("is an alias several units share");
    expect(unresolvedWhy("abolished", "en")).toBe("was abolished, and no unit took over");
    expect(unresolvedWhy("unknown", "en")).toBe("is not in the directory");
  });

  test("why a file is not a returned form: the file named once, by the sentence or before it", () => {
    expect(notReturnText({ file: "台账.xlsx", why: { code: "return-unmarked" } })).toBe("“台账.xlsx”：不是督办助手分发的填报表（缺少“进展填报”工作表或其标识）");
    expect(notReturnText({ file: "a.xlsx", why: { code: "return-marker-incomplete" } })).toBe("“a.xlsx”：填报表的标识不完整（单位或季度缺失）");
    expect(notReturnText({ file: "a.xlsx", why: { code: "return-marker-incomplete" } }, "en")).toBe('"a.xlsx": the form\'s mark is incomplete (no unit or no quarter)');
    expect(notReturnText({ file: "a.xlsx", why: { code: "return-no-column", key: "督办键", progress: "一季度进展" } })).toBe("“a.xlsx”：填报表中找不到“督办键”或“一季度进展”列");
    expect(notReturnText({ file: "a.xlsx", why: { code: "return-no-column", key: "督办键", progress: "一季度进展" } }, "en")).toBe('"a.xlsx": the form has lost its key column, or its progress column for the quarter');
    // The file's own name is in these sentences already.
    expect(notReturnText({ file: "说明.txt", why: { code: "file-not-xlsx", name: "说明.txt", ext: ".txt" } })).toBe(say({ code: "file-not-xlsx", name: "说明.txt", ext: ".txt" }));
    expect(notReturnText({ file: "x", why: { code: "file-old-format", name: "x.xls" } })).toBe(say({ code: "file-old-format", name: "x.xls" }));
    expect(notReturnText({ file: "x", why: { code: "file-corrupt", name: "x.xlsx", reason: "" } })).toBe(say({ code: "file-corrupt", name: "x.xlsx", reason: "" }));
    expect(notReturnText({ file: "回报", why: { code: "input-missing", file: "回报" } as CliMessage })).toBe("找不到文件“回报”：请检查路径和文件名。");
    expect(notReturnText({ file: "回报", why: { code: "input-is-folder", file: "回报" } as CliMessage })).toBe("“回报”是文件夹，应为 .xlsx 工作簿文件。");
    // Other messages: the file, then what was said.
    expect(notReturnText({ file: "a.xlsx", why: { code: "file-unreadable", reason: "" } })).toBe("“a.xlsx”：文件读取失败：未知原因。请确认文件没有被其他程序占用后重试。");
    expect(notReturnText({ file: "a.xlsx", why: { code: "no-header", sheet: "S", rows: 20 } }, "zh", "cli")).toContain("--header-row");
    expect(notReturnText({ file: "a.xlsx", why: { code: "no-header", sheet: "S", rows: 20 } }, "zh", "pane")).not.toContain("--header-row");
    expect(notReturnText({ file: "a.xlsx", why: { code: "file-unreadable", reason: "" } }, "en")).toBe('"a.xlsx": The file could not be read: make sure no other program holds it, then try again.');
  });

  const report = (more: Partial<MergeReport> = {}): MergeReport => ({ unanswered: [], conflicts: [], notResponsible: [], editedOutside: [], unmatched: [], replaced: [], otherQuarter: [], ...more });

  test("the merge's report: a section for each thing found, the empty ones left out, long texts cut", () => {
    const long = "推进江汉路步行街提档升级，打造国际消费中心城市核心区示范街区。";
    const r = report({
      otherQuarter: [{ unit: "区财政局", quarter: "2026Q2" }],
      unanswered: [{ no: "3", row: 5, task: long }],
      conflicts: [{ no: "4", row: 6, units: ["区财政局", "区商务局"] }],
      notResponsible: [{ unit: "区商务局", no: "2", row: 4 }],
      editedOutside: [{ unit: "区财政局", no: "1", row: 3, fields: ["任务", "完成时限"] }],
      unmatched: [{ unit: "区财政局", no: "9", task: "短任务" }],
      replaced: [{ cell: "G3", no: "1", old: "旧的进展".repeat(12) }],
    });
    const zh = mergeReportSections({ report: r, notReturns: [{ file: "台账.xlsx", why: { code: "return-unmarked" } }] });
    expect(zh.map((s) => [s.title, s.items])).toEqual([
      ["不是填报表的文件", ["“台账.xlsx”：不是督办助手分发的填报表（缺少“进展填报”工作表或其标识）"]],
      ["其他季度的填报表（未合并）", ["区财政局：2026Q2"]],
      ["牵头单位未填报的任务", [`第5行 序号3：${long.slice(0, 30)}…`]],
      ["多个单位填报不一致（都已保留，按单位标注）", ["第6行 序号4：区财政局、区商务局"]],
      ["非责任单位的填报（未合并）", ["区商务局：第4行 序号2"]],
      ["改动了进展以外的内容（改动未采用）", ["区财政局：第3行 序号1（任务、完成时限）"]],
      ["台账中找不到的行", ["区财政局：序号9 短任务"]],
      ["覆盖了台账原有内容（原内容如下）", [`G3 序号1：${"旧的进展".repeat(10)}…`]],
    ]);
    const en = mergeReportSections({ report: r, notReturns: [] }, "en");
    expect(en.map((s) => s.items)).toEqual([
      ["区财政局: Q2 2026"],
      [`row 5, No. 3: ${long.slice(0, 30)}…`],
      ["row 6, No. 4: 区财政局, 区商务局"],
      ["区商务局: row 4, No. 2"],
      ["区财政局: row 3, No. 1 (任务, 完成时限)"],
      ["区财政局: No. 9 短任务"],
      [`G3 No. 1: ${"旧的进展".repeat(10)}…`],
    ]);
    expect(en[0]!.title).toBe("Forms of another quarter (not merged)");
    // A text of exactly the length kept is not cut.
    expect(mergeReportSections({ report: report({ unmatched: [{ unit: "甲", no: "1", task: "字".repeat(30) }] }), notReturns: [] })[0]!.items).toEqual([`甲：序号1 ${"字".repeat(30)}`]);
    expect(mergeReportSections({ report: report(), notReturns: [] })).toEqual([]);
    // A file that is not a form, said for the command line.
    expect(mergeReportSections({ report: report(), notReturns: [{ file: "a.xlsx", why: { code: "no-header", sheet: "S", rows: 20 } }] }, "zh", "cli")[0]!.items[0]).toContain("--header-row");
  });

  test("a merge's label, as stored and as read", () => {
    expect(mergeBatchLabel({ year: 2026, q: 1 })).toBe("合并回报 2026Q1");
    expect(batchLabelText("合并回报 2026Q1")).toBe("合并回报 2026Q1");
    expect(batchLabelText("合并回报 2026Q1", "en")).toBe("the merge of Q1 2026");
    expect(batchLabelText("改正单位 2026Q1", "en")).toBe("改正单位 2026Q1");
    expect(batchLabelText("x合并回报 2026Q1", "en")).toBe("x合并回报 2026Q1");
    expect(batchLabelText("合并回报 2026Q1x", "en")).toBe("合并回报 2026Q1x");
  });

  test("what a merge wrote, with English plurals", () => {
    const plan = (forms: number, cells: number) => ({ returns: Array(forms).fill(0), edits: Array(cells).fill(0), sheet: "台账", quarter: { year: 2026, q: 1 as const } });
    expect(mergedText(plan(2, 5))).toBe("已合并 2 份填报表，写入 5 个单元格（工作表“台账”，2026年第一季度进展）。");
    expect(mergedText(plan(1, 1), "en")).toBe('Merged 1 form, 1 cell written (sheet "台账", Q1 2026 progress).');
    expect(mergedText(plan(2, 5), "en")).toBe('Merged 2 forms, 5 cells written (sheet "台账", Q1 2026 progress).');
  });
});

describe("the pane's words and sentences", () => {
  test("the words by key, in each language", () => {
    expect(words("zh")("runCheck")).toBe("检查完整性");
    expect(words("en")("runCheck")).toBe("Check completeness");
  });

  test("the sentences with values: plurals, choices, counts", () => {
    const zh = paneText("zh");
    const en = paneText("en");
    expect(en.marksCleared(1)).toBe("Marks cleared from 1 cell, restored as they were.");
    expect(en.marksCleared(3)).toBe("Marks cleared from 3 cells, restored as they were.");
    expect(zh.marksCleared(3)).toBe("已清除 3 个单元格的标记，恢复为原来的样子。");
    expect(en.unitsAndFindings(1, 1)).toBe("1 unit, 1 finding");
    expect(en.unitsAndFindings(2, 3, 3)).toBe("2 units, 3 findings");
    expect(en.unitsAndFindings(2, 3, 5)).toBe("2 units, 3 findings; a finding on a task of several units is listed under each: 5 entries");
    expect(en.unitsAndFindings(2, 1, 1)).toBe("2 units, 1 finding");
    expect(en.unitsAndFindings(1, 0, 1)).toBe("1 unit, 0 findings; a finding on a task of several units is listed under each: 1 entry");
    expect(zh.unitsAndFindings(46, 74)).toBe("46 个单位，74 处问题");
    expect(zh.unitsAndFindings(46, 74, 107)).toBe("46 个单位，74 处问题；涉及几个单位的问题在每个单位下各列一次，共列出 107 条");
    expect(zh.summaryMade("2026年第三季度汇总", true)).toBe("已更新工作表“2026年第三季度汇总”");
    expect(zh.summaryMade("2026年第三季度汇总", false)).toBe("已生成工作表“2026年第三季度汇总”");
    expect(en.summaryMade("S", true)).toBe('Updated sheet "S"');
    expect(en.summaryMade("S", false)).toBe('Made sheet "S"');
    expect(zh.summaryTotals(7, 4, 4 / 7, 3)).toBe("任务 7 项，已报送 4 项（57.1%），未报送 3 项。");
    expect(en.summaryTotals(1, 1, 1, 0)).toBe("1 task, 1 reported (100.0%), 0 not reported.");
    expect(zh.noticeRead(184, 0)).toBe("识别到 184 项任务");
    expect(zh.noticeRead(184, 3)).toBe("识别到 184 项任务，其中 3 项需要核对");
    expect(en.noticeRead(1, 0)).toBe("1 task read");
    expect(en.noticeRead(184, 3)).toBe("184 tasks read, 3 to check");
    expect(zh.detectedColumn("G", "三季度进展", "progress", 3)).toBe("G列“三季度进展” → 进展（三季度）");
    expect(zh.detectedColumn("E", "一季度", "progress", 1)).toBe("E列“一季度” → 进展（一季度）");
    expect(zh.detectedColumn("C", "牵头单位", "lead")).toBe("C列“牵头单位” → 牵头（责任）单位");
    expect(en.detectedColumn("G", "三季度进展", "progress", 4)).toBe('Column G "三季度进展" → progress (Q4)');
    expect(en.detectedColumn("C", "牵头单位", "lead")).toBe('Column C "牵头单位" → lead units');
    expect(zh.columnSetting("progress3")).toBe("三季度进展列");
    expect(en.columnSetting("co")).toBe("Co-unit column");
    expect(zh.mergeUndone("合并回报 2026Q1", 5, [])).toBe("已撤销“合并回报 2026Q1”：5 个单元格恢复原样。");
    expect(zh.mergeUndone("合并回报 2026Q1", 5, ["G3", "G4"])).toBe("已撤销“合并回报 2026Q1”：5 个单元格恢复原样；2 个单元格在合并后又被修改过，保留现状（G3、G4）。");
    expect(zh.mergeUndone("L", 1, ["A1", "A2", "A3", "A4", "A5", "A6"])).toBe("已撤销“L”：1 个单元格恢复原样；6 个单元格在合并后又被修改过，保留现状（A1、A2、A3、A4、A5…）。");
    expect(zh.mergeUndone("L", 1, ["A1", "A2", "A3", "A4", "A5"])).toContain("保留现状（A1、A2、A3、A4、A5）。");
    expect(en.mergeUndone("L", 1, [])).toBe('Undone "L": 1 cell put back.');
    expect(en.mergeUndone("L", 2, ["A1", "A2", "A3", "A4", "A5", "A6"])).toBe('Undone "L": 2 cells put back; 6 cells changed since the merge kept as they are (A1, A2, A3, A4, A5…).');
    expect(en.mergeUndone("L", 2, ["A1"])).toBe('Undone "L": 2 cells put back; 1 cell changed since the merge kept as they are (A1).');
    expect(zh.mergePlanned(["区财政局", "区商务局"], 5)).toBe("2 份填报表（区财政局、区商务局），将写入 5 个单元格。");
    expect(zh.mergePlanned([], 0)).toBe("0 份填报表（无），将写入 0 个单元格。");
    expect(en.mergePlanned([], 0)).toBe("0 forms (none); 0 cells to write.");
    expect(en.mergePlanned(["A"], 1)).toBe("1 form (A); 1 cell to write.");
    expect(zh.unresolvedUnit("区卫键局", "不在部门目录中", ["C7", "C9"], 2)).toBe("“区卫键局”不在部门目录中，写在 C7、C9");
    expect(zh.unresolvedUnit("区卫键局", "不在部门目录中", ["C1", "C2", "C3", "C4", "C5"], 5)).toBe("“区卫键局”不在部门目录中，写在 C1、C2、C3、C4 等 5 处");
    expect(zh.unresolvedUnit("区卫键局", "不在部门目录中", ["C1", "C2", "C3", "C4"], 4)).toBe("“区卫键局”不在部门目录中，写在 C1、C2、C3、C4");
    expect(en.unresolvedUnit("X", "is not in the directory", ["C1", "C2", "C3", "C4", "C5"], 5)).toBe('"X" is not in the directory; written in C1, C2, C3, C4 and more (5 places)');
    expect(en.unresolvedUnit("X", "is not in the directory", ["C1"], 1)).toBe('"X" is not in the directory; written in C1');
    expect(zh.bulletinDownloaded("2026Q3通报.docx", "江汉区人民政府办公室", false, false)).toBe("已下载“2026Q3通报.docx”（江汉区人民政府办公室）。");
    expect(zh.bulletinDownloaded("f", "i", true, true)).toBe("已下载“f”（i）。台账标题中没有区名，通报中写作“区”，没有文号：可在“设置”页填写。");
    expect(zh.bulletinDownloaded("f", "i", false, true)).toBe("已下载“f”（i）。没有文号：可在“设置”页填写。");
    expect(en.bulletinDownloaded("f", "i", false, false)).toBe("Downloaded f (i).");
    expect(en.bulletinDownloaded("f", "i", true, true)).toBe("Downloaded f (i). no district in the ledger's title; no document number: set them in Settings.");
    expect(en.bulletinDownloaded("f", "i", true, false)).toBe("Downloaded f (i). no district in the ledger's title: set them in Settings.");
    expect(en.checkedLine("台账", 2, 1, 1)).toBe('Sheet "台账" · header row 2 · 1 task · 1 cell marked on the ledger');
    expect(en.checkQuarterInstead({ year: 2025, q: 3 })).toBe("Check Q3 2025 instead");
    expect(zh.checkQuarterInstead({ year: 2025, q: 3 })).toBe("改查2025年第三季度");
    expect(en.formsMade({ year: 2026, q: 1 }, 184, 63)).toBe("Q1 2026: 184 tasks for 63 responsible units. Each fills in only its Q1 progress column.");
    expect(zh.formsMade({ year: 2026, q: 1 }, 184, 63)).toBe("2026年第一季度：184 项任务，分发给 63 个责任单位。各单位只填写“一季度进展”一列。");
  });

  test("the page around the pane, in each language", () => {
    expect(pageText("zh").openFile).toBe("打开文件");
    expect(pageText("en").openFile).toBe("Open a file");
    expect(pageText("en").goTo("C7")).toBe("Go to C7");
  });
});

describe("the command line's sentences", () => {
  test("its mistakes: the usage after a wrong argument, what each command needs", () => {
    expect(cliText({ code: "usage-bad", reason: "未知选项 --x" })).toMatch(/^参数有误：未知选项 --x\n\n督办助手命令行/);
    expect(cliText({ code: "command-unknown", command: "chek", commands: ["check", "summary"] })).toMatch(/^未知命令“chek”：可用的命令是 check、summary。\n\n督办助手命令行/);
    expect(cliText({ code: "book-needed", command: "import" })).toBe("import 命令需要一个通知的文本文件，例如：duban import 通知.txt -o 台账.xlsx");
    expect(cliText({ code: "book-needed", command: "check" })).toBe("check 命令需要一个 .xlsx 台账文件，例如：duban check 台账.xlsx");
    expect(cliText({ code: "extra-arguments", args: ["a.xlsx", "b.xlsx"] })).toBe("多余的参数：a.xlsx b.xlsx。一次只处理一个工作簿。");
    expect(cliText({ code: "today-bad", text: "明天" })).toContain("收到“明天”");
    expect(cliText({ code: "min-length-bad", text: "-1" })).toContain("收到“-1”");
    expect(cliText({ code: "header-row-bad", text: "x" })).toContain("收到“x”");
    expect(cliText({ code: "directory-file-empty", file: "目录.xlsx" })).toContain("“目录.xlsx”");
    expect(cliText({ code: "output-and-in-place" })).toMatch(/^-o 和 --in-place 只能选一个/);
    expect(cliText({ code: "output-or-in-place", command: "summary" })).toBe("summary 命令需要 -o 指定输出文件（原文件不变），或用 --in-place 改写原文件，例如：duban summary 台账.xlsx -o 台账-汇总.xlsx");
    expect(cliText({ code: "output-or-in-place", command: "merge" })).toContain("-o 台账-合并.xlsx");
    expect(cliText({ code: "output-or-in-place", command: "other" })).toContain("-o 台账-other.xlsx");
    expect(cliText({ code: "output-is-input-in-place" })).toContain("--in-place");
    expect(cliText({ code: "output-needed", command: "bulletin" })).toBe("需要 -o 指定输出文件，例如：duban bulletin 台账.xlsx --quarter 2026Q3 -o 通报.docx");
    expect(cliText({ code: "output-needed", command: "other" })).toBe("需要 -o 指定输出文件，例如：duban other");
    expect(cliText({ code: "output-is-input" })).toMatch(/^输出文件不能与输入的台账相同/);
    expect(cliText({ code: "write-failed", file: "out.xlsx", reason: "EACCES", existed: true })).toBe("写入“out.xlsx”失败（EACCES）：原文件未改动。请检查磁盘空间和写入权限后重试。");
    expect(cliText({ code: "write-failed", file: "out.xlsx", reason: "EACCES", existed: false })).toContain("：没有写出文件。");
    expect(cliText({ code: "parts-would-be-lost", file: "台账.xlsx", parts: ["charts", "vba"] })).toMatch(/^“台账.xlsx”含有图表、宏（VBA），命令行改写时无法保留/);
    expect(cliText({ code: "notice-not-text", file: "通知.docx" })).toMatch(/^“通知.docx”是 .xlsx 或 .docx 文件/);
    expect(cliText({ code: "folder-needed", command: "split" })).toBe("split 命令需要 -o 指定输出文件夹，例如：duban split 台账.xlsx --quarter 2026Q1 -o 分发/");
    expect(cliText({ code: "folder-needed", command: "other" })).toBe("other 命令需要 -o 指定输出文件夹，例如：duban other");
    expect(cliText({ code: "output-is-file", command: "remind", dir: "催办.txt" })).toBe("“催办.txt”是文件：remind 命令的 -o 应为文件夹（每个单位一份催办单）。");
    expect(cliText({ code: "returns-needed" })).toMatch(/^merge 命令需要各单位交回的填报表/);
    expect(cliText({ code: "bulletin-not-docx", file: "通报.xlsx" })).toContain("收到“通报.xlsx”");
  });

  test("what it reports as it goes: counts, choices, lists", () => {
    expect(cliSays.summaryMade("汇总", true, { tasks: 7, reported: 4, rate: 4 / 7, missing: 3 }, "台账", 8, "out.xlsx")).toBe("已更新工作表“汇总”：7 项任务，已报送 4 项（57.1%），未报送 3 项；在“台账”上标记了 8 个单元格 → out.xlsx");
    expect(cliSays.summaryMade("汇总", false, { tasks: 1, reported: 1, rate: 1, missing: 0 }, "台账", 0, "o")).toMatch(/^已生成工作表“汇总”/);
    expect(cliSays.cleared(3, "o.xlsx")).toBe("已清除 3 个单元格的标记，恢复为原来的填充和批注 → o.xlsx");
    expect(cliSays.cleared(0, "o.xlsx")).toBe("没有督办助手的标记需要清除 → o.xlsx");
    expect(cliSays.partsDropped(["pivot-tables", "shapes"])).toBe("注意：原工作簿中的数据透视表、形状和文本框无法由命令行带到新文件中；原文件未改动，仍保留这些内容。");
    expect(cliSays.lostOnWrite([{ sheet: "台账", what: "filter" }, { sheet: "目录", what: "text-prefix" }])).toBe("注意：工作表“台账”的筛选条件、工作表“目录”中以撇号（'）标为文本的单元格无法由命令行保留到写出的文件中。");
    expect(cliSays.importCounts(parseNotice("1.任务一。(责任单位:区财政局)"))).toBe("任务数：1 项（序号 1）");
    const item = parseNotice("1.任务一。")[0]!;
    expect(cliSays.importFlag(item)).toBe("  第 1 行 序号1：未写责任单位");
    const place = (i: number) => ({ cell: `C${i}`, row: i, no: i % 2 ? String(i) : "", role: "牵头" as const });
    expect(cliSays.unresolvedUnit({ name: "区卫键局", reason: "unknown", suggestions: ["区卫生健康局", "区卫健委"], places: [place(7), place(8)] })).toBe("  “区卫键局”不在部门目录中，写在 C7（序号7）、C8；可能是“区卫生健康局”“区卫健委”");
    expect(cliSays.unresolvedUnit({ name: "甲", reason: "ambiguous", suggestions: [], places: [1, 2, 3, 4, 5, 6].map(place) })).toBe("  “甲”是几个单位共用的简称，写在 C1（序号1）、C2、C3（序号3）、C4、C5（序号5） 等 6 处");
    expect(cliSays.unresolvedUnit({ name: "甲", reason: "abolished", suggestions: [], places: [1, 2, 3, 4, 5].map(place) })).toBe("  “甲”已撤销，无承接单位，写在 C1（序号1）、C2、C3（序号3）、C4、C5（序号5）");
    expect(cliSays.merged("已合并 2 份填报表，写入 5 个单元格。", "o.xlsx")).toBe("已合并 2 份填报表，写入 5 个单元格→ o.xlsx");
    expect(cliSays.merged("已合并。。", "o")).toBe("已合并。→ o");
    expect(cliSays.reportWhere("合并报告2026Q1", true)).toBe("完整清单见输出工作簿的“合并报告2026Q1”工作表。");
    expect(cliSays.reportWhere("合并报告2026Q1", false)).toBe("以上清单也写在输出工作簿的“合并报告2026Q1”工作表中。");
    expect(cliSays.bulletinWritten({ year: 2026, q: 3 }, "江汉区人民政府办公室", "江汉政办〔2026〕1号", 7, 4, 5, "通报.docx")).toBe("已写出2026年第三季度通报（江汉区人民政府办公室，江汉政办〔2026〕1号）：7 项任务，已报送 4 项，需补报和完善 5 项 → 通报.docx");
    expect(cliSays.bulletinWritten({ year: 2026, q: 3 }, "江汉区人民政府办公室", undefined, 7, 4, 5, "o")).toMatch(/^已写出2026年第三季度通报（江汉区人民政府办公室）：/);
    expect(cliSays.checkQuarter({ year: 2026, q: 3 })).toBe("检查季度：2026年第三季度（报送截止 2026-10-10）");
    expect(cliSays.checkDirectory({ kind: "workbook" }, 5)).toBe("部门目录：本工作簿“部门目录”工作表（5 个单位）");
    expect(cliSays.checkDirectory(undefined, 0)).toBe("部门目录：无");
    expect(cliSays.kindHead("overdue", 2)).toBe("【已过完成时限】2 处");
    expect(cliSays.findingsTotal(3, [["missing-unit", 1], ["overdue", 2]])).toBe("共 3 处问题：未填责任单位 1，已过完成时限 2。");
    expect(cliSays.formsWritten(4, { year: 2026, q: 3 }, "台账", 7, "分发/")).toBe("已为 4 个责任单位生成2026年第三季度填报表（工作表“台账”，7 项任务）→ 分发/");
    expect(cliSays.nothingToRemind({ year: 2026, q: 3 })).toMatch(/^2026年第三季度没有需要催办的单位/);
    expect(cliSays.remindersWritten(3, { year: 2026, q: 3 }, "台账", "催办/")).toBe("已为 3 个单位写出2026年第三季度催办单（工作表“台账”）→ 催办/");
    expect(cliSays.checkSheet("台账", 2, 7)).toBe("工作表：台账（表头在第 2 行，任务 7 项）");
  });
});

describe("Chinese and English differ everywhere they should", () => {
  test("each of the app's messages in English has words of English, and its Chinese has Chinese", () => {
    const messages: Message[] = [
      { code: "ledger-setting-missing", sheet: "S" },
      { code: "form-workbook", unit: "U", quarter: "2026Q1" },
      { code: "settings-unreadable" },
      { code: "notice-empty" },
      { code: "forms-none", sheet: "S" },
      { code: "directory-missing" },
      { code: "no-lead-column" },
      { code: "no-workbook" },
      { code: "workbook-protected" },
    ];
    for (const m of messages) {
      expect([m.code, HAN.test(say(m))]).toEqual([m.code, true]);
      expect([m.code, /[A-Za-z]{4,} [a-z]{2,}/.test(say(m, "en"))]).toEqual([m.code, true]);
    }
  });
});

describe("messages added with 应用's formulas, downloads and the self-test", () => {
  test("a formula is never written over", () => {
    expect(say({ code: "finding-formula", cell: "C7" })).toMatch(/^C7 是公式，督办助手不改写公式/);
    expect(say({ code: "finding-formula", cell: "C7" }, "en")).toMatch(/^C7 holds a formula, which the add-in never writes over/);
  });

  test("a download the pane cannot save: what works instead, by what the file is, and opening a form where the host can", () => {
    const m = (kind: "bulletin" | "reminder" | "reminders" | "form" | "forms", canOpen = true) => ({ code: "download-unavailable", file: "f.docx", kind, canOpen }) as Message;
    expect(say(m("bulletin"))).toBe("Excel for Mac 的任务窗格不能下载文件，“f.docx”没有保存。也可以用离线页（督办助手.html，用 Chrome 或 Edge 打开台账）或命令行（duban bulletin）生成同样的文件。");
    expect(say(m("bulletin"), "en")).toBe('Excel for Mac\'s pane cannot download files: "f.docx" was not saved. Make the same file with the offline page (督办助手.html, opening the ledger in Chrome or Edge) or the command line (duban bulletin).');
    expect(say(m("reminder"))).toContain("没有保存。催办短信可点“复制”后发出；也可以用离线页");
    expect(say(m("reminder"), "en")).toContain('was not saved. Copy the reminder text with "Copy" and send it; or make the same file');
    expect(say(m("reminders"))).toContain("（duban remind）");
    expect(say(m("form"))).toContain("可点该单位旁的“打开”");
    expect(say(m("forms"))).toContain("可点各单位旁的“打开”");
    expect(say(m("form"), "en")).toContain("(duban split)");
    // Where a form cannot be opened as a new workbook, only the page and the command.
    expect(say(m("form", false))).toBe("Excel for Mac 的任务窗格不能下载文件，“f.docx”没有保存。也可以用离线页（督办助手.html，用 Chrome 或 Edge 打开台账）或命令行（duban split）生成同样的文件。");
    expect(say(m("forms", false), "en")).toMatch(/was not saved\. Make the same file/);
    expect(say(m("reminder", false))).toContain("催办短信可点“复制”");
  });

  test("the names no 催办单 went to", () => {
    expect(paneText("zh").namesToCheck(["区停车办", "区城管"])).toMatch(/^单位名称待核对：区停车办、区城管。/);
    expect(paneText("en").namesToCheck(["区停车办", "区城管"])).toMatch(/^Names to check: 区停车办, 区城管\./);
    const many = Array.from({ length: 9 }, (_, i) => `单位${i + 1}`);
    expect(cliSays.namesToCheck(many, "单位名称待核对.txt")).toBe("9 个单位名称不在部门目录中，也无法确定是哪个单位，未生成催办单：单位1、单位2、单位3、单位4、单位5、单位6、单位7、单位8等。请在台账中改正或加入部门目录，见“单位名称待核对.txt”。");
    expect(cliSays.namesToCheck(many.slice(0, 8), "x.txt")).toContain("单位7、单位8。请在台账中改正");
  });

  test("the self-test's report: its count, the host, each step with its time and what went wrong", () => {
    expect(selfTestStepName("merge")).toBe("合并单元格");
    expect(selfTestStepName("merge", "en")).toBe("Merge cells");
    const pass = { step: "read", result: "pass", ms: 12 } as const;
    const mismatch = { step: "look", result: "fail", ms: 30, expected: "#FFC7CE", got: "null" } as const;
    const error = { step: "add-sheet", result: "fail", ms: 5, error: new HostError({ code: "workbook-protected" }) } as const;
    const skipped = { step: "clean-up", result: "skipped", ms: 0 } as const;
    expect(selfTestStepText(pass)).toBe("✓ 读取工作簿（12 ms）");
    expect(selfTestStepText(pass, "en")).toBe("✓ Read the workbook (12 ms)");
    expect(selfTestStepText(mismatch)).toBe("✗ 填充色和批注：写入并恢复（30 ms）：应为 #FFC7CE，实为 null");
    expect(selfTestStepText(mismatch, "en")).toBe("✗ Fill and note: set and put back (30 ms): expected #FFC7CE, got null");
    expect(selfTestStepText(error)).toBe(`✗ 添加自检工作表（5 ms）：${say({ code: "workbook-protected" })}`);
    expect(selfTestStepText(error, "en")).toBe(`✗ Add the scratch sheet (5 ms): ${say({ code: "workbook-protected" }, "en")}`);
    expect(selfTestStepText(skipped)).toBe("– 删除自检工作表，工作簿恢复原样：未运行（前面的步骤未通过）");
    expect(selfTestStepText(skipped, "en")).toBe("– Delete the scratch sheet; the workbook as it was: not run (an earlier step failed)");
    const report = { kind: "excel", about: { host: "Excel", version: "16.0", platform: "PC", apiSets: ["ExcelApi 1.1", "ExcelApi 1.18"] }, steps: [pass, mismatch], passed: 1, failed: 1 } as const;
    expect(selfTestText(report)).toBe("兼容性自检：通过 1 项，未通过 1 项\n宿主：Excel 16.0 PC；API 集：ExcelApi 1.1, ExcelApi 1.18\n✓ 读取工作簿（12 ms）\n✗ 填充色和批注：写入并恢复（30 ms）：应为 #FFC7CE，实为 null");
    expect(selfTestText(report, "en").split("\n").slice(0, 2)).toEqual(["Compatibility self-test: 1 passed, 1 failed", "Host: Excel 16.0 PC; API sets: ExcelApi 1.1, ExcelApi 1.18"]);
    expect(selfTestText({ ...report, about: { host: "WPS 表格" } }).split("\n")[1]).toBe("宿主：WPS 表格");
    expect(selfTestText({ ...report, about: { host: "Chrome", apiSets: [] } }, "en").split("\n")[1]).toBe("Host: Chrome");
    expect(selfTestText({ kind: "xlsx", steps: [], passed: 0, failed: 0 }).split("\n")).toEqual(["兼容性自检：通过 0 项，未通过 0 项", "宿主：xlsx"]);
  });
});

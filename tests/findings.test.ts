// 检查's list as the application layer hands it to the pane and the command line: the findings by
// kind, what each offers (a typo's correction first), what is said of the sheet shown, the two totals,
// and the small rules of item 9 (the download's name, a damaged file's reason in words).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  applyFixes,
  checkedFileName,
  checkNotes,
  corruptWhy,
  createApp,
  findingOffer,
  findingsByKind,
  findingsByUnit,
  fixableCount,
  fixesOfKind,
  HostError,
  messageOf,
  paneText,
  problemText,
  runCheck,
  say,
  unitFindingsCount,
  type CheckOutcome,
  type Finding,
} from "../src/app";
import { abbreviates, oneEditApart, readDirectory } from "../src/core/directory";
import { defaultIssuer } from "../src/core/district";
import { loadXlsx } from "../src/hosts/xlsx/open";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";
import { grid } from "./helpers/grid";

const TODAY = new Date(2026, 10, 22);
const Q3 = { year: 2026, q: 3 as const };

describe("the findings by kind", () => {
  let outcome: CheckOutcome;
  beforeAll(async () => {
    outcome = await runCheck(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3, mark: false });
  });

  test("in report order, each finding once, in reading order; the kinds with none left out", () => {
    const groups = findingsByKind(outcome.result.findings);
    expect(groups.map((g) => [g.kind, g.findings.map((f) => f.cell)])).toEqual([
      ["missing-unit", ["C8"]],
      ["unknown-unit", ["C7"]],
      ["renamed-unit", ["C5"]],
      ["missing-progress", ["G4", "G7", "G8"]],
      ["placeholder-progress", ["G5", "G6"]],
      ["overdue", ["G6"]],
    ]);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(outcome.result.findings.length);
    expect(findingsByKind([])).toEqual([]);
  });

  test("全部应用 counts what it corrects: a suggestion each, never an alias several units share", () => {
    expect(fixableCount(outcome, "renamed-unit")).toBe(1);
    expect(fixableCount(outcome, "unknown-unit")).toBe(1);
    expect(fixableCount(outcome, "missing-progress")).toBe(0);
    const shared = { kind: "unknown-unit", cause: "shared-alias", cell: "C9", row: 9, taskNo: "8", field: "lead", value: "区城管局", suggestions: ["区城市管理执法局", "区城管委员会"] } as Finding;
    const more = { ...outcome, result: { ...outcome.result, findings: [...outcome.result.findings, shared] } };
    expect(fixableCount(more, "unknown-unit")).toBe(1);
    expect(fixesOfKind(more, "unknown-unit").map((f) => f.finding.cell)).toEqual(["C7"]);
  });

  test("applyFixes resolves to how many it corrected, the number 全部应用 tells", async () => {
    const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
    const checked = await runCheck(port, TODAY, { quarter: Q3, mark: false });
    expect(await applyFixes(port, checked, fixesOfKind(checked, "renamed-unit"))).toBe(1);
    expect(paneText("zh").appliedAll("单位已更名或撤销", 1)).toBe("全部应用：已改正 1 处（单位已更名或撤销）。");
    expect(paneText("zh").applyAllCount(47)).toBe("全部应用（47 处）");
    expect(paneText("en").appliedAll("Unit renamed or abolished", 2)).toBe("Applied to all: 2 corrected (Unit renamed or abolished).");
  });

  test("应用 never writes over a formula: one fix is refused saying why, 全部应用 leaves the cell out; the formula stays", async () => {
    const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
    // 区城管委 (a former name) shown by a formula in C5, and 区卫键局 typed in C7.
    port.workbook.getWorksheet("台账")!.getCell("C5").value = { formula: 'CONCAT("区城","管委")', result: "区城管委" };
    const checked = await runCheck(port, TODAY, { quarter: Q3, mark: false });
    const renamed = fixesOfKind(checked, "renamed-unit");
    expect(renamed.map((f) => f.finding.cell)).toEqual(["C5"]);
    const refused = await applyFixes(port, checked, renamed).catch((e: unknown) => e);
    expect(messageOf(refused)).toEqual({ code: "finding-formula", cell: "C5" });
    expect(problemText(refused)).toBe("C5 是公式，督办助手不改写公式：请在公式所引用的单元格中改正单位名称，或把公式换成文字后再应用。");
    const typo = fixesOfKind(checked, "unknown-unit");
    expect(await applyFixes(port, checked, [...renamed, ...typo])).toBe(typo.length);
    expect(port.workbook.getWorksheet("台账")!.getCell("C5").value).toEqual({ formula: 'CONCAT("区城","管委")', result: "区城管委" });
  });
});

describe("what a finding offers", () => {
  const directory = readDirectory(grid(DESK_DIRECTORY));
  const unknown = (value: string, suggestions: string[]): Finding => ({ kind: "unknown-unit", cause: "not-in-directory", cell: "C7", row: 7, taskNo: "5", field: "lead", value, suggestions });

  test("a slip of one character from a spelling of the unit suggested is a typo: its correction first and foremost", () => {
    // 区卫键局 is one character from 区卫健局, an alias of 区卫生健康局.
    expect(findingOffer(unknown("区卫键局", ["区卫生健康局"]), directory)).toEqual({ corrections: ["区卫生健康局"], typo: true, addToDirectory: true, aliasOf: "区卫生健康局" });
    // 区卫健委 is one character from 区卫健局 too, but a 委 is no 局: another name (a former one, maybe),
    // and so is 区卫生委员会: correction and directory weigh the same.
    expect(findingOffer(unknown("区卫健委", ["区卫生健康局"]), directory)).toMatchObject({ typo: false });
    expect(findingOffer(unknown("区卫生委员会", ["区卫生健康局"]), directory)).toEqual({ corrections: ["区卫生健康局"], typo: false, addToDirectory: true, aliasOf: "区卫生健康局" });
    // Nothing suggested: only the directory.
    expect(findingOffer(unknown("区档案馆", []), directory)).toEqual({ corrections: [], typo: false, addToDirectory: true });
  });

  test("a renamed unit offers its current name, not the directory; a progress finding offers nothing; an alias several units share, which of them", () => {
    const renamed: Finding = { kind: "renamed-unit", cause: "former-name", cell: "C5", row: 5, taskNo: "3", field: "lead", value: "区城管委", suggestions: ["区城市管理执法局"] };
    expect(findingOffer(renamed, directory)).toEqual({ corrections: ["区城市管理执法局"], typo: false, addToDirectory: false });
    const progress: Finding = { kind: "missing-progress", cell: "G4", row: 4, taskNo: "2", field: "progress", value: "" };
    expect(findingOffer(progress, directory)).toEqual({ corrections: [], typo: false, addToDirectory: false });
    const shared: Finding = { kind: "unknown-unit", cause: "shared-alias", cell: "C9", row: 9, taskNo: "8", field: "lead", value: "区城管", suggestions: ["区城市管理执法局", "区财政局"] };
    expect(findingOffer(shared, directory)).toEqual({ corrections: ["区城市管理执法局", "区财政局"], typo: false, addToDirectory: false });
  });

  test("the engine's two name rules: one slip apart, and short for", () => {
    expect(oneEditApart("区卫键局", "区卫健局")).toBe(true);
    expect(oneEditApart("区卫健局", "区卫健局")).toBe(false);
    // Too short to tell a slip from another name; place names and spaces do not count.
    expect(oneEditApart("财局", "税局")).toBe(false);
    expect(oneEditApart("武汉市江汉区卫键局", "区卫健局")).toBe(true);
    expect(oneEditApart("区卫键局", "区卫生健康局")).toBe(false);
    // The last character names the kind of body (局, 委, 办): another one is another name, not a slip.
    expect(oneEditApart("区卫健委", "区卫健局")).toBe(false);
    expect(oneEditApart("区卫健局局", "区卫健局")).toBe(true);
    expect(abbreviates("区发改局", "区发展和改革局")).toBe(true);
    expect(abbreviates("发改局", "区发展和改革局")).toBe(true);
    expect(abbreviates("改发局", "区发展和改革局")).toBe(false);
    expect(abbreviates("局", "区财政局")).toBe(false);
  });
});

describe("what is said of the sheet shown, as it is now", () => {
  test("the ledger not active is said while the sheet named is still the one shown; gone once the person has switched", async () => {
    const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
    port.activate("部门目录");
    const outcome = await runCheck(port, TODAY, { quarter: Q3, mark: false });
    const said = (active?: string) => checkNotes(outcome, active).map((m) => m.code);
    expect(said("部门目录")).toContain("ledger-not-active");
    expect(said()).toContain("ledger-not-active");
    expect(said("台账")).not.toContain("ledger-not-active");
    const app = createApp({ port, today: () => TODAY });
    expect(await app.activeSheet()).toBe("部门目录");
    await app.select("台账", "G4");
    expect(await app.activeSheet()).toBe("台账");
  });

  test("a host that cannot say which sheet is shown: nothing is said, nothing thrown", async () => {
    const port = bookOf(DESK_LEDGER);
    port.read = () => Promise.reject(new Error("gone"));
    expect(await createApp({ port, today: () => TODAY }).activeSheet()).toBeUndefined();
  });
});

describe("the two totals say what each counts", () => {
  test("按单位 counts the findings once, as 按类型 does, and says when a finding is listed under several units", async () => {
    const outcome = await runCheck(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3, mark: false });
    const count = unitFindingsCount(findingsByUnit(outcome));
    // 9 findings; G4 and G6 are on tasks of two units each (lead and co): 12 entries.
    expect(count).toEqual({ units: 5, findings: outcome.result.findings.length, listed: 12 });
    expect(outcome.result.findings.length).toBe(9);
    const zh = paneText("zh");
    expect(zh.unitsAndFindings(count.units, count.findings, count.listed)).toBe("5 个单位，9 处问题；涉及几个单位的问题在每个单位下各列一次，共列出 12 条");
    expect(zh.unitsAndFindings(1, 1, 1)).toBe("1 个单位，1 处问题");
    expect(zh.findingsTotal(9)).toBe("共 9 处问题（每处只计一次）");
    expect(paneText("en").unitsAndFindings(5, 9, 12)).toBe("5 units, 9 findings; a finding on a task of several units is listed under each: 12 entries");
  });
});

describe("small things", () => {
  test("下载 saves under the name opened with 已检查, once", () => {
    expect(checkedFileName("2025年台账.xlsx")).toBe("2025年台账-已检查.xlsx");
    expect(checkedFileName("2025年台账-已检查.xlsx")).toBe("2025年台账-已检查.xlsx");
    expect(checkedFileName("2025年台账-已检查 (1).XLSX")).toBe("2025年台账-已检查 (1).xlsx");
    expect(checkedFileName("")).toBe("台账-已检查.xlsx");
  });

  test("the issuing office by default, written once: the district's 人民政府办公室, or 区人民政府办公室", () => {
    expect(defaultIssuer("江岸区")).toBe("江岸区人民政府办公室");
    expect(defaultIssuer("")).toBe("区人民政府办公室");
    expect(defaultIssuer(undefined)).toBe("区人民政府办公室");
  });

  test("the 文号's example is no real office's", () => {
    expect(paneText("zh").docNumberExample).toBe("如：某区政办〔2026〕1号");
    expect(say({ code: "setting-bad", key: "docNumber", value: "x\ny" })).not.toMatch(/江汉/);
  });
});

describe("a damaged .xlsx is said in the person's language, never in the reader's English", () => {
  async function goodBytes(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("台账").addRow(["序号", "目标任务"]);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }
  async function failure(bytes: Uint8Array): Promise<HostError> {
    const e = await loadXlsx(bytes, "台账.xlsx").then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    return e as HostError;
  }

  test("a file cut short, one with damaged bytes, one whose workbook does not parse: each its reason", async () => {
    const good = await goodBytes();
    const cut = await failure(good.subarray(0, Math.floor(good.length / 2)));
    const tail = await failure(good.subarray(0, good.length - 10));
    const flipped = good.slice();
    for (let i = 200; i < 400; i++) flipped[i]! ^= 0x55;
    const damaged = await failure(flipped);
    const zip = await JSZip.loadAsync(good);
    zip.file("xl/workbook.xml", "<workbook><sheets><sheet");
    const contents = await failure(await zip.generateAsync({ type: "uint8array" }));
    const reasons = [cut, tail, damaged, contents].map((e) => corruptWhy((e.detail as { reason: string }).reason));
    expect(reasons).toEqual(["incomplete", "incomplete", "damaged", "contents"]);
    for (const e of [cut, tail, damaged, contents]) {
      const zh = say(messageOf(e)!);
      expect(zh).toMatch(/^“台账.xlsx”无法作为 .xlsx 工作簿打开：/);
      // No word of the reader's English (the file's name and the programs' names aside).
      expect(zh.replace(/\.xlsx|Excel|WPS/g, "")).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(say(messageOf(cut)!)).toBe("“台账.xlsx”无法作为 .xlsx 工作簿打开：文件不完整（可能没有下载或复制完）。请重新获取原文件后再打开。");
  });

  test("the readers' other words: encrypted, a CRC, an inflate error; what is not known is said plainly, in English with the detail", () => {
    expect(corruptWhy("Encrypted zip are not supported")).toBe("encrypted");
    expect(corruptWhy("Corrupted zip : CRC32 mismatch")).toBe("damaged");
    expect(corruptWhy("invalid distance too far back")).toBe("damaged");
    expect(corruptWhy("Corrupted zip: missing 120 bytes.")).toBe("incomplete");
    expect(corruptWhy("1:9: text data outside of root node.")).toBe("contents");
    expect(corruptWhy("Something else")).toBe("unknown");
    const unknown = { code: "file-corrupt", name: "a.xlsx", reason: "Something else" } as const;
    expect(say(unknown)).toBe("“a.xlsx”无法作为 .xlsx 工作簿打开：文件可能已损坏或不完整。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再打开。");
    expect(say(unknown, "en")).toMatch(/\(Something else\)$/);
  });
});

// 兼容性自检 as a program over the port: a step that fails is said with what went wrong, the steps that
// need it are not run, and the workbook is still left as it was found; the report's text, as the
// installer copies it. (Each host passes it in the contract suite, tests/contract/port.ts.)
import { createApp, selfTest, selfTestStepText, selfTestText, SELF_TEST_STEPS, type SelfTestReport, type SelfTestStepName } from "../src/app";
import { METADATA_SHEET } from "../src/core/metadata";
import type { CellContent, CellLook, Op, ReadRequest, SheetGrid, WorkbookRead } from "../src/core/ops";
import type { CellValue } from "../src/core/types";
import { cellText } from "../src/core/text";
import { MemoryPort } from "./helpers/memoryPort";

const LEDGER = [["序号", "目标任务", "牵头单位"], [1, "新建口袋公园3个。", "区园林局"]];
const state = (p: MemoryPort) => ({ sheets: p.sheets.map((s) => s.name), active: p.active, cells: JSON.stringify([...p.sheets[0]!.cells]) });
const result = (r: SelfTestReport) => Object.fromEntries(r.steps.map((s) => [s.step, s.result]));

test("a host that fails at an operation: that step fails with the host's error, the rest go on, the workbook as it was", async () => {
  const port = MemoryPort.of({ 台账: LEDGER, 部门目录: [["单位名称"]] });
  port.active = "部门目录";
  const before = state(port);
  // Operation 0 adds the scratch sheet, 1 writes the values, 2 and 3 the merge's value and the merge.
  port.failAt = { index: 3, error: "InvalidOperation" };
  const report = await selfTest(port, () => 0);
  expect(result(report)).toEqual({ read: "pass", "add-sheet": "pass", values: "pass", merge: "fail", look: "pass", content: "pass", metadata: "pass", "replace-sheet": "pass", protection: "pass", "clean-up": "pass" });
  expect(report).toMatchObject({ passed: 9, failed: 1 });
  const merge = report.steps.find((s) => s.step === "merge")!;
  expect(selfTestStepText(merge)).toMatch(/^✗ 合并单元格（0 ms）：.*InvalidOperation/);
  expect(state(port)).toEqual(before);
  expect(port.sheets.some((s) => s.name === "_督办助手")).toBe(false);
});

test("a workbook whose structure is protected: said at 添加自检工作表, the steps on the sheet not run, nothing changed", async () => {
  const port = MemoryPort.of({ 台账: LEDGER });
  port.structureProtected = true;
  const before = state(port);
  const report = await selfTest(port, () => 0);
  expect(result(report)).toMatchObject({ read: "pass", "add-sheet": "fail", values: "skipped", merge: "skipped", metadata: "skipped", protection: "skipped", "clean-up": "pass" });
  expect(selfTestStepText(report.steps.find((s) => s.step === "values")!)).toBe("– 写入文本和数字：未运行（前面的步骤未通过）");
  expect(selfTestStepText(report.steps.find((s) => s.step === "add-sheet")!)).toBe("✗ 添加自检工作表（0 ms）：应为 工作簿结构未保护，实为 workbook-protected");
  expect(state(port)).toEqual(before);
});

test("a scratch sheet's name is taken: the next free one is used and deleted; the person's sheet of that name kept", async () => {
  const port = MemoryPort.of({ 台账: LEDGER, _督办助手_自检: [["我的"]] });
  const report = await selfTest(port, () => 0);
  expect(report.failed).toBe(0);
  expect(port.sheets.map((s) => s.name)).toEqual(["台账", "_督办助手_自检"]);
  expect(port.sheets[1]!.cells.get("A1")?.value).toBe("我的");
});

test("a metadata step stopped half-way: clean-up puts the records back as they were", async () => {
  const port = MemoryPort.of({ 台账: LEDGER });
  // The metadata step's second read fails after its row was written: operation 0 adds the sheet, then
  // values (1), merge (2, 3), look (4, 5), content (6, 7, 8); the metadata write is 9.
  let reads = 0;
  const read = port.read.bind(port);
  port.read = async (request) => {
    if (request.metadata && reads++ === 1) throw new Error("lost");
    return read(request);
  };
  const report = await selfTest(port, () => 0);
  expect(result(report).metadata).toBe("fail");
  expect(result(report)["clean-up"]).toBe("pass");
  expect(port.sheets.map((s) => s.name)).toEqual(["台账"]);
});

test("the report's text: the count first, then the host as the entry file describes it, then each step", async () => {
  const port = MemoryPort.of({ 台账: LEDGER });
  let t = 0;
  const app = createApp({ port, today: () => new Date(2026, 10, 22), now: () => (t += 12), about: () => ({ host: "Excel", version: "16.0.18129", platform: "PC", apiSets: ["ExcelApi 1.1", "ExcelApi 1.2"] }) });
  const report = await app.selfTest();
  const lines = selfTestText(report).split("\n");
  expect(lines[0]).toBe("兼容性自检：通过 10 项，未通过 0 项");
  expect(lines[1]).toBe("宿主：Excel 16.0.18129 PC；API 集：ExcelApi 1.1, ExcelApi 1.2");
  expect(lines[2]).toBe("✓ 读取工作簿（12 ms）");
  expect(lines).toHaveLength(12);
  const en = selfTestText(report, "en").split("\n");
  expect(en[0]).toBe("Compatibility self-test: 10 passed, 0 failed");
  expect(en[1]).toBe("Host: Excel 16.0.18129 PC; API sets: ExcelApi 1.1, ExcelApi 1.2");
  expect(selfTestText({ ...report, about: undefined } as SelfTestReport).split("\n")[1]).toBe("宿主：xlsx");
});

// A host that answers wrongly, one way per check: the check of that step catches it, says what it expected
// and what came instead, and the steps that do not depend on it still pass. (The memory port answers
// rightly; each case bends one of its answers or operations the way a host could get it wrong.)
type Bend = { read?: (answer: WorkbookRead, request: ReadRequest) => WorkbookRead; apply?: (ops: readonly Op[], port: MemoryPort) => Promise<void> | void };
const SCRATCH = "_督办助手_自检";
const looksWith = (answer: WorkbookRead, f: (look: CellLook) => CellLook): WorkbookRead => ({
  ...answer,
  looks: new Map([...answer.looks].map(([sheet, cells]) => [sheet, new Map([...cells].map(([a, look]) => [a, f(look)]))])),
});
const gridsWith = (answer: WorkbookRead, f: (grid: SheetGrid) => SheetGrid): WorkbookRead => ({ ...answer, grids: answer.grids.map((g) => ({ ...g, grid: f(g.grid) })) });

function bent(bend: Bend, spec: Record<string, readonly (readonly CellValue[])[]> = { 台账: LEDGER }): MemoryPort {
  const port = MemoryPort.of(spec);
  const read = port.read.bind(port);
  const apply = port.apply.bind(port);
  port.read = async (request) => (bend.read ? bend.read(await read(request), request) : read(request));
  port.apply = async (ops, action) => (bend.apply ? bend.apply(ops, port) : apply(ops, action));
  (port as unknown as { plainApply: typeof apply }).plainApply = apply;
  return port;
}
const plainApply = (port: MemoryPort, ops: readonly Op[]) => (port as unknown as { plainApply: MemoryPort["apply"] }).plainApply(ops, "self-test");

const WRONG: readonly { answer: string; step: SelfTestStepName; bend: Bend; expected: RegExp; got: RegExp; spec?: Record<string, readonly (readonly CellValue[])[]> }[] = [
  { answer: "the active sheet not among the sheets", step: "read", bend: { read: (a) => ({ ...a, active: "Sheet9" }) }, expected: /^工作表列表和当前工作表$/, got: /Sheet9/ },
  {
    answer: "the added sheet made active (as WPS's Sheets.Add does)",
    step: "add-sheet",
    bend: { apply: async (ops, p) => { await plainApply(p, ops); const add = ops.find((o) => o.op === "addSheet"); if (add?.op === "addSheet") p.active = add.name; } },
    expected: /^当前工作表仍为 台账$/,
    got: /^_督办助手_自检$/,
  },
  {
    answer: "the added sheet put at the end, not at the tab asked",
    step: "add-sheet",
    spec: { 台账: LEDGER, [METADATA_SHEET]: [["督办助手"]] },
    bend: { apply: (ops, p) => plainApply(p, ops.map((o) => (o.op === "addSheet" ? { ...o, position: p.sheets.length } : o))) },
    expected: /^_督办助手_自检 在第 2 个标签$/,
    got: /"_督办助手_自检"\]$/,
  },
  { answer: "a string that looks like a number read back as the number", step: "values", bend: { read: (a) => gridsWith(a, (g) => ({ ...g, rows: g.rows.map((r) => r.map((v) => (v === "0012" ? 12 : v))) })) }, expected: /文本仍为文本/, got: /12\]/ },
  { answer: "a merge not listed", step: "merge", bend: { read: (a) => gridsWith(a, (g) => ({ ...g, merges: [] })) }, expected: /^A4:B4 已合并$/, got: /^\[\]$/ },
  { answer: "no fill reported as white", step: "look", bend: { read: (a) => looksWith(a, (l) => ({ ...l, fill: l.fill ?? { color: "#FFFFFF" } })) }, expected: /^A1 无填充色$/, got: /#FFFFFF/ },
  { answer: "a fill not kept", step: "look", bend: { read: (a) => looksWith(a, (l) => ({ ...l, fill: null })) }, expected: /^A1 填充 #FFC7CE$/, got: /^null$/ },
  { answer: "a note not kept", step: "look", bend: { read: (a) => looksWith(a, (l) => ({ ...l, note: null })) }, expected: /^A1 批注为“自检”$/, got: /^null$/ },
  { answer: "a fill not taken off", step: "look", bend: { apply: (ops, p) => plainApply(p, ops.filter((o) => !(o.op === "fill" && o.fill === null))) }, expected: /^A1 恢复为无填充色$/, got: /FFC7CE/i },
  { answer: "a note not taken off", step: "look", bend: { apply: (ops, p) => plainApply(p, ops.filter((o) => !(o.op === "note" && o.text === null))) }, expected: /^A1 恢复为无批注$/, got: /^自检$/ },
  {
    answer: "a formula not put back",
    step: "content",
    bend: { read: (a, r) => (r.contents ? { ...a, contents: new Map([...a.contents].map(([s, m]) => [s, new Map([...m].map(([c, { formula: _formula, ...x }]) => [c, x as CellContent]))])) } : a) },
    expected: /^C1 为 =1\+1，格式 0\.00$/,
    got: /0\.00/,
  },
  { answer: "a text not written over a formula", step: "content", bend: { apply: (ops, p) => plainApply(p, ops.filter((o) => !(o.op === "values" && o.rows[0]?.[0] === "改写"))) }, expected: /^C1 显示“改写”$/, got: /^(?!改写)/ },
  { answer: "the metadata sheet's new row not kept", step: "metadata", bend: { read: (a) => (a.metadata ? { ...a, metadata: { ...a.metadata, rows: a.metadata.rows.filter((r) => r[0] !== "自检") } } : a) }, expected: /^记录表多出自检的一行$/, got: /^0$/ },
  {
    answer: "the metadata sheet left behind where there was none",
    step: "metadata",
    bend: { apply: (ops, p) => plainApply(p, ops.filter((o) => !(o.op === "deleteSheet" && o.name === METADATA_SHEET))) },
    expected: /^记录表恢复原样$/,
    got: /^1$/,
  },
  {
    answer: "a renamed sheet moved to the end (as a summary replaced in Excel once was)",
    step: "replace-sheet",
    spec: { 台账: LEDGER, [METADATA_SHEET]: [["督办助手"]] },
    bend: {
      apply: async (ops, p) => {
        await plainApply(p, ops);
        const rename = ops.find((o) => o.op === "renameSheet");
        if (rename?.op === "renameSheet") p.sheets.push(...p.sheets.splice(p.sheets.findIndex((s) => s.name === rename.to), 1));
      },
    },
    expected: /^_督办助手_自检 仍在第 2 个标签$/,
    got: /"_督办助手_自检"\]$/,
  },
  { answer: "protection not reported", step: "protection", bend: { read: (a) => ({ ...a, protectedSheets: [] }) }, expected: /^_督办助手_自检 已保护$/, got: /^\[\]$/ },
];

describe("a host that answers wrongly: the step whose check it fails says what it expected and what came", () => {
  test.each(WRONG)("$answer → $step", async ({ step, bend, expected, got, spec }) => {
    const report = await selfTest(bent(bend, spec), () => 0);
    const failed = report.steps.find((s) => s.step === step)!;
    expect(failed).toMatchObject({ result: "fail", expected: expect.stringMatching(expected), got: expect.stringMatching(got) });
    expect(selfTestStepText(failed)).toContain(`应为 ${failed.expected}，实为 ${failed.got}`);
    // The steps before it passed: a check fails only for its own answer.
    const before = report.steps.slice(0, report.steps.indexOf(failed));
    expect(before.filter((s) => s.result !== "pass")).toEqual([]);
  });

  test("a host that deletes no sheet: clean-up says the sheets are not as they were", async () => {
    const report = await selfTest(bent({ apply: (ops, p) => plainApply(p, ops.filter((o) => o.op !== "deleteSheet")) }), () => 0);
    expect(report.steps.find((s) => s.step === "clean-up")).toMatchObject({ result: "fail", expected: "工作表恢复原样", got: expect.stringContaining(SCRATCH) });
  });

  test("a host whose active sheet changes as the scratch sheet goes: clean-up says so", async () => {
    const port = bent({
      apply: async (ops, p) => {
        await plainApply(p, ops);
        if (ops.some((o) => o.op === "deleteSheet" && o.name === SCRATCH)) p.active = "部门目录";
      },
    }, { 台账: LEDGER, 部门目录: [["单位名称"]] });
    const report = await selfTest(port, () => 0);
    expect(report.steps.find((s) => s.step === "clean-up")).toMatchObject({ result: "fail", expected: "当前工作表仍为 台账", got: "部门目录" });
  });

  test("the steps' times: from the clock given, rounded, a skipped step none", async () => {
    let t = 0;
    const port = MemoryPort.of({ 台账: LEDGER });
    port.structureProtected = true;
    const report = await selfTest(port, () => (t += 2.4));
    expect(report.steps.find((s) => s.step === "read")!.ms).toBe(2);
    expect(report.steps.find((s) => s.step === "values")).toMatchObject({ result: "skipped", ms: 0 });
    expect(report).toMatchObject({ kind: "xlsx", passed: report.steps.filter((s) => s.result === "pass").length });
    expect(report).not.toHaveProperty("about");
    expect(await selfTest(MemoryPort.of({ 台账: LEDGER }), () => 0, { host: "Chrome" })).toMatchObject({ about: { host: "Chrome" }, failed: 0 });
  });
});

// More hosts that answer wrongly, or rightly in their own way: each check catches only what is wrong,
// and says it as a mismatch (what it expected, what came) rather than failing on what came.
const merged = (shift: Partial<Record<"top" | "left" | "bottom" | "right", number>>): Bend => ({
  read: (a) => gridsWith(a, (g) => ({ ...g, merges: g.merges.map((m) => ({ top: m.top + (shift.top ?? 0), left: m.left + (shift.left ?? 0), bottom: m.bottom + (shift.bottom ?? 0), right: m.right + (shift.right ?? 0) })) })),
});
/** A read bent only at its nth request of a kind (looks or contents), counted from 0. */
function atRead(kind: "looks" | "contents", n: number, f: (a: WorkbookRead) => WorkbookRead): Bend {
  let seen = 0;
  return { read: (a, r) => (r[kind] ? (seen++ === n ? f(a) : a) : a) };
}
const cellTextAt = (g: SheetGrid, row: number, col: number) => cellText(g.rows[row]?.[col] ?? null);
const noLooks = (a: WorkbookRead): WorkbookRead => ({ ...a, looks: new Map() });
const noContents = (a: WorkbookRead): WorkbookRead => ({ ...a, contents: new Map() });
/** The nth `content` operation (from 0) applied as `f` makes it. */
function atContent(n: number, f: (op: Extract<Op, { op: "content" }>) => Op | undefined): Bend {
  let seen = 0;
  return { apply: (ops, p) => plainApply(p, ops.flatMap((o) => (o.op === "content" && seen++ === n ? [f(o)].filter((x): x is Op => !!x) : [o]))) };
}
const WITH_RECORDS = { 台账: LEDGER, [METADATA_SHEET]: [["summary", "汇总", "", "", ""]] };

const MISMATCHES: readonly { answer: string; step: SelfTestStepName; bend: Bend; expected: string; got?: RegExp; spec?: Record<string, readonly (readonly CellValue[])[]> }[] = [
  { answer: "the merge read a row higher", step: "merge", bend: merged({ top: -1 }), expected: "A4:B4 已合并", got: /"top":2/ },
  { answer: "the merge read a column further", step: "merge", bend: merged({ left: 1 }), expected: "A4:B4 已合并", got: /"left":1/ },
  { answer: "the merge read a row deeper", step: "merge", bend: merged({ bottom: 1 }), expected: "A4:B4 已合并", got: /"bottom":4/ },
  { answer: "the merge read a column wider", step: "merge", bend: merged({ right: 1 }), expected: "A4:B4 已合并", got: /"right":2/ },
  { answer: "no look at all for the sheet", step: "look", bend: atRead("looks", 0, noLooks), expected: "A1 无填充色" },
  { answer: "no look once filled", step: "look", bend: atRead("looks", 1, noLooks), expected: "A1 填充 #FFC7CE" },
  { answer: "no look once the fill is taken off", step: "look", bend: atRead("looks", 2, noLooks), expected: "A1 恢复为无填充色" },
  { answer: "no content at all for the sheet", step: "content", bend: atRead("contents", 0, noContents), expected: "C1 为 =1+1，格式 0.00" },
  { answer: "no content once a text is written", step: "content", bend: atRead("contents", 1, noContents), expected: "C1 显示“改写”" },
  { answer: "no content once put back", step: "content", bend: atRead("contents", 2, noContents), expected: "C1 恢复为 =1+1，格式 0.00" },
  { answer: "a number format not put", step: "content", bend: atContent(0, (o) => ({ ...o, content: { ...o.content, numberFormat: "General" } })), expected: "C1 为 =1+1，格式 0.00", got: /General/ },
  { answer: "a number format not put back", step: "content", bend: atContent(1, (o) => ({ ...o, content: { ...o.content, numberFormat: "General" } })), expected: "C1 恢复为 =1+1，格式 0.00", got: /General/ },
  { answer: "a formula not put back over the text", step: "content", bend: atContent(1, () => undefined), expected: "C1 恢复为 =1+1，格式 0.00", got: /改写/ },
  { answer: "no metadata sheet written", step: "metadata", bend: { apply: (ops, p) => plainApply(p, ops.filter((o) => o.op !== "metadata")) }, expected: "记录表多出自检的一行", got: /^无记录表$/ },
  {
    answer: "the metadata sheet made active as it is written",
    step: "metadata",
    bend: { apply: async (ops, p) => { await plainApply(p, ops); if (ops.some((o) => o.op === "metadata")) p.active = METADATA_SHEET; } },
    expected: "当前工作表仍为 台账",
    got: new RegExp(`^${METADATA_SHEET}$`),
  },
  {
    answer: "the metadata sheet emptied, not deleted, where there was none",
    step: "metadata",
    bend: { apply: (ops, p) => plainApply(p, ops.map((o) => (o.op === "deleteSheet" && o.name === METADATA_SHEET ? { op: "metadata", rows: [] } : o))) },
    expected: "记录表恢复原样",
  },
  {
    answer: "the metadata sheet's rows never shortened",
    step: "metadata",
    spec: WITH_RECORDS,
    bend: { apply: (ops, p) => plainApply(p, ops.filter((o) => !(o.op === "metadata" && o.rows.length < p.rowsOf(p.sheet(METADATA_SHEET)).length))) },
    expected: "记录表恢复原样",
    got: /^2$/,
  },
];

describe("more hosts that answer wrongly: the step says what it expected, and what came", () => {
  test.each(MISMATCHES)("$answer → $step", async ({ step, bend, expected, got, spec }) => {
    const report = await selfTest(bent(bend, spec), () => 0);
    const failed = report.steps.find((s) => s.step === step)!;
    expect(failed).toMatchObject({ result: "fail", expected });
    expect(failed.error).toBeUndefined();
    if (got) expect(failed.got).toMatch(got);
    expect(report.steps.slice(0, report.steps.indexOf(failed)).filter((s) => s.result !== "pass")).toEqual([]);
  });

  test("a host that never shortens the records: clean-up says they are not as they were", async () => {
    const report = await selfTest(bent(MISMATCHES.at(-1)!.bend, WITH_RECORDS), () => 0);
    expect(report.steps.find((s) => s.step === "clean-up")).toMatchObject({ result: "fail", expected: "记录表恢复原样", got: "2" });
  });
});

describe("hosts that answer rightly in their own way: every step passes", () => {
  const passes = async (port: MemoryPort) => {
    const report = await selfTest(port, () => 0);
    expect(report.steps.filter((s) => s.result !== "pass")).toEqual([]);
    return report;
  };

  test("a host that reads only the merges over a cell with a value (Excel's used range)", async () => {
    await passes(bent({ read: (a) => gridsWith(a, (g) => ({ ...g, merges: g.merges.filter((m) => cellTextAt(g, m.top, m.left) !== "") })) }));
  });

  test("a host that cannot read notes, one that can write none, and one that writes them but reads none back", async () => {
    const unreadable = MemoryPort.of({ 台账: LEDGER });
    unreadable.notesUnreadable = true;
    await passes(unreadable);
    await passes(bent({ read: (a) => looksWith(a, (l) => ({ ...l, noteWritable: false })) }));
    await passes(bent({ read: (a) => looksWith(a, (l) => ({ ...l, note: undefined })) }));
  });

  test("a host that refuses a sheet with no name, as Excel does", async () => {
    await passes(bent({ apply: (ops, p) => (ops.some((o) => o.op === "addSheet" && !o.name) ? Promise.reject(new Error("InvalidArgument")) : plainApply(p, ops)) }));
  });

  test("a workbook with the add-in's records: they are as they were after", async () => {
    const port = MemoryPort.of(WITH_RECORDS);
    const rows = JSON.stringify(port.rowsOf(port.sheet(METADATA_SHEET)));
    await passes(port);
    expect(JSON.stringify(port.rowsOf(port.sheet(METADATA_SHEET)))).toBe(rows);
    expect(port.sheets.map((s) => s.name)).toEqual(["台账", METADATA_SHEET]);
  });
});

describe("where the scratch sheet goes, and what is left when steps fail", () => {
  test("before the add-in's records sheet, wherever it is; else at the end", async () => {
    const positions = async (spec: Record<string, readonly (readonly CellValue[])[]>, active: string) => {
      const added: number[] = [];
      const port = bent({ apply: (ops, p) => { for (const o of ops) if (o.op === "addSheet") added.push(o.position ?? -1); return plainApply(p, ops); } }, spec);
      port.active = active;
      expect((await selfTest(port, () => 0)).failed).toBe(0);
      return added[0];
    };
    expect(await positions({ [METADATA_SHEET]: [["summary"]], 台账: LEDGER }, "台账")).toBe(0);
    expect(await positions({ 台账: LEDGER, 部门目录: [["单位名称"]] }, "台账")).toBe(2);
  });

  test("a host whose first read fails: said at 读取工作簿, nothing else run, nothing written", async () => {
    const port = MemoryPort.of({ 台账: LEDGER });
    port.failReadAt = { index: 0, error: new Error("lost") };
    const report = await selfTest(port, () => 0);
    expect(report.steps[0]).toMatchObject({ step: "read", result: "fail", error: new Error("lost") });
    expect(report.steps.slice(1).map((s) => s.result)).toEqual(Array(SELF_TEST_STEPS.length - 1).fill("skipped"));
    expect(report).toMatchObject({ passed: 0, failed: SELF_TEST_STEPS.length });
    expect(port.applied).toEqual([]);
  });

  test("a host that adds no sheet: 添加自检工作表 fails, and clean-up has nothing to delete", async () => {
    const report = await selfTest(bent({ apply: (ops, p) => plainApply(p, ops.filter((o) => o.op !== "addSheet")) }), () => 0);
    expect(result(report)).toMatchObject({ "add-sheet": "fail", values: "skipped", "clean-up": "pass" });
  });

  test("a failed step's time is from the clock too", async () => {
    let t = 0;
    const port = MemoryPort.of({ 台账: LEDGER });
    port.structureProtected = true;
    const report = await selfTest(port, () => (t += 2.4));
    expect(report.steps.find((s) => s.step === "add-sheet")).toMatchObject({ result: "fail", ms: 2 });
  });

  test("every write is the self-test's own, as a host failure names it", async () => {
    const actions = new Set<string>();
    const port = MemoryPort.of({ 台账: LEDGER });
    const apply = port.apply.bind(port);
    port.apply = (ops, action) => (actions.add(action), apply(ops, action));
    expect((await selfTest(port, () => 0)).failed).toBe(0);
    expect([...actions]).toEqual(["self-test"]);
  });
});

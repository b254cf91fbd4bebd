// 兼容性自检 as a program over the port: a step that fails is said with what went wrong, the steps that
// need it are not run, and the workbook is still left as it was found; the report's text, as the
// installer copies it. (Each host passes it in the contract suite, tests/contract/port.ts.)
import { createApp, selfTest, selfTestStepText, selfTestText, type SelfTestReport } from "../src/app";
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

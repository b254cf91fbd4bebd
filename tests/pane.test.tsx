/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The task pane, driven as a person would, over the Office host and the fake Excel holding the
// 2019 Jianghan seed ledger.
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { createApp, parseSettings } from "../src/app";
import { readMetadata, METADATA_SHEET } from "../src/core/metadata";
import { OfficeHost } from "../src/hosts/office/host";
import { formFiles } from "../src/files/forms";
import { App } from "../src/taskpane/App";
import { parseQuarter } from "../src/core/quarter";
import { cellAt, EXCEL_VERSIONS, fakeRun, newSheet, NO_FILL, type FakeWorkbookModel } from "./fakes/excel";
import { LEDGER_2019 } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";
import { WEB_NOTICE } from "./helpers/notices";
import { catchDownloads } from "./helpers/jsdom";

const TODAY = new Date(2026, 10, 22);
let model: FakeWorkbookModel;
let host: OfficeHost;
let fake: ReturnType<typeof fakeRun>;

/** Excel (of this ExcelApi version) holding this workbook, for the test; the host told what the pane's entry would tell it. */
function use(workbook: FakeWorkbookModel, version = "1.18"): void {
  model = workbook;
  fake = fakeRun(model, { version });
  host = new OfficeHost(fake.run, fake.support);
}

/** The pane over a port, as the add-in starts it (today fixed). */
const appOf = (port: OfficeHost) => createApp({ port, today: () => TODAY, forms: async () => formFiles });

/** The settings stored in the workbook's metadata sheet. */
function storedSettings() {
  const meta = model.sheets.find((x) => x.name === METADATA_SHEET);
  if (!meta) return {};
  const rows: string[][] = [];
  for (const [key, cell] of meta.cells) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    (rows[r] ??= [])[c] = String(cell.value);
  }
  return parseSettings(readMetadata({ name: METADATA_SHEET, rows: [...rows].map((r) => r ?? []), merges: [] }).settings).settings;
}

beforeEach(async () => use(await fakeModelOf(LEDGER_2019, "进展情况")));

async function check() {
  fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
  await screen.findByText(/任务 106 项/);
}

/** Opens a group of findings by its header, as a person would. */
function openGroup(label: RegExp) {
  fireEvent.click(screen.getByRole("button", { name: label }));
}

describe.each(EXCEL_VERSIONS)("the pane in Excel with ExcelApi %s", (version) => {
  test("检查完整性 marks the ledger, 生成汇总 writes the summary and again replaces it, 清除标记 puts every cell back", async () => {
    use(await fakeModelOf(LEDGER_2019, "进展情况"), version);
    const ledger = model.sheets[0]!;
    ledger.notes.set("F3", "由区政府办核对");
    const before = JSON.stringify([...ledger.cells]);
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    expect(screen.getByText(/已在台账上标记 30 个单元格/)).toBeTruthy();
    expect(cellAt(ledger, "F3")!.fill.color).toBe("#FCD5B4");
    expect(ledger.notes.get("F3")!.startsWith("由区政府办核对")).toBe(true);
    expect(ledger.notes.size > 1).toBe(version === "1.18");
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    for (let i = 0; i < 2; i++) {
      fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
      const figures = await screen.findByLabelText("summary", {}, { timeout: 10000 });
      expect(figures.textContent).toContain("已生成工作表“2019年第四季度汇总”");
    }
    // Made twice: the second replaced the first.
    await waitFor(() => expect(fake.ops.filter((o) => o === "worksheet.name=2019年第四季度汇总")).toHaveLength(2));
    expect(model.sheets.filter((s) => s.name.endsWith("汇总")).map((s) => s.name)).toEqual(["2019年第四季度汇总"]);
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    const clear = screen.getByRole("button", { name: "清除标记" }) as HTMLButtonElement;
    await waitFor(() => expect(clear.disabled).toBe(false));
    fireEvent.click(clear);
    await waitFor(() => expect(JSON.stringify([...ledger.cells])).toBe(before));
    expect([...ledger.notes]).toEqual([["F3", "由区政府办核对"]]);
  });
});

describe("检查", () => {
  test("shows the counts per kind, the findings grouped, and marks the ledger", async () => {
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    const counts = screen.getByLabelText("counts");
    expect(within(counts).getByText("单位已更名或撤销 47")).toBeTruthy();
    expect(within(counts).getByText("单位不在目录中 1")).toBeTruthy();
    expect(screen.getByText(/已在台账上标记 30 个单元格/)).toBeTruthy();
    expect(cellAt(model.sheets[0]!, "F3")!.fill.color).toBe("#FCD5B4");
  });

  test("clicking a finding selects its cell in Excel", async () => {
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    openGroup(/^单位已更名或撤销（47）/);
    fireEvent.click(screen.getAllByTitle("F3")[0]!);
    await waitFor(() => expect(model.selected).toEqual({ sheet: "进展情况", address: "F3" }));
  });

  test("应用 replaces that unit in its cell, keeping the others; the finding is gone on the next check", async () => {
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    const before = String(cellAt(model.sheets[0]!, "F3")!.value);
    expect(before).toContain("经信局");
    openGroup(/^单位已更名或撤销（47）/);
    fireEvent.click(screen.getAllByRole("button", { name: "应用：区科技和经济信息化局" })[0]!);
    await screen.findByText("单位已更名或撤销 46");
    const after = String(cellAt(model.sheets[0]!, "F3")!.value);
    expect(after).toBe(before.replace("经信局", "区科技和经济信息化局"));
  });

  test("全部应用 fixes every renamed unit; 清除标记 puts the fills back", async () => {
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    openGroup(/^单位已更名或撤销（47）/);
    // The button says how many it corrects, and the person is told how many were.
    fireEvent.click(screen.getByRole("button", { name: "全部应用（47 处）" }));
    await waitFor(() => expect(screen.queryByText(/单位已更名或撤销 \d+/)).toBeNull(), { timeout: 10000 });
    expect(screen.getAllByText("全部应用：已改正 47 处（单位已更名或撤销）。").length).toBeGreaterThan(0);
    expect(cellAt(model.sheets[0]!, "F90")!.fill.color).toBe("#FCD5B4"); // 市红会医院 is still unknown
    const clear = screen.getByRole("button", { name: "清除标记" }) as HTMLButtonElement;
    await waitFor(() => expect(clear.disabled).toBe(false));
    fireEvent.click(clear);
    await waitFor(() => expect(cellAt(model.sheets[0]!, "F90")!.fill).toEqual(NO_FILL));
  });

  test("the ribbon's 检查完整性 opens the pane with the check already running", async () => {
    render(<App app={appOf(host)} lang="zh" autoRun />);
    await screen.findByText(/任务 106 项/);
  });

  test("with the directory active, the ledger is checked, and the pane says which sheet it was", async () => {
    model.active = "部门目录";
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    expect(screen.getByText("当前工作表“部门目录”是部门目录，检查的是台账工作表“进展情况”。")).toBeTruthy();
  });
});

describe("汇总, 目录 and 设置", () => {
  test("生成汇总 writes the quarter's sheet and shows its key figures; the quarter is not stored as a setting", async () => {
    render(<App app={appOf(host)} lang="zh" />);
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    // The ledger's own year is offered, its last quarter first (a 2019 ledger, in 2026).
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("2019Q4"));
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "2019Q3" } });
    fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    const figures = await screen.findByLabelText("summary", {}, { timeout: 10000 });
    expect(figures.textContent).toContain("已生成工作表“2019年第三季度汇总”");
    expect(model.sheets.map((s) => s.name)).toContain("2019年第三季度汇总");
    expect(storedSettings()).toEqual({});
  });

  test("目录 shows the directory in use and the unknown units with their cells", async () => {
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    fireEvent.click(screen.getByRole("tab", { name: "目录" }));
    expect(screen.getByText(/59 个单位/)).toBeTruthy();
    expect(screen.getByText(/不在目录中的单位（1）/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "F90" }));
    await waitFor(() => expect(model.selected?.address).toBe("F90"));
  });

  test("目录 creates a proposed 部门目录 sheet when the workbook has none", async () => {
    model.sheets = model.sheets.filter((s) => s.name !== "部门目录");
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    fireEvent.click(screen.getByRole("tab", { name: "目录" }));
    fireEvent.click(screen.getByRole("button", { name: /创建目录/ }));
    await waitFor(() => expect(model.sheets.map((s) => s.name)).toContain("部门目录"));
    expect(cellAt(model.sheets.find((s) => s.name === "部门目录")!, "A1")!.value).toBe("单位名称");
  });

  test("设置 shows the detected header and saves the settings in the workbook", async () => {
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    expect(screen.getByLabelText("detected").textContent).toContain("表头在第 2 行");
    expect(screen.getByLabelText("detected").textContent).toContain("“主要责任部门” → 牵头（责任）单位");
    fireEvent.change(screen.getByRole("spinbutton"), { target: { value: "12" } });
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(storedSettings()).toMatchObject({ minProgressLength: 12 }));
  });
});

test("English when Office is in English", async () => {
  render(<App app={appOf(host)} lang="en" />);
  expect(screen.getByRole("tab", { name: "Summary" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Check completeness" }));
  await screen.findByText(/106 tasks/);
  // Findings are said in English too (the units keep their Chinese names).
  fireEvent.click(screen.getByRole("button", { name: /^Unit renamed or abolished \(47\)/ }));
  expect(screen.getAllByText(/"经信局" was renamed "区科技和经济信息化局": write its current name\./).length).toBeGreaterThan(0);
  await act(async () => undefined);
});

test("设置: a sheet detection cannot read, chosen with its header row and columns, is checked as the ledger", async () => {
  model.sheets.push(newSheet("自定义台账", [["说明"], ["编号", "事项", "负责", "9月"], [1, "新建口袋公园3个。", "区园林局", ""]]));
  model.active = "自定义台账";
  render(<App app={appOf(host)} lang="zh" />);
  // The active sheet has no header the add-in knows: the ledger of the workbook is checked, and the pane says so.
  await check();
  expect(screen.getByText("当前工作表“自定义台账”不是台账，检查的是台账工作表“进展情况”。")).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "设置" }));
  fireEvent.change(screen.getByRole("combobox"), { target: { value: "自定义台账" } });
  fireEvent.change(screen.getByRole("textbox", { name: /表头行/ }), { target: { value: "2" } });
  fireEvent.change(screen.getByLabelText("任务列"), { target: { value: "b" } });
  fireEvent.change(screen.getByLabelText("牵头单位列"), { target: { value: "C" } });
  fireEvent.change(screen.getByLabelText("三季度进展列"), { target: { value: "D" } });
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  await waitFor(() => expect(storedSettings()).toMatchObject({ ledgerSheet: "自定义台账", headerRow: 2, columns: { task: "B", lead: "C", progress3: "D" } }));
  fireEvent.click(screen.getByRole("tab", { name: "检查" }));
  // The ledger has no year of its own: the latest quarter ended (2026Q3), which its 9月 column answers.
  fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
  await screen.findByText(/工作表“自定义台账” · 表头第 2 行 · 任务 1 项/);
  expect(screen.getByText("未填进展 1")).toBeTruthy();
});

test("导入: a pasted notice is read, its odd items shown, and the ledger sheet created", async () => {
  render(<App app={appOf(host)} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "导入" }));
  const text = ["附件1", "2026年区重点任务责任分解方案", "一、产业", "1.新建口袋公园3个。", "责任单位：区园林局", "2.新增就业2万人。"].join("\n");
  fireEvent.change(screen.getByRole("textbox", { name: "粘贴责任分解方案通知的文字" }), { target: { value: text } });
  const items = screen.getByLabelText("notice-items");
  expect(items.textContent).toContain("识别到 2 项任务，其中 1 项需要核对");
  expect(items.textContent).toContain("序号2：未写责任单位");
  fireEvent.click(screen.getByRole("button", { name: "创建台账工作表" }));
  await waitFor(() => expect(model.sheets.map((s) => s.name)).toContain("责任分解台账"));
  const sheet = model.sheets.find((s) => s.name === "责任分解台账")!;
  expect(cellAt(sheet, "A1")!.value).toBe("2026年区重点任务责任分解方案");
  expect(cellAt(sheet, "A2")!.value).toBe("序号");
  expect(cellAt(sheet, "D3")!.value).toBe("新建口袋公园3个。");
});

test("导入: every item of a long notice is listed, with the count per annex; a flag selects its lines in the pasted text", async () => {
  render(<App app={appOf(host)} lang="zh" />);
  // The pane reads the workbook as it opens.
  await act(async () => undefined);
  fireEvent.click(screen.getByRole("tab", { name: "导入" }));
  // The web page's notice, with annex 2's item 5 lost on the way: its gap is flagged at item 6.
  const text = WEB_NOTICE.replace("5.深化“高效办成一件事”改革。(市级牵头单位:市政务服务局;区级牵头单位:区行政审批局)\n", "");
  const area = screen.getByRole("textbox", { name: "粘贴责任分解方案通知的文字" }) as HTMLTextAreaElement;
  fireEvent.change(area, { target: { value: text } });
  const items = screen.getByLabelText("notice-items");
  expect(items.textContent).toContain("识别到 10 项任务，其中 1 项需要核对");
  expect(items.textContent).toContain("附件1 2 项（序号 1–2）；附件2 5 项（序号 1–4、6）；附件3 3 项（序号 1–3）");
  // All ten are listed, not the first five.
  const list = screen.getByRole("list", { name: "notice-item-list" });
  expect(within(list).getAllByRole("listitem")).toHaveLength(10);
  expect(list.textContent).toContain("附件3 3. 新建口袋公园5个。 —— 区园林局");
  fireEvent.click(within(items).getByRole("button", { name: /^第 24 行 附件2 序号6：序号不连续：上一项为 4/ }));
  expect(text.split("\n")[23]).toMatch(/^6\.整治背街小巷50条。/);
  expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe(text.split("\n")[23]);
  expect(document.activeElement).toBe(area);
  // An item of the list selects its lines too.
  fireEvent.click(within(list).getByRole("button", { name: /^附件1 2\./ }));
  expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe(text.split("\n")[12]);
});

describe("分发", () => {
  test("生成填报表 lists one form per unit; 全部下载 hands over one .zip; a unit's form downloads alone", async () => {
    const downloads = catchDownloads();
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    fireEvent.click(screen.getByRole("tab", { name: "分发" }));
    fireEvent.click(screen.getByRole("button", { name: "生成填报表" }));
    const list = await screen.findByLabelText("forms");
    const units = within(list).getAllByRole("button", { name: /^下载 / });
    expect(screen.getByText(new RegExp(`106 项任务，分发给 ${units.length} 个责任单位`))).toBeTruthy();
    expect(units.length).toBeGreaterThan(30);
    // Excel without ExcelApi 1.8 offers no 打开.
    expect(within(list).queryByRole("button", { name: /^打开 / })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "全部下载（.zip）" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe(`进展情况-2019Q4进展填报表（${units.length}个单位）.zip`);
    expect(downloads[0]!.blob.type).toBe("application/zip");
    await waitFor(() => expect((units[0] as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(units[0]!);
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toMatch(/-2019Q\d进展填报\.xlsx$/);
  });

  test("a unit the directory does not know is listed first and gets no form; 改为 corrects the ledger's cell, and it gets its form", async () => {
    // E4 (财政局, task 2) misspelt as a unit nobody can find.
    cellAt(model.sheets[0]!, "E4")!.value = "区财正局";
    render(<App app={appOf(host)} lang="zh" />);
    fireEvent.click(screen.getByRole("tab", { name: "分发" }));
    fireEvent.click(screen.getByRole("button", { name: "生成填报表" }));
    const unresolved = await screen.findByLabelText("unresolved", {}, { timeout: 10000 });
    expect(unresolved.textContent).toContain("“区财正局”不在部门目录中，写在 E4");
    const before = within(screen.getByLabelText("forms")).getAllByRole("button", { name: /^下载 / }).map((b) => b.getAttribute("aria-label"));
    expect(before).not.toContain("下载 区财正局");
    fireEvent.click(within(unresolved).getByRole("button", { name: "改为：区财政局" }));
    await waitFor(() => expect(screen.queryByLabelText("unresolved")).toBeNull(), { timeout: 10000 });
    expect(cellAt(model.sheets[0]!, "E4")!.value).toBe("区财政局");
  });

  test("打开 (Excel with ExcelApi 1.8) opens a unit's form as a new workbook", async () => {
    const opened: string[] = [];
    const withCreate = new OfficeHost(fake.run, { mergedAreas: true, rangeAreas: true, notes: true }, async (b) => void opened.push(b));
    render(<App app={appOf(withCreate)} lang="zh" />);
    fireEvent.click(screen.getByRole("tab", { name: "分发" }));
    fireEvent.click(screen.getByRole("button", { name: "生成填报表" }));
    const list = await screen.findByLabelText("forms");
    fireEvent.click(within(list).getAllByRole("button", { name: /^打开 / })[0]!);
    await waitFor(() => expect(opened).toHaveLength(1));
    // Base64 of a zip (an .xlsx starts with "PK").
    expect(opened[0]!.startsWith("UEsDB")).toBe(true);
  });

  test("合并回报: the chosen files are read, what would be written is shown, 写入台账 writes it, 撤销 puts it back", async () => {
    render(<App app={appOf(host)} lang="zh" />);
    await check();
    fireEvent.click(screen.getByRole("tab", { name: "分发" }));
    const quarter = parseQuarter((screen.getByRole("combobox") as HTMLSelectElement).value)!;
    const plan = await appOf(host).planForms({ quarter });
    const form = plan.forms.find((f) => f.rows.length >= 3)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await appOf(host).formFile(form)).bytes as unknown as ArrayBuffer);
    wb.getWorksheet("进展填报")!.getCell("I3").value = "已完成年度任务的八成。";
    const returned = new File([new Uint8Array(await wb.xlsx.writeBuffer())], `${form.unit}-回报.xlsx`);
    const input = screen.getByLabelText("选择交回的填报表…") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [returned, new File(["x"], "说明.txt")], configurable: true });
    fireEvent.change(input);
    const shown = await screen.findByLabelText("merge-plan", {}, { timeout: 10000 });
    expect(shown.textContent).toContain(`1 份填报表（${form.unit}），将写入 1 个单元格。`);
    expect(shown.textContent).toContain("【不是填报表的文件】1 项");
    const sheet = model.sheets.find((s) => s.name === plan.sheet)!;
    fireEvent.click(screen.getByRole("button", { name: "写入台账（1 个单元格）" }));
    const done = await screen.findByLabelText("merge-done", {}, { timeout: 10000 });
    expect(done.textContent).toContain("写入 1 个单元格");
    // As the unit's report, or labelled as its contribution where it works on the task with others.
    const holds = (c: { value: unknown }) => typeof c.value === "string" && c.value.includes("已完成年度任务的八成。");
    const written = [...sheet.cells.values()].filter(holds);
    expect(written).toHaveLength(1);
    expect(written[0]!.numberFormat).toBe("@");
    fireEvent.click(screen.getByRole("button", { name: /^撤销上次合并（合并回报 2019Q\d，1 个单元格）$/ }));
    await waitFor(() => expect([...sheet.cells.values()].filter(holds)).toHaveLength(0));
  });
});

describe("one quarter, one ledger: a 2025 ledger opened on a day of November 2026", () => {
  /** A 2025 ledger with four quarters of progress, the fourth not yet written. */
  function ledger2025(): FakeWorkbookModel {
    const rows: unknown[][] = [
      ["2025年区政府工作报告责任分解台账"],
      ["序号", "目标任务", "牵头单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展"],
      [1, "新建口袋公园3个。", "区园林局", "2025年12月底", "完成选址3处。", "开工建设2个。", "建成2个，第3个完成主体施工。", ""],
      [2, "新增就业2万人。", "区人社局", "2025年12月底", "新增就业0.5万人。", "新增就业1.1万人。", "新增就业1.6万人。", "新增就业2.1万人，完成全年目标。"],
    ];
    return { sheets: [newSheet("台账", rows)], active: "台账", settings: new Map() };
  }

  test("检查, 汇总 and 分发 share the ledger's quarter (2025Q4); a check after 生成汇总 reads the ledger, not the summary", async () => {
    use(ledger2025());
    render(<App app={appOf(host)} lang="zh" />);
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("2025Q4"));
    fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
    await screen.findByText(/任务 2 项/);
    expect(screen.getByText("未填进展 1")).toBeTruthy();
    // 汇总 offers the same quarter, and the summary is the ledger's fourth quarter: one task of two reported.
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("2025Q4");
    fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    const figures = await screen.findByLabelText("summary", {}, { timeout: 10000 });
    expect(figures.textContent).toContain("已生成工作表“2025年第四季度汇总”");
    expect(figures.textContent).toContain("任务 2 项，已报送 1 项（50.0%），未报送 1 项。");
    expect(model.active).toBe("2025年第四季度汇总");
    // 分发 too.
    fireEvent.click(screen.getByRole("tab", { name: "分发" }));
    expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("2025Q4");
    // The summary sheet is active now: the check reads the ledger, and says so; its results are the ledger's.
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
    await screen.findByText("当前工作表“2025年第四季度汇总”是督办助手生成的工作表，检查的是台账工作表“台账”。");
    expect(screen.getByText(/工作表“台账” · 表头第 2 行 · 任务 2 项/)).toBeTruthy();
  });

  test("a quarter outside the ledger's year is refused with a question, and checked once the person confirms it", async () => {
    use(ledger2025());
    render(<App app={appOf(host)} lang="zh" />);
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("2025Q4"));
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "2026Q3" } });
    fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
    await screen.findByText(/2026年第三季度不在台账的年度（2025年）之内/);
    // Nothing was marked for that quarter.
    expect(model.sheets.some((s) => s.name === METADATA_SHEET)).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "仍按此季度" }));
    await screen.findByText(/任务 2 项/);
    // Both tasks are past their 2025 deadlines by the end of 2026Q3: as the person was told.
    expect(screen.getByText("已过完成时限 2")).toBeTruthy();
  });

  test("the ribbon's check runs once: after 清除标记, another tab and back, the marks stay cleared; 清除标记 is off with nothing marked", async () => {
    use(ledger2025());
    render(<App app={appOf(host)} lang="zh" autoRun />);
    await screen.findByText(/任务 2 项/);
    const clear = screen.getByRole("button", { name: "清除标记" }) as HTMLButtonElement;
    await waitFor(() => expect(clear.disabled).toBe(false));
    fireEvent.click(clear);
    await waitFor(() => expect((screen.getByRole("button", { name: "清除标记" }) as HTMLButtonElement).disabled).toBe(true));
    expect(cellAt(model.sheets[0]!, "H3")!.fill).toEqual(NO_FILL);
    const checks = fake.runs.length;
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    await act(async () => new Promise((r) => setTimeout(r, 300)));
    expect(fake.runs.length).toBe(checks);
    expect(cellAt(model.sheets[0]!, "H3")!.fill).toEqual(NO_FILL);
    expect((screen.getByRole("button", { name: "清除标记" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

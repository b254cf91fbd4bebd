/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The supervisor's desk in the task pane, driven as a person would, over the Office host and the fake
// Excel holding the 2019 Jianghan seed ledger: the findings by unit, the status colours, the due date.
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createApp } from "../src/app";
import { OfficeHost } from "../src/hosts/office/host";
import { formFiles } from "../src/files/forms";
import { App } from "../src/taskpane/App";
import { documentFiles } from "../src/files/documents";
import { fakeRun, type FakeWorkbookModel } from "./fakes/excel";
import { readDocx } from "./helpers/docx";
import { LEDGER_2019 } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";
import { catchDownloads } from "./helpers/jsdom";

const TODAY = new Date(2026, 10, 22);
let model: FakeWorkbookModel;
let host: OfficeHost;

beforeEach(async () => {
  model = await fakeModelOf(LEDGER_2019, "进展情况");
  host = new OfficeHost(fakeRun(model).run, { mergedAreas: true, rangeAreas: true, notes: true });
});

const appOf = (today = TODAY) => createApp({ port: host, today: () => today, forms: async () => formFiles });

const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });

/** The pane over the desk ledger (the .xlsx host), checked for 2026Q3. */
async function deskPane(today = TODAY) {
  const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  render(<App app={createApp({ port, today: () => today, documents: async () => documentFiles })} lang="zh" />);
  fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
  await screen.findByText(/任务 7 项/);
  return port;
}

async function check() {
  fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
  await screen.findByText(/任务 106 项/);
}

describe("按单位", () => {
  test("the units with their counts, a search that finds a unit's findings, a click that selects the cell in Excel", async () => {
    render(<App app={appOf()} lang="zh" />);
    await check();
    fireEvent.click(screen.getByRole("tab", { name: "按单位" }));
    const view = await screen.findByLabelText("by-unit");
    // 市红会医院 is not in the directory: a group of its own, said so.
    fireEvent.change(within(view).getByRole("searchbox"), { target: { value: "红会" } });
    await waitFor(() => expect(within(view).getByLabelText("by-unit-count").textContent).toBe("1 个单位，1 处问题"));
    const header = within(view).getByRole("button", { name: /市红会医院/ });
    expect(header.textContent).toContain("不在目录");
    expect(header.textContent).toContain("配合 1");
    fireEvent.click(within(view).getByTitle("F90"));
    await waitFor(() => expect(model.selected).toEqual({ sheet: "进展情况", address: "F90" }));
    // Folding a unit hides its findings.
    fireEvent.click(header);
    expect(within(view).queryByTitle("F90")).toBeNull();
  });

  test("the kind filter and the count: the renamed units, 47 findings over the units now named", async () => {
    render(<App app={appOf()} lang="zh" />);
    await check();
    fireEvent.click(screen.getByRole("tab", { name: "按单位" }));
    const view = await screen.findByLabelText("by-unit");
    fireEvent.change(within(view).getAllByRole("combobox")[1]!, { target: { value: "renamed-unit" } });
    await waitFor(() => expect(within(view).getByLabelText("by-unit-count").textContent).toMatch(/个单位，47 处问题$/));
  });
});

describe("status and time", () => {
  test("the header counts the days to the due date, and says when it is today or past", async () => {
    // The 2019 ledger's default quarter is 2019Q4, due 2020-01-10.
    for (const [day, words] of [[5, "距报送截止还有 5 天"], [10, "今天报送截止"], [13, "已逾期 3 天"]] as const) {
      const { unmount } = render(<App app={appOf(new Date(2020, 0, day))} lang="zh" />);
      await waitFor(() => expect(screen.getByLabelText("due").textContent).toBe(`报送截止 2020-01-10 · ${words}`));
      unmount();
    }
  });

  test("each finding on a task shows its task's class as a colour, with the class and its reason on hover; the legend counts the tasks", async () => {
    render(<App app={createApp({ port: bookOf(DESK_LEDGER, DESK_DIRECTORY), today: () => TODAY })} lang="zh" />);
    fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
    await screen.findByText(/任务 7 项/);
    // Tasks 1 and 7 are ahead (217.6 of 255亿元 at 75%; 超时序进度), 2, 5 and 6 not reported, 3 and 4 behind.
    expect(screen.getByLabelText("classes").textContent).toBe("已完成 0超进度 2达进度 0欠进度 2未报送 3");
    fireEvent.click(screen.getByRole("button", { name: /^已过完成时限（1）/ }));
    const overdue = screen.getByTitle("G6");
    expect(within(overdue).getByRole("img").getAttribute("title")).toBe("欠进度：完成时限 2026-06-30 已过，未标记完成");
    fireEvent.click(screen.getByRole("tab", { name: "按单位" }));
    const view = await screen.findByLabelText("by-unit");
    const g4 = within(view).getAllByTitle("G4");
    expect(g4.map((b) => within(b).getByRole("img").getAttribute("data-class"))).toEqual(["未报送", "未报送"]);
    // A unit-name finding has no class: it is about a cell, not the task's progress.
    expect(within(within(view).getByTitle("C5")).queryByRole("img")).toBeNull();
  });
});

describe("催办", () => {
  test("a unit's 催办: its text to copy, its 催办单 to download; all of them in one .zip", async () => {
    const downloads = catchDownloads();
    const copied: string[] = [];
    Object.assign(navigator, { clipboard: { writeText: async (t: string) => void copied.push(t) } });
    await deskPane(new Date(2026, 9, 20));
    fireEvent.click(screen.getByRole("tab", { name: "按单位" }));
    fireEvent.click(await screen.findByRole("button", { name: "催办 区城市管理执法局" }));
    // Without layout the popover is placed but not shown (jsdom): its parts are found with hidden ones.
    const surface = await screen.findByRole("dialog", { hidden: true });
    // Only weak progress to complete: nothing is said of 未报送.
    expect(within(surface).getByText("区城市管理执法局：需完善 2 项")).toBeTruthy();
    const text = (within(surface).getByRole("textbox", { hidden: true }) as HTMLTextAreaElement).value;
    expect(text).toMatch(/^【催办】区城市管理执法局：2026年第三季度目标任务进展报送截止2026年10月10日（已逾期 10 天）/);
    fireEvent.click(within(surface).getByRole("button", { name: "复制", hidden: true }));
    await waitFor(() => expect(copied).toEqual([text]));
    fireEvent.click(within(surface).getByRole("button", { name: "下载催办单（.docx）", hidden: true }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe("区城市管理执法局-2026Q3催办单.docx");
    const doc = await readDocx(await bytesOf(downloads[0]!.blob));
    expect(doc.paragraphs).toContain("区城市管理执法局：");
    // The co-unit only (区财政局) is not chased; the task without a unit has nobody to chase.
    expect(screen.queryByRole("button", { name: "催办 区财政局" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "全部催办单（.zip，3 个单位）" }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toBe("催办单-2026Q3（3个单位）.zip");
  });
});

describe("下载通报", () => {
  test("the issuing office and 文号 set in 设置 go into the 通报 downloaded from 汇总", async () => {
    const downloads = catchDownloads();
    await deskPane(new Date(2026, 9, 20));
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    // Left empty, the office is the one the ledger's title names.
    expect(screen.getByRole("textbox", { name: "发文机关" }).getAttribute("placeholder")).toBe("江汉区人民政府办公室");
    fireEvent.change(screen.getByRole("textbox", { name: "发文机关" }), { target: { value: "江汉区人民政府督查室" } });
    fireEvent.change(screen.getByRole("textbox", { name: "文号" }), { target: { value: "汉政督〔2026〕3号" } });
    // 抄送 typed with 、 and no final 。: saved, and shown, as the 版记 prints it.
    fireEvent.change(screen.getByRole("textbox", { name: "抄送机关" }), { target: { value: "区委办公室、区人大常委会办公室" } });
    // Scoring: only two of the three points given; the third counts 0.
    fireEvent.change(screen.getByRole("textbox", { name: "报送得分" }), { target: { value: "2" } });
    fireEvent.change(screen.getByRole("textbox", { name: "未报送扣分" }), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    // A toast's text is also spoken by Fluent's live region (AriaLive): it may be found twice.
    expect((await screen.findAllByText("设置已保存在工作簿中。")).length).toBeGreaterThan(0);
    expect((screen.getByRole("textbox", { name: "抄送机关" }) as HTMLInputElement).value).toBe("区委办公室，区人大常委会办公室。");
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    fireEvent.click(screen.getByRole("button", { name: "下载通报（.docx）" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe("2026Q3通报.docx");
    const doc = await readDocx(await bytesOf(downloads[0]!.blob));
    expect(doc.paragraphs.slice(0, 3)).toEqual(["江汉区人民政府督查室", "汉政督〔2026〕3号", "关于2026年第三季度江汉区《政府工作报告》目标任务推进情况的通报"]);
    expect(doc.paragraphs.join("")).toContain("评分规则：每项牵头任务报送进展得2分，每项未报送扣5分，每项进展只有套话或照抄上季度扣0分。");
    expect(doc.paragraphs.slice(-3)).toEqual(["抄送：区委办公室，区人大常委会办公室。", "", "江汉区人民政府督查室2026年10月20日印发"]);
  });
});

describe("加入目录", () => {
  test("an unknown unit goes into the 部门目录 as an alias of the unit suggested, from its finding; the check that follows knows it", async () => {
    const port = await deskPane();
    fireEvent.click(screen.getByRole("button", { name: /^单位不在目录中（1）/ }));
    fireEvent.click(screen.getByRole("button", { name: "作为“区卫生健康局”的别名" }));
    expect((await screen.findAllByText("已把“区卫键局”作为“区卫生健康局”的别名写入部门目录（部门目录!B5）。")).length).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getByLabelText("counts").textContent).not.toContain("单位不在目录中"));
    expect(port.workbook.getWorksheet("部门目录")!.getCell("B5").value).toBe("区卫健局、区卫键局");
  });

  test("in 按单位, a unit the directory does not list is added as a unit of its own", async () => {
    const port = await deskPane();
    fireEvent.click(screen.getByRole("tab", { name: "按单位" }));
    const view = await screen.findByLabelText("by-unit");
    fireEvent.click(within(view).getByRole("button", { name: "加入目录" }));
    expect((await screen.findAllByText(/^已把“区卫键局”加入部门目录（部门目录!A7、部门目录!E7）/)).length).toBeGreaterThan(0);
    expect([port.workbook.getWorksheet("部门目录")!.getCell("A7").value, port.workbook.getWorksheet("部门目录")!.getCell("E7").value]).toEqual(["区卫键局", "有效"]);
    await waitFor(() => expect(within(screen.getByLabelText("by-unit")).queryByText("不在目录")).toBeNull());
  });
});

test("in Excel (the Office host), 下载通报 comes from the pane too, and writes nothing into the workbook", async () => {
  const downloads = catchDownloads();
  render(<App app={createApp({ port: host, today: () => TODAY, documents: async () => documentFiles })} lang="zh" />);
  await check();
  const sheets = model.sheets.map((s) => [s.name, s.cells.size]);
  fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
  fireEvent.click(screen.getByRole("button", { name: "下载通报（.docx）" }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0]!.name).toBe("2019Q4通报.docx");
  const doc = await readDocx(await bytesOf(downloads[0]!.blob));
  expect(doc.paragraphs).toContain("关于2019年第四季度江汉区《政府工作报告》目标任务推进情况的通报");
  expect(model.sheets.map((s) => [s.name, s.cells.size])).toEqual(sheets);
});

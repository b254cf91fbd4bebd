/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// What a supervisor met in the pane on a 2025 ledger never seen (issue 19, item 9), where the pane
// itself is the point: the quarter reopened on and the offer of the quarter before, the line about
// the sheet shown kept true, the groups kept open, a typo's correction offered first, 已复制.
import "./helpers/jsdom";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createApp } from "../src/app";
import { App } from "../src/taskpane/App";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";

const TODAY = new Date(2026, 10, 22);

/** A 2025 ledger with a column per quarter: the fourth not yet written by anyone. */
const LEDGER_2025 = [
  ["2025年区政府工作报告责任分解台账"],
  ["序号", "目标任务", "牵头单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展"],
  [1, "新建口袋公园3个。", "区园林局", "2025年12月底", "完成选址3处。", "开工建设2个。", "建成2个，第3个完成主体施工。", ""],
  [2, "新增就业2万人。", "区人社局", "2025年12月底", "新增就业0.5万人。", "新增就业1.1万人。", "暂无", ""],
];

const quarterShown = () => (screen.getAllByRole("combobox")[0] as HTMLSelectElement).value;

async function checkNow(tasks: number) {
  fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
  await screen.findByText(new RegExp(`任务 ${tasks} 项`));
}

test("a quarter whose column is wholly empty is said above the findings, with the quarter before to check instead; reopened, the pane is on the quarter last checked", async () => {
  const port = bookOf(LEDGER_2025);
  const { unmount } = render(<App app={createApp({ port, today: () => TODAY })} lang="zh" />);
  // Nothing recorded: the ledger's default, its fourth quarter.
  await waitFor(() => expect(quarterShown()).toBe("2025Q4"));
  await checkNow(2);
  const bar = screen.getByLabelText("quarter-empty");
  expect(bar.textContent).toContain("工作表“台账”的“四季度进展”列全部为空");
  fireEvent.click(within(bar).getByRole("button", { name: "改查2025年第三季度" }));
  await waitFor(() => expect(quarterShown()).toBe("2025Q3"));
  await waitFor(() => expect(screen.queryByLabelText("quarter-empty")).toBeNull());
  // The third quarter's findings: 暂无 is a placeholder.
  expect(within(screen.getByLabelText("counts")).getByText("进展只有套话 1")).toBeTruthy();
  unmount();
  // Reopened: on the quarter last checked, as its marks record it.
  render(<App app={createApp({ port, today: () => TODAY })} lang="zh" />);
  await waitFor(() => expect(quarterShown()).toBe("2025Q3"));
});

test("the line about the sheet shown is true now: gone once the person is on the ledger, when the pane takes the focus back or the host tells", async () => {
  const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  port.activate("部门目录");
  const line = "当前工作表“部门目录”是部门目录，检查的是台账工作表“台账”。";
  const { unmount } = render(<App app={createApp({ port, today: () => TODAY })} lang="zh" />);
  await checkNow(7);
  expect(screen.getByText(line)).toBeTruthy();
  // The person goes to the ledger in Excel, then back into the pane.
  port.activate("台账");
  expect(screen.getByText(line)).toBeTruthy();
  await act(async () => void window.dispatchEvent(new Event("focus")));
  await waitFor(() => expect(screen.queryByText(line)).toBeNull());
  unmount();

  // The preview tells the pane when a sheet tab is clicked (no focus to take back there).
  port.activate("部门目录");
  render(<App app={createApp({ port, today: () => TODAY })} lang="zh" workbookChanges={(l) => port.subscribe(l)} />);
  await checkNow(7);
  expect(screen.getByText(line)).toBeTruthy();
  await act(async () => port.activate("台账"));
  await waitFor(() => expect(screen.queryByText(line)).toBeNull());
  // A finding clicked shows the ledger: the line stays gone after 清除标记 too.
  port.activate("部门目录");
  fireEvent.click(screen.getByRole("button", { name: /^未填进展（3）/ }));
  fireEvent.click(screen.getByTitle("G4"));
  fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
  await screen.findAllByText(/^已清除 \d+ 个单元格的标记/);
  expect(screen.queryByText(line)).toBeNull();
});

test("the kinds opened stay open through 按单位 and back; the two totals say what each counts; a typo is offered its correction first", async () => {
  const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  render(<App app={createApp({ port, today: () => TODAY })} lang="zh" />);
  await checkNow(7);
  expect(screen.getByLabelText("findings-total").textContent).toBe("共 9 处问题（每处只计一次）");
  // The first kind is open at first; open another too.
  fireEvent.click(screen.getByRole("button", { name: /^单位不在目录中（1）/ }));
  expect(screen.getByTitle("C8")).toBeTruthy();
  expect(screen.getByTitle("C7")).toBeTruthy();
  // 区卫键局 is one slip from 区卫健局: 应用 comes first, then the directory.
  const offered = (root: HTMLElement) =>
    within(root)
      .getAllByRole("button")
      .map((b) => b.textContent)
      .filter((t) => /^应用：|加入目录|别名/.test(t ?? ""));
  expect(offered(screen.getByLabelText("findings"))).toEqual(["应用：区卫生健康局", "加入目录", "作为“区卫生健康局”的别名"]);

  fireEvent.click(screen.getByRole("tab", { name: "按单位" }));
  const view = await screen.findByLabelText("by-unit");
  expect(within(view).getByLabelText("by-unit-count").textContent).toBe("5 个单位，9 处问题；涉及几个单位的问题在每个单位下各列一次，共列出 12 条");
  // In 按单位 too, the correction is offered, and first (区城管委's current name, then 区卫键局's).
  expect(offered(view)).toEqual(["应用：区城市管理执法局", "应用：区卫生健康局", "加入目录", "作为“区卫生健康局”的别名"]);
  // 区发改局 (its alias, as the ledger writes it) finds 区发展和改革局.
  fireEvent.change(within(view).getByRole("searchbox"), { target: { value: "区发改局" } });
  await waitFor(() => expect(within(view).getByLabelText("by-unit-count").textContent).toBe("1 个单位，3 处问题"));

  fireEvent.click(screen.getByRole("tab", { name: "按类型" }));
  expect(screen.getByTitle("C8")).toBeTruthy();
  expect(screen.getByTitle("C7")).toBeTruthy();
});

test("复制 says 已复制 on its own button", async () => {
  const copied: string[] = [];
  Object.assign(navigator, { clipboard: { writeText: async (t: string) => void copied.push(t) } });
  render(<App app={createApp({ port: bookOf(DESK_LEDGER, DESK_DIRECTORY), today: () => new Date(2026, 9, 20) })} lang="zh" />);
  await checkNow(7);
  fireEvent.click(screen.getByRole("tab", { name: "按单位" }));
  fireEvent.click(await screen.findByRole("button", { name: "催办 区城市管理执法局" }));
  const surface = await screen.findByRole("dialog", { hidden: true });
  fireEvent.click(within(surface).getByRole("button", { name: "复制", hidden: true }));
  await waitFor(() => expect(within(surface).getByRole("button", { name: "✓ 已复制", hidden: true })).toBeTruthy());
  expect(copied).toHaveLength(1);
});

test("设置's 兼容性自检: each step said, the count first, the report copied in one click; the workbook as it was", async () => {
  const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  port.activate("部门目录");
  const sheets = () => port.workbook.worksheets.map((w) => w.name);
  const before = { sheets: sheets(), active: port.active };
  let copied = "";
  Object.assign(navigator, { clipboard: { writeText: async (t: string) => void (copied = t) } });
  render(<App app={createApp({ port, today: () => TODAY, about: () => ({ host: "浏览器（.xlsx 文件）" }) })} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "设置" }));
  fireEvent.click(screen.getByRole("button", { name: "兼容性自检" }));
  const result = await screen.findByLabelText("self-test-result");
  expect(result.textContent).toBe("兼容性自检：通过 10 项，未通过 0 项");
  const report = (screen.getByLabelText("自检报告") as HTMLTextAreaElement).value;
  expect(report.split("\n")[1]).toBe("宿主：浏览器（.xlsx 文件）");
  expect(report).toContain("✓ 删除自检工作表，工作簿恢复原样");
  fireEvent.click(within(screen.getByLabelText("兼容性自检")).getByRole("button", { name: "复制" }));
  await waitFor(() => expect(copied).toBe(report));
  expect({ sheets: sheets(), active: port.active }).toEqual(before);
});

test("按单位: a name the directory lacks that stands for no unit is said to check, and gets no 催办; a slip is chased under its unit", async () => {
  const port = bookOf([...DESK_LEDGER, [8, "新建社区食堂5个。", "区某某局", "", "", "", ""]], DESK_DIRECTORY);
  render(<App app={createApp({ port, today: () => TODAY })} lang="zh" />);
  await checkNow(8);
  fireEvent.click(screen.getByRole("tab", { name: "按单位" }));
  const bar = await screen.findByLabelText("names-to-check");
  expect(bar.textContent).toContain("单位名称待核对：区某某局。");
  expect(screen.queryByRole("button", { name: "催办 区某某局" })).toBeNull();
  expect(screen.queryByRole("button", { name: "催办 区卫键局" })).toBeNull();
  expect(screen.getByRole("button", { name: "催办 区卫生健康局" })).toBeTruthy();
});

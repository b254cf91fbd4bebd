/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// 填报, driven as the staff of one unit would: in Excel (the fake, over the Office host) holding the
// desk ledger, they pick their unit by a short name, see its tasks and the count, go to a task's cell
// by a click and by the keyboard; the unit and the dismissed explanation are remembered on the machine,
// and nothing is written into the workbook. In a form 分发 made, the form's unit is taken and no picker
// is shown. In English, the tab says nothing in Chinese but the workbook's own data.
import "./helpers/jsdom";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { createApp } from "../src/app";
import { formFiles, formWorkbook } from "../src/files/forms";
import { OfficeHost } from "../src/hosts/office/host";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { App } from "../src/taskpane/App";
import { fakeRun, type FakeWorkbookModel } from "./fakes/excel";
import { DESK_DIRECTORY, DESK_LEDGER, type Rows } from "./helpers/desk";
import { fakeModelOfWorkbook } from "./helpers/model";

const TODAY = new Date(2026, 10, 22);
const HAN = /\p{Script=Han}/u;

function workbookOf(ledger: Rows, directory?: Rows): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRows(ledger);
  if (directory) wb.addWorksheet("部门目录").addRows(directory);
  return wb;
}

/** The pane in Excel holding this workbook. */
function excelWith(wb: ExcelJS.Workbook, active: string): { model: FakeWorkbookModel; app: ReturnType<typeof createApp> } {
  const model = fakeModelOfWorkbook(wb, active);
  const fake = fakeRun(model, { version: "1.18" });
  return { model, app: createApp({ port: new OfficeHost(fake.run, fake.support), today: () => TODAY, forms: async () => formFiles }) };
}

/** Every cell of the model, to compare before and after. */
const cellsOf = (model: FakeWorkbookModel) => JSON.stringify(model.sheets.map((s) => [s.name, [...s.cells]]));

/** Opens 填报 and picks the unit by what is typed, then its option. */
async function pick(typed: string, option: RegExp) {
  const box = await screen.findByRole("combobox", { name: "本单位" });
  fireEvent.change(box, { target: { value: typed } });
  fireEvent.click(await screen.findByRole("option", { name: option }));
}

beforeEach(() => localStorage.clear());

test("填报: a unit picked by its short name, its tasks and count; a click and ↓ Enter select the progress cells; nothing written", async () => {
  const { model, app } = excelWith(workbookOf(DESK_LEDGER, DESK_DIRECTORY), "台账");
  const before = cellsOf(model);
  const { unmount } = render(<App app={app} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  // The explanation, the first time.
  const intro = await screen.findByLabelText("fill-intro");
  expect(intro.textContent).toContain("先牵头、后配合");
  expect(await screen.findByText(/^请先选择本单位/)).toBeTruthy();

  // 发改 finds 区发展和改革局 by its alias 区发改局; the others are not offered.
  await pick("发改", /^区发展和改革局/);
  const count = await screen.findByLabelText("fill-count");
  expect(count.textContent).toBe("本单位第三季度 3 项任务：已报送 1 项，待完善 2 项");
  const list = screen.getByRole("listbox", { name: "本单位的任务" });
  const rows = within(list).getAllByRole("option");
  expect(rows.map((r) => r.getAttribute("title"))).toEqual(["G4", "G3", "G6"]);
  expect(rows[0]!.textContent).toContain("未填进展");
  expect(rows[0]!.textContent).toContain("还没有填写三季度进展：请写明本季度做了什么、完成多少");
  expect(rows[1]!.textContent).toContain("已报送");
  expect(rows[2]!.textContent).toContain("配合");
  expect(rows[2]!.textContent).toContain("进展只有套话");
  expect(rows[2]!.textContent).toContain("“暂无”是套话");

  // A click selects the task's progress cell.
  fireEvent.click(rows[0]!);
  await waitFor(() => expect(model.selected).toEqual({ sheet: "台账", address: "G4" }));
  // ↓ moves to the next task, Enter selects its cell; ↑ back up, past the top stays at the top.
  fireEvent.keyDown(list, { key: "ArrowDown" });
  fireEvent.keyDown(list, { key: "ArrowDown" });
  expect(list.getAttribute("aria-activedescendant")).toBe(rows[2]!.id);
  expect(rows[2]!.getAttribute("aria-selected")).toBe("true");
  fireEvent.keyDown(list, { key: "Enter" });
  await waitFor(() => expect(model.selected).toEqual({ sheet: "台账", address: "G6" }));
  fireEvent.keyDown(list, { key: "ArrowUp" });
  fireEvent.keyDown(list, { key: "ArrowUp" });
  fireEvent.keyDown(list, { key: "ArrowUp" });
  fireEvent.keyDown(list, { key: "Enter" });
  await waitFor(() => expect(model.selected).toEqual({ sheet: "台账", address: "G4" }));
  // End and Home: the last task and the first.
  fireEvent.keyDown(list, { key: "End" });
  fireEvent.keyDown(list, { key: "Enter" });
  await waitFor(() => expect(model.selected).toEqual({ sheet: "台账", address: "G6" }));
  fireEvent.keyDown(list, { key: "Home" });
  expect(list.getAttribute("aria-activedescendant")).toBe(rows[0]!.id);

  // The explanation dismissed, then the pane opened again: the unit is remembered, the explanation is not shown.
  fireEvent.click(within(intro).getByRole("button", { name: "知道了" }));
  expect(screen.queryByLabelText("fill-intro")).toBeNull();
  unmount();
  render(<App app={app} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  expect((await screen.findByLabelText("fill-count")).textContent).toBe("本单位第三季度 3 项任务：已报送 1 项，待完善 2 项");
  expect((screen.getByRole("combobox", { name: "本单位" }) as HTMLInputElement).value).toBe("区发展和改革局");
  expect(screen.queryByLabelText("fill-intro")).toBeNull();
  // Remembered on the machine, not in the workbook: no cell changed, no sheet added, no mark.
  expect(cellsOf(model)).toBe(before);
  expect(model.sheets.map((s) => s.name)).toEqual(["台账", "部门目录"]);
}, 60000);

test("填报 in a form 分发 made: the form's own unit, no picker; a task selects its cell on the form's sheet", async () => {
  const { app: office } = excelWith(workbookOf(DESK_LEDGER, DESK_DIRECTORY), "台账");
  const plan = await office.planForms({ quarter: { year: 2026, q: 3 } });
  const form = await formWorkbook(plan.forms.find((f) => f.unit === "区城市管理执法局")!);
  const { model, app } = excelWith(form, "进展填报");
  // Another unit remembered from before: the form's own is taken.
  localStorage.setItem("duban.fill.unit", "区商务局");
  render(<App app={app} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  expect((await screen.findByLabelText("fill-form")).textContent).toBe("这是发给“区城市管理执法局”的填报表：列出的是本表中的任务。");
  expect(screen.queryByRole("combobox", { name: "本单位" })).toBeNull();
  expect(screen.getByLabelText("fill-count").textContent).toBe("本单位第三季度 2 项任务：已报送 0 项，待完善 2 项");
  const rows = within(screen.getByRole("listbox")).getAllByRole("option");
  fireEvent.click(rows[1]!);
  await waitFor(() => expect(model.selected).toEqual({ sheet: "进展填报", address: rows[1]!.getAttribute("title") }));
  expect(rows[1]!.getAttribute("title")).toMatch(/^I\d+$/);
}, 60000);

test("填报 in English says nothing in Chinese but the workbook's own data", async () => {
  const wb = workbookOf(DESK_LEDGER, DESK_DIRECTORY);
  const app = createApp({ port: new XlsxHost(wb), today: () => TODAY });
  render(<App app={app} lang="en" />);
  fireEvent.click(screen.getByRole("tab", { name: "My tasks" }));
  await screen.findByLabelText("fill-intro");
  const box = await screen.findByRole("combobox", { name: "My unit" });
  fireEvent.change(box, { target: { value: "城管" } });
  const shown: string[] = [];
  const look = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) shown.push(n.textContent);
    for (const el of Array.from(document.body.querySelectorAll("[title], [aria-label], [placeholder]"))) for (const a of ["title", "aria-label", "placeholder"]) shown.push(el.getAttribute(a) ?? "");
  };
  look();
  fireEvent.click(await screen.findByRole("option", { name: /^区城市管理执法局/ }));
  expect((await screen.findByLabelText("fill-count")).textContent).toBe("Q3: 2 tasks of your unit, 0 reported, 2 to complete");
  look();
  // The workbook's own texts (cells, their units, the quoted progress) are data; whatever Han is left is the pane's.
  const data = [...DESK_LEDGER, ...DESK_DIRECTORY]
    .flat()
    .flatMap((v) => (typeof v === "string" ? [v, ...v.split(/[、，,]/)] : []))
    .filter((s) => HAN.test(s))
    .sort((a, b) => b.length - a.length);
  const foreign = [...new Set(shown)].filter((text) => {
    let rest = text;
    for (const d of data) rest = rest.split(d).join("");
    return HAN.test(rest);
  });
  expect(foreign).toEqual([]);
}, 60000);

test("提交前检查 in a form 分发 made: what is left in 检查's words, then that it is ready; no button on a ledger", async () => {
  const { app: office } = excelWith(workbookOf(DESK_LEDGER, DESK_DIRECTORY), "台账");
  const plan = await office.planForms({ quarter: { year: 2026, q: 3 } });
  const finance = plan.forms.find((f) => f.unit === "区财政局")!;
  const form = await formWorkbook(finance);
  const { model, app } = excelWith(form, "进展填报");
  const before = cellsOf(model);
  const { unmount } = render(<App app={app} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  await screen.findByLabelText("fill-count");
  fireEvent.click(screen.getByRole("button", { name: "提交前检查" }));
  const result = await screen.findByLabelText("ready-result");
  expect(result.textContent).toBe("2 项任务中还有 1 项待完善序号2 · I4：未填进展");
  // The check writes nothing into the form.
  expect(cellsOf(model)).toBe(before);
  unmount();

  // The form filled in: ready to save and send back.
  const done = await formWorkbook(finance);
  done.getWorksheet("进展填报")!.getCell("I4").value = "配合落实项目资金1.2亿元。";
  const filled = excelWith(done, "进展填报");
  const second = render(<App app={filled.app} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  await screen.findByLabelText("fill-count");
  fireEvent.click(screen.getByRole("button", { name: "提交前检查" }));
  expect((await screen.findByLabelText("ready-result")).textContent).toBe("可以保存并交回");
  second.unmount();

  // On the ledger itself there is no form to send: no button.
  render(<App app={office} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  await screen.findByRole("combobox", { name: "本单位" });
  expect(screen.queryByRole("button", { name: "提交前检查" })).toBeNull();
}, 60000);

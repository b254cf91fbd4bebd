/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Typing into the preview's grid as into Excel: a selected cell takes a character (its content
// replaced), F2 and a double-click edit its text, Enter commits and goes down, Esc cancels, Alt+Enter
// breaks the line, a Chinese input method's Enter is its own; what is typed goes in as a number or a
// text, never a formula, through the application layer. Then the whole page: 填报 follows the typing
// with no button, and 下载 keeps what was typed.
import "./helpers/jsdom";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { createApp, pageText } from "../src/app";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { SheetView } from "../src/preview/SheetView";
import { PreviewPage } from "../src/preview/PreviewPage";
import { stepFrom } from "../src/preview/CellEditor";
import { sheetModel } from "../src/preview/sheetModel";
import { App } from "../src/taskpane/App";
import { RECHECK_DELAY_MS } from "../src/taskpane/followTyping";
import { catchDownloads } from "./helpers/jsdom";
import { DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";

const TODAY = new Date(2026, 10, 22);

/** The grid over a workbook held by the preview's host, redrawn on each change as the page does. */
function Grid({ host }: { host: XlsxHost }) {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => host.subscribe(() => setVersion((v) => v + 1)), [host]);
  const app = React.useMemo(() => createApp({ port: host, today: () => TODAY }), [host]);
  return <SheetView host={host} version={version} text={pageText("zh")} onEdit={app.editCell} onPaste={app.editCells} />;
}

function open(): { host: XlsxHost; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRows([
    ["序号", "进展"],
    [1, "旧的进展"],
    [2, "第二行"],
    [3, "第三行"],
    [4, "第四行"],
  ]);
  const host = new XlsxHost(wb);
  render(<Grid host={host} />);
  return { host, ws };
}

const cell = (address: string) => document.querySelector(`[data-cell="${address}"]`)!;
const editor = () => document.querySelector<HTMLTextAreaElement>("textarea.cell-editor")!;
const editing = () => editor().classList.contains("editing");

/** Clicks a cell and waits until it is selected and the editor over it has the keyboard. */
async function select(host: XlsxHost, address: string) {
  fireEvent.click(cell(address));
  await waitFor(() => expect(host.selected?.cell).toBe(address));
  await waitFor(() => expect(document.activeElement).toBe(editor()));
}

/** A character typed into the editor, as the browser puts it there. */
const type = (value: string) => fireEvent.change(editor(), { target: { value } });

test("a character typed into the selected cell replaces its content; Enter writes it and selects the cell below", async () => {
  const { host, ws } = open();
  await select(host, "B2");
  expect(editing()).toBe(false);
  type("新");
  expect(editing()).toBe(true);
  // Replaced, not appended: the editor holds only what was typed.
  expect(editor().value).toBe("新");
  type("新的进展");
  fireEvent.keyDown(editor(), { key: "Enter" });
  await waitFor(() => expect(ws.getCell("B2").value).toBe("新的进展"));
  await waitFor(() => expect(host.selected?.cell).toBe("B3"));
  expect(editing()).toBe(false);
  await waitFor(() => expect(cell("B2").textContent).toBe("新的进展"));
  // Shift+Enter goes up, Tab right, the arrows move without editing.
  fireEvent.keyDown(editor(), { key: "ArrowDown" });
  await waitFor(() => expect(host.selected?.cell).toBe("B4"));
  fireEvent.keyDown(editor(), { key: "ArrowLeft" });
  await waitFor(() => expect(host.selected?.cell).toBe("A4"));
  expect(ws.getCell("B3").value).toBe("第二行");
});

test("F2 and a double-click edit the text the cell has; Esc cancels; Alt+Enter breaks the line", async () => {
  const { host, ws } = open();
  await select(host, "B2");
  fireEvent.keyDown(editor(), { key: "F2" });
  expect(editing()).toBe(true);
  expect(editor().value).toBe("旧的进展");
  type("旧的进展，又写了");
  fireEvent.keyDown(editor(), { key: "Escape" });
  expect(editing()).toBe(false);
  await act(async () => undefined);
  expect(ws.getCell("B2").value).toBe("旧的进展");
  expect(host.selected?.cell).toBe("B2");

  fireEvent.doubleClick(cell("B3"));
  expect(editing()).toBe(true);
  expect(editor().value).toBe("第二行");
  // Alt+Enter puts a line break at the caret, and does not commit.
  editor().setSelectionRange(3, 3);
  fireEvent.keyDown(editor(), { key: "Enter", altKey: true });
  expect(editor().value).toBe("第二行\n");
  type("第二行\n续");
  fireEvent.keyDown(editor(), { key: "Enter" });
  await waitFor(() => expect(ws.getCell("B3").value).toBe("第二行\n续"));
});

test("while a Chinese input method composes, its Enter takes the candidate and commits nothing", async () => {
  const { host, ws } = open();
  await select(host, "B4");
  fireEvent.compositionStart(editor());
  type("zheng");
  expect(editing()).toBe(true);
  fireEvent.keyDown(editor(), { key: "Enter", isComposing: true, keyCode: 229 });
  fireEvent.compositionEnd(editor());
  type("正在推进");
  await act(async () => undefined);
  expect(ws.getCell("B4").value).toBe("第三行");
  expect(editing()).toBe(true);
  // The next Enter, the composition over, commits.
  fireEvent.keyDown(editor(), { key: "Enter" });
  await waitFor(() => expect(ws.getCell("B4").value).toBe("正在推进"));
});

test("only numbers and texts: 12.5 is a number, =1+1 stays text, Delete empties the cell", async () => {
  const { host, ws } = open();
  await select(host, "B2");
  type("12.5");
  fireEvent.keyDown(editor(), { key: "Enter" });
  await waitFor(() => expect(ws.getCell("B2").value).toBe(12.5));
  await waitFor(() => expect(host.selected?.cell).toBe("B3"));
  type("=1+1");
  fireEvent.keyDown(editor(), { key: "Enter" });
  await waitFor(() => expect(ws.getCell("B3").value).toBe("=1+1"));
  expect(ws.getCell("B3").formula).toBeUndefined();
  await waitFor(() => expect(host.selected?.cell).toBe("B4"));
  fireEvent.keyDown(editor(), { key: "Delete" });
  await waitFor(() => expect(ws.getCell("B4").value).toBeNull());
});

test("Enter goes below a merged area, and into one at its top-left cell; never past the sheet's edge or into a hidden column", () => {
  const ws = new ExcelJS.Workbook().addWorksheet("台账");
  ws.addRows([["a", "b", "c", "d"], ["", "", "", ""], ["", "", "", ""], ["", "", "", ""]]);
  ws.mergeCells("B1:C2");
  ws.getColumn(4).hidden = true;
  const m = sheetModel(ws);
  expect(stepFrom(m, "B1", 1, 0)).toBe("B3");
  expect(stepFrom(m, "C3", -1, 0)).toBe("B1");
  expect(stepFrom(m, "A1", 0, 1)).toBe("B1");
  // Right of B1:C2 is D, hidden, the last column: the selection stays.
  expect(stepFrom(m, "B1", 0, 1)).toBe("B1");
  expect(stepFrom(m, "A4", 1, 0)).toBe("A4");
  expect(stepFrom(m, "A1", -1, 0)).toBe("A1");
});

test("the page: 填报 lists a task again as it is typed into, with no button; 下载 keeps the typed text", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRows(DESK_LEDGER);
  wb.addWorksheet("部门目录").addRows(DESK_DIRECTORY);
  const bytes = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  const downloads = catchDownloads();
  localStorage.clear();
  render(<PreviewPage sample={{ name: "台账.xlsx", bytes: async () => bytes }} openSample="at-start" />);
  fireEvent.click(await screen.findByRole("tab", { name: "填报" }));
  const box = await screen.findByRole("combobox", { name: "本单位" });
  fireEvent.change(box, { target: { value: "发改" } });
  fireEvent.click(await screen.findByRole("option", { name: /^区发展和改革局/ }));
  const count = await screen.findByLabelText("fill-count");
  expect(count.textContent).toBe("本单位第三季度 3 项任务：已报送 1 项，待完善 2 项");
  const task = () => within(screen.getByRole("listbox", { name: "本单位的任务" })).getAllByRole("option").find((o) => o.getAttribute("title") === "G4")!;
  expect(task().textContent).toContain("未填进展");

  // The task takes the person to its cell, and the cell takes the typing.
  fireEvent.click(task());
  await waitFor(() => expect(document.querySelector('.selected[data-cell="G4"]')).not.toBeNull());
  await waitFor(() => expect(document.activeElement).toBe(editor()));
  type("正在推进");
  fireEvent.keyDown(editor(), { key: "Enter" });
  await waitFor(() => expect(task().textContent).toContain("进展只有套话"));
  expect(task().textContent).not.toContain("未填进展");

  fireEvent.click(task());
  await waitFor(() => expect(document.activeElement).toBe(editor()));
  await waitFor(() => expect(document.querySelector('.selected[data-cell="G4"]')).not.toBeNull());
  type("截至9月底，完成投资350亿元，完成年度目标的81%。");
  fireEvent.keyDown(editor(), { key: "Enter" });
  await waitFor(() => expect(count.textContent).toBe("本单位第三季度 3 项任务：已报送 2 项，待完善 1 项"));
  expect(task().textContent).toContain("已报送");

  fireEvent.click(screen.getByRole("button", { name: "下载" }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  const saved = new ExcelJS.Workbook();
  // jsdom's Blob has no arrayBuffer(): read as the page's own files are.
  const read = await new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(downloads[0]!.blob);
  });
  await saved.xlsx.load(read);
  expect(saved.getWorksheet("台账")!.getCell("G4").value).toBe("截至9月底，完成投资350亿元，完成年度目标的81%。");
}, 60000);

test("填报 checks again once for a burst of changes (a paste), and once more for a change made while it checks", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRows(DESK_LEDGER);
  wb.addWorksheet("部门目录").addRows(DESK_DIRECTORY);
  const base = createApp({ port: new XlsxHost(wb), today: () => TODAY });
  let checks = 0;
  let running = 0;
  let most = 0;
  let during: (() => void) | undefined;
  const app = {
    ...base,
    // A check slower than the wait after a change, so that a change made while it runs is taken while it runs.
    fillCheck: async (...args: Parameters<typeof base.fillCheck>) => {
      checks++;
      most = Math.max(most, ++running);
      during?.();
      during = undefined;
      await new Promise((r) => setTimeout(r, 3 * RECHECK_DELAY_MS));
      running--;
      return base.fillCheck(...args);
    },
  };
  const listeners = new Set<() => void>();
  const cellChanges = (l: () => void) => (listeners.add(l), () => void listeners.delete(l));
  const change = () => listeners.forEach((l) => l());
  localStorage.clear();
  render(<App app={app} lang="zh" cellChanges={cellChanges} />);
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  await screen.findByRole("combobox", { name: "本单位" });
  // The pane's registration, kept while it is open, and the tab's.
  await waitFor(() => expect(listeners.size).toBe(2));
  // The tab's own readings as it opens (the quarter comes after) are over.
  await waitFor(() => expect(running).toBe(0));
  const opened = checks;
  most = 0;
  for (let i = 0; i < 20; i++) change();
  await waitFor(() => expect(checks).toBe(opened + 1));
  await new Promise((r) => setTimeout(r, 3 * RECHECK_DELAY_MS));
  expect(checks).toBe(opened + 1);
  during = change;
  change();
  // The change during the check is not lost, and no check runs over another.
  await waitFor(() => expect(checks).toBe(opened + 3));
  await new Promise((r) => setTimeout(r, 5 * RECHECK_DELAY_MS));
  expect(checks).toBe(opened + 3);
  expect(most).toBe(1);
}, 60000);

test("cells typed into are checked again by their rows alone, a burst in one re-check, each re-check from the one before", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRows(DESK_LEDGER);
  wb.addWorksheet("部门目录").addRows(DESK_DIRECTORY);
  const base = createApp({ port: new XlsxHost(wb), today: () => TODAY });
  const asked: string[][] = [];
  let fullChecks = 0;
  let during: (() => Promise<void>) | undefined;
  const app = {
    ...base,
    fillCheck: (...args: Parameters<typeof base.fillCheck>) => (fullChecks++, base.fillCheck(...args)),
    // Slower than the wait after a change, so that a cell typed into meanwhile comes while it runs.
    recheck: async (...args: Parameters<typeof base.recheck>) => {
      asked.push([...args[1]]);
      const done = base.recheck(...args);
      const then = during;
      during = undefined;
      await then?.();
      await new Promise((r) => setTimeout(r, 3 * RECHECK_DELAY_MS));
      return done;
    },
  };
  const listeners = new Set<(edited?: { sheet: string; cells: readonly string[] }) => void>();
  const cellChanges = (l: (edited?: { sheet: string; cells: readonly string[] }) => void) => (listeners.add(l), () => void listeners.delete(l));
  const typeInto = async (cell: string, typed: string) => {
    await base.editCell("台账", cell, typed);
    listeners.forEach((l) => l({ sheet: "台账", cells: [cell] }));
  };
  localStorage.clear();
  render(<App app={app} lang="zh" cellChanges={cellChanges} />);
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  fireEvent.change(await screen.findByRole("combobox", { name: "本单位" }), { target: { value: "发改" } });
  fireEvent.click(await screen.findByRole("option", { name: /^区发展和改革局/ }));
  await screen.findByLabelText("fill-count");
  const row = (cell: string) => within(screen.getByRole("listbox", { name: "本单位的任务" })).getAllByRole("option").find((o) => o.getAttribute("title") === cell)!;
  expect(row("G4").textContent).toContain("未填进展");
  expect(row("G6").textContent).toContain("进展只有套话");
  const opened = fullChecks;

  // Two cells in one burst: one re-check of both.
  await typeInto("G4", "正在推进");
  await typeInto("G6", "已整治背街小巷12条，完成年度目标的100%。");
  await waitFor(() => expect(row("G4").textContent).toContain("进展只有套话"));
  expect(row("G6").textContent).not.toContain("进展只有套话");
  expect(asked).toEqual([["G4", "G6"]]);

  // G6 typed back to a placeholder; G4 typed into while that re-check runs: the re-check after starts
  // from G6's, so G6 stays a placeholder.
  during = () => typeInto("G4", "截至9月底，完成投资350亿元，完成年度目标的81%。");
  await typeInto("G6", "正在推进");
  await waitFor(() => expect(asked).toHaveLength(3));
  await waitFor(() => expect(row("G4").textContent).toContain("已报送"));
  await new Promise((r) => setTimeout(r, 5 * RECHECK_DELAY_MS));
  expect(asked.slice(1)).toEqual([["G6"], ["G4"]]);
  expect(row("G6").textContent).toContain("进展只有套话");
  expect(row("G4").textContent).toContain("已报送");
  // None of it ran the whole check.
  expect(fullChecks).toBe(opened);
}, 60000);

/** Text put on the clipboard (as Excel and WPS copy cells: text/plain), pasted into the editor; false when the page took the paste. */
const paste = (text: string) => fireEvent.paste(editor(), { clipboardData: { getData: (type: string) => (type === "text/plain" ? text : "") } });

test("Ctrl+V on a selected cell pastes copied cells as Excel does: rightwards and downwards, numbers and texts as typed, in one write", async () => {
  const { host, ws } = open();
  await select(host, "B2");
  const applies = jest.spyOn(host, "apply");
  expect(paste('12.5\t新的进展\r\n"两行\n文字"\t\'01\r\n')).toBe(false);
  await waitFor(() => expect(ws.getCell("C3").value).toBe("'01"));
  expect([ws.getCell("B2").value, ws.getCell("C2").value, ws.getCell("B3").value]).toEqual([12.5, "新的进展", "两行\n文字"]);
  expect(applies).toHaveBeenCalledTimes(1);
  // Not typed into the editor: nothing is being edited, the selection stays, the grid shows the cells.
  expect(editing()).toBe(false);
  expect(host.selected?.cell).toBe("B2");
  await waitFor(() => expect(cell("B3").textContent).toBe("两行\n文字"));
  expect(ws.getCell("A2").value).toBe(1);
  expect(ws.getCell("B4").value).toBe("第三行");
});

test("a paste while a cell is edited goes into the editor, as the browser puts it", async () => {
  const { host, ws } = open();
  await select(host, "B2");
  fireEvent.keyDown(editor(), { key: "F2" });
  expect(editing()).toBe(true);
  expect(paste("12\t13")).toBe(true);
  await act(async () => undefined);
  expect(ws.getCell("B2").value).toBe("旧的进展");
  expect(ws.getCell("C2").value).toBeNull();
  expect(editing()).toBe(true);
});

test("the page: a paste over three rows of 填报's tasks is checked again by those rows, once, with no whole check", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRows(DESK_LEDGER);
  wb.addWorksheet("部门目录").addRows(DESK_DIRECTORY);
  const bytes = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  localStorage.clear();
  render(<PreviewPage sample={{ name: "台账.xlsx", bytes: async () => bytes }} openSample="at-start" />);
  fireEvent.click(await screen.findByRole("tab", { name: "填报" }));
  fireEvent.change(await screen.findByRole("combobox", { name: "本单位" }), { target: { value: "发改" } });
  fireEvent.click(await screen.findByRole("option", { name: /^区发展和改革局/ }));
  const count = await screen.findByLabelText("fill-count");
  expect(count.textContent).toBe("本单位第三季度 3 项任务：已报送 1 项，待完善 2 项");
  const task = (address: string) => within(screen.getByRole("listbox", { name: "本单位的任务" })).getAllByRole("option").find((o) => o.getAttribute("title") === address)!;
  expect(task("G6").textContent).toContain("进展只有套话");

  fireEvent.click(task("G4"));
  await waitFor(() => expect(document.querySelector('.selected[data-cell="G4"]')).not.toBeNull());
  await waitFor(() => expect(document.activeElement).toBe(editor()));
  const reads = jest.spyOn(XlsxHost.prototype, "read");
  const applies = jest.spyOn(XlsxHost.prototype, "apply");
  try {
    // G4 and G6 are the unit's; G5, another unit's, pasted as it was.
    expect(paste("截至9月底，完成投资350亿元，完成年度目标的81%。\r\n正在推进\r\n已整治背街小巷12条，完成年度目标的100%。\r\n")).toBe(false);
    await waitFor(() => expect(task("G4").textContent).toContain("已报送"));
    // G6, the last row pasted, read again too: no longer a placeholder (its deadline has passed, which the text must answer).
    await waitFor(() => expect(task("G6").textContent).not.toContain("进展只有套话"));
    expect(task("G6").textContent).toContain("已过完成时限");
    expect(count.textContent).toBe("本单位第三季度 3 项任务：已报送 2 项，待完善 1 项");
    await new Promise((r) => setTimeout(r, 5 * RECHECK_DELAY_MS));
    expect(applies).toHaveBeenCalledTimes(1);
    // The rows pasted were read again, not the workbook's settings and directory (a whole check reads them).
    expect(reads.mock.calls.filter(([request]) => request.metadata)).toEqual([]);
  } finally {
    reads.mockRestore();
    applies.mockRestore();
  }
}, 60000);

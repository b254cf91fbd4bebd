/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// 检查's findings follow typing as 填报's list does: the host tells a change to the ledger's cells
// (port.watchCells, as Excel's onChanged and WPS's SheetChange do), the app shares one registration,
// and the tab checks the rows edited again, or the whole ledger after a change it cannot place,
// without writing a mark.
import "./helpers/jsdom";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createApp, type CellsChangeListener, type Op } from "../src/app";
import { App } from "../src/taskpane/App";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";

const TODAY = new Date(2026, 10, 22);

/** The desk ledger over a host that tells changes as Excel's events do, and counts its writes and registrations. */
function watchedDesk() {
  const host = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  const listeners = new Set<CellsChangeListener>();
  let registrations = 0;
  const writes: Op[][] = [];
  const apply = host.apply.bind(host);
  const port = Object.assign(host, {
    watchCells: (l: CellsChangeListener) => {
      registrations++;
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    apply: (ops: readonly Op[], action: Parameters<typeof host.apply>[1]) => (writes.push([...ops]), apply(ops, action)),
  });
  const app = createApp({ port, today: () => TODAY });
  /** A person types into a cell: the value changes, and the host tells it. */
  const types = async (cell: string, text: string) => {
    await app.editCell("台账", cell, text);
    listeners.forEach((l) => l({ sheet: "台账", cells: [cell] }));
  };
  return { app, listeners, writes, types, registrations: () => registrations, tell: (edited?: Parameters<CellsChangeListener>[0]) => listeners.forEach((l) => l(edited)) };
}

const count = (name: string): number => {
  const badge = within(screen.getByLabelText("counts")).queryByText(new RegExp(`^${name} \\d+$`));
  return badge ? Number(badge.textContent!.split(" ").pop()) : 0;
};

test("检查's findings follow typing in the ledger, checked by the rows edited, with no mark written", async () => {
  const desk = watchedDesk();
  render(<App app={desk.app} lang="zh" autoRun />);
  await screen.findByLabelText("counts");
  const placeholders = count("进展只有套话");
  const missing = count("未填进展");
  expect(missing).toBeGreaterThan(0);
  // The check marked the ledger: one write. Typing is the next.
  const writesAfterCheck = desk.writes.length;
  expect(desk.registrations()).toBe(1);

  // Row 4 (固定资产投资) had no progress; a placeholder typed there is one more 套话 and one less 未填进展.
  await desk.types("G4", "正在推进");
  await waitFor(() => expect(count("进展只有套话")).toBe(placeholders + 1));
  expect(count("未填进展")).toBe(missing - 1);
  // Only the typing wrote: the findings followed without marking.
  expect(desk.writes.length).toBe(writesAfterCheck + 1);

  // A change the host cannot place (rows inserted): the whole ledger is read again, still without a mark.
  await desk.app.editCell("台账", "G5", "区城管委已新建微循环道路6条，完成年度目标的60%。");
  desk.tell();
  await waitFor(() => expect(count("进展只有套话")).toBe(placeholders));
  expect(desk.writes.length).toBe(writesAfterCheck + 2);
}, 60000);

test("a change on another sheet reads the ledger again; 填报 and 检查 share one registration with the host", async () => {
  const desk = watchedDesk();
  const { unmount } = render(<App app={desk.app} lang="zh" autoRun />);
  await screen.findByLabelText("counts");
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  await screen.findByRole("combobox", { name: "本单位" });
  fireEvent.click(screen.getByRole("tab", { name: "检查" }));
  await screen.findByLabelText("counts");
  expect(desk.registrations()).toBe(1);
  expect(desk.listeners.size).toBeGreaterThan(0);
  const missing = count("未填进展");
  await desk.app.editCell("台账", "G4", "截至9月底，完成投资350亿元，完成年度目标的81%。");
  desk.tell({ sheet: "部门目录", cells: ["A9"] });
  await waitFor(() => expect(count("未填进展")).toBe(missing - 1));
  // The pane closes: the host is told to stop.
  unmount();
  expect(desk.listeners.size).toBe(0);
});

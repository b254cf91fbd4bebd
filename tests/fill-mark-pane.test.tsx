/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// 填报's 标记本单位问题 button: the unit's problems marked when asked, said in a toast; disabled when
// the unit has nothing left to mend.
import "./helpers/jsdom";
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createApp } from "../src/app";
import { App } from "../src/taskpane/App";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";

const TODAY = new Date(2026, 10, 22);

async function choose(unitQuery: string, option: RegExp) {
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  fireEvent.change(await screen.findByRole("combobox", { name: "本单位" }), { target: { value: unitQuery } });
  fireEvent.click(await screen.findByRole("option", { name: option }));
  await screen.findByLabelText("fill-count");
}

test("标记本单位问题 marks the unit's cells and says how many", async () => {
  localStorage.clear();
  const host = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  render(<App app={createApp({ port: host, today: () => TODAY })} lang="zh" />);
  await choose("发改", /^区发展和改革局/);
  fireEvent.click(screen.getByRole("button", { name: "标记本单位问题" }));
  await screen.findByText(/^已在 \d+ 个单元格上标出“区发展和改革局”的问题/);
  expect(host.workbook.getWorksheet("台账")!.getCell("G4").note).toBeDefined();
  // 检查's 清除标记 knows of the marks, though no check ran: it puts them back.
  fireEvent.click(screen.getByRole("tab", { name: "检查" }));
  const clear = (await screen.findByRole("button", { name: "清除标记" })) as HTMLButtonElement;
  await waitFor(() => expect(clear.disabled).toBe(false));
  fireEvent.click(clear);
  await screen.findByText(/^已清除 \d+ 个单元格的标记/);
  expect(host.workbook.getWorksheet("台账")!.getCell("G4").note).toBeUndefined();
});

test("after a check, 标记本单位问题 leaves 检查's count of marks true", async () => {
  localStorage.clear();
  const host = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  const app = createApp({ port: host, today: () => TODAY });
  // The office cleared its marks after checking: the check is shown, nothing is marked.
  render(<App app={app} lang="zh" autoRun />);
  await screen.findByLabelText("counts");
  fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
  await screen.findByText(/^已清除 \d+ 个单元格的标记/);
  await choose("发改", /^区发展和改革局/);
  fireEvent.click(screen.getByRole("button", { name: "标记本单位问题" }));
  await screen.findByText(/^已在 \d+ 个单元格上标出/);
  fireEvent.click(screen.getByRole("tab", { name: "检查" }));
  const clear = (await screen.findByRole("button", { name: "清除标记" })) as HTMLButtonElement;
  expect(clear.disabled).toBe(false);
});

test("a unit with every task reported has nothing to mark: the button is disabled", async () => {
  localStorage.clear();
  render(<App app={createApp({ port: bookOf(DESK_LEDGER, DESK_DIRECTORY), today: () => TODAY })} lang="zh" />);
  await choose("商务", /^区商务局/);
  expect((screen.getByRole("button", { name: "标记本单位问题" }) as HTMLButtonElement).disabled).toBe(true);
});

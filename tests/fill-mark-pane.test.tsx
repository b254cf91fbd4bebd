/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// 填报's 标记本单位问题 button: the unit's problems marked when asked, said in a toast; disabled when
// the unit has nothing left to mend.
import "./helpers/jsdom";
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
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
});

test("a unit with every task reported has nothing to mark: the button is disabled", async () => {
  localStorage.clear();
  render(<App app={createApp({ port: bookOf(DESK_LEDGER, DESK_DIRECTORY), today: () => TODAY })} lang="zh" />);
  await choose("商务", /^区商务局/);
  expect((screen.getByRole("button", { name: "标记本单位问题" }) as HTMLButtonElement).disabled).toBe(true);
});

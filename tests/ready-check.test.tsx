/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// 提交前检查 follows the typing: once its result is shown, a unit's staff typing into the form (through
// the preview's host, as its grid writes) see the result change with no second press, one quiet check
// for a burst of changes; before the first press nothing is checked.
import "./helpers/jsdom";
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import ExcelJS from "exceljs";
import { createApp, type CellsEdited } from "../src/app";
import { formFiles, formWorkbook } from "../src/files/forms";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { App } from "../src/taskpane/App";
import { RECHECK_DELAY_MS } from "../src/taskpane/followTyping";
import { DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";

const TODAY = new Date(2026, 10, 22);
const FORM_SHEET = "进展填报";

/** The 区财政局's form for the third quarter, in the preview's host, and the pane over it told of each change as the preview tells it. */
async function formInPreview() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRows(DESK_LEDGER);
  wb.addWorksheet("部门目录").addRows(DESK_DIRECTORY);
  const office = createApp({ port: new XlsxHost(wb), today: () => TODAY, forms: async () => formFiles });
  const plan = await office.planForms({ quarter: { year: 2026, q: 3 } });
  const host = new XlsxHost(await formWorkbook(plan.forms.find((f) => f.unit === "区财政局")!));
  const base = createApp({ port: host, today: () => TODAY, forms: async () => formFiles });
  let checks = 0;
  const app = { ...base, checkBeforeSending: () => (checks++, base.checkBeforeSending()) };
  const cellChanges = (listener: (edited?: CellsEdited) => void) => {
    let seen = host.revision;
    return host.subscribe(() => {
      if (host.revision === seen) return;
      seen = host.revision;
      listener();
    });
  };
  render(<App app={app} lang="zh" cellChanges={cellChanges} />);
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  await screen.findByLabelText("fill-count");
  return { host, app, checks: () => checks };
}

const settle = () => new Promise((r) => setTimeout(r, 5 * RECHECK_DELAY_MS));

beforeEach(() => localStorage.clear());

test("提交前检查's result follows what is typed into the form, quietly, once for a burst of changes", async () => {
  const { host, app, checks } = await formInPreview();
  // Before the first press, typing checks nothing.
  await app.editCell(FORM_SHEET, "I4", "正在推进");
  await app.editCell(FORM_SHEET, "I4", "");
  await settle();
  expect(checks()).toBe(0);
  expect(screen.queryByLabelText("ready-result")).toBeNull();

  fireEvent.click(screen.getByRole("button", { name: "提交前检查" }));
  const result = () => screen.getByLabelText("ready-result").textContent;
  await waitFor(() => expect(result()).toBe("2 项任务中还有 1 项待完善序号2 · I4：未填进展"));
  expect(checks()).toBe(1);

  // The missing progress typed in: ready, with no second press.
  await app.editCell(FORM_SHEET, "I4", "配合落实项目资金1.2亿元。");
  await waitFor(() => expect(result()).toBe("可以保存并交回"));
  expect(checks()).toBe(2);
  // No spinner: the button stayed as it was.
  expect(screen.getByRole("button", { name: "提交前检查" }).hasAttribute("disabled")).toBe(false);

  // A burst (a paste) is one check; emptied again, the result says so.
  await app.editCells(FORM_SHEET, "I4", [["正在推进"]]);
  await app.editCell(FORM_SHEET, "I4", "");
  await waitFor(() => expect(result()).toBe("2 项任务中还有 1 项待完善序号2 · I4：未填进展"));
  await settle();
  expect(checks()).toBe(3);
  expect(host.workbook.getWorksheet(FORM_SHEET)!.getCell("I4").value).toBeNull();
}, 60000);

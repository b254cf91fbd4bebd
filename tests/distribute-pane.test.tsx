/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// 分发 in the pane, in Excel (the fake) holding the desk ledger: the tasks with no unit are named above
// the forms before anything is sent, as the units the directory does not know are.
import "./helpers/jsdom";
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import ExcelJS from "exceljs";
import { createApp } from "../src/app";
import { formFiles } from "../src/files/forms";
import { OfficeHost } from "../src/hosts/office/host";
import { App } from "../src/taskpane/App";
import { fakeRun } from "./fakes/excel";
import { DESK_DIRECTORY, DESK_LEDGER, type Rows } from "./helpers/desk";
import { fakeModelOfWorkbook } from "./helpers/model";

function appWith(ledger: Rows) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRows(ledger);
  wb.addWorksheet("部门目录").addRows(DESK_DIRECTORY);
  const fake = fakeRun(fakeModelOfWorkbook(wb, "台账"), { version: "1.18" });
  return createApp({ port: new OfficeHost(fake.run, fake.support), today: () => new Date(2026, 10, 22), forms: async () => formFiles });
}

test("生成填报表 names the tasks with no unit, which no form carries; a ledger without such tasks says nothing of it", async () => {
  const { unmount } = render(<App app={appWith(DESK_LEDGER)} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "分发" }));
  fireEvent.click(screen.getByRole("button", { name: "生成填报表" }));
  expect((await screen.findByLabelText("unassigned", {}, { timeout: 10000 })).textContent).toBe("1 项任务没有责任单位，未分发：序号6");
  unmount();

  render(<App app={appWith(DESK_LEDGER.filter((r) => r[0] !== 6))} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "分发" }));
  fireEvent.click(screen.getByRole("button", { name: "生成填报表" }));
  await screen.findByLabelText("forms", {}, { timeout: 10000 });
  expect(screen.queryByLabelText("unassigned")).toBeNull();
}, 60000);

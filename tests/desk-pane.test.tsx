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
import { formFiles } from "../src/hosts/xlsx/forms";
import { App } from "../src/taskpane/App";
import { fakeRun, type FakeWorkbookModel } from "./fakes/excel";
import { LEDGER_2019 } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const TODAY = new Date(2026, 10, 22);
let model: FakeWorkbookModel;
let host: OfficeHost;

beforeEach(async () => {
  model = await fakeModelOf(LEDGER_2019, "进展情况");
  host = new OfficeHost(fakeRun(model).run, { mergedAreas: true, rangeAreas: true, notes: true });
});

const appOf = (today = TODAY) => createApp({ port: host, today: () => today, forms: async () => formFiles });

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

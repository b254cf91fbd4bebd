/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The pane in Excel for Mac, whose web view saves nothing from a download link and says nothing
// either (office-js #2700, #3385): 下载通报, 催办单 and 填报表 say so, save nothing, claim nothing,
// and offer what works there (复制, 打开, the offline page, the command line).
import "./helpers/jsdom";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createApp } from "../src/app";
import { OfficeHost } from "../src/hosts/office/host";
import { formFiles } from "../src/files/forms";
import { documentFiles } from "../src/files/documents";
import { App } from "../src/taskpane/App";
import { withoutDownloads } from "../src/taskpane/files";
import { fakeRun } from "./fakes/excel";
import { LEDGER_2019 } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";
import { catchDownloads } from "./helpers/jsdom";

const TODAY = new Date(2026, 9, 20);

let downloads: { name: string; blob: Blob }[];
beforeEach(() => {
  downloads = catchDownloads();
});

/** The desk ledger in the pane, checked, with downloads off as the entry turns them off on a Mac. */
async function macPane(canOpen: boolean) {
  withoutDownloads(canOpen);
  const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  render(<App app={createApp({ port, today: () => TODAY, documents: async () => documentFiles })} lang="zh" />);
  fireEvent.click(screen.getByRole("button", { name: "检查完整性" }));
  await screen.findByText(/任务 7 项/);
}

test("下载通报 says the file was not saved and how to make it, and claims no download", async () => {
  await macPane(false);
  fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
  fireEvent.click(screen.getByRole("button", { name: "下载通报（.docx）" }));
  expect(
    await screen.findByText("Excel for Mac 的任务窗格不能下载文件，“2026Q3通报.docx”没有保存。也可以用离线页（督办助手.html，用 Chrome 或 Edge 打开台账）或命令行（duban bulletin）生成同样的文件。"),
  ).toBeTruthy();
  expect(downloads).toEqual([]);
  expect(screen.queryByText(/已下载/)).toBeNull();
});

test("a unit's 催办单 offers 复制 of its text, which works there; all 催办单 say the same of each unit", async () => {
  await macPane(false);
  const copied: string[] = [];
  Object.assign(navigator, { clipboard: { writeText: async (t: string) => void copied.push(t) } });
  fireEvent.click(screen.getByRole("tab", { name: "按单位" }));
  fireEvent.click(await screen.findByRole("button", { name: "催办 区城市管理执法局" }));
  const surface = await screen.findByRole("dialog", { hidden: true });
  fireEvent.click(within(surface).getByRole("button", { name: "下载催办单（.docx）", hidden: true }));
  expect((await screen.findAllByText(/^Excel for Mac 的任务窗格不能下载文件，“区城市管理执法局-2026Q3催办单\.docx”没有保存。催办短信可点“复制”后发出；.*（duban remind）/)).length).toBeGreaterThan(0);
  // What the sentence offers works: the text is copied.
  fireEvent.click(within(surface).getByRole("button", { name: "复制", hidden: true }));
  await waitFor(() => expect(copied).toHaveLength(1));
  expect(copied[0]).toMatch(/^【催办】区城市管理执法局/);
  fireEvent.click(screen.getByRole("button", { name: "全部催办单（.zip，3 个单位）" }));
  expect((await screen.findAllByText(/“催办单-2026Q3（3个单位）\.zip”没有保存。各单位的催办短信可在“催办”中点“复制”/)).length).toBeGreaterThan(0);
  expect(downloads).toEqual([]);
});

test("in Excel for Mac with ExcelApi 1.8, a form points at 打开, which opens it as a new workbook", async () => {
  withoutDownloads(true);
  const opened: string[] = [];
  const host = new OfficeHost(fakeRun(await fakeModelOf(LEDGER_2019, "进展情况")).run, { mergedAreas: true, rangeAreas: true, notes: true }, async (base64) => void opened.push(base64));
  render(<App app={createApp({ port: host, today: () => new Date(2026, 10, 22), forms: async () => formFiles })} lang="zh" />);
  fireEvent.click(screen.getByRole("tab", { name: "分发" }));
  fireEvent.click(screen.getByRole("button", { name: "生成填报表" }));
  const list = await screen.findByLabelText("forms", {}, { timeout: 10000 });
  const download = within(list).getAllByRole("button", { name: /^下载 / })[0]!;
  fireEvent.click(download);
  expect(await screen.findByText(/^Excel for Mac 的任务窗格不能下载文件，“.+进展填报\.xlsx”没有保存。可点该单位旁的“打开”，在新窗口中打开填报表后另存；.*（duban split）/)).toBeTruthy();
  expect(downloads).toEqual([]);
  await waitFor(() => expect((download as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(within(list).getAllByRole("button", { name: /^打开 / })[0]!);
  await waitFor(() => expect(opened).toHaveLength(1));
}, 30000);

test("in English, the same", async () => {
  withoutDownloads(false);
  render(<App app={createApp({ port: bookOf(DESK_LEDGER, DESK_DIRECTORY), today: () => TODAY, documents: async () => documentFiles })} lang="en" />);
  fireEvent.click(screen.getByRole("tab", { name: "Summary" }));
  const button = await screen.findByRole("button", { name: /\.docx/ });
  fireEvent.click(button);
  expect(await screen.findByText('Excel for Mac\'s pane cannot download files: "2026Q3通报.docx" was not saved. Make the same file with the offline page (督办助手.html, opening the ledger in Chrome or Edge) or the command line (duban bulletin).')).toBeTruthy();
  expect(downloads).toEqual([]);
});

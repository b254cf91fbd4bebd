/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The pane in English says nothing in Chinese of its own: every tab is rendered over the .xlsx host
// holding the 2019 Jianghan seed ledger, driven through its main steps, and every text a person can
// read (text, titles, labels, placeholders, options) is checked for Han characters. What may be in
// Chinese is the person's own data: the workbook's cell texts and unit names as they were before the
// add-in wrote anything, its sheets' names, the notice pasted, and the Chinese documents' content the
// add-in hands over (their file names, the issuing office they are signed with).
import "./helpers/jsdom";
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { createApp } from "../src/app";
import { parseUnitCell } from "../src/core/units";
import { documentFiles } from "../src/files/documents";
import { formFiles } from "../src/files/forms";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { App } from "../src/taskpane/App";
import { catchDownloads } from "./helpers/jsdom";

const TODAY = new Date(2026, 10, 22);
const LEDGER = path.join(__dirname, "..", "seeds", "2019江汉区政府工作报告责任分解台账.xlsx");
const HAN = /\p{Script=Han}/u;

/** A notice pasted into 导入: a heading, an item without units, a number out of sequence. */
const NOTICE = ["一、产业发展", "1.新建口袋公园3个。", "责任单位：区园林局", "2.新增就业2万人。", "5.推进老旧小区改造。", "责任单位：区住房和城市更新局"].join("\n");

/** Every text a workbook holds: sheet names, cell texts (whole, by line, by unit, spaces collapsed). */
function workbookStrings(wb: ExcelJS.Workbook): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    for (const v of [s, s.trim(), s.replace(/[\s\u3000\u00a0]+/g, " ").trim(), s.replace(/\s+/g, "")]) if (v) out.add(v);
  };
  for (const ws of wb.worksheets) {
    add(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const text = cell.text ?? "";
        add(text);
        for (const line of text.split(/\r?\n/)) add(line);
        for (const part of text.split(/[\s、，,；;/]+/)) add(part);
        const units = parseUnitCell(text);
        for (const u of [...units.units, ...units.city, ...units.co]) add(u.name);
      }),
    );
  }
  return [...out];
}

/** A unit's form with progress written in its quarter's column (in English, so that it is no data to allow). */
async function filled(form: { name: string; bytes: Uint8Array }): Promise<{ name: string; bytes: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(form.bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.state === "visible")!;
  let column = 0;
  let key = 0;
  let header = 0;
  ws.eachRow((row, n) => {
    if (header) {
      if (row.getCell(key).text) row.getCell(column).value = "Done: 5 km of roads, 80% of the target.";
      return;
    }
    row.eachCell((cell, c) => {
      if (/^[一二三四]季度进展$/.test(cell.text)) column = c;
      if (cell.text === "督办键") key = c;
    });
    if (column && key) header = n;
  });
  expect(header).toBeGreaterThan(0);
  return { name: form.name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** What a person can read in the page: each text node, and the titles, labels and placeholders. */
function readable(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // What a person typed or copies (the pasted notice, the 催办 text) is theirs, not the pane's.
    if (n.parentElement?.closest("textarea")) continue;
    if (n.textContent?.trim()) out.push(n.textContent);
  }
  for (const el of Array.from(document.body.querySelectorAll("[title], [aria-label], [placeholder]"))) {
    for (const a of ["title", "aria-label", "placeholder"]) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
  }
  return out;
}

/**
 * The Han characters of `text` that the data does not account for: excerpts of the data — a
 * quotation, or a text cut short with "…" — are taken out when they are a piece of the data, then the
 * data's strings whole (longest first); whatever Han is left is the pane's own.
 */
function foreignHan(text: string, data: readonly string[], corpus: string): string | undefined {
  if (!HAN.test(text)) return undefined;
  let rest = text.replace(/"([^"]*)"/g, (all, inner: string) => (corpus.includes(inner.replace(/…$/, "")) ? "\u0000" : all));
  rest = rest.replace(/([^\u0000"]{1,80})…/g, (all, before: string) => {
    for (let k = before.length; k > 0; k--) if (corpus.includes(before.slice(-k))) return `${before.slice(0, -k)}\u0000`;
    return all;
  });
  for (const d of data) if (rest.includes(d)) rest = rest.split(d).join("\u0000");
  return HAN.test(rest) ? rest.replace(/\u0000/g, "▯") : undefined;
}

test("every tab in English says nothing in Chinese but the workbook's own data", async () => {
  const downloads = catchDownloads();
  const bytes = fs.readFileSync(LEDGER);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const host = new XlsxHost(wb);
  const app = createApp({ port: host, today: () => TODAY, forms: async () => formFiles, documents: async () => documentFiles });
  render(<App app={app} lang="en" />);
  const seen: string[] = [];
  const look = () => seen.push(...readable());
  const tab = (name: string) => {
    fireEvent.click(screen.getByRole("tab", { name }));
    look();
  };

  // 检查: the findings by kind (a group open), then by unit.
  await screen.findByRole("combobox", { name: "Quarter" });
  fireEvent.click(screen.getByRole("button", { name: "Check completeness" }));
  await screen.findByText(/· 106 tasks ·/, {}, { timeout: 15000 });
  look();
  fireEvent.click(screen.getByRole("button", { name: /^Unit renamed or abolished \(\d+\)/ }));
  look();
  tab("By unit");
  await screen.findByLabelText("by-unit");
  look();
  tab("By kind");

  // 汇总: the summary sheet, and the bulletin downloaded.
  tab("Summary");
  fireEvent.click(screen.getByRole("button", { name: "Make summary" }));
  await screen.findByLabelText("summary", {}, { timeout: 15000 });
  look();
  fireEvent.click(screen.getByRole("button", { name: "Download the bulletin (.docx)" }));
  await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 15000 });
  await screen.findByText(/^Downloaded /);
  look();

  tab("Directory");
  tab("Settings");
  expect(screen.getByLabelText("detected").textContent).toMatch(/^Detected header and columns/);
  look();

  // 导入: a notice pasted, its items and what to check in them.
  tab("Import");
  fireEvent.change(screen.getByRole("textbox", { name: "Paste the text of the notice" }), { target: { value: NOTICE } });
  await screen.findByText(/^3 tasks read, 2 to check$/);
  look();

  // 分发 and 合并回报: the forms, then a returned form and a workbook that is not one, merged and undone.
  tab("Forms");
  fireEvent.click(screen.getByRole("button", { name: "Make the forms" }));
  await screen.findByLabelText("forms", {}, { timeout: 15000 });
  look();
  const plan = await app.planForms({ includeUnknown: [] });
  const form = await filled(await app.formFile(plan.forms[0]!));
  const returned = [new File([form.bytes as BlobPart], form.name), new File([bytes as BlobPart], "ledger.xlsx")];
  const input = screen.getByLabelText("Choose returned forms…");
  fireEvent.change(input, { target: { files: returned } });
  const planned = await screen.findByLabelText("merge-plan", {}, { timeout: 15000 });
  expect(planned.textContent).toContain('"ledger.xlsx": not a form the add-in sent');
  look();
  fireEvent.click(within(planned).getByRole("button", { name: /^Write into the ledger/ }));
  await screen.findByLabelText("merge-done", {}, { timeout: 15000 });
  look();
  fireEvent.click(await screen.findByRole("button", { name: /^Undo the last merge/ }));
  await screen.findByText(/^Undone /, {}, { timeout: 15000 });
  look();

  // Back to 检查: the ledger as the merge left it.
  tab("Check");
  look();

  // The office the documents speak for (the 设置 tab's placeholders, the bulletin's toast) is their content.
  const { office } = await app.overview();
  // The workbook's data as the person had it (not what the add-in wrote into it since), and its sheets' names.
  const before = new ExcelJS.Workbook();
  await before.xlsx.load(bytes as unknown as ArrayBuffer);
  const data = [
    ...workbookStrings(before),
    ...wb.worksheets.map((ws) => ws.name),
    office.issuer,
    office.district,
    ...NOTICE.split("\n"),
    ...app.readNotice(NOTICE).items.flatMap((i) => [i.task, ...i.lead, ...i.category]),
    ...downloads.map((d) => d.name),
    ...[plan.forms[0]!.unit, form.name],
  ]
    .filter((s) => HAN.test(s))
    .sort((a, b) => b.length - a.length);
  const corpus = data.join("\n");
  const foreign = [...new Set(seen)].flatMap((t) => {
    const left = foreignHan(t, data, corpus);
    return left === undefined ? [] : [`${t}\n    → ${left}`];
  });
  expect(foreign).toEqual([]);
}, 120000);

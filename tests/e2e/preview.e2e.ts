// The preview page as a person uses it: the sample ledger, 检查完整性, a finding, a fix, clearing,
// the 2019 third-quarter summary, downloading, and a file that is not a workbook.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { duban, LEDGER_2019 } from "../helpers/cli";
import { withWholeValidations } from "../helpers/validations";
import { ARTIFACTS, serveBuild, type Served } from "./served";

let served: Served;
let base = "";
let page: Page;
const outside: string[] = [];

// Seven minutes for the production build: over three on the 2-core machine while a mutation run shares it.
beforeAll(async () => {
  served = await serveBuild("preview");
  base = served.base;
}, 420000);

afterAll(async () => {
  await served?.close();
});

beforeEach(async () => {
  page = await served.browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && !["data:", "blob:"].includes(url.protocol)) outside.push(r.url());
  });
  await page.goto(`${base}/preview.html`);
  await page.getByText("2019江汉区政府工作报告责任分解台账.xlsx").waitFor();
  await page.locator('[data-cell="D3"]').waitFor();
});

afterEach(async () => {
  await page.close();
});

/** Waits until `test` holds (checked every 100 ms, for 10 s at most). */
async function until(test: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting");
}

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

async function runCheck() {
  await page.getByRole("button", { name: "检查完整性" }).click();
  await page.getByText(/任务 106 项/).waitFor();
}

/** Checks, then makes the 2019 third-quarter summary from the 汇总 tab. */
async function makeSummary() {
  await runCheck();
  await page.getByRole("tab", { name: "汇总" }).click();
  await page.getByRole("combobox").selectOption("2019Q3");
  await page.getByRole("button", { name: "生成汇总" }).click();
  await page.getByLabel("summary").waitFor();
}

/** How many pixels of a PNG are dark (text), counted by the page itself. */
async function darkPixels(png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 300) dark++;
    return dark;
  }, png.toString("base64"));
}

/** Scrolls the grid down until a cell holding the text is drawn (the grid draws only the rows in view). */
async function scrollToText(text: string) {
  const cell = page.locator(".sheet [role=gridcell]", { hasText: text });
  const height = await page.locator(".sheet-scroll").evaluate((e) => e.scrollHeight);
  for (let top = 0; top <= height; top += 400) {
    await page.locator(".sheet-scroll").evaluate((e, t) => (e.scrollTop = t), top);
    await page.waitForTimeout(50);
    if (await cell.count()) return cell;
  }
  throw new Error(`no cell holds “${text}”`);
}

/** The background colour of a cell in the grid, as the page draws it. */
const background = (cell: string) => page.locator(`[data-cell="${cell}"]`).evaluate((td) => getComputedStyle(td).backgroundColor);

test("检查完整性 shows the same counts as duban check --json on the same file", async () => {
  await runCheck();
  const cli = JSON.parse((await duban("check", LEDGER_2019, "--json")).out) as { counts: Record<string, number> };
  const shown = await page.getByLabel("counts").innerText();
  for (const [kind, label] of [["unknown-unit", "单位不在目录中"], ["renamed-unit", "单位已更名或撤销"]] as const) {
    expect(shown).toContain(`${label} ${cli.counts[kind]}`);
  }
  expect(await background("F3")).toBe("rgb(252, 213, 180)");
  await shot("preview-check");
});

test("clicking a finding selects its cell in the grid", async () => {
  await runCheck();
  await page.getByRole("button", { name: "序号84 · F90" }).click();
  await page.locator('.selected[data-cell="F90"]').waitFor();
  await shot("preview-select");
});

test("应用 changes the cell, and the finding is gone on the next check", async () => {
  await runCheck();
  await page.getByRole("button", { name: /^单位已更名或撤销（47）/ }).click();
  await page.getByRole("button", { name: "应用：区科技和经济信息化局" }).first().click();
  await page.getByText("单位已更名或撤销 46").waitFor();
  expect(await page.locator('[data-cell="F3"]').innerText()).toContain("区科技和经济信息化局");
  await shot("preview-apply");
});

test("清除标记 puts the fills back", async () => {
  const before = await background("F3");
  await runCheck();
  expect(await background("F3")).not.toBe(before);
  await page.getByRole("button", { name: "清除标记" }).click();
  await until(async () => (await background("F3")) === before);
  await shot("preview-clear");
});

test("设置 → 兼容性自检 in the browser, over the .xlsx host: every step passes, the sheet tabs as they were", async () => {
  const tabs = async () => page.locator(".tabs [role=tab]").allTextContents();
  const before = await tabs();
  await page.getByRole("tab", { name: "设置" }).click();
  await page.getByRole("button", { name: "兼容性自检" }).click();
  const result = page.getByLabel("self-test-result");
  await result.waitFor();
  expect(await result.textContent()).toBe("兼容性自检：通过 10 项，未通过 0 项");
  const report = await page.getByLabel("自检报告").inputValue();
  expect(report.split("\n")[1]).toMatch(/^宿主：浏览器（\.xlsx 文件） Mozilla\/5\.0/);
  expect(await tabs()).toEqual(before);
  await page.getByLabel("兼容性自检").scrollIntoViewIfNeeded();
  await shot("preview-self-test");
});

test("the 2019 third-quarter summary: a new tab with the figures of duban summary", async () => {
  await makeSummary();
  await page.getByRole("tab", { name: "2019年第三季度汇总" }).waitFor();
  const out = path.join(os.tmpdir(), `duban-e2e-summary-${process.pid}.xlsx`);
  expect((await duban("summary", LEDGER_2019, "--quarter", "2019Q3", "-o", out)).code).toBe(0);
  const cli = new ExcelJS.Workbook();
  await cli.xlsx.readFile(out);
  const cliTotals = cli.getWorksheet("2019年第三季度汇总")!;
  // The overall figures, row by row, as the grid shows them.
  for (let r = 5; r <= 15; r++) {
    const label = String(cliTotals.getCell(r, 2).value);
    const value = String(cliTotals.getCell(r, 3).value);
    const row = page.locator(".sheet [role=row]").filter({ has: page.locator(`[role=gridcell]:text-is("${label}")`) }).first();
    expect(await row.locator("[role=gridcell]").nth(2).innerText()).toBe(value);
  }
  await shot("preview-summary");
});

test("after 生成汇总 (the summary sheet shown), 检查完整性 checks the ledger and says which sheet it was", async () => {
  await makeSummary();
  await page.locator('.sheet[data-sheet="2019年第三季度汇总"]').waitFor();
  await page.getByRole("tab", { name: "检查" }).click();
  // The quarter chosen for the summary is the pane's quarter now.
  expect(await page.getByRole("combobox").inputValue()).toBe("2019Q3");
  await page.getByRole("button", { name: "检查完整性" }).click();
  await page.getByText("当前工作表“2019年第三季度汇总”是督办助手生成的工作表，检查的是台账工作表“进展情况”。").waitFor();
  await page.getByText(/工作表“进展情况” · 表头第 2 行 · 任务 106 项/).waitFor();
});

test("the pane's rough edges: a finding's text selects its cell, a toast takes no clicks, the keyboard stays in the list after 应用, the grid's header covers what scrolls under it", async () => {
  await runCheck();
  await page.getByRole("button", { name: /^单位已更名或撤销（47）/ }).click();
  // The whole finding is the link: its sentence, not only the small label.
  await page.getByText("“经信局”已更名为“区科技和经济信息化局”，请改用现名。").first().click();
  await page.locator('.selected[data-cell="F3"]').waitFor();
  // 应用 with the keyboard: the toast shows, the focus stays in the findings.
  const apply = page.getByRole("button", { name: "应用：区科技和经济信息化局" }).first();
  await apply.focus();
  await page.keyboard.press("Enter");
  await page.getByText("单位已更名或撤销 46").waitFor();
  expect(await page.evaluate(() => document.activeElement?.closest("[aria-label=findings]") !== null)).toBe(true);
  const toast = page.locator(".fui-Toast");
  await toast.first().waitFor();
  // The toast comes into view (it slides in), clear of the toolbar, and clicks go through it to what lies under it.
  await until(async () => {
    const box = await toast.first().boundingBox();
    return !!box && box.y + box.height <= 860;
  });
  const t = (await toast.first().boundingBox())!;
  const bar = (await page.locator(".toolbar").boundingBox())!;
  expect(t.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  expect(t.y + t.height).toBeLessThanOrEqual(860);
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest(".fui-Toast") ?? null, { x: t.x + t.width / 2, y: t.y + t.height / 2 })).toBeNull();
  const download = page.getByRole("button", { name: "下载", exact: true });
  const d = (await download.boundingBox())!;
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("button")?.textContent ?? "", { x: d.x + d.width / 2, y: d.y + d.height / 2 })).toBe("下载");
  // Scrolled down, the column letters are on top of the cells that pass under them: in the header's
  // top rows, above its letters, nothing but the header is painted, wherever a line of text passes.
  const grid = (await page.locator(".sheet-scroll").boundingBox())!;
  const clip = { x: grid.x + 45, y: grid.y, width: Math.min(900, grid.width - 60), height: 6 };
  let dark = 0;
  for (let offset = 0; offset < 24; offset += 3) {
    await page.locator(".sheet-scroll").evaluate((e, top) => (e.scrollTop = top), 700 + offset);
    dark += await darkPixels(await page.screenshot({ clip }));
  }
  expect(dark).toBe(0);
});

test("下载 saves the workbook with its marks and summary sheet", async () => {
  await makeSummary();
  await shot("preview-download");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载", exact: true }).click()]);
  const file = path.join(os.tmpdir(), `duban-e2e-download-${process.pid}.xlsx`);
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.getWorksheet("2019年第三季度汇总")).toBeDefined();
  const f3 = wb.getWorksheet("进展情况")!.getCell("F3");
  expect((f3.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFCD5B4");
  expect(JSON.stringify(f3.note)).toContain("督办助手");
});

test("a file that is not a workbook gets a clear message, and the page stays usable", async () => {
  await page.locator('input[type="file"]').setInputFiles({ name: "说明.txt", mimeType: "text/plain", buffer: Buffer.from("这不是工作簿") });
  await page.getByText("“说明.txt”不是 .xlsx 工作簿（扩展名为 .txt）：应为用 Excel 或 WPS 保存的 .xlsx 文件。").waitFor();
  await shot("preview-bad-file");
  await runCheck();
});

test("分发 and 合并回报: the forms as one .zip, one filled in and chosen, written into the ledger, then undone", async () => {
  await runCheck();
  await page.getByRole("tab", { name: "分发" }).click();
  await page.getByRole("button", { name: "生成填报表" }).click();
  await page.getByLabel("forms").waitFor();
  await shot("preview-forms");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "全部下载（.zip）" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^进展情况-2019Q4进展填报表（\d+个单位）\.zip$/);
  const zipFile = path.join(os.tmpdir(), `duban-e2e-forms-${process.pid}.zip`);
  await download.saveAs(zipFile);
  const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
  const names = Object.keys(zip.files);
  expect(names.length).toBe(await page.getByLabel("forms").getByRole("button", { name: /^下载 / }).count());
  // A unit fills in its first row and sends the form back.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await zip.file(names[0]!)!.async("uint8array")) as unknown as ArrayBuffer);
  wb.getWorksheet("进展填报")!.getCell("I3").value = "预览中填写的进展：已完成年度任务的八成。";
  const filled = Buffer.from(await wb.xlsx.writeBuffer());
  await page.getByLabel("选择交回的填报表…").setInputFiles([
    { name: names[0]!, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: filled },
    { name: "说明.txt", mimeType: "text/plain", buffer: Buffer.from("不是填报表") },
  ]);
  const plan = page.getByLabel("merge-plan");
  await plan.waitFor();
  expect(await plan.innerText()).toContain("将写入 1 个单元格");
  expect(await plan.innerText()).toContain("【不是填报表的文件】1 项");
  await shot("preview-merge-plan");
  await page.getByRole("button", { name: "写入台账（1 个单元格）" }).click();
  await page.getByLabel("merge-done").waitFor();
  const written = await scrollToText("预览中填写的进展：已完成年度任务的八成。");
  await page.getByRole("button", { name: /^撤销上次合并/ }).waitFor();
  // The same words are in the toast and in the pane; the picture is taken when the toast has gone.
  await until(async () => (await page.getByText(/^已合并 1 份填报表/).count()) === 1);
  await shot("preview-merged");
  await page.getByRole("button", { name: /^撤销上次合并/ }).click();
  await until(async () => (await written.count()) === 0);
});

test("the page makes no request outside this machine", () => {
  expect(outside).toEqual([]);
});

test("下载 keeps what the workbook held that ExcelJS does not write: data validations over whole columns and the whole sheet", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRows([["序号", "目标任务", "牵头单位", "完成时限", "三季度进展"], [1, "新建口袋公园5个。", "区园林局", "2026年12月底", "建成3个。"]]);
  const withValidations = await withWholeValidations(new Uint8Array(await wb.xlsx.writeBuffer()));
  const sheetXml = async (bytes: Uint8Array) => (await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string"));
  const validations = (xml: string) => /<dataValidations\b[\s\S]*?<\/dataValidations>/.exec(xml)?.[0];
  const before = validations(await sheetXml(withValidations));
  expect(before).toBeDefined();
  await page.locator('input[type="file"]').setInputFiles({ name: "带下拉的台账.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(withValidations) });
  await page.getByText("带下拉的台账.xlsx").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe("带下拉的台账-已检查.xlsx");
  const file = path.join(os.tmpdir(), `duban-e2e-validations-${process.pid}.xlsx`);
  await download.saveAs(file);
  expect(validations(await sheetXml(fs.readFileSync(file)))).toBe(before);
});

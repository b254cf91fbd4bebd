// The preview's grid at scale, in Debian's Chromium: a 10,000-row ledger drawn a screenful at a time
// (every row reachable), the widths and heights the file sets, a click that selects its cell, and the
// summary's 位置 links that go to their cell inside the grid.
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { syntheticDirectoryRows, syntheticLedgerRows, syntheticUnits } from "../helpers/syntheticLedger";
import { ARTIFACTS, serveBuild, type Served } from "./served";
import * as path from "path";

let served: Served;
let page: Page;

// Seven minutes for the production build: over three on the 2-core machine while a mutation run shares it.
beforeAll(async () => {
  served = await serveBuild("grid");
}, 420000);

afterAll(async () => {
  await served?.close();
});

beforeEach(async () => {
  page = await served.browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`${served.base}/preview.html`);
  await page.locator('[data-cell="D3"]').waitFor();
});

afterEach(async () => {
  await page.close();
});

const grid = () => page.locator(".sheet-scroll");

async function openBook(rows: (string | number)[][], widths?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRows(rows);
  widths?.(ws);
  const units = syntheticUnits(300);
  wb.addWorksheet("部门目录").addRows(syntheticDirectoryRows(units));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await page.locator('input[type="file"]').setInputFiles({ name: "万行台账.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByText("万行台账.xlsx").waitFor();
  await page.locator('.sheet[data-sheet="台账"] [data-cell="A2"]').waitFor();
}

test("a 10,000-row ledger: a screenful of cells in the page, every row reachable, a click selects its cell", async () => {
  await openBook(syntheticLedgerRows(10000, syntheticUnits(300)));
  // Only what is in view (and a little more) is drawn.
  expect(await page.locator("[role=gridcell]").count()).toBeLessThan(1500);
  await grid().evaluate((e) => (e.scrollTop = e.scrollHeight));
  await page.locator('[data-cell="C10002"]').waitFor();
  expect(await page.locator('[data-cell="C10002"]').innerText()).toBe("第10000项任务：新建项目0个，完成投资10亿元，持续提升城区功能品质。");
  await page.locator('[data-cell="G10002"]').click();
  await page.locator('.selected[data-cell="G10002"]').waitFor();
  // Half-way down, and back to the top.
  await grid().evaluate((e) => (e.scrollTop = e.scrollHeight / 2));
  await page.locator("[role=rowheader]", { hasText: /^5\d{3}$/ }).first().waitFor();
  await grid().evaluate((e) => (e.scrollTop = 0));
  await page.locator('[data-cell="A1"]').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, "grid-10000.png") });
});

test("widths and heights as the file sets them; text wraps only where the file says", async () => {
  await openBook([["序号", "目标任务", "牵头单位"], [1, "新建口袋公园3个，改造提升背街小巷20条，完成老旧小区改造30个。", "区园林局"]], (ws) => {
    ws.getColumn(2).width = 20;
    ws.getColumn(3).width = 12;
    ws.getRow(1).height = 30;
    ws.getCell("B2").alignment = { wrapText: true };
  });
  const box = async (cell: string) => (await page.locator(`[data-cell="${cell}"]`).boundingBox())!;
  // 20 characters: 145 px (7 px a character and 5 of padding, as Excel converts widths).
  expect(Math.round((await box("B1")).width)).toBe(145);
  expect(Math.round((await box("C1")).width)).toBe(89);
  // 30 pt is 40 px; the wrapped row without a height is as tall as its text: 28 CJK characters and 5
  // digits are 61 digit widths, 19 to a line of 145 − 8 px: 4 lines of 16 px.
  expect(Math.round((await box("A1")).height)).toBe(40);
  expect(Math.round((await box("B2")).height)).toBe(4 * 16 + 4);
  // And the text fits in it as the browser lays it out.
  expect(await page.locator('[data-cell="B2"]').evaluate((e) => e.scrollHeight <= e.clientHeight)).toBe(true);
  expect(await page.locator('[data-cell="B2"]').evaluate((e) => getComputedStyle(e).whiteSpace)).toBe("pre-wrap");
  expect(await page.locator('[data-cell="C2"]').evaluate((e) => getComputedStyle(e).whiteSpace)).toBe("pre");
});

test("the summary's 位置 links go to their cell in the ledger, inside the grid", async () => {
  await page.getByRole("button", { name: "检查完整性" }).click();
  await page.getByText(/任务 106 项/).waitFor();
  await page.getByRole("tab", { name: "汇总" }).click();
  await page.getByRole("combobox").selectOption("2019Q3");
  await page.getByRole("button", { name: "生成汇总" }).click();
  await page.locator('.sheet[data-sheet="2019年第三季度汇总"]').waitFor();
  // The unit-name problems' table lists 进展情况!F90 (市红会医院); scrolled into view, clicked.
  const link = page.locator(".cell.link", { hasText: "进展情况!F90" }).first();
  const height = await grid().evaluate((e) => e.scrollHeight);
  for (let top = 0; top <= height && !(await link.count()); top += 400) await grid().evaluate((e, t) => (e.scrollTop = t), top);
  await link.click();
  await page.locator('.sheet[data-sheet="进展情况"]').waitFor();
  await page.locator('.selected[data-cell="F90"]').waitFor();
  expect(await page.locator('.selected[data-cell="F90"]').innerText()).toContain("市红会医院");
});

// 填报 in the preview, as the staff of one unit use it on the 2026 Jiang'an ledger after filling in part
// of their third quarter: they pick 区文化和旅游局 by its short name, see its tasks with what is still
// missing or weak and what would pass, and go to a task's progress cell by the keyboard; then they type
// into a blank task's cell in the grid and see the list follow. The pictures are
// src/assets/readme/fill-tab.png (copied from test-artifacts/fill-tab-pane.png) and
// src/assets/readme/fill-typing.png (from test-artifacts/fill-typing.png) and src/assets/readme/fill-marked.png
// (from test-artifacts/fill-marked.png).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { LEDGER_2026 } from "../helpers/cli";
import { ARTIFACTS, serveBuild, type Served } from "./served";

let served: Served;
let page: Page;
let ledger: string;

/**
 * The seed with 区文化和旅游局's second and third quarters written as a unit writes them: figures for
 * most tasks, and one of each weakness 填报 tells of (a placeholder, last quarter's text again, no
 * figures for a task with a target); two tasks left blank.
 */
async function partlyFilled(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(LEDGER_2026);
  const ws = wb.getWorksheet("2026年责任分解")!;
  // The columns by their headers (row 2): 责任单位, 二季度进展, 三季度进展.
  const column = (label: string) => {
    let found = 0;
    ws.getRow(2).eachCell((cell, c) => {
      if (cell.text.trim() === label) found = c;
    });
    expect(found).toBeGreaterThan(0);
    return found;
  };
  const [unitCol, q2Col, q3Col] = [column("责任单位"), column("二季度进展"), column("三季度进展")];
  const rows: number[] = [];
  ws.eachRow((row, n) => {
    if (n > 2 && /区文化和旅游局/.test(row.getCell(unitCol).text)) rows.push(n);
  });
  rows.forEach((n, i) => {
    const row = ws.getRow(n);
    const q2 = `上半年完成年度目标的${40 + (i % 5) * 5}%，举办相关活动${3 + i}场。`;
    row.getCell(q2Col).value = q2;
    const q3 = [
      i === 1 ? "正在推进" : undefined,
      i === 3 ? q2 : undefined,
      // The 13th, 新建新型文化空间10处, has a target in figures.
      i === 12 ? "持续推进各项工作，加强统筹协调，压实工作责任。" : undefined,
      i === 6 || i === 9 ? "" : undefined,
    ].find((t) => t !== undefined);
    row.getCell(q3Col).value = q3 ?? `截至9月底，完成年度目标的${70 + (i % 4) * 5}%，新增项目${2 + (i % 3)}个。`;
  });
  const file = path.join(os.tmpdir(), `duban-e2e-fill-${process.pid}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

// Seven minutes for the production build: over three on the 2-core machine while a mutation run shares it.
beforeAll(async () => {
  ledger = await partlyFilled();
  served = await serveBuild("fill");
}, 420000);

afterAll(async () => {
  await served?.close();
  fs.rmSync(ledger, { force: true });
});

beforeEach(async () => {
  page = await served.browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  await page.goto(`${served.base}/preview.html`);
  await page.locator('[data-cell="D3"]').waitFor();
  await page.locator('input[type="file"]').setInputFiles(ledger);
  await page.locator('.sheet[data-sheet="2026年责任分解"]').waitFor();
});

afterEach(async () => {
  await page.close();
});

/** 填报 for the third quarter, 区文化和旅游局 picked by its short name: the count above its list, and the list. */
async function fillFor区文化和旅游局() {
  await page.getByRole("combobox").first().selectOption("2026Q3");
  await page.getByRole("tab", { name: "填报" }).click();
  await page.getByRole("combobox", { name: "本单位" }).fill("文旅");
  await page.getByRole("option", { name: /^区文化和旅游局/ }).click();
  const count = page.getByLabel("fill-count");
  await count.waitFor();
  return { count, list: page.getByRole("listbox", { name: "本单位的任务" }) };
}

test("填报: 区文化和旅游局 picked by its short name; its tasks, the count, the hints; ↓ Enter goes to a progress cell", async () => {
  const { count, list } = await fillFor区文化和旅游局();
  await page.getByLabel("fill-intro").waitFor();
  // 20 tasks: 2 blank, 1 placeholder, 1 copied from the second quarter, 1 without figures; the rest reported.
  expect(await count.innerText()).toBe("本单位第三季度 20 项任务：已报送 15 项，待完善 5 项");
  await expect(list.getByRole("option").nth(1).innerText()).resolves.toContain("“正在推进”是套话：请写明本季度做了什么、完成多少");
  await page.locator("aside.pane").screenshot({ path: path.join(ARTIFACTS, "fill-tab-pane.png") });
  await page.screenshot({ path: path.join(ARTIFACTS, "fill-tab.png") });
  // The keyboard: the list takes the focus, ↓ moves to the second task, Enter selects its progress cell in the grid.
  await list.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const cell = await list.getByRole("option").nth(1).getAttribute("title");
  expect(cell).toBe("I24");
  await page.locator(`.selected[data-cell="${cell}"]`).waitFor({ timeout: 5000 });
});

test("填报 follows typing: a blank task typed 正在推进 is listed as 进展只有套话 within 300 ms of Enter; figures make it 已报送; 下载 keeps the text", async () => {
  const { count, list } = await fillFor区文化和旅游局();
  await page.getByLabel("fill-intro").getByRole("button", { name: "知道了" }).click();
  expect(await count.innerText()).toBe("本单位第三季度 20 项任务：已报送 15 项，待完善 5 项");
  // A task with no progress yet, and its progress cell.
  const blank = list.getByRole("option").filter({ hasText: "未填进展" }).first();
  const cell = (await blank.getAttribute("title"))!;
  expect(cell).toMatch(/^I\d+$/);
  const task = list.locator(`[role=option][title="${cell}"]`);

  // The task selects its cell; the cell takes the typing at once, as Excel's does.
  await task.click();
  await page.locator(`.selected[data-cell="${cell}"]`).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains("cell-editor") === true);
  await page.keyboard.type("正在推进");
  expect(await page.locator("textarea.cell-editor.editing").inputValue()).toBe("正在推进");
  // Timed in the page: from the Enter's keydown to the task's row saying 进展只有套话.
  await page.evaluate((address) => {
    const w = window as unknown as { listed: Promise<number> };
    w.listed = new Promise<number>((resolve, reject) => {
      let pressed = 0;
      document.addEventListener("keydown", (e) => void (e.key === "Enter" && !pressed && (pressed = performance.now())), { capture: true });
      const listed = () => document.querySelector(`[role=option][title="${address}"]`)?.textContent?.includes("进展只有套话");
      const watch = new MutationObserver(() => {
        if (pressed && listed()) {
          watch.disconnect();
          resolve(performance.now() - pressed);
        }
      });
      watch.observe(document.body, { subtree: true, childList: true, characterData: true });
      setTimeout(() => reject(new Error("not listed as 进展只有套话 within 5 s")), 5000);
    });
  }, cell);
  await page.keyboard.press("Enter");
  const took = await page.evaluate(() => (window as unknown as { listed: Promise<number> }).listed);
  console.log(`Enter to 进展只有套话 listed: ${took.toFixed(0)} ms`);
  expect(took).toBeLessThanOrEqual(300);
  expect(await task.innerText()).not.toContain("未填进展");
  expect(await count.innerText()).toBe("本单位第三季度 20 项任务：已报送 15 项，待完善 5 项");
  // Enter went down a row, as in Excel.
  const below = `I${Number(cell.slice(1)) + 1}`;
  await page.locator(`.selected[data-cell="${below}"]`).waitFor();
  await page.locator(`[data-cell="${cell}"]`).filter({ hasText: "正在推进" }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, "fill-typing.png") });

  // Figures: the task is reported, and the count says so.
  await task.click();
  await page.locator(`.selected[data-cell="${cell}"]`).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains("cell-editor") === true);
  const figures = "新建城市书房3个，完成年度目标的60%。";
  await page.keyboard.type(figures);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('[aria-label="fill-count"]')?.textContent === "本单位第三季度 20 项任务：已报送 16 项，待完善 4 项", undefined, { timeout: 5000 });
  expect(await task.innerText()).toContain("已报送");
  expect(await task.innerText()).not.toContain("进展只有套话");

  // 下载 saves the typed text in its cell.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载", exact: true }).click()]);
  const file = path.join(os.tmpdir(), `duban-e2e-fill-typed-${process.pid}.xlsx`);
  await download.saveAs(file);
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.readFile(file);
  fs.rmSync(file, { force: true });
  expect(saved.getWorksheet("2026年责任分解")!.getCell(cell).value).toBe(figures);
});

test("标记本单位问题: the unit's cells with problems are coloured in the grid, and 清除标记 puts them back", async () => {
  const { list } = await fillFor区文化和旅游局();
  const blank = list.getByRole("option").filter({ hasText: "未填进展" }).first();
  const cell = (await blank.getAttribute("title"))!;
  // The grid draws the rows in view: the task's cell is brought into view first.
  await blank.click();
  await page.locator(`.selected[data-cell="${cell}"]`).waitFor();
  const background = () => page.locator(`[data-cell="${cell}"]`).evaluate((e) => getComputedStyle(e).backgroundColor);
  const before = await background();
  await page.getByRole("button", { name: "标记本单位问题" }).click();
  // One cell for each of the five tasks 待完善.
  await page.locator(".fui-ToastTitle").getByText(/^已在 5 个单元格上标出“区文化和旅游局”的问题/).waitFor();
  expect(await background()).not.toBe(before);
  await page.screenshot({ path: path.join(ARTIFACTS, "fill-marked.png") });
  await page.getByRole("tab", { name: "检查" }).click();
  await page.getByRole("button", { name: "清除标记" }).click();
  await page.locator(".fui-ToastTitle").getByText(/^已清除 5 个单元格的标记/).waitFor();
  expect(await background()).toBe(before);
});

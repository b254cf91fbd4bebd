// 填报 in the preview, as the staff of one unit use it on the 2026 Jiang'an ledger after filling in part
// of their third quarter: they pick 区文化和旅游局 by its short name, see its tasks with what is still
// missing or weak and what would pass, and go to a task's progress cell by the keyboard. The pane's
// picture is src/assets/readme/fill-tab.png (copied from test-artifacts/fill-tab-pane.png).
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
  page = await served.browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`${served.base}/preview.html`);
  await page.locator('[data-cell="D3"]').waitFor();
  await page.locator('input[type="file"]').setInputFiles(ledger);
  await page.locator('.sheet[data-sheet="2026年责任分解"]').waitFor();
});

afterEach(async () => {
  await page.close();
});

test("填报: 区文化和旅游局 picked by its short name; its tasks, the count, the hints; ↓ Enter goes to a progress cell", async () => {
  await page.getByRole("combobox").first().selectOption("2026Q3");
  await page.getByRole("tab", { name: "填报" }).click();
  await page.getByLabel("fill-intro").waitFor();
  await page.getByRole("combobox", { name: "本单位" }).fill("文旅");
  await page.getByRole("option", { name: /^区文化和旅游局/ }).click();
  const count = page.getByLabel("fill-count");
  await count.waitFor();
  // 20 tasks: 2 blank, 1 placeholder, 1 copied from the second quarter, 1 without figures; the rest reported.
  expect(await count.innerText()).toBe("本单位第三季度 20 项任务：已报送 15 项，待完善 5 项");
  const list = page.getByRole("listbox", { name: "本单位的任务" });
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

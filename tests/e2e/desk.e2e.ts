// The supervisor's desk in the preview, as a person uses it on the 2026 Jiang'an ledger: the findings
// by unit, a unit's 催办 (its text, its 催办单), all the 催办单 in one .zip, and the 通报 from 汇总.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { LEDGER_2026 } from "../helpers/cli";
import { readDocx } from "../helpers/docx";
import { ARTIFACTS, serveBuild, type Served } from "./served";

let served: Served;
let page: Page;

// Seven minutes for the production build: over three on the 2-core machine while a mutation run shares it.
beforeAll(async () => {
  served = await serveBuild("desk");
}, 420000);

afterAll(async () => {
  await served?.close();
});

beforeEach(async () => {
  page = await served.browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  await page.goto(`${served.base}/preview.html`);
  await page.locator('[data-cell="D3"]').waitFor();
  await page.locator('input[type="file"]').setInputFiles(LEDGER_2026);
  await page.locator('.sheet[data-sheet="2026年责任分解"]').waitFor();
  await page.getByRole("combobox").first().selectOption("2026Q3");
  await page.getByRole("button", { name: "检查完整性" }).click();
  await page.getByText(/任务 184 项/).waitFor();
});

afterEach(async () => {
  await page.close();
});

async function downloaded(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = path.join(os.tmpdir(), `duban-e2e-desk-${process.pid}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

test("按单位: the units with most tasks to chase first; a unit's 催办 text and 催办单; every 催办单 in one .zip", async () => {
  await page.getByRole("tab", { name: "按单位" }).click();
  const view = page.getByLabel("by-unit", { exact: true });
  await view.waitFor();
  // The unit leading most tasks without progress comes first.
  const first = view.getByRole("button", { name: /牵头 \d+/ }).first();
  expect(await first.innerText()).toMatch(/^▾\s*区经济信息化和科技创新局\s*牵头 45/);
  await page.screenshot({ path: path.join(ARTIFACTS, "desk-by-unit.png") });
  // The pane alone, as README shows it (src/assets/readme/by-unit.png).
  await page.locator("aside.pane").screenshot({ path: path.join(ARTIFACTS, "desk-by-unit-pane.png") });
  await view.getByRole("button", { name: "催办 区经济信息化和科技创新局" }).click();
  const text = await page.getByRole("textbox", { name: "催办短信" }).inputValue();
  // The popover's entrance is over when its text is fully drawn.
  await page.waitForTimeout(300);
  expect(text).toMatch(/^【催办】区经济信息化和科技创新局：2026年第三季度目标任务进展报送截止2026年10月10日/);
  await page.screenshot({ path: path.join(ARTIFACTS, "desk-remind.png") });
  const one = await downloaded(() => page.getByRole("button", { name: "下载催办单（.docx）" }).click());
  expect(one.name).toBe("区经济信息化和科技创新局-2026Q3催办单.docx");
  const doc = await readDocx(one.bytes);
  expect(doc.paragraphs).toContain("区经济信息化和科技创新局：");
  await page.keyboard.press("Escape");
  const all = await downloaded(() => page.getByRole("button", { name: /^全部催办单（\.zip，\d+ 个单位）$/ }).click());
  const zip = await JSZip.loadAsync(all.bytes);
  const count = Number(/（(\d+)个单位）/.exec(all.name)![1]);
  expect(Object.keys(zip.files)).toHaveLength(count);
  expect(Object.keys(zip.files)).toContain("区经济信息化和科技创新局-2026Q3催办单.docx");
});

test("下载通报 in 汇总: the 通报 of the quarter as a .docx", async () => {
  await page.getByRole("tab", { name: "汇总" }).click();
  const bulletin = await downloaded(() => page.getByRole("button", { name: "下载通报（.docx）" }).click());
  expect(bulletin.name).toBe("2026Q3通报.docx");
  const doc = await readDocx(bulletin.bytes);
  expect(doc.paragraphs.slice(0, 3)).toEqual(["江岸区人民政府办公室", "", "关于2026年第三季度江岸区《政府工作报告》目标任务推进情况的通报"]);
});

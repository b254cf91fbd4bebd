// The offline page as a person uses it: dist/web/督办助手.html opened from file:// with every request
// refused, on a ledger it has never seen (built here): open, 检查完整性 and its marks, 汇总, 目录, 导入,
// 分发 and 合并回报, 下载; the example ledger only when asked. No request leaves the page, and its
// Content-Security-Policy (scripts by hash) refuses nothing the page does.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { readDocx } from "../helpers/docx";
import { ARTIFACTS, serveBuild, type Served } from "./served";

let served: Served;
let file = "";

beforeAll(async () => {
  served = await serveBuild("offline");
  file = path.join(served.dist, "web", "督办助手.html");
}, 400000);

afterAll(async () => {
  await served?.close();
});

/** A ledger of a shape the repository's seeds do not have: 板块 merged, quarters as columns, no directory. */
async function unseenLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("重点任务推进表");
  ws.addRow(["2025年某区政府工作报告重点任务推进表"]);
  ws.addRow(["编号", "板块", "重点工作", "牵头单位", "配合单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展"]);
  const tasks: [string, string, string, string, string][] = [
    ["产业发展", "新引进亿元以上项目10个。", "区发改局", "区商务局", "年底前"],
    ["产业发展", "规上工业增加值增长6%。", "区经信局", "", "年底前"],
    ["产业发展", "新增市场主体5000户。", "区市场监管局", "区政务服务局", "2025年12月底"],
    ["城市建设", "完成老旧小区改造20个。", "区住建局", "各街道", "年底前"],
    ["城市建设", "新建口袋公园5个。", "区园林局", "", "2025年9月底"],
    ["民生保障", "新增城镇就业1.2万人。", "区人社局", "", "年底前"],
  ];
  tasks.forEach(([cat, task, lead, co, deadline], i) =>
    ws.addRow([i + 1, cat, task, lead, co, deadline, "已启动。", "推进中。", "推进中。", i % 3 === 0 ? "" : i % 3 === 1 ? "推进中。" : `已完成全年目标的${80 + i}%，累计完成${i + 3}项。`]),
  );
  ws.mergeCells("A1:J1");
  ws.mergeCells("B3:B5");
  ws.mergeCells("B6:B7");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const NOTICE = ["关于印发2026年区政府工作报告重点任务分解方案的通知", "一、经济发展", "1. 新建5G基站300个。", "责任单位：区经信局", "2. 完成老旧小区改造20个。", "责任单位：区住建局、各街道"].join("\n");

interface Visit {
  context: BrowserContext;
  page: Page;
  /** Every request the page made other than for its own file. */
  requests: string[];
  /** Console messages about the Content-Security-Policy, and script errors. */
  problems: string[];
}

async function visit(): Promise<Visit> {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  const requests: string[] = [];
  const problems: string[] = [];
  const own = new URL(`file://${file}`).href;
  // Every request is refused, whatever its address: the page must need none.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === own) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("request", (r) => r.url() !== own && !/^(data|blob):/.test(r.url()) && requests.push(r.url()));
  page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(own);
  return { context, page, requests, problems };
}

async function until(test: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting");
}

test("from file:// with every request refused: a ledger never seen, checked, marked, summarised, its directory made, a notice imported, forms made and merged back, downloaded", async () => {
  const { context, page, requests, problems } = await visit();
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  try {
    // No example is forced on the person: the page waits for their file.
    await page.getByText("请点“打开文件”，选择本机的台账（.xlsx）").waitFor();
    expect(await page.locator(".sheet[role=grid]").count()).toBe(0);
    await shot("offline-start");

    await page.locator('input[type="file"][aria-label="选择工作簿"]').setInputFiles({ name: "2025年重点任务推进表.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await unseenLedger() });
    await page.getByText("2025年重点任务推进表.xlsx").waitFor();
    await page.locator('[data-cell="C3"]').waitFor();
    // The grid is laid out (the page's own styles): a row's cells side by side, not one under another.
    const left = async (cell: string) => (await page.locator(`[data-cell="${cell}"]`).boundingBox())!.x;
    expect(await left("D3")).toBeGreaterThan(await left("C3"));

    // 检查完整性: the tasks read, the fourth quarter's missing progress marked light red.
    await page.getByRole("button", { name: "检查完整性" }).click();
    await page.getByText(/工作表“重点任务推进表” · 表头第 2 行 · 任务 6 项/).waitFor();
    await until(async () => (await page.locator('[data-cell="J3"]').evaluate((td) => getComputedStyle(td).backgroundColor)) === "rgb(255, 199, 206)");
    expect(await page.locator('[data-cell="J6"]').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe("rgb(255, 199, 206)");
    expect(await page.locator('[data-cell="J6"]').getAttribute("title")).toMatch(/^督办助手：/);
    await shot("offline-check");

    // 汇总: the quarter's summary sheet.
    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByRole("button", { name: "生成汇总" }).click();
    await page.getByLabel("summary").waitFor();
    await page.getByRole("tab", { name: "2025年第四季度汇总" }).waitFor();
    // 下载通报: the .docx made inside the one file too (the docx library is in it), nothing fetched.
    const [bulletin] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载通报（.docx）" }).click()]);
    expect(bulletin.suggestedFilename()).toBe("2025Q4通报.docx");
    const bulletinFile = path.join(os.tmpdir(), `duban-offline-bulletin-${process.pid}.docx`);
    await bulletin.saveAs(bulletinFile);
    expect((await readDocx(fs.readFileSync(bulletinFile))).paragraphs).toContain("关于2025年第四季度某区《政府工作报告》目标任务推进情况的通报");

    // 目录: no directory in this workbook; one is proposed from the ledger's units and added.
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: "检查完整性" }).click();
    await page.getByText(/表头第 2 行 · 任务 6 项/).waitFor();
    await page.getByRole("tab", { name: "目录" }).click();
    await page.getByRole("button", { name: /^创建目录（\d+）$/ }).click();
    await page.getByRole("tab", { name: "部门目录" }).waitFor();

    // 导入: a notice pasted becomes a ledger sheet.
    await page.getByRole("tab", { name: "导入" }).click();
    await page.getByRole("textbox", { name: "粘贴责任分解方案通知的文字" }).fill(NOTICE);
    await page.getByRole("button", { name: "创建台账工作表" }).click();
    await page.getByRole("tab", { name: "责任分解台账" }).waitFor();

    // 分发: the forms as one .zip; one unit fills its form in and it is merged back, then undone.
    await page.getByRole("tab", { name: "重点任务推进表" }).click();
    await page.getByRole("tab", { name: "分发" }).click();
    // The pane's quarter followed the imported 2026 notice; the ledger is 2025's.
    await page.getByRole("combobox").selectOption("2025Q4");
    await page.getByRole("button", { name: "生成填报表" }).click();
    await page.getByLabel("forms").waitFor();
    const [zipDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "全部下载（.zip）" }).click()]);
    const zipFile = path.join(os.tmpdir(), `duban-offline-forms-${process.pid}.zip`);
    await zipDownload.saveAs(zipFile);
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    const name = Object.keys(zip.files).find((n) => n.startsWith("区住建局"))!;
    expect(name).toBeDefined();
    const form = new ExcelJS.Workbook();
    await form.xlsx.load((await zip.file(name)!.async("uint8array")) as unknown as ArrayBuffer);
    const sheet = form.getWorksheet("进展填报")!;
    let input = "";
    sheet.getRow(2).eachCell((c, col) => String(c.value).includes("四季度") && (input = `${sheet.getColumn(col).letter}3`));
    expect(input).not.toBe("");
    sheet.getCell(input).value = "离线页面中填写：完成改造21个，超额完成。";
    await page.getByLabel("选择交回的填报表…").setInputFiles([{ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await form.xlsx.writeBuffer()) }]);
    await page.getByLabel("merge-plan").waitFor();
    await page.getByRole("button", { name: "写入台账（1 个单元格）" }).click();
    await page.getByLabel("merge-done").waitFor();
    await page.locator(".sheet [role=gridcell]", { hasText: "离线页面中填写：完成改造21个，超额完成。" }).first().waitFor();
    await shot("offline-merged");

    // 下载: the workbook with the marks, the summary, the directory, the imported sheet and the merged progress.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载", exact: true }).click()]);
    const saved = path.join(os.tmpdir(), `duban-offline-${process.pid}.xlsx`);
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["重点任务推进表", "2025年第四季度汇总", "部门目录", "责任分解台账"]));
    expect(((wb.getWorksheet("重点任务推进表")!.getCell("J3").fill as ExcelJS.FillPattern).fgColor?.argb)).toBe("FFFFC7CE");
    expect(String(wb.getWorksheet("重点任务推进表")!.getCell("J6").value)).toBe("离线页面中填写：完成改造21个，超额完成。");

    // The example, when asked for.
    await page.getByRole("button", { name: "打开示例台账" }).click();
    await page.getByText("2019江汉区政府工作报告责任分解台账（示例）.xlsx").waitFor();
    await page.locator('[data-cell="F3"]').waitFor();
  } finally {
    await context.close();
  }
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
});

// The add-in's pages as built, in the pane's size, with the user agent of each webview Office may use: under
// Internet Explorer's engine (Trident) and legacy Edge's (EdgeHTML) the pane says what to do and its script is
// never fetched; anywhere else the pane's script runs and nothing is said. office.js from Microsoft's CDN is
// aborted before it leaves this machine, like every request that would.
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";
import type { BrowserContextOptions, Page } from "playwright-core";
import { ARTIFACTS, ROOT, serveBuild, TYPES, type Served } from "./served";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// The production address the build's manifest names by default: answered from the build by the browser's own
// routing, so that the message shows the offline page's address as a user would see it.
const ADDIN = "https://duban.example.gov.cn/addin/";

const UA = {
  // Office 2019 volume-licensed on Windows 10.
  trident: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  // Microsoft 365 on Windows 10 without the WebView2 runtime.
  edgeHtml: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
};

let served: Served;
let out = "";
let base = "";

// Seven minutes for the production build: over three on the 2-core machine while a mutation run shares it.
beforeAll(async () => {
  served = await serveBuild("webview");
  ({ out, base } = served);
}, 420000);

afterAll(async () => {
  await served?.close();
});

type Visit = { page: Page; requested: string[]; aborted: string[]; errors: string[]; cspViolations: string[] };

/**
 * Opens a page of the add-in in a pane-sized window, from this machine's server or (`at` ADDIN) from the build
 * through the browser's routing; every other request for another host is aborted and noted. `requested` holds
 * the file names asked of the add-in's origin.
 */
async function open(file: string, options: BrowserContextOptions, at = `${base}/`): Promise<Visit> {
  const context = await served.browser.newContext({ viewport: { width: 350, height: 700 }, ...options });
  const visit: Visit = { page: await context.newPage(), requested: [], aborted: [], errors: [], cspViolations: [] };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (["127.0.0.1", "localhost"].includes(url.hostname)) return route.continue();
    if (url.href.startsWith(ADDIN)) {
      const built = path.join(out, url.pathname.slice(new URL(ADDIN).pathname.length));
      if (built.startsWith(out) && fs.existsSync(built)) return route.fulfill({ path: built, contentType: TYPES[path.extname(built)] });
    }
    visit.aborted.push(url.href);
    return route.abort("blockedbyclient");
  });
  visit.page.on("request", (r) => {
    if (r.url().startsWith(at)) visit.requested.push(r.url().slice(at.length).split("?")[0]!);
  });
  visit.page.on("pageerror", (e) => visit.errors.push(e.message));
  visit.page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) visit.cspViolations.push(m.text());
  });
  await visit.page.goto(`${at}${file}`);
  await visit.page.waitForLoadState("load");
  return visit;
}

afterEach(async () => {
  await Promise.all(served.browser.contexts().map((c) => c.close()));
});

test("webview-check.js is served as written, and it is ES5", () => {
  const served = fs.readFileSync(path.join(out, "webview-check.js"), "utf8");
  expect(served).toBe(fs.readFileSync(path.join(ROOT, "src", "taskpane", "webview-check.js"), "utf8"));
  expect(() => parse(served, { ecmaVersion: 5 })).not.toThrow();
});

test("Trident: the pane says in Chinese what to do, and the pane's script is never fetched", async () => {
  const { page, requested, aborted, errors, cspViolations } = await open("taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN", { userAgent: UA.trident, locale: "zh-CN" }, ADDIN);
  const message = page.getByRole("alert");
  await message.getByText("督办助手无法在这个 Excel 中运行").waitFor();
  expect(await message.innerText()).toContain("Office 2019 批量许可版");
  expect(await message.innerText()).toContain(`${ADDIN}preview.html`);
  expect(await message.isVisible()).toBe(true);
  // Nothing outside the pane's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  expect(requested.filter((file) => file.endsWith(".js"))).toEqual(["webview-check.js"]);
  expect(aborted).toEqual([OFFICE_JS]);
  expect(errors).toEqual([]);
  expect(cspViolations).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, "webview-trident.png") });
});

test("EdgeHTML: installing the WebView2 runtime comes first", async () => {
  const { page, requested, errors } = await open("taskpane.html", { userAgent: UA.edgeHtml, locale: "zh-CN" });
  const message = page.getByRole("alert");
  await message.getByText(/旧版 Microsoft Edge 的内核（EdgeHTML）/).waitFor();
  expect(await message.locator("li").first().innerText()).toMatch(/^请安装 Microsoft Edge WebView2 运行时/);
  expect(requested).not.toContain("taskpane.js");
  expect(errors).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, "webview-edgehtml.png") });
});

test("Trident with the browser in English: the message in English", async () => {
  const { page } = await open("taskpane.html", { userAgent: UA.trident, locale: "en-US" });
  await page.getByRole("alert").getByText("Duban cannot run in this Excel").waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, "webview-trident-en.png") });
});

test("a current engine: no message, and the pane's script runs (without office.js, whose script was aborted, it starts as the offline page)", async () => {
  const { page, requested, aborted, errors } = await open("taskpane.html", { locale: "zh-CN" });
  expect(requested).toContain("taskpane.js");
  await page.getByRole("button", { name: "打开文件" }).waitFor();
  expect(errors).toEqual([]);
  expect(await page.getByRole("alert").count()).toBe(0);
  expect(await page.locator("#webview-message").count()).toBe(0);
  expect(aborted).toEqual([OFFICE_JS]);
});

test("commands.html: its script only in a current engine", async () => {
  const old = await open("commands.html", { userAgent: UA.trident, locale: "zh-CN" });
  expect(old.requested).not.toContain("commands.js");
  expect(old.errors).toEqual([]);
  expect(old.cspViolations).toEqual([]);
  const current = await open("commands.html", { locale: "zh-CN" });
  expect(current.requested).toContain("commands.js");
});

test("help.html (the manifest's SupportUrl): shown in any engine, in the pane's width, from its own files only", async () => {
  for (const userAgent of [UA.trident, undefined]) {
    const { page, requested, aborted, errors, cspViolations } = await open("help.html#old-office", { ...(userAgent ? { userAgent } : {}), locale: "zh-CN" }, ADDIN);
    await page.getByRole("heading", { name: "这个 Excel 打不开督办助手的窗格" }).waitFor();
    expect(await page.getByRole("heading", { name: "功能区按钮" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    // Its stylesheet applied: the headings are not the browser's own.
    expect(await page.locator("h1").evaluate((h) => getComputedStyle(h).borderLeftStyle)).toBe("solid");
    expect(requested).toEqual(["help.html", "help.css"]);
    expect(aborted).toEqual([]);
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
  }
});

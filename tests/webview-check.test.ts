/**
 * @jest-environment jsdom
 */
// webview-check.js, the add-in pages' first script: it must parse in Internet Explorer's engine (ES5), show what
// to do in Trident and EdgeHTML without loading the pane's script, and only load that script anywhere else.
// Where a page names the probe (syntax-check.js: WPS's pane), an engine is refused by what it cannot parse, not
// by its user agent. The pages themselves, built and in a browser: tests/e2e/webview.e2e.ts.
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";
import { CHECK_ACTION } from "../src/commands/checkCommand";

const SOURCE = fs.readFileSync(path.join(__dirname, "..", "src", "taskpane", "webview-check.js"), "utf8");
const PROBE = fs.readFileSync(path.join(__dirname, "..", "src", "taskpane", "syntax-check.js"), "utf8");

const UA = {
  // Office 2019 volume-licensed on Windows 10: Internet Explorer 11's webview.
  trident: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  // Microsoft 365 on Windows 10 without the WebView2 runtime: legacy Edge's webview.
  edgeHtml: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  // WebView2 (Chromium's Edge says "Edg/"), Chrome, Excel for Mac (WKWebView), Firefox for Excel on the web.
  webView2: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  chrome: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  wkWebView: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
  firefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
};

type FakeOffice = { onReady: (callback: () => void) => void; context: { displayLanguage: string } };

/** Runs the script in this page as taskpane.html does: at the end of the body, after office.js. */
function runIn(userAgent: string, options: { language?: string; office?: FakeOffice } = {}) {
  document.body.innerHTML = '<div id="root"></div><script id="webview-check" src="webview-check.js" data-main="taskpane.js"></script>';
  jest.spyOn(navigator, "userAgent", "get").mockReturnValue(userAgent);
  jest.spyOn(navigator, "language", "get").mockReturnValue(options.language ?? "zh-CN");
  (window as unknown as { Office?: FakeOffice }).Office = options.office;
  new Function(SOURCE)();
}

const message = () => document.getElementById("webview-message");
const loaded = () => Array.from(document.querySelectorAll("script:not(#webview-check)")).map((s) => s.getAttribute("src"));

afterEach(() => {
  jest.restoreAllMocks();
  delete (window as unknown as { dubanCommand?: unknown }).dubanCommand;
  delete (window as unknown as { Office?: FakeOffice }).Office;
  delete (window as unknown as { dubanSyntaxCheck?: boolean }).dubanSyntaxCheck;
});

test("the script is ES5: an ES5 parser reads it (and the same parser refuses ES2015)", () => {
  expect(() => parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
  expect(() => parse("var f = () => 1;", { ecmaVersion: 5 })).toThrow();
});

test("under Trident: the message in Chinese, with both ways out and the offline page, and the pane's script never loaded", () => {
  runIn(UA.trident);
  const text = message()!.textContent!;
  expect(text).toContain("督办助手无法在这个 Excel 中运行");
  expect(text).toContain("Internet Explorer 的内核（Trident）");
  expect(text).toContain("Office 2019 批量许可版");
  expect(text).toContain("升级到 Office 2021 或更新版本，或 Microsoft 365");
  expect(text).toContain("安装 Microsoft Edge WebView2 运行时");
  expect(text).toContain("http://localhost/preview.html");
  expect(message()!.getAttribute("lang")).toBe("zh-CN");
  expect(loaded()).toEqual([]);
});

test("under EdgeHTML: installing WebView2 comes first, and the pane's script is not loaded", () => {
  runIn(UA.edgeHtml);
  const steps = Array.from(message()!.querySelectorAll("li")).map((li) => li.textContent);
  expect(message()!.textContent).toContain("旧版 Microsoft Edge 的内核（EdgeHTML）");
  expect(steps[0]).toMatch(/^请安装 Microsoft Edge WebView2 运行时/);
  expect(loaded()).toEqual([]);
});

test("in English when the browser is in English, and Office's display language decides once office.js is ready", () => {
  runIn(UA.trident, { language: "en-US" });
  expect(message()!.textContent).toContain("Duban cannot run in this Excel");
  expect(message()!.textContent).toContain("Internet Explorer's engine (Trident)");
  let ready: () => void = () => undefined;
  runIn(UA.trident, { language: "en-US", office: { onReady: (callback) => (ready = callback), context: { displayLanguage: "zh-CN" } } });
  expect(message()!.textContent).toContain("Duban cannot run");
  ready();
  expect(document.querySelectorAll("#webview-message")).toHaveLength(1);
  expect(message()!.textContent).toContain("督办助手无法在这个 Excel 中运行");
});

test.each([["WebView2", UA.webView2], ["Chrome", UA.chrome], ["WKWebView", UA.wkWebView], ["Firefox", UA.firefox]])(
  "in %s: no message, and the pane's script is loaded",
  (_, userAgent) => {
    runIn(userAgent);
    expect(message()).toBeNull();
    expect(loaded()).toEqual(["taskpane.js"]);
  },
);

test("several scripts in data-main are loaded in their order", () => {
  document.body.innerHTML = '<script id="webview-check" data-main="runtime.js taskpane.js"></script>';
  jest.spyOn(navigator, "userAgent", "get").mockReturnValue(UA.chrome);
  new Function(SOURCE)();
  expect(loaded()).toEqual(["runtime.js", "taskpane.js"]);
  expect(Array.from(document.querySelectorAll<HTMLScriptElement>("script:not(#webview-check)")).every((s) => s.async === false)).toBe(true);
});

/** office.js as the ribbon's command uses it (the same calls as the fake in tests/ribbon.test.tsx). */
function commandOffice(sharedRuntime: boolean) {
  const log: string[] = [];
  const commands = new Map<string, (event: { completed(): void }) => void>();
  const closers: Array<() => void> = [];
  const office = {
    onReady: () => undefined,
    context: {
      displayLanguage: "zh-CN",
      requirements: { isSetSupported: (name: string) => name === "SharedRuntime" && sharedRuntime },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
          log.push(`dialog ${url}`);
          const dialog = { addEventHandler: (type: string, handler: () => void) => type === "dialogEventReceived" && closers.push(handler) };
          callback({ status: "succeeded", value: dialog });
        },
      },
    },
    actions: {
      associate: (id: string, command: (event: { completed(): void }) => void) => {
        log.push(`associate ${id}`);
        commands.set(id, command);
      },
    },
    addin: {
      showAsTaskpane: () => {
        log.push("showAsTaskpane");
        return Promise.resolve();
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded" },
    EventType: { DialogEventReceived: "dialogEventReceived" },
  };
  const press = () => commands.get(CHECK_ACTION)!({ completed: () => log.push("completed") });
  return { office, log, press, closers };
}

test("under Trident, 检查完整性 shows the message: as the pane, where Office has the shared runtime", async () => {
  const { office, log, press } = commandOffice(true);
  runIn(UA.trident, { office });
  expect(log).toEqual([`associate ${CHECK_ACTION}`]);
  press();
  await new Promise((r) => setTimeout(r, 0));
  expect(log.slice(1)).toEqual(["showAsTaskpane", "completed"]);
});

test("under Trident without the shared runtime, 检查完整性 shows this page (the message) in a dialog, and completes when it is closed", () => {
  const { office, log, press, closers } = commandOffice(false);
  runIn(UA.trident, { office });
  press();
  expect(log.slice(1)).toEqual([`dialog ${window.location.href.split("?")[0]}`]);
  closers.forEach((close) => close());
  expect(log.slice(1)).toEqual([`dialog ${window.location.href.split("?")[0]}`, "completed"]);
});

test("in a current engine the command is registered at once, a press waits for the pane's script, which takes the command and runs it (office-js #5176)", () => {
  const { office, log, press } = commandOffice(true);
  runIn(UA.webView2, { office });
  // Registered before the pane's script loads: the first press of a runtime it starts is not lost.
  expect(log).toEqual([`associate ${CHECK_ACTION}`]);
  expect(loaded()).toEqual(["taskpane.js"]);
  press();
  press();
  expect(log).toEqual([`associate ${CHECK_ACTION}`]);
  // The pane's script takes the command over: the two presses waiting, then each new one.
  const taken: string[] = [];
  const take = (window as unknown as { dubanCommand: (handler: (event: { completed(): void }) => void) => void }).dubanCommand;
  take((event) => {
    taken.push("pane");
    event.completed();
  });
  expect(taken).toEqual(["pane", "pane"]);
  press();
  expect(taken).toEqual(["pane", "pane", "pane"]);
  expect(log.filter((l) => l === "completed")).toHaveLength(3);
});

test("WPS's pages register no Office command", () => {
  const { office, log } = commandOffice(true);
  document.body.innerHTML = '<div id="root"></div><script id="webview-check" src="webview-check.js" data-host="wps" data-main="taskpane.js"></script>';
  (window as unknown as { Office?: unknown }).Office = office;
  new Function(SOURCE)();
  expect(log).toEqual([]);
  expect((window as unknown as { dubanCommand?: unknown }).dubanCommand).toBeUndefined();
});

// The probe (syntax-check.js) and the pages that name it.

/** WPS 表格 on Windows whose Chromium is older than the pane's script (version 56: before class fields and static blocks). */
const OLD_WPS_UA = "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/56.0.2924.87 Safari/537.36";

/** Runs the script as WPS's taskpane.html does (data-host, data-probe), or as an Excel page given the probe. */
function runWithProbe(userAgent: string, options: { host?: "wps"; language?: string } = {}) {
  const host = options.host ? ` data-host="${options.host}"` : "";
  document.body.innerHTML = `<div id="root"></div><script id="webview-check" src="webview-check.js"${host} data-probe="syntax-check.js" data-main="taskpane.js"></script>`;
  jest.spyOn(navigator, "userAgent", "get").mockReturnValue(userAgent);
  jest.spyOn(navigator, "language", "get").mockReturnValue(options.language ?? "zh-CN");
  new Function(SOURCE)();
  const probe = document.querySelector<HTMLScriptElement>('script[src="syntax-check.js"]')!;
  return {
    probe,
    /** The probe fetched and parsed: it runs (as it does in Node, which parses ES2022), then its load event. */
    parsed: () => {
      new Function(PROBE)();
      probe.dispatchEvent(new Event("load"));
    },
    /** The probe fetched but not parsed: the engine reports a SyntaxError, runs nothing of it, and fires load all the same. */
    notParsed: () => probe.dispatchEvent(new Event("load")),
    notFetched: () => probe.dispatchEvent(new Event("error")),
  };
}

test("the probe holds ES2022, the pane's TypeScript target: an ES2021 parser refuses it", () => {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "tsconfig.json"), "utf8")) as { compilerOptions: { target: string } };
  // A newer target would let newer syntax into the pane's script: the probe would have to hold it too.
  expect(tsconfig.compilerOptions.target).toBe("ES2022");
  expect(() => parse(PROBE, { ecmaVersion: 2022, sourceType: "script" })).not.toThrow();
  expect(() => parse(PROBE, { ecmaVersion: 2021, sourceType: "script" })).toThrow();
  // Only syntax: it sets its flag once run, and nothing else.
  new Function(PROBE)();
  expect((window as unknown as { dubanSyntaxCheck?: boolean }).dubanSyntaxCheck).toBe(true);
});

test("WPS in a current engine: the probe first, then the pane's script, and nothing said", () => {
  const { parsed } = runWithProbe(UA.chrome, { host: "wps" });
  expect(loaded()).toEqual(["syntax-check.js"]);
  parsed();
  expect(message()).toBeNull();
  expect(loaded()).toEqual(["syntax-check.js", "taskpane.js"]);
});

test("WPS in an engine too old for the pane: what to do, in Chinese, naming the engine, and the pane's script never loaded", () => {
  const { notParsed } = runWithProbe(OLD_WPS_UA, { host: "wps" });
  notParsed();
  const text = message()!.textContent!;
  expect(text).toContain("督办助手无法在这个 WPS 中运行");
  expect(text).toContain("浏览器内核版本过旧");
  expect(text).toContain("请把 WPS 升级到最新版本");
  expect(text).toContain("离线页面“督办助手.html”");
  expect(text).toContain("加载项内核：Chromium 56.0.2924.87");
  // Excel's ways out and the Excel add-in's offline page are not WPS's.
  expect(text).not.toMatch(/Excel|WebView2|preview\.html/);
  expect(loaded()).toEqual(["syntax-check.js"]);
});

test("WPS in English when the engine's language is English", () => {
  const { notParsed } = runWithProbe(OLD_WPS_UA, { host: "wps", language: "en-US" });
  notParsed();
  expect(message()!.textContent).toContain("Duban cannot run in this WPS");
  expect(message()!.getAttribute("lang")).toBe("en");
});

test("the engine decides, not its user agent: a current user agent over an engine that cannot parse the probe is refused, an old one that can is not", () => {
  const modern = runWithProbe(UA.chrome, { host: "wps" });
  modern.notParsed();
  expect(message()!.textContent).toContain("督办助手无法在这个 WPS 中运行");
  expect(loaded()).toEqual(["syntax-check.js"]);
  const old = runWithProbe(OLD_WPS_UA, { host: "wps" });
  old.parsed();
  expect(message()).toBeNull();
  expect(loaded()).toEqual(["syntax-check.js", "taskpane.js"]);
});

test("an Excel page that names the probe, in an engine that cannot parse it (Excel for Mac's older Safari): Excel's words and its offline page", () => {
  const { notParsed } = runWithProbe(UA.wkWebView);
  notParsed();
  const text = message()!.textContent!;
  expect(text).toContain("督办助手无法在这个 Excel 中运行");
  expect(text).toContain("Safari 16.4");
  expect(text).toContain("http://localhost/preview.html");
  expect(text).toContain(`加载项内核：${UA.wkWebView}`);
  expect(loaded()).toEqual(["syntax-check.js"]);
});

test("a probe that cannot be fetched proves nothing: the pane's script is loaded", () => {
  const { notFetched } = runWithProbe(UA.chrome, { host: "wps" });
  notFetched();
  expect(message()).toBeNull();
  expect(loaded()).toEqual(["syntax-check.js", "taskpane.js"]);
});

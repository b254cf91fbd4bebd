// The WPS add-in's folder as WPS loads it, beside the wpsjs et template's (tests/fixtures/wpsjs-et/, copied
// from the npm package wpsjs 2.2.3): WPS opens the folder's index.html, hidden; index.html loads main.js, and
// main.js writes the ribbon's scripts into the page; the callbacks ribbon.xml names must then be there.
// The folder is built here by the build's own WPS configuration (webpack.config.js), with the pane's script
// left out (its bundle takes a minute and is not what WPS loads first), and loaded as the template is.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import * as vm from "vm";
import { parse } from "acorn";
import webpack, { type Configuration } from "webpack";

const ROOT = path.join(__dirname, "..");
const TEMPLATE = path.join(__dirname, "fixtures", "wpsjs-et");
const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string };
const FOLDER = `${name}_${version}`;

let dist = "";
/** The add-in's folder as built. */
let built = "";

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "duban-wps-"));
  // webpack.config.js is CommonJS, without types.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { wpsConfig } = require("../webpack.config.js") as { wpsConfig: (dist: string, dev: boolean) => Configuration & { entry: Record<string, string> } };
  const config = wpsConfig(dist, false);
  // The pane's entry stands in for the pane's bundle: an empty module, so its page is still made.
  const pane = path.join(dist, "pane.js");
  fs.writeFileSync(pane, "");
  config.entry = { ribbon: config.entry.ribbon!, taskpane: pane };
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (e, s) => (e || !s ? reject(e) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  built = path.join(dist, "wps", FOLDER);
}, 120000);

afterAll(() => {
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

/** The classic scripts of a page, in order (a module script, the template's custom functions, is not one). */
function classicScripts(html: string): { src: string; attributes: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attributes) => !/\btype=["']?module/.test(attributes))
    .map((attributes) => ({ src: /\bsrc=["']?([^"' >]+)/.exec(attributes)?.[1] ?? "", attributes }));
}

/** A script's address as the page resolves it, relative to the folder: "./main.js" is "main.js". */
const relative = (src: string) => src.replace(/^\.\//, "");

/** What a page's scripts left: the page's window (one global scope) and the scripts run, in order. */
interface Loaded {
  readonly window: Record<string, unknown>;
  readonly scripts: string[];
}

/**
 * Loads an add-in's folder as WPS does: opens index.html, runs its classic scripts in order, and runs each
 * script that one writes with document.write right after it, before the page's next script (as the HTML
 * parser does with a script written while it parses), every script in the page's one global scope.
 * `globals`: what WPS gives the page (Application, or wps in older builds).
 */
function loadAsWps(folder: string, globals: Record<string, unknown>): Loaded {
  const page = pathToFileURL(path.join(folder, "index.html"));
  const context: Record<string, unknown> = { ...globals, location: page };
  const writing: string[][] = [];
  context.window = context;
  context.self = context;
  context.document = { location: page, write: (html: string) => writing[writing.length - 1]!.push(...classicScripts(html).map((s) => s.src)) };
  vm.createContext(context);
  const scripts: string[] = [];
  const run = (src: string) => {
    const file = relative(src);
    scripts.push(file);
    writing.push([]);
    vm.runInContext(fs.readFileSync(path.join(folder, file), "utf8"), context, { filename: file });
    for (const written of writing.pop()!) run(written);
  };
  for (const { src } of classicScripts(fs.readFileSync(path.join(folder, "index.html"), "utf8"))) run(src);
  return { window: context, scripts };
}

/** The callbacks a ribbon.xml names (onLoad, onAction, getImage …), each once. */
function callbacksOf(folder: string): string[] {
  const xml = fs.readFileSync(path.join(folder, "ribbon.xml"), "utf8");
  return [...new Set([...xml.matchAll(/\s(?:on|get)[A-Z]\w*="(\w+)"/g)].map((m) => m[1]!))];
}

/** The files WPS loads first from a folder: index.html, the scripts it loads itself, ribbon.xml. */
function entryFiles(folder: string): string[] {
  const scripts = classicScripts(fs.readFileSync(path.join(folder, "index.html"), "utf8")).map((s) => relative(s.src));
  return ["index.html", ...scripts, "ribbon.xml"].sort();
}

interface Pane {
  url: string;
  title?: string;
  ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
}

/** WPS's add-in services over a map and a list of panes. */
function services() {
  const storage = new Map<string, unknown>();
  const panes: Pane[] = [];
  return {
    panes,
    PluginStorage: { getItem: (key: string) => storage.get(key), setItem: (key: string, value: unknown) => void storage.set(key, value) },
    CreateTaskPane: (url: string, title?: string) => {
      const pane = { url, title, ID: panes.length + 1, Visible: false, DockPosition: 0, Width: 0 };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes[id - 1]!,
  };
}

test("the folder is named name_version and holds the template's entry files: index.html, main.js, ribbon.xml", () => {
  expect(fs.readdirSync(path.join(dist, "wps"))).toContain(FOLDER);
  expect(entryFiles(TEMPLATE)).toEqual(["index.html", "main.js", "ribbon.xml"]);
  expect(entryFiles(built)).toEqual(entryFiles(TEMPLATE));
});

test("index.html loads main.js as the template's does: its one classic script, neither async nor deferred", () => {
  const ours = classicScripts(fs.readFileSync(path.join(built, "index.html"), "utf8"));
  const theirs = classicScripts(fs.readFileSync(path.join(TEMPLATE, "index.html"), "utf8"));
  expect(ours.map((s) => relative(s.src))).toEqual(theirs.map((s) => relative(s.src)));
  for (const s of [...ours, ...theirs]) expect(s.attributes).not.toMatch(/\b(async|defer)\b/);
});

test("main.js writes the ribbon's scripts into the page, as the template's does, and they run before the page's next script", () => {
  const template = loadAsWps(TEMPLATE, { Application: {} });
  expect(template.scripts).toEqual(["main.js", "js/util.js", "js/ribbon.js", "js/systemdemo.js"]);
  const ours = loadAsWps(built, { Application: {} });
  expect(ours.scripts).toEqual(["main.js", "ribbon.js"]);
  expect(fs.readFileSync(path.join(built, "main.js"), "utf8")).toMatch(/document\.write\(/);
});

test("every callback ribbon.xml names is defined once main.js has run, in the template and in the add-in", () => {
  const template = loadAsWps(TEMPLATE, { Application: {} });
  expect(callbacksOf(TEMPLATE)).toEqual(expect.arrayContaining(["OnAddinLoad", "OnAction", "GetImage"]));
  for (const callback of callbacksOf(TEMPLATE)) expect([callback, typeof template.window[callback]]).toEqual([callback, "function"]);
  const ours = loadAsWps(built, { Application: {} });
  expect(callbacksOf(built).sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad"]);
  for (const callback of callbacksOf(built)) expect([callback, typeof ours.window[callback]]).toEqual([callback, "function"]);
  // The loading is the template's: its OnAddinLoad uses WPS_Enum from js/util.js, run before it in the same scope.
  const ribbonUI = { InvalidateControl: () => undefined };
  const application = { ...services() } as Record<string, unknown>;
  const loaded = loadAsWps(TEMPLATE, { Application: application });
  expect((loaded.window.OnAddinLoad as (ui: unknown) => boolean)(ribbonUI)).toBe(true);
  expect(application.Enum).toEqual({ msoCTPDockPositionLeft: 0, msoCTPDockPositionRight: 2 });
});

type Callbacks = { OnAddinLoad(ui: unknown): boolean; OnAction(control: { Id: string }): boolean; GetImage(control: { Id: string }): string };

test.each([
  ["window.Application, as current builds give it", (s: ReturnType<typeof services>) => ({ Application: { ActiveWorkbook: null, DisplayAlerts: true, ...s } })],
  ["only wps, as older builds give it (wps.CreateTaskPane, wps.PluginStorage)", (s: ReturnType<typeof services>) => ({ wps: { EtApplication: () => ({ ActiveWorkbook: null, DisplayAlerts: true }), ...s } })],
])("the buttons work over %s: 打开督办助手 opens taskpane.html beside index.html, on the right, and each icon is in the folder", (_, globals) => {
  const s = services();
  const page = loadAsWps(built, globals(s)).window as unknown as Callbacks;
  expect(page.OnAddinLoad({})).toBe(true);
  expect(page.OnAction({ Id: "dubanOpen" })).toBe(true);
  expect(s.panes).toHaveLength(1);
  expect(s.panes[0]).toMatchObject({ url: pathToFileURL(path.join(built, "taskpane.html")).href, title: "督办助手", Visible: true, DockPosition: 2 });
  expect(fs.existsSync(path.join(built, "taskpane.html"))).toBe(true);
  page.OnAction({ Id: "dubanCheck" });
  expect(s.panes).toHaveLength(1);
  expect(s.PluginStorage.getItem("duban.run")).toEqual(expect.any(String));
  const buttons = [...fs.readFileSync(path.join(built, "ribbon.xml"), "utf8").matchAll(/<button id="(\w+)"/g)].map((m) => m[1]!);
  expect(buttons).toEqual(["dubanCheck", "dubanOpen"]);
  for (const Id of buttons) expect(fs.existsSync(path.join(built, page.GetImage({ Id })))).toBe(true);
});

test("the ribbon's scripts are ES5, so the buttons work in any engine a WPS build has; the pane's page loads its script through webview-check.js and the probe", () => {
  for (const file of ["main.js", "ribbon.js"]) expect(() => parse(fs.readFileSync(path.join(built, file), "utf8"), { ecmaVersion: 5 })).not.toThrow();
  const pane = fs.readFileSync(path.join(built, "taskpane.html"), "utf8");
  const scripts = classicScripts(pane);
  expect(scripts.map((s) => s.src)).toEqual(["webview-check.js"]);
  // Its attributes as the production build writes them (quotes left out where HTML allows).
  const attribute = (attr: string) => new RegExp(`\\b${attr}=["']?([^"' >]*)`).exec(scripts[0]!.attributes)?.[1];
  expect([attribute("data-host"), attribute("data-probe"), attribute("data-main")]).toEqual(["wps", "syntax-check.js", "taskpane.js"]);
  // Shipped as written: the loader stays ES5 and the probe keeps the syntax it tests.
  for (const file of ["webview-check.js", "syntax-check.js"]) expect(fs.readFileSync(path.join(built, file), "utf8")).toBe(fs.readFileSync(path.join(ROOT, "src", "taskpane", file), "utf8"));
});

/** The attributes of each element `element` of a list, by name. */
function entries(file: string, element: string): Record<string, string>[] {
  const xml = fs.readFileSync(path.join(dist, "wps", file), "utf8").replace(/<!--[\s\S]*?-->/g, "");
  return [...xml.matchAll(new RegExp(`<${element}\\b([^>]*)/>`, "g"))].map((m) => Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

test("the lists, as wpsjs 2.2.3 writes them: the folder by name beside publish.xml, the .7z for an offline list, the folder's address for an online one", () => {
  // The folder's address the build was given (WPS_ADDIN_URL), else the example's; the .7z beside the folder.
  const folderUrl = process.env.WPS_ADDIN_URL || `http://duban.example.gov.cn/wps/${FOLDER}/`;
  const address = new URL("..", folderUrl).href;
  // One machine (publish mode): the folder beside publish.xml, by its name (wpsjs build.js, CreatePublishXml).
  expect(entries("publish.xml", "jsplugin")).toEqual([{ name, type: "et", url: FOLDER, version, enable: "enable_dev", install: "null" }]);
  // An offline entry's url is the folder packed as a .7z (wpsjs publish.js: url + name + ".7z", with the version).
  expect(entries("jsplugins.xml", "jsplugin")).toEqual([{ name, type: "et", version, url: `${address}${name}.7z` }]);
  // Online entries: the folder's address, ending in "/" (wpsjs debug_xmlplugin.js, debug_publish.js).
  expect(entries("server/jsplugins.xml", "jspluginonline")).toEqual([{ name, type: "et", url: folderUrl }]);
  expect(entries("server/publish.xml", "jspluginonline")).toEqual([{ name, type: "et", url: folderUrl, enable: "enable_dev", install: "null" }]);
});

test("the folder packed as the .7z an offline list names, the folder inside, as wpsjs's offline build packs it", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { path7za } = require("7zip-bin") as { path7za: string };
  const listing = execFileSync(path7za, ["l", "-slt", path.join(dist, "wps", `${name}.7z`)], { encoding: "utf8" });
  const paths = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]!).slice(1);
  expect(paths).toEqual(expect.arrayContaining([FOLDER, `${FOLDER}/index.html`, `${FOLDER}/main.js`, `${FOLDER}/ribbon.xml`, `${FOLDER}/ribbon.js`, `${FOLDER}/taskpane.html`]));
  // Every file of the folder, nothing from beside it (the lists stay outside).
  expect(paths.every((p) => p === FOLDER || p.startsWith(`${FOLDER}/`))).toBe(true);
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
  expect(paths.filter((p) => p !== FOLDER && !fs.statSync(path.join(dist, "wps", p)).isDirectory()).sort()).toEqual(files(built).map((f) => path.relative(path.join(dist, "wps"), f)).sort());
});

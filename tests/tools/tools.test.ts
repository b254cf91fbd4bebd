import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { schemaWithRuntimes, SHARED_SCHEMAS } from "./schema";

const ROOT = path.join(__dirname, "..", "..");
// Microsoft's schemas with <Runtimes> (the shared runtime), which they predate: tests/tools/schema.ts.
const SCHEMA = schemaWithRuntimes();

/** xmllint's verdict on a manifest: "" when valid, else its complaints. */
function validate(xml: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "duban-manifest-")), "manifest.xml");
  fs.writeFileSync(file, xml);
  try {
    return execFileSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    return String((e as { stderr?: string }).stderr || e);
  }
}

test("manifest.xml validates against the add-in manifest schema (xmllint)", () => {
  expect(validate(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))).toBe("");
});

test("the schema checks <Runtimes>: in its place and with a lifetime it knows, and nowhere else", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const runtimes = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(xml)![0];
  expect(validate(xml.replace('lifetime="long"', 'lifetime="forever"'))).toMatch(/lifetime/);
  expect(validate(xml.replace(runtimes, "").replace("</DesktopFormFactor>", `</DesktopFormFactor>${runtimes}`))).toMatch(/Runtimes.*not expected/);
  // Microsoft's files as they are refuse it: the gap the copy closes.
  const shared = path.join(SHARED_SCHEMAS, "OfficeAppManifestV1_1.xsd");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "duban-manifest-")), "manifest.xml");
  fs.writeFileSync(file, xml);
  expect(() => execFileSync("xmllint", ["--noout", "--schema", shared, file], { stdio: "ignore" })).toThrow();
  fs.writeFileSync(file, xml.replace(runtimes, ""));
  expect(() => execFileSync("xmllint", ["--noout", "--schema", shared, file], { stdio: "ignore" })).not.toThrow();
});

test("every URL in manifest.xml is https", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const urls = [...xml.matchAll(/DefaultValue="(\w+:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]!);
  expect(urls.length).toBeGreaterThan(3);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
});

test("LibreOffice opens the seed workbooks and prints them to PDF", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "duban-lo-"));
  const seeds = fs.readdirSync(path.join(ROOT, "seeds")).filter((f) => f.endsWith(".xlsx"));
  expect(seeds.length).toBe(3);
  // A private profile, so a LibreOffice already running for the user does not take the job.
  execFileSync("soffice", [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "pdf", "--outdir", out, ...seeds.map((f) => path.join(ROOT, "seeds", f))], {
    stdio: "ignore",
    timeout: 170000,
  });
  for (const f of seeds) {
    const pdf = path.join(out, f.replace(/\.xlsx$/, ".pdf"));
    expect(fs.existsSync(pdf)).toBe(true);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  }
});

test("the summary sheet prints on A4 landscape, and the PDF reads as the summary", async () => {
  const { run } = await import("../../src/cli/main");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "duban-lo-summary-"));
  const book = path.join(out, "汇总.xlsx");
  const code = await run(["summary", path.join(ROOT, "seeds", "2019江汉区政府工作报告责任分解台账.xlsx"), "--quarter", "2019Q3", "-o", book, "--today", "2026-11-22"], {
    out: () => undefined,
    err: () => undefined,
  });
  expect(code).toBe(0);
  execFileSync("soffice", [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "pdf", "--outdir", out, book], { stdio: "ignore", timeout: 170000 });
  const pdf = path.join(out, "汇总.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  let first = 0;
  for (let p = 1; p <= pages && !first; p++) {
    const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" });
    if (text.includes("2019年第三季度江汉区《政府工作报告》目标任务推进情况汇总")) first = p;
  }
  expect(first).toBeGreaterThan(0);
  const info = execFileSync("pdfinfo", ["-f", String(first), "-l", String(first), pdf], { encoding: "utf8" });
  expect(info).toMatch(/size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
  const text = execFileSync("pdftotext", ["-f", String(first), "-l", String(pages), pdf, "-"], { encoding: "utf8" });
  for (const s of ["一、总体情况", "二、各牵头单位报送情况", "五、单位名称问题（48 处）", "关于2019年第三季度江汉区《政府工作报告》目标任务推进情况的通报（草稿）"]) expect(text).toContain(s);
});

/** One production build for the tests below (the Excel add-in, the offline page, the WPS add-in). */
let built: string | undefined;
function build(): string {
  if (built) return built;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "duban-build-"));
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", `dist=${dist}`], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_URL: "https://duban.test.gov.cn/addin/", WPS_ADDIN_URL: "http://duban.test.gov.cn/wps/duban_0.1.0/" },
    stdio: "ignore",
    timeout: 400000,
  });
  return (built = dist);
}

test("the production build: URLs replaced in the manifest (still valid), office.js from the CDN, a CSP, no ExcelJS in the pane", () => {
  const out = path.join(build(), "addin");
  const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://duban.test.gov.cn/addin/taskpane.html"/>');
  expect(manifest).toContain('<SupportUrl DefaultValue="https://duban.test.gov.cn/addin/help.html"/>');
  expect(manifest).toContain("<AppDomain>https://duban.test.gov.cn</AppDomain>");
  expect(validate(manifest)).toBe("");
  const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
  expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  // Each page allows only its own origin and Microsoft's office.js CDN (styles inline, images as data:).
  const allowed = new Set(["'self'", "https://appsforoffice.microsoft.com", "'unsafe-inline'", "data:", "blob:"]);
  for (const page of ["taskpane.html", "commands.html", "preview.html", "help.html"]) {
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(fs.readFileSync(path.join(out, page), "utf8"))?.[1];
    expect(csp).toMatch(/^default-src 'self'/);
    const sources = csp!.split(";").flatMap((d) => d.trim().split(/\s+/).slice(1));
    expect(sources.filter((s) => !allowed.has(s))).toEqual([]);
    expect(csp).not.toMatch(/script-src[^;]*('unsafe-inline'|'unsafe-eval'|data:|blob:)/);
  }
  const js = fs.readFileSync(path.join(out, "taskpane.js"), "utf8");
  expect(js).not.toMatch(/exceljs/i);
  expect(fs.existsSync(path.join(out, "commands.html"))).toBe(true);
  // The help page (SupportUrl) and what it links to and loads ship beside the pane.
  const help = fs.readFileSync(path.join(out, "help.html"), "utf8");
  for (const [, target] of help.matchAll(/(?:href|src)="([^"#:]+)(?:#[^"]*)?"/g)) expect(fs.existsSync(path.join(out, target!))).toBe(true);
  expect(fs.existsSync(path.join(out, "assets", "icon-80.png"))).toBe(true);
}, 420000);

test("the WPS package: its XML well-formed (xmllint), the ribbon's two buttons, the lists naming the folder, its version and address", () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  const wps = path.join(build(), "wps");
  const folder = path.join(wps, `duban_${version}`);
  const xmls = [path.join(folder, "ribbon.xml"), path.join(wps, "jsplugins.xml"), path.join(wps, "server", "jsplugins.xml"), path.join(wps, "server", "publish.xml")];
  for (const f of xmls) expect(execFileSync("xmllint", ["--noout", f], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })).toBe("");
  const xpath = (file: string, expr: string) => execFileSync("xmllint", ["--xpath", expr, file], { encoding: "utf8" }).trim();
  const ribbon = path.join(folder, "ribbon.xml");
  const ns = (e: string) => `//*[local-name()='${e}']`;
  expect(xpath(ribbon, `string(${ns("group")}/@label)`)).toBe("督办助手");
  expect(xpath(ribbon, `string(${ns("button")}[1]/@label)`)).toBe("检查完整性");
  expect(xpath(ribbon, `string(${ns("button")}[2]/@label)`)).toBe("打开督办助手");
  expect(xpath(path.join(wps, "jsplugins.xml"), "string(/jsplugins/jsplugin/@version)")).toBe(version);
  expect(xpath(path.join(wps, "jsplugins.xml"), "string(/jsplugins/jsplugin/@type)")).toBe("et");
  for (const f of ["jsplugins.xml", "publish.xml"]) expect(xpath(path.join(wps, "server", f), "string(/jsplugins/jspluginonline/@url)")).toBe("http://duban.test.gov.cn/wps/duban_0.1.0/");
  for (const f of ["index.html", "taskpane.html", "ribbon.js", "taskpane.js", "images/icon-32.png"]) expect(fs.existsSync(path.join(folder, f))).toBe(true);
  // The pane and the ribbon load their scripts from beside them: the folder may be served under any name.
  for (const page of ["index.html", "taskpane.html"]) {
    const html = fs.readFileSync(path.join(folder, page), "utf8");
    const sources = [...html.matchAll(/<script[^>]*\bsrc="?([^" >]+)/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(src).toMatch(/^[\w-]+\.js$/);
  }
}, 420000);

test("the offline page: one file, every script inline and allowed by its hash, nothing from any address", () => {
  const web = path.join(build(), "web");
  expect(fs.readdirSync(web)).toEqual(["督办助手.html"]);
  const html = fs.readFileSync(path.join(web, "督办助手.html"), "utf8");
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
  expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:/);
  expect(html).not.toMatch(/<script[^>]*\bsrc=/);
  expect(html).not.toMatch(/<link[^>]*href="(?!data:)/);
}, 420000);


/**
 * A .docx printed to PDF by LibreOffice, with the fonts GB/T 9704 names found as the free CJK fonts of
 * their kind (tests/tools/fonts.conf), and its first page as a PNG in test-artifacts/.
 */
function printDocx(bytes: Uint8Array, name: string, shown: readonly number[] = [1]): { pdf: string; pages: number; text: (page: number) => string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "duban-lo-docx-"));
  const docx = path.join(out, `${name}.docx`);
  fs.writeFileSync(docx, bytes);
  execFileSync("soffice", [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "pdf", "--outdir", out, docx], {
    stdio: "ignore",
    timeout: 170000,
    env: { ...process.env, FONTCONFIG_FILE: path.join(__dirname, "fonts.conf") },
  });
  const pdf = path.join(out, `${name}.pdf`);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  const artifacts = path.join(ROOT, "test-artifacts");
  fs.mkdirSync(artifacts, { recursive: true });
  for (const p of shown.map((n) => (n < 0 ? pages + 1 + n : n))) execFileSync("pdftoppm", ["-png", "-r", "80", "-f", String(p), "-l", String(p), "-singlefile", pdf, path.join(artifacts, p === 1 ? name : `${name}-${p}`)]);
  return { pdf, pages, text: (p) => execFileSync("pdftotext", ["-layout", "-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" }) };
}

/** A seed workbook in the .xlsx host, and the .docx writer (loaded here: the other tests need neither). */
async function seedBook(name: string) {
  const { documentFiles } = await import("../../src/files/documents");
  const { XlsxHost } = await import("../../src/hosts/xlsx/host");
  const { loadXlsx } = await import("../../src/hosts/xlsx/open");
  const file = path.join(ROOT, "seeds", name);
  return { port: new XlsxHost(await loadXlsx(fs.readFileSync(file), name)), documentFiles };
}

/** The 2019 sample's 通报 of its third quarter, printed; with a 文号 set, or none (a masthead a line shorter). */
async function printedBulletin(docNumber?: string): Promise<ReturnType<typeof printDocx>> {
  const { createApp, makeBulletin } = await import("../../src/app");
  const { port, documentFiles } = await seedBook("2019江汉区政府工作报告责任分解台账.xlsx");
  const today = new Date(2019, 10, 5);
  if (docNumber) await createApp({ port, today: () => today }).saveSettings({ docNumber });
  const b = await makeBulletin(port, today, { quarter: { year: 2019, q: 3 } });
  return printDocx(await documentFiles.bytes(b.document), docNumber ? "bulletin-2019Q3" : "bulletin-2019Q3-no-number");
}

/**
 * The ranking of the 36 units (a row a line, ending in its rate) as printed: its header on every page it
 * runs onto, never alone at a page's foot, its annex's label and title on the page it starts, and no
 * page holding only a row or two of it but the last.
 */
function expectRankingWhole(printed: ReturnType<typeof printDocx>): void {
  const pages = Array.from({ length: printed.pages }, (_, i) => printed.text(i + 1)).map((text) => ({ text, rows: (text.match(/\d%\s*$/gm) ?? []).length }));
  for (const p of pages.filter((p) => /排名\s+牵头单位/.test(p.text))) expect(p.rows).toBeGreaterThan(0);
  const ranking = pages.filter((p) => p.rows > 0);
  expect(ranking.length).toBeGreaterThan(1);
  // Annex 1, on a page of its own under its label and title.
  expect(ranking[0]!.text.replace(/\s+/g, "")).toMatch(/^附件1各单位报送情况排名/);
  for (const p of ranking) expect(p.text).toMatch(/排名\s+牵头单位/);
  for (const p of ranking.slice(0, -1)) expect(p.rows).toBeGreaterThanOrEqual(10);
  expect(ranking.reduce((n, p) => n + p.rows, 0)).toBe(36);
  // Nor does a page end with a heading (一、…) whose text is on the next one.
  for (const p of pages) expect(p.text.trim().split("\n").slice(-2, -1)[0]?.trim()).not.toMatch(/^[一二三四五六七八九十]+、/);
}

test("the 通报 prints as an official document: A4 portrait, the office's mark and 文号, the title, page numbers — 1 — on every page", async () => {
  const printed = await printedBulletin("江汉政办〔2019〕45号");
  expect(execFileSync("pdfinfo", [printed.pdf], { encoding: "utf8" })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  const first = printed.text(1);
  for (const s of ["江汉区人民政府办公室", "江汉政办〔2019〕45号", "关于2019年第三季度江汉区《政府工作报告》目标任务推进情况的通报", "各责任单位：", "一、总体情况"]) expect(first.replace(/\s+/g, "")).toContain(s.replace(/\s+/g, ""));
  for (let p = 1; p <= printed.pages; p++) expect(printed.text(p).replace(/\s+/g, "")).toContain(`—${p}—`);
  expect(printed.text(printed.pages).replace(/\s+/g, "")).toContain("2019年11月5日印发");
  // The title on two lines broken between words, not inside 《政府工作报告》.
  const lines = first.split("\n").map((l) => l.replace(/\s+/g, ""));
  expect(lines).toEqual(expect.arrayContaining(["关于2019年第三季度江汉区", "《政府工作报告》目标任务推进情况的通报"]));
  expectRankingWhole(printed);
});

test("the ranking of the 通报 stays whole where the page breaks fall otherwise (no 文号)", async () => {
  expectRankingWhole(await printedBulletin());
});

test("a 催办单 prints on A4 with its unit, its items and the due date", async () => {
  const { reminders, runCheck } = await import("../../src/app");
  const { port, documentFiles } = await seedBook("2026江岸区政府工作报告责任分解台账.xlsx");
  const today = new Date(2026, 9, 20);
  const list = reminders(await runCheck(port, today, { quarter: { year: 2026, q: 3 }, mark: false }), today);
  const r = list.find((x) => x.unit === "区商务局")!;
  const printed = printDocx(await documentFiles.bytes(r.document), "reminder-2026Q3");
  const all = Array.from({ length: printed.pages }, (_, i) => printed.text(i + 1)).join("\n").replace(/\s+/g, "");
  for (const s of ["2026年第三季度目标任务进展催办单", "区商务局：", "各责任单位应于2026年10月10日前报送", "江岸区人民政府办公室", "2026年10月20日"]) expect(all).toContain(s);
  for (const item of r.items) expect(all).toContain(item.cell);
  // A figure is never broken at the end of a line (截至2026年1 | 0月20日).
  const opening = execFileSync("pdftotext", ["-f", "1", "-l", "1", printed.pdf, "-"], { encoding: "utf8" }).split("序号")[0]!.replace(/[ \t]+/g, "");
  expect(opening).toContain("10月20日");
  expect(opening).not.toMatch(/\d\n\d/);
  // A longer one: its signature never on a page of its own, the body's last paragraph goes with it.
  const long = printDocx(await documentFiles.bytes(list.find((x) => x.unit === "区城市管理执法局")!.document), "reminder-2026Q3-long");
  expect(long.pages).toBeGreaterThan(2);
  const last = long.text(long.pages).replace(/\s+/g, "");
  for (const s of ["不照抄上季度。", "江岸区人民政府办公室", "2026年10月20日"]) expect(last).toContain(s);
});

/** A line of a printed page: its words left to right, and where it lies (points, from the top left). */
interface PrintedLine {
  readonly text: string;
  readonly words: readonly { readonly text: string; readonly x0: number }[];
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** A4 with GB/T 9704's margins: the text area from 37 mm under the top to 35 mm above the bottom, 28 mm from the left, 156 mm wide. */
const PT = 72 / 25.4;
const AREA = { top: 37 * PT, bottom: (297 - 35) * PT, left: 28 * PT, right: (28 + 156) * PT };

/** The lines of each page as pdftotext -bbox places its words (a word joins a line whose top is within 4 pt of its own), without the page number under the text area. */
function printedLines(pdf: string, pages: number): PrintedLine[][] {
  const xml = execFileSync("pdftotext", ["-bbox", "-f", "1", "-l", String(pages), pdf, "-"], { encoding: "utf8" });
  return xml.split("<page ").slice(1).map((page) => {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }))
      .filter((w) => w.y0 < AREA.bottom + 2)
      .sort((a, b) => a.y0 - b.y0);
    const lines: { y0: number; words: typeof words }[] = [];
    for (const w of words) {
      const line = lines.find((l) => Math.abs(l.y0 - w.y0) < 4);
      if (line) line.words.push(w);
      else lines.push({ y0: w.y0, words: [w] });
    }
    return lines.map((l) => {
      const ws = [...l.words].sort((a, b) => a.x0 - b.x0);
      return { text: ws.map((w) => w.text).join(""), words: ws, x0: ws[0]!.x0, x1: Math.max(...ws.map((w) => w.x1)), y0: l.y0, y1: Math.max(...ws.map((w) => w.y1)) };
    });
  });
}

describe("the 通报 of a district's ledger (236 tasks, 59 to report or improve), printed", () => {
  let printed: ReturnType<typeof printDocx>;
  let pages: PrintedLine[][];
  beforeAll(async () => {
    const { createApp, makeBulletin } = await import("../../src/app");
    const { documentFiles } = await import("../../src/files/documents");
    const { bookOf } = await import("../helpers/desk");
    const { districtLedger } = await import("../helpers/districtLedger");
    const { rows, directory } = districtLedger();
    const port = bookOf(rows, directory);
    const today = new Date(2026, 9, 20);
    await createApp({ port, today: () => today }).saveSettings({ docNumber: "岸政办〔2026〕31号" });
    const b = await makeBulletin(port, today, { quarter: { year: 2026, q: 3 } });
    // Printed with a 抄送 too: the 版记's two lines, together at the foot.
    const doc = { ...b.document, imprint: { ...b.document.imprint!, copyTo: "区委办公室，区人大常委会办公室，区政协办公室" } };
    printed = printDocx(await documentFiles.bytes(doc), "bulletin-district-2026Q3", [1, 4, -1]);
    pages = printedLines(printed.pdf, printed.pages);
  });
  const annexStarts = () => pages.map((lines, i) => ({ page: i + 1, n: /^附件(\d)$/.exec(lines[0]?.text ?? "")?.[1] })).filter((p) => p.n);

  test("its body at most 5 pages: the mark with the 文号, the summary, 附件说明 under the body and the signature under it", () => {
    const [one, two] = annexStarts();
    expect([one?.n, two?.n]).toEqual(["1", "2"]);
    const body = one!.page - 1;
    expect(body).toBeLessThanOrEqual(5);
    const first = pages[0]!.map((l) => l.text);
    expect(first.slice(0, 2)).toEqual(["江岸区人民政府办公室", "岸政办〔2026〕31号"]);
    const last = pages[body - 1]!;
    const at = last.findIndex((l) => l.text === "附件：1.各单位报送情况排名");
    expect(at).toBeGreaterThan(-1);
    expect(last.slice(at + 1, at + 4).map((l) => l.text)).toEqual(["2.需补报和完善的任务清单", "江岸区人民政府办公室", "2026年10月20日"]);
    // The names aligned under each other (GB/T 9704 7.3.6), the label two characters in.
    expect(Math.abs(last[at]!.words.at(-1)!.x0 - last[at + 1]!.words.at(-1)!.x0)).toBeLessThan(1);
    expect(last[at]!.x0 - AREA.left).toBeCloseTo(32, -1);
  });

  test("each annex on new pages: 附件N alone at the top left, its title centred, its table's header on every page", () => {
    const starts = annexStarts();
    for (const [i, title, header] of [[0, "各单位报送情况排名", /排名.*牵头单位/], [1, "需补报和完善的任务清单", /^序号任务牵头单位问题/]] as const) {
      const start = starts[i]!.page;
      const end = starts[i + 1]?.page ?? printed.pages + 1;
      const [label, heading] = pages[start - 1]!;
      expect(label!.x0 - AREA.left).toBeLessThan(2);
      expect(label!.y0 - AREA.top).toBeLessThan(20);
      expect(heading!.text).toBe(title);
      expect(Math.abs((heading!.x0 + heading!.x1) / 2 - (AREA.left + AREA.right) / 2)).toBeLessThan(4);
      expect(end - start).toBeGreaterThan(1);
      for (let p = start + 1; p < end; p++) expect(pages[p - 1]!.slice(0, 2).map((l) => l.text).join("")).toMatch(header);
    }
  });

  test("the 版记 at the foot of the last page, after the annexes: 抄送 over the printer's line, the last line on the text area's last", () => {
    const last = pages.at(-1)!;
    const [copy, printer] = [last.at(-2)!, last.at(-1)!];
    expect(copy.text).toBe("抄送：区委办公室，区人大常委会办公室，区政协办公室。");
    expect(printer.text).toBe("江岸区人民政府办公室2026年10月20日印发");
    expect(AREA.bottom - printer.y1).toBeLessThan(12);
    expect(printer.y0 - copy.y1).toBeLessThan(16);
    // The tasks' table ends above it on the same page.
    expect(last[0]!.text).toBe("序号任务牵头单位问题");
  });

  test("no page more than a third empty but the one before an annex or the 版记; page one ends on text that goes on", () => {
    const annexes = new Set(annexStarts().map((s) => s.page));
    for (let p = 1; p < printed.pages; p++) {
      if (annexes.has(p + 1)) continue;
      expect(AREA.bottom - pages[p - 1]!.at(-1)!.y1).toBeLessThan((AREA.bottom - AREA.top) / 3);
    }
    const end = pages[0]!.at(-1)!.text;
    expect(end).not.toMatch(/^[一二三四五六七八九十]+、/);
    expect(end).not.toMatch(/^(序号|排名)/);
    for (let p = 1; p <= printed.pages; p++) expect(printed.text(p).replace(/\s+/g, "")).toContain(`—${p}—`);
  });
});

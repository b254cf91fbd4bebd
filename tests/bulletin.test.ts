// 通报 as an official document: who it speaks for (设置, else the ledger's title), the figures, the
// ranking, each task still to report named once; from the application layer and `duban bulletin`.
import * as fs from "fs";
import * as path from "path";
import { createApp, makeBulletin, makeSummary, problemText } from "../src/app";
import { documentFiles } from "../src/files/documents";
import { summarySheetPlan } from "../src/core/summarySheet";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";
import { duban, sha, tempDir, writeBook } from "./helpers/cli";
import { paragraphXml, readDocx } from "./helpers/docx";

const Q3 = { year: 2026, q: 3 as const };
const TODAY = new Date(2026, 9, 20);

describe("the 通报", () => {
  test("speaks for the district the ledger's title names and its 人民政府办公室; each task still to report is named once, with all its problems", async () => {
    const b = await makeBulletin(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3 });
    expect(b.office).toEqual({ district: "江汉区", issuer: "江汉区人民政府办公室", districtFrom: "ledger" });
    expect(b.fileName).toBe("2026Q3通报.docx");
    const doc = await readDocx(await documentFiles.bytes(b.document));
    const text = doc.paragraphs;
    expect(text.slice(0, 4)).toEqual(["江汉区人民政府办公室", "", "关于2026年第三季度江汉区《政府工作报告》目标任务推进情况的通报", "各责任单位："]);
    expect(text).toContain("截至2026年10月20日，7项任务中已报送进展4项，报送率57.1%，未报送3项。从推进情况看，已完成0项、超进度2项、达进度0项、欠进度2项；另有2项进展只写了套话、与上季度相同或缺少数据，需补充具体内容。");
    // Task 4 (G6) has two problems: one row, both named.
    const row4 = text.indexOf("推进背街小巷整治。");
    expect(text.slice(row4 - 1, row4 + 3)).toEqual(["4", "推进背街小巷整治。", "区城市管理执法局", "进展只有套话、已过完成时限"]);
    expect(text.filter((p) => p === "推进背街小巷整治。")).toHaveLength(1);
    // Signed and dated; the imprint names the office that printed it.
    expect(text).toContain("2026年10月20日");
    expect(text.at(-1)).toBe("江汉区人民政府办公室2026年10月20日印发");
    expect(doc.document).toMatch(/<w:tab\/>/);
    // Headings are kept on the page of the text under them (w:keepNext: LibreOffice left 四、工作要求 at a
    // page's foot without it).
    const paragraphXml = (text: string) => doc.document.match(new RegExp(`<w:p>(?:(?!</w:p>).)*${text}(?:(?!</w:p>).)*</w:p>`))?.[0];
    for (const h of ["一、总体情况", "二、各单位报送情况", "三、推进情况"]) expect(paragraphXml(h)).toContain("<w:keepNext/>");
    expect(paragraphXml("按照江汉区")).not.toContain("<w:keepNext/>");
    // The red mark and line of the masthead.
    expect(doc.document).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(doc.document).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
  });

  test("the district, the issuing office and the 文号 set in 设置 go into it; a district that is no district's name is refused", async () => {
    const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
    const app = createApp({ port, today: () => TODAY });
    await app.saveSettings({ district: "江岸区", issuer: "江岸区人民政府督查室", docNumber: "岸政督〔2026〕7号" });
    const b = await makeBulletin(port, TODAY, { quarter: Q3 });
    expect(b.document.masthead).toEqual({ issuer: "江岸区人民政府督查室", number: "岸政督〔2026〕7号" });
    expect(b.document.title).toBe("关于2026年第三季度江岸区《政府工作报告》目标任务推进情况的通报");
    expect(b.document.signature).toEqual({ issuer: "江岸区人民政府督查室", date: "2026年10月20日" });
    const refused = await app.saveSettings({ district: "江岸" }).catch((e: unknown) => problemText(e));
    expect(refused).toBe("“区（县）名称”应为以“区”“县”“市”或“旗”结尾的名称，如“江汉区”，收到“江岸”。");
    expect(await app.saveSettings({ docNumber: "第一行\n第二行" }).catch((e: unknown) => problemText(e))).toMatch(/^“文号”应为一行/);
  });

  test("the summary sheet's draft names the district and the office the units report to", async () => {
    const made = await makeSummary(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3 });
    expect(made.summary.bulletin[0]).toBe("关于2026年第三季度江汉区《政府工作报告》目标任务推进情况的通报（草稿）");
    expect(made.summary.bulletin.at(-1)).toContain("前报江汉区人民政府办公室");
    // Its gaps table names task 4 once too.
    const gaps = summarySheetPlan(made.summary, made.sheet).blocks.find((b) => b.kind === "table" && b.name.endsWith("Gaps"));
    const rows = gaps?.kind === "table" ? gaps.rows : [];
    expect(rows.filter((r) => r[0] === "4").map((r) => r[3])).toEqual(["进展只有套话、已过完成时限"]);
  });
});

test("when no unit has reported all its tasks, the 通报 and the summary's draft say so (not 0个牵头单位已报送全部任务进展)", async () => {
  const nothing = DESK_LEDGER.map((r, i) => (i < 2 ? r : [...r.slice(0, 6), ""]));
  const b = await makeBulletin(bookOf(nothing, DESK_DIRECTORY), TODAY, { quarter: Q3 });
  const said = "5个牵头单位均有任务未报送：区城市管理执法局（2项）、区财政局（1项）、区发展和改革局（1项）、区商务局（1项）、区卫生健康局（1项）";
  expect((await readDocx(await documentFiles.bytes(b.document))).paragraphs).toContainEqual(expect.stringMatching(new RegExp(`^${said.replace(/[()（）]/g, "\\$&")}。`)));
  expect(b.summary.bulletin).toContain(`一、报送情况。${said}。`);
});

describe("duban bulletin", () => {
  test("writes the .docx and says what it holds; the ledger is left as it was", async () => {
    const dir = tempDir("bulletin");
    const book = await writeBook(path.join(dir, "台账.xlsx"), DESK_LEDGER);
    const before = sha(book);
    const out = path.join(dir, "通报.docx");
    const r = await duban("bulletin", book, "--quarter", "2026Q3", "-o", out, "--today", "2026-10-20");
    expect(r.code).toBe(0);
    expect(r.out).toContain("已写出2026年第三季度通报（江汉区人民政府办公室）：7 项任务，已报送 4 项，需补报和完善 5 项");
    expect(r.out).toContain("没有设置文号");
    expect((await readDocx(fs.readFileSync(out))).paragraphs).toContain("关于2026年第三季度江汉区《政府工作报告》目标任务推进情况的通报");
    expect(sha(book)).toBe(before);
  });

  test("a ledger that names no district: the 通报 says 区, and the command says where to set it; -o must be a .docx", async () => {
    const dir = tempDir("bulletin-nodistrict");
    const book = await writeBook(path.join(dir, "台账.xlsx"), [["2026年责任分解台账"], ...DESK_LEDGER.slice(1)]);
    const r = await duban("bulletin", book, "--quarter", "2026Q3", "-o", path.join(dir, "通报.docx"), "--today", "2026-10-20");
    expect(r.out).toContain("台账标题中没有区名，通报中写作“区”");
    const bad = await duban("bulletin", book, "-o", path.join(dir, "通报.xlsx"));
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining("-o 应为 .docx 文件")]);
  });
});

test("the .docx: 附件说明 between the body and the signature; each annex on a new page under 附件N and its title; the 版记 in frames at the foot", async () => {
  const b = await makeBulletin(bookOf(DESK_LEDGER, DESK_DIRECTORY), TODAY, { quarter: Q3 });
  const doc = await readDocx(await documentFiles.bytes({ ...b.document, imprint: { ...b.document.imprint!, copyTo: "区委办公室" } }));
  const text = doc.paragraphs;
  const notes = text.indexOf("附件：1. 各单位报送情况排名");
  expect(text.slice(notes - 1, notes + 5)).toEqual(["", "附件：1. 各单位报送情况排名", "2. 需补报和完善的任务清单", "", "江汉区人民政府办公室", "2026年10月20日"]);
  const [one, two] = [text.indexOf("附件1"), text.indexOf("附件2")];
  expect(text.slice(one, one + 2)).toEqual(["附件1", "各单位报送情况排名"]);
  expect(text.slice(two, two + 3)).toEqual(["附件2", "需补报和完善的任务清单", "序号"]);
  expect(notes).toBeLessThan(one);
  expect(text.slice(-3)).toEqual(["抄送：区委办公室。", "", "江汉区人民政府办公室2026年10月20日印发"]);
  const xml = (p: string) => paragraphXml(doc.document, p);
  // The names after the first aligned under it: the label hangs.
  expect(xml("附件：")).toMatch(/<w:ind w:left="1600" w:hanging="960"\/>/);
  expect(xml("2\\. 需补报")).toMatch(/<w:ind w:left="1600"\/>/);
  for (const n of ["附件1", "附件2"]) {
    const label = doc.document.match(new RegExp(`<w:p>(?:(?!</w:p>).)*<w:t[^>]*>附件</w:t>(?:(?!</w:p>).)*<w:t[^>]*>${n.slice(2)}</w:t></w:r></w:p>`))?.[0];
    expect(label).toContain("<w:pageBreakBefore/>");
    expect(label).toContain('w:eastAsia="黑体"');
  }
  // Each table's header row repeats on every page it runs onto; no row breaks across pages.
  expect(doc.document.match(/<w:tblHeader\/>/g)).toHaveLength(2);
  // The printer's line at the bottom of the text area, the 抄送 line placed right above it.
  expect(xml("印发")).toMatch(/<w:framePr [^>]*w:vAnchor="margin"[^>]*w:yAlign="bottom"/);
  expect(xml("抄送")).toMatch(/<w:framePr [^>]*w:y="\d+"[^>]*w:vAnchor="margin"/);
});

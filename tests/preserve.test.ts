// Files the command line writes back keep what ExcelJS alone would drop: an AutoFilter's criteria and
// the apostrophe prefix (quotePrefix) of cells typed as text. The ledger is built with ExcelJS, then
// dressed as Excel saves such a file (ExcelJS cannot write either), then run through the commands.
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { duban, openBook, tempDir, writeBook } from "./helpers/cli";
import { keepWhatExcelJsDrops } from "../src/hosts/xlsx/preserve";
import { loadXlsx } from "../src/hosts/xlsx/open";
import ExcelJS from "exceljs";
import { syntheticDirectoryRows, syntheticLedgerRows, syntheticUnits } from "./helpers/syntheticLedger";
import { WHOLE_VALIDATIONS, X14_VALIDATIONS, withWholeValidations } from "./helpers/validations";

const dir = tempDir("preserve");

const ROWS = [
  ["2026年重点任务推进台账"],
  ["序号", "目标任务", "责任单位", "二季度进展", "三季度进展"],
  ["01", "=推进老旧小区改造，完成12个。", "区住更局", "完成4个", "=同上"],
  ["02", "新建社区食堂6个。", "区民政局", "建成2个", "建成5个，其余1个正在装修。"],
  ["03", "改造雨污管网30公里。", "区城管执法局", "完成10公里", ""],
];

/** Criteria on column C (责任单位) as Excel writes them, with Excel's own revision id on the element. */
const CRITERIA = '<filterColumn colId="2"><filters><filter val="区住更局"/><filter val="区民政局"/></filters></filterColumn>';
const FILTER = `<autoFilter ref="A2:E5" xr:uid="{6F0A9C3E-0000-4000-8000-000000000001}">${CRITERIA}</autoFilter>`;
/** Cells typed with a leading apostrophe: the 序号 01 … and the two texts starting with =. */
const QUOTED = ["A3", "A4", "A5", "B3", "E3"];

async function excelLikeLedger(file: string, filter = FILTER): Promise<string> {
  await writeBook(file, ROWS, "台账", (ws) => {
    ws.autoFilter = "A2:E5";
    ws.getRow(5).hidden = true; // the row the criteria leave out
  });
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  let sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  sheet = sheet
    .replace("<worksheet ", '<worksheet xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ')
    .replace('<autoFilter ref="A2:E5"/>', filter);
  for (const ref of QUOTED) sheet = sheet.replace(new RegExp(`<c r="${ref}"( s="\\d+")?`), `<c r="${ref}" s="1"`);
  zip.file("xl/worksheets/sheet1.xml", sheet);
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>';
  zip.file("xl/styles.xml", styles.replace(/<cellXfs count="1">(.*?)<\/cellXfs>/, `<cellXfs count="2">$1${xf}</cellXfs>`));
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

/** The parts of a written file: the ledger sheet, and the cellXfs of its styles. */
async function parts(file: string) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = /<sheet [^>]*name="台账"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  const sheet = await zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf\b[^>]*?\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((m) => m[0]);
  const count = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
  const styleOf = (ref: string) => xfs[Number(new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0)]!;
  return { zip, sheet, xfs, count, styleOf };
}

/** Parses every XML part with namespaces checked, as Excel would refuse an unbound prefix. */
async function wellFormed(zip: JSZip): Promise<void> {
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    parser.write(await zip.file(name)!.async("string")).close();
  }
}

test("duban summary keeps the filter's criteria and the text prefix, also on a cell it marks", async () => {
  const book = await excelLikeLedger(path.join(dir, "台账.xlsx"));
  const out = path.join(dir, "汇总.xlsx");
  const r = await duban("summary", book, "--quarter", "2026Q3", "-o", out);
  expect(r.err).toBe("");
  const p = await parts(out);
  await wellFormed(p.zip);
  expect(p.sheet).toContain(`<autoFilter ref="A2:E5">${CRITERIA}</autoFilter>`);
  for (const ref of QUOTED) expect([ref, p.styleOf(ref)]).toEqual([ref, expect.stringContaining('quotePrefix="1"')]);
  expect(p.styleOf("C3")).not.toContain("quotePrefix");
  // E3 (=同上, a placeholder) is marked: its new fill and its prefix both stand.
  expect(p.styleOf("E3")).toMatch(/fillId="[1-9]/);
  expect(p.count).toBe(p.xfs.length);
  // ExcelJS still reads the file, with the same texts.
  const wb = await openBook(out);
  expect(wb.getWorksheet("台账")!.getCell("B3").value).toBe("=推进老旧小区改造，完成12个。");
  expect(wb.getWorksheet("台账")!.getRow(5).hidden).toBe(true);
});

test("duban clear --in-place keeps them too", async () => {
  const book = await excelLikeLedger(path.join(dir, "原地.xlsx"));
  await duban("summary", book, "--quarter", "2026Q3", "--in-place");
  const r = await duban("clear", book, "--in-place");
  expect(r.err).toBe("");
  const p = await parts(book);
  expect(p.sheet).toContain(CRITERIA);
  expect(p.styleOf("E3")).toContain('quotePrefix="1"');
  expect(p.styleOf("E3")).toContain('fillId="0"'); // the mark is gone, the prefix stays
});

test("a filter by colour cannot be carried over: the command says so", async () => {
  const colour = '<autoFilter ref="A2:E5"><filterColumn colId="4"><colorFilter dxfId="0"/></filterColumn></autoFilter>';
  const book = await excelLikeLedger(path.join(dir, "颜色筛选.xlsx"), colour);
  const r = await duban("summary", book, "--quarter", "2026Q3", "-o", path.join(dir, "颜色筛选-汇总.xlsx"));
  expect(r.code).toBe(0);
  expect(r.err).toContain("注意：工作表“台账”的筛选条件无法由命令行保留到写出的文件中。");
});

test("a workbook with nothing to keep is written exactly as ExcelJS wrote it", async () => {
  const plain = fs.readFileSync(await writeBook(path.join(dir, "plain.xlsx"), ROWS));
  const kept = await keepWhatExcelJsDrops(plain, plain);
  expect(kept).toEqual({ bytes: plain, lost: [] });
});

describe("data validations over whole columns and the whole sheet", () => {
  // A district's ledger as office templates make it: dropdowns on whole columns (G:I, J:J), a length
  // limit on A1:XFD1048576, prompts on D:E, an x14 list from another sheet. ExcelJS alone expands each
  // into every cell it covers (exceljs/exceljs#1842): the whole-sheet one never finishes.
  const units = syntheticUnits(36);
  const ledger = async (name: string) => {
    const file = path.join(dir, name);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("台账").addRows(syntheticLedgerRows(240, units));
    wb.addWorksheet("部门目录").addRows(syntheticDirectoryRows(units));
    await wb.xlsx.writeFile(file);
    return file;
  };
  const sheetXml = async (file: string) => (await parts(file)).sheet;
  const validationsIn = (sheet: string) => ({ main: /<dataValidations\b[\s\S]*?<\/dataValidations>/.exec(sheet)?.[0], x14: /<ext uri="\{CCE6A557[\s\S]*?<\/ext>/.exec(sheet)?.[0] });

  test("duban check reads the ledger, with the same findings as without them", async () => {
    const plain = await ledger("无数据验证.xlsx");
    const dressed = path.join(dir, "整列数据验证.xlsx");
    fs.writeFileSync(dressed, await withWholeValidations(fs.readFileSync(plain)));
    const args = ["--quarter", "2026Q3", "--today", "2026-10-15"];
    const without = await duban("check", plain, ...args);
    const started = Date.now();
    const withThem = await duban("check", dressed, ...args);
    // Well inside the test's 30 s: reading does not depend on how many cells a validation covers (the timing itself is in npm run bench).
    expect(Date.now() - started).toBeLessThan(20000);
    expect(without.out).toMatch(/共 \d+ 处问题/);
    expect(withThem.out.replaceAll("整列数据验证.xlsx", "无数据验证.xlsx")).toBe(without.out);
    expect(withThem.code).toBe(without.code);
    // The preview and the offline page open a chosen file through the same loadXlsx.
    const wb = await loadXlsx(fs.readFileSync(dressed), "整列数据验证.xlsx");
    expect(wb.getWorksheet("台账")!.getCell("C3").value).toBe((await openBook(plain)).getWorksheet("台账")!.getCell("C3").value);
  });

  test("duban summary and clear keep the validations byte for byte, in a file Excel can read", async () => {
    const book = path.join(dir, "下拉列表.xlsx");
    fs.writeFileSync(book, await withWholeValidations(fs.readFileSync(await ledger("下拉列表-原.xlsx"))));
    const before = validationsIn(await sheetXml(book));
    expect(before).toEqual({ main: WHOLE_VALIDATIONS, x14: X14_VALIDATIONS });
    const out = path.join(dir, "下拉列表-汇总.xlsx");
    const summary = await duban("summary", book, "--quarter", "2026Q3", "--today", "2026-10-15", "-o", out);
    expect(summary.err).toBe("");
    const written = await parts(out);
    expect(validationsIn(written.sheet)).toEqual(before);
    // xr:uid is bound on the written sheet as in the original, and ignorable as there.
    await wellFormed(written.zip);
    expect(written.sheet).toMatch(/<worksheet [^>]*mc:Ignorable="[^"]*\bxr\b/);
    // In schema order: after the sheet's data and before its page margins; the x14 ones in the sheet's last extLst.
    expect(written.sheet.indexOf("<dataValidations")).toBeGreaterThan(written.sheet.indexOf("</sheetData>"));
    expect(written.sheet.indexOf("<dataValidations")).toBeLessThan(written.sheet.indexOf("<pageMargins"));
    expect(written.sheet).toMatch(/<extLst>(?:(?!<\/extLst>).)*<ext uri="\{CCE6A557[\s\S]*<\/extLst><\/worksheet>$/);
    const cleared = await duban("clear", out, "--in-place");
    expect(cleared.err).toBe("");
    expect(validationsIn(await sheetXml(out))).toEqual(before);
  });
});

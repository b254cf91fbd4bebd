// 催办单: a short text and an official document per unit, listing its missing and weak items once each,
// with their cells and the due date; from the application layer and from `duban remind`.
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { createApp, reminders, runCheck, unknownNames } from "../src/app";
import { documentFiles } from "../src/files/documents";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";
import { duban, sha, tempDir, writeBook } from "./helpers/cli";
import { readDocx } from "./helpers/docx";

const Q3 = { year: 2026, q: 3 as const };
const BEFORE_DUE = new Date(2026, 9, 7);
const AFTER_DUE = new Date(2026, 9, 20);

async function remindersOn(today: Date, port = bookOf(DESK_LEDGER, DESK_DIRECTORY)) {
  return reminders(await runCheck(port, today, { quarter: Q3, mark: false }), today);
}

describe("the reminders", () => {
  test("one per unit with missing or weak progress on tasks it leads; a task with two problems is one item", async () => {
    const list = await remindersOn(AFTER_DUE);
    expect(list.map((r) => [r.unit, r.missing, r.weak])).toEqual([
      ["区城市管理执法局", 0, 2],
      ["区发展和改革局", 1, 0],
      // 区卫键局, one slip from 区卫健局 (区卫生健康局): its task counted under that unit, and said so.
      ["区卫生健康局", 1, 0],
    ]);
    expect(list[0]!.items.map((i) => [i.no, i.cell, i.problems])).toEqual([
      ["3", "G5", ["placeholder-progress"]],
      ["4", "G6", ["placeholder-progress", "overdue"]],
    ]);
  });

  test("a name the directory lacks with one clear unit for it is counted under that unit, and the 催办单 says so; one without goes to the office's list, never a 催办单", async () => {
    // 区卫键局 (a slip of 区卫健局) and 区某某局, which stands for no unit of the directory.
    const ledger = [...DESK_LEDGER, [8, "新建社区食堂5个。", "区某某局", "", "", "", ""]];
    const outcome = await runCheck(bookOf(ledger, DESK_DIRECTORY), AFTER_DUE, { quarter: Q3, mark: false });
    const list = reminders(outcome, AFTER_DUE);
    expect(list.map((r) => r.unit)).not.toContain("区卫键局");
    expect(list.map((r) => r.unit)).not.toContain("区某某局");
    const health = list.find((r) => r.unit === "区卫生健康局")!;
    expect(health.readAs).toEqual([{ written: "区卫键局", unit: "区卫生健康局" }]);
    expect(health.text).toContain("原台账写作“区卫键局”，已按区卫生健康局计。");
    const doc = JSON.stringify(health.document.blocks);
    expect(doc).toContain("原台账写作“区卫键局”，已按区卫生健康局计。");
    // A unit written as the directory lists it says nothing of the kind.
    expect(list.find((r) => r.unit === "区发展和改革局")!.text).not.toContain("原台账写作");
    const names = unknownNames(outcome);
    expect([...names.readAs]).toEqual([["区卫键局", "区卫生健康局"]]);
    expect(names.toCheck).toEqual([{ name: "区某某局", cells: ["C10"], suggestions: [] }]);
  });

  test("without a directory every unit as written gets its 催办单, and no name is to check", async () => {
    const outcome = await runCheck(bookOf(DESK_LEDGER), AFTER_DUE, { quarter: Q3, mark: false });
    expect(reminders(outcome, AFTER_DUE).map((r) => r.unit)).toContain("区卫键局");
    expect(unknownNames(outcome).toCheck).toEqual([]);
  });

  test("the short text: whom, what is due and when, which tasks, the office that asks", async () => {
    const [cg, fg] = await remindersOn(AFTER_DUE);
    expect(fg!.text).toBe(
      "【催办】区发展和改革局：2026年第三季度目标任务进展报送截止2026年10月10日（已逾期 10 天）。你单位牵头的任务中，1项未报送进展（未报送：序号2）。" +
        "请于收到本通知后3个工作日内在台账中补报，并说明未按时报送的原因。江汉区人民政府办公室 2026年10月20日",
    );
    expect(cg!.text).toContain("2项进展需补充完善（需完善：序号3（进展只有套话）、4（进展只有套话、已过完成时限））");
    const [early] = await remindersOn(BEFORE_DUE);
    expect(early!.text).toContain("（距报送截止还有 3 天）");
    expect(early!.text).toContain("请于2026年10月10日前在台账中报送。");
  });

  test("the issuing office set in 设置 signs them", async () => {
    const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
    await createApp({ port, today: () => AFTER_DUE }).saveSettings({ issuer: "江汉区人民政府督查室" });
    const [r] = await remindersOn(AFTER_DUE, port);
    expect(r!.text.endsWith("江汉区人民政府督查室 2026年10月20日")).toBe(true);
    expect(r!.document.signature).toEqual({ issuer: "江汉区人民政府督查室", date: "2026年10月20日" });
  });

  test("the .docx: A4 with GB/T 9704's margins, the fonts with their alternatives, page numbers, every item once with its cell", async () => {
    const [r] = await remindersOn(AFTER_DUE);
    const doc = await readDocx(await documentFiles.bytes(r!.document));
    // A4 (210 × 297 mm), 37 mm top, 35 mm bottom, 28 mm binding edge, 26 mm outer edge, in twips.
    expect(doc.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc.paragraphs).toContain("2026年第三季度目标任务进展催办单");
    expect(doc.paragraphs).toContain("区城市管理执法局：");
    expect(doc.paragraphs.filter((p) => p === "G6")).toHaveLength(1);
    expect(doc.paragraphs).toContain("进展只有套话、已过完成时限");
    expect(doc.paragraphs.join("")).toContain("各责任单位应于2026年10月10日前报送2026年第三季度目标任务进展情况，现已逾期10天");
    expect(doc.paragraphs).toContain("江汉区人民政府办公室");
    // 仿宋_GB2312 for the text, with the names it goes by elsewhere.
    expect(doc.document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc.fontTable).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong,[^"]*"\/><w:charset w:val="86"\/>/);
    // “— 1 —” on every page: odd pages right, even pages left.
    expect(doc.settings).toContain("<w:evenAndOddHeaders/>");
    expect(doc.footers.every((f) => /PAGE/.test(f) && f.includes("— "))).toBe(true);
    expect(doc.footers.map((f) => /<w:jc w:val="(right|left)"\/>/.exec(f)?.[1]).sort()).toEqual(["left", "right"]);
  });
});

describe("duban remind", () => {
  test("writes one 催办单 per unit and the texts, and leaves the ledger as it was", async () => {
    const dir = tempDir("remind");
    const book = await writeBook(path.join(dir, "台账.xlsx"), DESK_LEDGER);
    const before = sha(book);
    const out = path.join(dir, "催办");
    const r = await duban("remind", book, "--quarter", "2026Q3", "-o", out, "--today", "2026-10-20");
    expect(r.code).toBe(0);
    expect(r.out).toContain("已为 4 个单位写出2026年第三季度催办单");
    // Each unit with what it is chased for, and nothing said of a count of 0 (no directory here: 区城管委 is a unit of its own).
    expect(r.out).toContain("  区城市管理执法局：需完善 1 项 → 区城市管理执法局-2026Q3催办单.docx\n  区发改局：未报送 1 项 → 区发改局-2026Q3催办单.docx");
    expect(fs.readdirSync(out).sort()).toEqual(["催办短信.txt", "区发改局-2026Q3催办单.docx", "区卫键局-2026Q3催办单.docx", "区城市管理执法局-2026Q3催办单.docx", "区城管委-2026Q3催办单.docx"].sort());
    expect(fs.readFileSync(path.join(out, "催办短信.txt"), "utf8").split("\n\n")).toHaveLength(4);
    expect(sha(book)).toBe(before);
  });

  test("with a directory: a slip counted under its unit, a name that stands for no unit listed in 单位名称待核对.txt and sent nothing; the .zip the same", async () => {
    const dir = tempDir("remind-names");
    const book = await writeBook(path.join(dir, "台账.xlsx"), [...DESK_LEDGER, [8, "新建社区食堂5个。", "区某某局", "", "", "", ""]], "台账", (ws) => {
      const wb = ws.workbook;
      wb.addWorksheet("部门目录").addRows(DESK_DIRECTORY);
    });
    const out = path.join(dir, "催办");
    const r = await duban("remind", book, "--quarter", "2026Q3", "-o", out, "--today", "2026-10-20");
    expect(r.code).toBe(0);
    const files = fs.readdirSync(out);
    expect(files).toContain("区卫生健康局-2026Q3催办单.docx");
    expect(files.some((f) => f.startsWith("区卫键局") || f.startsWith("区某某局"))).toBe(false);
    expect(files).toContain("单位名称待核对.txt");
    expect(fs.readFileSync(path.join(out, "单位名称待核对.txt"), "utf8")).toContain("区某某局（C10）：部门目录中没有相近的单位");
    expect(r.out).toContain("1 个单位名称不在部门目录中，也无法确定是哪个单位，未生成催办单：区某某局。");
    // The pane's .zip: the 催办单 and the list beside them.
    const port = bookOf([...DESK_LEDGER, [8, "新建社区食堂5个。", "区某某局", "", "", "", ""]], DESK_DIRECTORY);
    const app = createApp({ port, today: () => AFTER_DUE, documents: async () => documentFiles });
    const outcome = await app.check({ quarter: Q3, mark: false });
    const zip = await JSZip.loadAsync((await app.remindersZipFile(app.reminders(outcome), app.namesToCheck(outcome))).bytes);
    expect(Object.keys(zip.files)).toContain("单位名称待核对.txt");
    expect(await zip.file("单位名称待核对.txt")!.async("string")).toMatch(/^\uFEFF以下单位名称不在部门目录中[\s\S]*区某某局（C10）/);
  });

  test("-o naming a file, or none, is refused with what to give", async () => {
    const dir = tempDir("remind-bad");
    const book = await writeBook(path.join(dir, "台账.xlsx"), DESK_LEDGER);
    expect((await duban("remind", book)).err).toContain("remind 命令需要 -o 指定输出文件夹");
    const r = await duban("remind", book, "-o", book);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("-o 应为文件夹")]);
  });
});

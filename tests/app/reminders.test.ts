// 催办单 over the plain-data port: one per unit with missing or weak progress on tasks it leads (a
// task with two problems one item), its short text and its official document, and the files made.
import { NAMES_TO_CHECK_FILE, namesToCheckText, PROGRESS_KINDS, reminderFile, reminders, remindersZipFile, unknownNames, type Reminder } from "../../src/app/reminders";
import { runCheck } from "../../src/app/check";
import { saveSettings } from "../../src/app/settings";
import type { DocumentFiles } from "../../src/app/port";
import type { OfficialDocument } from "../../src/core/document";
import { CUMULATIVE_DIRECTORY, cumulativeLedger } from "../helpers/cumulative";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf, type SheetsPort } from "./seeds";

const Q3 = { year: 2026, q: 3 as const };
const BEFORE_DUE = new Date(2026, 9, 7);
const DUE_DAY = new Date(2026, 9, 10);
const AFTER_DUE = new Date(2026, 9, 20);
const desk = () => portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });

async function remindersOn(today: Date, port: SheetsPort = desk()): Promise<Reminder[]> {
  return reminders(await runCheck(port, today, { quarter: Q3, mark: false }), today);
}

/** Documents as their JSON: what the .docx maker would be handed. */
const documents: DocumentFiles = {
  bytes: async (doc: OfficialDocument) => new TextEncoder().encode(JSON.stringify(doc)),
  zip: async (files, texts = []) => new TextEncoder().encode(JSON.stringify([...files.map((f) => f.name), ...texts.map((t) => `${t.name}:${t.text}`)])),
};
const decoded = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;

describe("who is chased, for what", () => {
  test("each lead unit with missing or weak progress, most items first; co-units and unit names are not theirs", async () => {
    const list = await remindersOn(AFTER_DUE);
    expect(list.map((r) => [r.unit, r.missing, r.weak, r.items.map((i) => [i.no, i.cell, i.problems, i.missing])])).toEqual([
      ["区城市管理执法局", 0, 2, [["3", "G5", ["placeholder-progress"], false], ["4", "G6", ["placeholder-progress", "overdue"], false]]],
      ["区发展和改革局", 1, 0, [["2", "G4", ["missing-progress"], true]]],
      ["区卫生健康局", 1, 0, [["5", "G7", ["missing-progress"], true]]],
    ]);
    expect(list.every((r) => r.sheet === "台账" && r.quarter === Q3)).toBe(true);
    expect(list[0]!.items[0]!.task).toBe("新建微循环道路10条。");
    expect(list[0]!.fileName).toBe("区城市管理执法局-2026Q3催办单.docx");
  });

  test("the kinds chased are the progress kinds", () => {
    expect(PROGRESS_KINDS).toEqual(["missing-progress", "placeholder-progress", "stale-progress", "unquantified-progress", "overdue", "done-unsupported"]);
  });

  test("the same count of items: by the Chinese order of the names", async () => {
    const ledger = [DESK_LEDGER[0]!, DESK_LEDGER[1]!, [1, "任务甲。", "区商务局", "", "", "", ""], [2, "任务乙。", "区财政局", "", "", "", ""], [3, "任务丙。", "区城市管理执法局", "", "", "", ""]];
    const list = await remindersOn(AFTER_DUE, portOf({ 台账: ledger, 部门目录: DESK_DIRECTORY }));
    expect(list.map((r) => r.unit)).toEqual(["区财政局", "区城市管理执法局", "区商务局"]);
  });

  test("nobody when every lead has reported", async () => {
    const ledger = [DESK_LEDGER[0]!, DESK_LEDGER[1]!, DESK_LEDGER[2]!, DESK_LEDGER[8]!];
    expect(await remindersOn(AFTER_DUE, portOf({ 台账: ledger, 部门目录: DESK_DIRECTORY }))).toEqual([]);
  });
});

describe("the short text", () => {
  test("after the due date: how late, which tasks, a reply in three working days, the office and the date", async () => {
    const [cg, fg] = await remindersOn(AFTER_DUE);
    expect(fg!.text).toBe(
      "【催办】区发展和改革局：2026年第三季度目标任务进展报送截止2026年10月10日（已逾期 10 天）。你单位牵头的任务中，1项未报送进展（未报送：序号2）。" +
        "请于收到本通知后3个工作日内在台账中补报，并说明未按时报送的原因。江汉区人民政府办公室 2026年10月20日",
    );
    expect(cg!.text).toBe(
      "【催办】区城市管理执法局：2026年第三季度目标任务进展报送截止2026年10月10日（已逾期 10 天）。你单位牵头的任务中，2项进展需补充完善" +
        "（需完善：序号3（进展只有套话）、4（进展只有套话、已过完成时限））。请于收到本通知后3个工作日内在台账中补报，并说明未按时报送的原因。江汉区人民政府办公室 2026年10月20日",
    );
  });

  test("before the due date: how many days are left, and to report by then", async () => {
    const [, fg] = await remindersOn(BEFORE_DUE);
    expect(fg!.text).toContain("（距报送截止还有 3 天）");
    expect(fg!.text).toContain("请于2026年10月10日前在台账中报送。");
    expect(fg!.text.endsWith("江汉区人民政府办公室 2026年10月7日")).toBe(true);
  });

  test("on the due date: due today, and a reply in three working days", async () => {
    const [, fg] = await remindersOn(DUE_DAY);
    expect(fg!.text).toContain("（今天报送截止）");
    expect(fg!.text).toContain("请于收到本通知后3个工作日内在台账中补报");
  });

  test("missing and weak together; tasks without a 序号 by their row; at most 12 missing and 8 weak named, then how many", async () => {
    const rows: (string | number | null)[][] = [DESK_LEDGER[0]!, DESK_LEDGER[1]!];
    for (let i = 1; i <= 14; i++) rows.push([i, `任务${i}。`, "区财政局", "", "", "", ""]);
    for (let i = 15; i <= 24; i++) rows.push([i, `任务${i}。`, "区财政局", "", "", "", "正在推进"]);
    rows.push(["", "无序号的任务。", "区财政局", "", "", "", ""]);
    const [r] = await remindersOn(AFTER_DUE, portOf({ 台账: rows, 部门目录: DESK_DIRECTORY }));
    expect([r!.missing, r!.weak]).toEqual([15, 10]);
    expect(r!.text).toContain("你单位牵头的任务中，15项未报送进展、10项进展需补充完善（未报送：序号1、2、3、4、5、6、7、8、9、10、11、12等15项；需完善：序号15（进展只有套话）、16（进展只有套话）");
    expect(r!.text).toContain("、22（进展只有套话）等10项）。");
    const few = rows.slice(0, 2).concat([rows[2]!, rows[26]!]);
    const [s] = await remindersOn(AFTER_DUE, portOf({ 台账: few, 部门目录: DESK_DIRECTORY }));
    expect(s!.text).toContain("（未报送：序号1、第4行）");
    const [t] = await remindersOn(AFTER_DUE, portOf({ 台账: [...rows.slice(0, 2), ["", "无序号的任务。", "区财政局", "", "", "", "正在推进"]], 部门目录: DESK_DIRECTORY }));
    expect(t!.text).toContain("（需完善：第3行（进展只有套话））");
  });

  test("signed by the office set in 设置", async () => {
    const port = desk();
    await saveSettings(port, { issuer: "江汉区人民政府督查室" });
    const [r] = await remindersOn(AFTER_DUE, port);
    expect(r!.text.endsWith("江汉区人民政府督查室 2026年10月20日")).toBe(true);
    expect(r!.document.signature).toEqual({ issuer: "江汉区人民政府督查室", date: "2026年10月20日" });
  });
});

describe("the document", () => {
  test("to the unit: what was due and how late, a table of every item with its cell, what to write, signed and dated", async () => {
    const [cg] = await remindersOn(AFTER_DUE);
    const d = cg!.document;
    expect(d.name).toBe("区城市管理执法局2026年第三季度目标任务进展催办单");
    expect(d.title).toBe("2026年第三季度目标任务进展催办单");
    expect(d.receiver).toBe("区城市管理执法局");
    expect(d.blocks[0]).toEqual({
      kind: "paragraph",
      text: "按照要求，各责任单位应于2026年10月10日前报送2026年第三季度目标任务进展情况，现已逾期10天。截至2026年10月20日，你单位牵头的任务中，2项进展需补充完善，具体如下（台账工作表“台账”）：",
    });
    expect(d.blocks[1]).toEqual({
      kind: "table",
      header: ["序号", "任务", "问题", "单元格"],
      rows: [
        ["3", "新建微循环道路10条。", "进展只有套话", "G5"],
        ["4", "推进背街小巷整治。", "进展只有套话、已过完成时限", "G6"],
      ],
      widths: [9, 56, 22, 13],
      centred: [0, 3],
    });
    expect(d.blocks[2]).toEqual({ kind: "paragraph", text: "请于收到本催办单后3个工作日内在台账中补报，并说明未按时报送的原因。进展应写明本季度具体做了什么、完成多少（有量化目标的写明数字），不写套话，不照抄上季度。" });
    expect(d.signature).toEqual({ issuer: "江汉区人民政府办公室", date: "2026年10月20日" });
  });

  test("before the due date nothing is late; a task without a 序号 by its row; a long task cut", async () => {
    const long = "推进江汉路步行街提档升级，".repeat(12);
    const rows = [DESK_LEDGER[0]!, DESK_LEDGER[1]!, ["", long, "区财政局", "", "", "", ""]];
    const [r] = await remindersOn(BEFORE_DUE, portOf({ 台账: rows, 部门目录: DESK_DIRECTORY }));
    const first = r!.document.blocks[0] as { text: string };
    expect(first.text).toBe("按照要求，各责任单位应于2026年10月10日前报送2026年第三季度目标任务进展情况。截至2026年10月7日，你单位牵头的任务中，1项未报送进展，具体如下（台账工作表“台账”）：");
    const table = r!.document.blocks[1] as unknown as { rows: string[][] };
    expect(table.rows[0]![0]).toBe("第3行");
    expect(table.rows[0]![1]).toBe(`${long.slice(0, 120)}…`);
    expect(r!.document.blocks[2]).toMatchObject({ text: expect.stringMatching(/^请于2026年10月10日前在台账中报送。进展应写明/) });
  });

  test("made long after the quarter (after the next quarter's reports were due): 截至 the quarter's due date, and the day it was made beside it", async () => {
    // The fourth quarter's reports are due on 2027-01-10: up to that day the third quarter is recent.
    const opening = async (today: Date) => ((await remindersOn(today))[0]!.document.blocks[0] as { text: string }).text;
    expect(await opening(new Date(2027, 0, 10))).toContain("现已逾期92天。截至2027年1月10日，你单位牵头的任务中");
    expect(await opening(new Date(2027, 0, 11))).toContain("现已逾期93天。截至2026年10月10日（本催办单生成于2027年1月11日），你单位牵头的任务中");
    const later = (await remindersOn(new Date(2027, 11, 3)))[0]!;
    expect((later.document.blocks[0] as { text: string }).text).toContain("截至2026年10月10日（本催办单生成于2027年12月3日）");
    expect(later.document.signature!.date).toBe("2027年12月3日");
  });

  test("a unit's name with characters no file name may hold: replaced in the file's name", async () => {
    const rows = [DESK_LEDGER[0]!, DESK_LEDGER[1]!, [1, "任务甲。", "区政务*数据局", "", "", "", ""]];
    const [r] = await remindersOn(AFTER_DUE, portOf({ 台账: rows }));
    expect(r!.fileName).toBe("区政务_数据局-2026Q3催办单.docx");
    expect(r!.document.receiver).toBe("区政务*数据局");
  });
});

describe("the files", () => {
  test("one unit's under its file name; all of them in one .zip named for the quarter and how many", async () => {
    const list = await remindersOn(AFTER_DUE);
    const one = await reminderFile(documents, list[1]!);
    expect(one.name).toBe("区发展和改革局-2026Q3催办单.docx");
    expect(decoded(one.bytes)).toMatchObject({ receiver: "区发展和改革局" });
    const zip = await remindersZipFile(documents, list);
    expect(zip.name).toBe("催办单-2026Q3（3个单位）.zip");
    expect(decoded(zip.bytes)).toEqual(list.map((r) => r.fileName));
    expect((await remindersZipFile(documents, [])).name).toBe("催办单-（0个单位）.zip");
  });
});

describe("names the directory does not list", () => {
  // 区卫键局 (a slip of 区卫健局) stands for 区卫生健康局; 区城管 is an alias two units share; 区停车办
  // is like no unit; 区卫健委 comes close to two.
  const LEDGER = [
    ...DESK_LEDGER,
    [8, "整治占道经营。", "区城管", "", "", "", ""],
    [9, "建设智慧停车场。", "区停车办", "", "", "", ""],
    [10, "规范停车收费。", "区停车办", "", "", "", "正在推进"],
    [11, "推进家庭医生签约。", "区卫键局", "", "", "", "正在推进"],
  ];
  const DIRECTORY = [...DESK_DIRECTORY, ["区城市管理委员会", "区城管", "", "部门", "有效"]];
  DIRECTORY[3] = ["区城市管理执法局", "区城管", "区城管委", "部门", "有效"];
  const outcomeOf = (directory = true) => runCheck(portOf({ 台账: LEDGER, ...(directory ? { 部门目录: DIRECTORY } : {}) }), AFTER_DUE, { quarter: Q3, mark: false });

  test("one that stands for one clear unit is chased under it, and the text and the document say so", async () => {
    const list = reminders(await outcomeOf(), AFTER_DUE);
    const health = list.find((r) => r.unit === "区卫生健康局")!;
    expect(health.readAs).toEqual([{ written: "区卫键局", unit: "区卫生健康局" }]);
    expect(health.items.map((i) => [i.cell, i.problems])).toEqual([
      ["G7", ["missing-progress"]],
      ["G13", ["placeholder-progress"]],
    ]);
    expect(health.text).toContain("原台账写作“区卫键局”，已按区卫生健康局计。江汉区人民政府办公室 2026年10月20日");
    expect(health.document.blocks.at(-1)).toEqual({ kind: "paragraph", text: "原台账写作“区卫键局”，已按区卫生健康局计。" });
    expect(health.fileName).toBe("区卫生健康局-2026Q3催办单.docx");
    // A unit of the directory itself says nothing of the kind.
    const dev = list.find((r) => r.unit === "区发展和改革局")!;
    expect(dev.readAs).toEqual([]);
    expect(dev.text).not.toContain("原台账写作");
    expect(dev.document.blocks).toHaveLength(3);
  });

  test("one that stands for no clear unit gets none: the office's to check, with its cells and what it may be", async () => {
    const outcome = await outcomeOf();
    expect(reminders(outcome, AFTER_DUE).map((r) => r.unit)).toEqual(["区城市管理执法局", "区卫生健康局", "区发展和改革局"]);
    const { readAs, toCheck } = unknownNames(outcome);
    expect([...readAs]).toEqual([["区卫键局", "区卫生健康局"]]);
    expect(toCheck).toEqual([
      { name: "区城管", cells: ["C10"], suggestions: ["区城市管理执法局", "区城市管理委员会"] },
      { name: "区停车办", cells: ["C11", "C12"], suggestions: [] },
    ]);
    expect(namesToCheckText(toCheck)).toBe(
      "以下单位名称不在部门目录中，无法确定是哪个单位，未生成催办单。请在台账中改正，或把它加入部门目录后重新生成。\n\n" +
        "区城管（C10）：可能是区城市管理执法局、区城市管理委员会\n区停车办（C11、C12）：部门目录中没有相近的单位\n",
    );
  });

  test("without a directory, every name is a unit of its own: chased as written, nothing to check", async () => {
    const outcome = await outcomeOf(false);
    expect(unknownNames(outcome)).toEqual({ readAs: new Map(), toCheck: [] });
    const units = reminders(outcome, AFTER_DUE).map((r) => r.unit);
    expect(units).toContain("区卫键局");
    expect(units).toContain("区停车办");
  });

  test("the .zip: the names to check beside the 催办单, only when there are some", async () => {
    const outcome = await outcomeOf();
    const list = reminders(outcome, AFTER_DUE);
    const { toCheck } = unknownNames(outcome);
    const zip = decoded((await remindersZipFile(documents, list, toCheck)).bytes) as string[];
    expect(zip.slice(0, -1)).toEqual(list.map((r) => r.fileName));
    expect(zip.at(-1)).toBe(`${NAMES_TO_CHECK_FILE}:${namesToCheckText(toCheck)}`);
    expect(NAMES_TO_CHECK_FILE).toBe("单位名称待核对.txt");
    expect(decoded((await remindersZipFile(documents, list)).bytes)).toEqual(list.map((r) => r.fileName));
  });
});

describe("a ledger whose one progress column accumulates the quarters", () => {
  test("each 催办单 says which part of the cell is meant, in its table and in its short text", async () => {
    const port = portOf({ 台账: cumulativeLedger("month"), 部门目录: CUMULATIVE_DIRECTORY });
    const list = await remindersOn(AFTER_DUE, port);
    const parks = list.find((r) => r.unit === "区园林局")!;
    expect(parks.items.map((i) => [i.cell, i.part])).toEqual([["E3", 3], ["E4", 3]]);
    const table = parks.document.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows.map((r) => r[2])).toEqual(["进展只有套话（三季度部分）", "未填进展（三季度部分）"]);
    expect(parks.text).toContain("需完善：序号1（进展只有套话（三季度部分））");
  });

  test("a ledger with a column per quarter says no part", async () => {
    const list = await remindersOn(AFTER_DUE);
    expect(list.flatMap((r) => r.items).every((i) => i.part === undefined)).toBe(true);
    expect(JSON.stringify(list.map((r) => r.document))).not.toContain("部分）");
  });
});

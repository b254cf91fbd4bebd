// 通报 over the plain-data port: the quarter's summary as the office sends it — its mark and 文号, the
// figures, the ranking (against the quarter before, scored when 设置 says), the tasks still to report
// (each once), what is asked, the signature; nothing written into the workbook.
import { bulletinDocument, bulletinFile, bulletinOf, makeBulletin } from "../../src/app/bulletin";
import { runCheck } from "../../src/app/check";
import { saveSettings } from "../../src/app/settings";
import type { DocumentFiles } from "../../src/app/port";
import type { DocBlock, OfficialDocument } from "../../src/core/document";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { districtLedger } from "../helpers/districtLedger";
import { portOf, seedPort, SEED_2019 } from "./seeds";

const Q3 = { year: 2026, q: 3 as const };
const OCT_20 = new Date(2026, 9, 20);
const desk = () => portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
const texts = (blocks: readonly DocBlock[]) => blocks.filter((b) => b.kind !== "table").map((b) => (b as { text: string }).text);
const tablesOf = (blocks: readonly DocBlock[]) => blocks.filter((b): b is Extract<DocBlock, { kind: "table" }> => b.kind === "table");
/** The tables of a 通报: none in its body, each in its annex. */
const tables = (d: OfficialDocument) => {
  expect(tablesOf(d.blocks)).toEqual([]);
  return (d.annexes ?? []).flatMap((a) => tablesOf(a.blocks));
};
const REQUEST = "请未报送和进展需完善的单位于收到本通报后3个工作日内在台账中补报，写明本季度具体做了什么、完成多少，并将未按时报送的原因和下一步措施报江汉区人民政府办公室。欠进度任务的牵头单位要分析原因，倒排工期，确保完成全年目标任务。";

describe("the 通报 of the desk ledger", () => {
  test("who it speaks for, its title, and nothing written into the workbook", async () => {
    const port = desk();
    const b = await makeBulletin(port, OCT_20, { quarter: Q3, mark: true });
    expect(port.applied).toEqual([]);
    expect(b.fileName).toBe("2026Q3通报.docx");
    expect(b.office).toEqual({ district: "江汉区", issuer: "江汉区人民政府办公室", districtFrom: "ledger" });
    const d = b.document;
    expect(d.name).toBe("关于2026年第三季度江汉区《政府工作报告》目标任务推进情况的通报");
    expect(d.title).toBe(d.name);
    expect(d.titleLines).toEqual(["关于2026年第三季度江汉区", "《政府工作报告》目标任务推进情况的通报"]);
    expect(d.masthead).toEqual({ issuer: "江汉区人民政府办公室" });
    expect(d.receiver).toBe("各责任单位");
    expect(d.signature).toEqual({ issuer: "江汉区人民政府办公室", date: "2026年10月20日" });
    expect(d.imprint).toEqual({ printer: "江汉区人民政府办公室", date: "2026年10月20日" });
  });

  test("the figures, the ranking against the quarter before, the unit not listed, the tasks to report each once, what is asked", async () => {
    const b = await makeBulletin(desk(), OCT_20, { quarter: Q3 });
    expect(texts(b.document.blocks)).toEqual([
      "按照江汉区《政府工作报告》目标任务督办工作安排，各责任单位应于2026年10月10日前报送2026年第三季度目标任务推进情况。现将有关情况通报如下：",
      "一、总体情况",
      "截至2026年10月20日，7项任务中已报送进展4项，报送率57.1%，未报送3项。从推进情况看，已完成0项、超进度2项、达进度0项、欠进度2项；另有2项进展只写了套话、与上季度相同或缺少数据，需补充具体内容。",
      "二、各单位报送情况",
      // Who has not reported, and whose rate fell since the quarter before; the ranking is annex 1.
      "3个牵头单位已报送全部任务进展；2个单位有任务未报送：区发展和改革局（1项）、区卫生健康局（1项）。与二季度相比，报送率下降的有区发展和改革局（100个百分点）、区卫生健康局（100个百分点）。各牵头单位报送情况排名见附件1。",
      "三、推进情况",
      "超进度2项，达进度0项，欠进度2项。欠进度任务涉及区城市管理执法局（2项）。",
      "四、需补报和完善的事项",
      // Tasks 2, 5 and 6 without progress; 3 and 4 with only a placeholder, both led by 区城市管理执法局.
      "本季度共有5项任务需补报或完善进展，其中未报送进展3项、进展需完善2项（一项任务有几个问题的，合并计一项）。进展需完善的任务主要涉及区城市管理执法局（2项）。具体任务见附件2。",
      "五、工作要求",
      REQUEST,
    ]);
    expect(b.document.annexes!.map((a) => a.title)).toEqual(["各单位报送情况排名", "需补报和完善的任务清单"]);
    expect(texts(b.document.annexes![0]!.blocks)).toEqual(["注：报送率 = 已报送进展的牵头任务 ÷ 牵头任务；一项任务有几个牵头单位的，每个单位各计一项。报送率相同的单位并列，按单位名称排列。"]);
    const [ranking, gaps] = tables(b.document);
    expect(ranking).toEqual({
      kind: "table",
      header: ["排名", "牵头单位", "牵头\n任务", "已报送", "未报送", "进展\n较弱", "报送率", "较二季度\n（百分点）"],
      rows: [
        ["1", "区财政局", "1", "1", "0", "0", "100%", "持平"],
        ["1", "区城市管理执法局", "2", "2", "0", "2", "100%", "持平"],
        ["1", "区商务局", "1", "1", "0", "0", "100%", "持平"],
        ["4", "区发展和改革局", "1", "0", "1", "0", "0%", "↓100"],
        // 区卫键局, a slip of 区卫健局: ranked as 区卫生健康局, in both quarters.
        ["4", "区卫生健康局", "1", "0", "1", "0", "0%", "↓100"],
      ],
      widths: [12, 44, 12, 16, 16, 12, 16, 25],
      centred: [0, 2, 3, 4, 5, 6, 7, 8],
    });
    expect(gaps).toEqual({
      kind: "table",
      header: ["序号", "任务", "牵头单位", "问题"],
      rows: [
        // The directory's current names, as in the ranking: 区发改局 is an alias, 区城管委 a former name.
        ["2", "固定资产投资总额完成430亿元。", "区发展和改革局", "未填进展"],
        ["3", "新建微循环道路10条。", "区城市管理执法局", "进展只有套话"],
        ["4", "推进背街小巷整治。", "区城市管理执法局", "进展只有套话、已过完成时限"],
        ["5", "建设垃圾分类收运屋20个。", "区卫生健康局", "未填进展"],
        ["6", "深化环卫作业市场化改革。", "", "未填进展"],
      ],
      widths: [8, 41, 27, 24],
      centred: [0],
    });
  });
});

describe("as 设置 says", () => {
  test("the district, the office and the 文号; a score column and its rules under the ranking", async () => {
    const port = desk();
    await saveSettings(port, { district: "江岸区", issuer: "江岸区人民政府督查室", docNumber: "岸督〔2026〕5号", scoring: { reported: 2, missing: 1, placeholder: 0.5 } });
    const b = await makeBulletin(port, OCT_20, { quarter: Q3 });
    expect(b.office).toEqual({ district: "江岸区", issuer: "江岸区人民政府督查室", docNumber: "岸督〔2026〕5号", districtFrom: "settings" });
    expect(b.document.masthead).toEqual({ issuer: "江岸区人民政府督查室", number: "岸督〔2026〕5号" });
    expect(b.document.title).toBe("关于2026年第三季度江岸区《政府工作报告》目标任务推进情况的通报");
    const [ranking] = tables(b.document);
    expect(ranking!.header.slice(-2)).toEqual(["较二季度\n（百分点）", "得分"]);
    expect(ranking!.widths).toEqual([12, 44, 12, 16, 16, 12, 16, 25, 12]);
    expect(ranking!.rows.map((r) => [r[1], r[8]])).toEqual([
      ["区财政局", "2"],
      ["区城市管理执法局", "3"],
      ["区商务局", "2"],
      ["区发展和改革局", "-1"],
      ["区卫生健康局", "-1"],
    ]);
    const note = b.document.annexes![0]!.blocks.find((x) => x.kind === "note") as { text: string };
    expect(note.text).toMatch(/^注：报送率 = .*按单位名称排列。.*2分.*1分.*0\.5分/);
    expect(texts(b.document.blocks).at(-1)).toContain("报江岸区人民政府督查室。");
  });
});

describe("the 版记's 抄送", () => {
  test("as set in 设置: the organs in the imprint, above the printer (the layout prints 抄送： and the final 。); none when not set", async () => {
    const port = desk();
    expect((await makeBulletin(port, OCT_20, { quarter: Q3 })).document.imprint).toEqual({ printer: "江汉区人民政府办公室", date: "2026年10月20日" });
    await saveSettings(port, { copyTo: "区委办公室、区人大常委会办公室、区政协办公室" });
    const b = await makeBulletin(port, OCT_20, { quarter: Q3 });
    expect(b.office.copyTo).toBe("区委办公室，区人大常委会办公室，区政协办公室");
    expect(b.document.imprint).toEqual({ copyTo: "区委办公室，区人大常委会办公室，区政协办公室", printer: "江汉区人民政府办公室", date: "2026年10月20日" });
    // Only the 版记: the body, the signature and who it is sent to are as before.
    expect(b.document.receiver).toBe("各责任单位");
    expect(b.document.signature).toEqual({ issuer: "江汉区人民政府办公室", date: "2026年10月20日" });
  });
});

describe("other ledgers", () => {
  test("the 2019 ledger: every task reported, no quarter before, no gaps: 四、工作要求, and who is behind", async () => {
    const b = await makeBulletin(await seedPort(SEED_2019), new Date(2019, 10, 20));
    const t = texts(b.document.blocks);
    expect(t[2]).toBe("截至2019年11月20日，106项任务中已报送进展106项，报送率100%，未报送0项。从推进情况看，已完成0项、超进度9项、达进度94项、欠进度3项。");
    // No quarter before: no fall to name.
    expect(t[4]).toBe("36个牵头单位均已报送全部任务进展。各牵头单位报送情况排名见附件1。");
    expect(t).toContain("超进度9项，达进度94项，欠进度3项。欠进度任务涉及区发展和改革局（1项）、区民政局（1项）、区人力资源局（1项）。");
    expect(t.slice(-2)).toEqual(["四、工作要求", REQUEST]);
    const [ranking] = tables(b.document);
    expect(ranking!.header.at(-1)).toBe("报送率");
    expect(ranking!.rows).toHaveLength(36);
    expect(tables(b.document)).toHaveLength(1);
    expect(b.document.annexes!.map((a) => a.title)).toEqual(["各单位报送情况排名"]);
  });

  test("a ledger naming no district and no unit: 区, no ranking, tasks named by their row when they have no 序号, and nobody behind named", async () => {
    const rows = [["序号", "目标任务", "牵头单位", "三季度进展"], [1, "任务甲。", "", "完成30个。"], ["", "任务乙。", "", ""]];
    const b = await makeBulletin(portOf({ 台账: rows }), OCT_20, { quarter: Q3 });
    expect(b.document.title).toBe("关于2026年第三季度区《政府工作报告》目标任务推进情况的通报");
    expect(b.document.masthead).toEqual({ issuer: "区人民政府办公室" });
    expect(b.document.blocks.some((x) => x.kind === "note")).toBe(false);
    // Its only annex is the list of tasks, annex 1.
    expect(b.document.annexes!.map((a) => a.title)).toEqual(["需补报和完善的任务清单"]);
    expect(texts(b.document.blocks).find((x) => x.startsWith("本季度共有"))).toBe("本季度共有2项任务需补报或完善进展，其中未报送进展1项、进展需完善1项（一项任务有几个问题的，合并计一项）。具体任务见附件1。");
    const t = texts(b.document.blocks);
    expect(t[0]).toBe("按照区《政府工作报告》目标任务督办工作安排，各责任单位应于2026年10月10日前报送2026年第三季度目标任务推进情况。现将有关情况通报如下：");
    expect(t).toContain("超进度0项，达进度0项，欠进度1项。");
    expect(tables(b.document)).toEqual([{ kind: "table", header: ["序号", "任务", "牵头单位", "问题"], rows: [["1", "任务甲。", "", "进展只有套话"], ["第3行", "任务乙。", "", "未填进展"]], widths: [8, 41, 27, 24], centred: [0] }]);
  });

  test("a long task cut to 80 characters; several leads joined with 、", async () => {
    const long = "推进江汉路步行街提档升级，".repeat(8);
    const rows = [["2026年江汉区台账"], ["序号", "目标任务", "牵头单位", "三季度进展"], [1, long, "区商务局 区财政局", ""]];
    const b = await makeBulletin(portOf({ 台账: rows }), OCT_20, { quarter: Q3 });
    const gaps = tables(b.document).at(-1)!;
    expect(gaps.rows).toEqual([["1", `${long.slice(0, 80)}…`, "区商务局、区财政局", "未填进展"]]);
  });
});

describe("the file", () => {
  test("named for the quarter, the document handed to the .docx maker", async () => {
    const outcome = await runCheck(desk(), OCT_20, { quarter: Q3, mark: false });
    const b = bulletinOf(outcome, OCT_20);
    expect(b.document).toEqual(bulletinDocument(b.summary, b.office));
    const handed: unknown[] = [];
    const files: DocumentFiles = { bytes: async (doc) => (handed.push(doc), new Uint8Array([1, 2, 3])), zip: async () => new Uint8Array() };
    expect(await bulletinFile(files, b)).toEqual({ name: "2026Q3通报.docx", bytes: new Uint8Array([1, 2, 3]) });
    expect(handed).toEqual([b.document]);
  });
});

describe("a quarter long past", () => {
  const opening = async (today: Date, quarter: { year: number; q: 1 | 2 | 3 | 4 } = Q3, port = desk()) => texts((await makeBulletin(port, today, { quarter })).document.blocks)[2]!;
  test("made after the next quarter's reports were due: the figures 截至 the quarter's due date, with the day it was made", async () => {
    // Q4's reports are due on 2027-01-10: on that day the third quarter is still the one just past.
    expect(await opening(new Date(2027, 0, 10))).toMatch(/^截至2027年1月10日，7项任务中/);
    expect(await opening(new Date(2027, 0, 11))).toMatch(/^截至2026年10月10日（本通报生成于2027年1月11日），7项任务中/);
    // A year on, signed on the day it was made.
    const b = await makeBulletin(desk(), new Date(2027, 11, 3), { quarter: Q3 });
    expect(texts(b.document.blocks)[2]).toMatch(/^截至2026年10月10日（本通报生成于2027年12月3日），/);
    expect(b.document.signature!.date).toBe("2027年12月3日");
  });

  test("the fourth quarter: long past once the next year's first quarter was due (April 10)", async () => {
    const q4 = { year: 2026, q: 4 as const };
    const { rows, directory } = districtLedger(20);
    const port = () => portOf({ 台账: rows, 部门目录: directory });
    expect(await opening(new Date(2027, 3, 10), q4, port())).toMatch(/^截至2027年4月10日，/);
    expect(await opening(new Date(2027, 3, 11), q4, port())).toMatch(/^截至2027年1月10日（本通报生成于2027年4月11日），/);
  });
});

describe("a district's ledger (236 tasks, 59 to report or improve)", () => {
  const district = () => {
    const d = districtLedger();
    return portOf({ 台账: d.rows, 部门目录: d.directory });
  };

  test("the body names who has not reported and what is asked; the ranking of every unit and every task are its annexes", async () => {
    const b = await makeBulletin(district(), OCT_20, { quarter: Q3 });
    const d = b.document;
    expect(tablesOf(d.blocks)).toEqual([]);
    const body = texts(d.blocks);
    expect(body[2]).toMatch(/^截至2026年10月20日，236项任务中已报送进展205项，报送率86\.9%，未报送31项。/);
    // At most 15 units named, then how many in all.
    expect(body[4]).toMatch(/^11个牵头单位已报送全部任务进展；25个单位有任务未报送：区文化和旅游局（3项）、.*等25个单位。与二季度相比，报送率下降的有.*各牵头单位报送情况排名见附件1。$/);
    expect(body.find((x) => x.startsWith("本季度共有"))).toMatch(/^本季度共有59项任务需补报或完善进展，其中未报送进展31项、进展需完善28项.*具体任务见附件2。$/);
    const [ranking, gaps] = tables(d);
    // The 36 units of the directory: the slips 区文旅句 and 区住跟局 and the former 区文化局 counted under theirs.
    expect(ranking!.rows).toHaveLength(36);
    expect(gaps!.rows).toHaveLength(59);
    const named = [...ranking!.rows.map((r) => r[1]), ...gaps!.rows.map((r) => r[2])].join("、").split("、");
    for (const slip of ["区文旅句", "区住跟局", "区文化局"]) expect(named).not.toContain(slip);
    // Task 7 (written 区文旅句) and task 52 (the former 区文化局) under the unit's current name.
    expect(gaps!.rows.filter((r) => r[0] === "7" || r[0] === "52").map((r) => r[2])).toEqual(["区文化和旅游局", "区文化和旅游局"]);
  });
});

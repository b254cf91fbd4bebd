import * as fs from "fs";
import * as path from "path";
import { isPageFurniture, lineSpan, numberingFlags, parseNotice, tidyText, type NoticeItem } from "../src/core/notice";
import { annexCountsText, noticeFlagText } from "../src/app/messages";

/** An item's flags as the office reads them (in Chinese). */
const said = (i: NoticeItem) => i.flags.map((f) => noticeFlagText(f));
import { WEB_NOTICE } from "./helpers/notices";

const seed002 = fs.readFileSync(path.join(__dirname, "..", "seeds", "sources", "002_4e4f19e7498f2113.txt"), "utf8");

describe("the 2026 Jiang'an notice (seed 002)", () => {
  const items = parseNotice(seed002);
  test("143 numbered tasks and 41 livelihood projects", () => {
    expect(items).toHaveLength(184);
    expect(items.filter((i) => i.category[0]?.startsWith("四、"))).toHaveLength(41);
    expect(items.every((i) => i.annex === 1)).toBe(true);
  });
  test("numbering restarts for the 民生实事, so their labels carry the section", () => {
    expect(items[142]).toMatchObject({ no: 143, label: "143" });
    expect(items[143]).toMatchObject({ no: 1, label: "四-1" });
    expect(new Set(items.map((i) => i.label)).size).toBe(184);
  });
  test("section headings are the category path, without their counts", () => {
    expect(items[0]!.category).toEqual(["一、2026年经济社会发展主要预期目标"]);
    expect(items[6]!.category).toEqual(["二、2026年重点工作", "（一）凝心聚力打好产业转型突围战"]);
  });
  test("tasks and units, with lines broken by the page joined", () => {
    expect(items[0]).toMatchObject({ task: "地区生产总值增长6%左右。", lead: ["区发展和改革局"], flags: [] });
    const i118 = items.find((i) => i.no === 118)!;
    expect(i118.lead).toEqual(["区政府办（乡村振兴局）", "区发展和改革局", "区民宗局"]);
    const i138 = items.find((i) => i.no === 138)!;
    expect(i138.task).toMatch(/^始终将党的政治建设摆在首位.*的决定性意义.*切实筑牢保密安全防线。$/);
    expect(i138.lead).toEqual(["区人民政府各部门", "各街道办事处"]);
  });
  test("no item is flagged and none takes text from the notice's footer", () => {
    expect(items.filter((i) => i.flags.length)).toEqual([]);
    expect(items.some((i) => /抄送|印发|样表/.test(i.task))).toBe(false);
  });
});

describe("other notice formats", () => {
  test("inline 责任单位 and two-level city/district leads", () => {
    const items = parseNotice(
      [
        "一、产业发展",
        "12.推进数字经济发展，新增规上企业20家。(市级牵头单位:市经信局、市发改委;区级牵头单位:区经科局、区发改局)",
        "13.优化营商环境。（区级责任单位：区行政审批局）",
        "14.完成老旧小区改造30个。(责任单位:区住更局、各街道)",
      ].join("\n"),
    );
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ task: "推进数字经济发展，新增规上企业20家。", cityLead: ["市经信局", "市发改委"], lead: ["区经科局", "区发改局"] });
    expect(items[1]).toMatchObject({ task: "优化营商环境。", lead: ["区行政审批局"] });
    expect(items[2]!.lead).toEqual(["区住更局", "各街道"]);
  });
  test("odd unit parts are flagged, not guessed", () => {
    const items = parseNotice(
      ["1.任务甲。", "2.任务乙。(市级牵头单位:区财政局;区级牵头单位:区财政局)", "4.任务丙。", "责任单位：区商务局"].join("\n"),
    );
    expect(said(items[0]!)).toContain("未写责任单位");
    expect(said(items[1]!)).toContain("市级牵头单位中有区级单位“区财政局”");
    expect(items[1]!.flags).toContainEqual({ code: "district-unit-as-city", unit: "区财政局" });
    expect(said(items[2]!)).toContain("序号不连续：上一项为 2");
  });
  test("a city bureau's district branch is a district unit; a 配合单位 line gives co-units", () => {
    const items = parseNotice(
      [
        "1.改善空气质量。(市级牵头单位:市生态环境局;区级牵头单位:市生态环境局武昌分局、区发改局)",
        "2.加强社会治安。(区级牵头单位:市发改委)",
        "3.建设智慧停车场。",
        "牵头单位：区城管局",
        "配合单位：区公安分局、",
        "各街道",
      ].join("\n"),
    );
    expect(items[0]).toMatchObject({ lead: ["市生态环境局武昌分局", "区发改局"], cityLead: ["市生态环境局"], flags: [] });
    expect(said(items[1]!)).toEqual(["区级责任单位中有市级单位“市发改委”"]);
    expect(items[2]).toMatchObject({ lead: ["区城管局"], co: ["区公安分局", "各街道"], flags: [] });
  });

  test("an inline group whose unit has its own brackets", () => {
    expect(parseNotice("1.发展普惠金融。(责任单位:区政府办（金融）、区财政局)")[0]).toMatchObject({ task: "发展普惠金融。", lead: ["区政府办（金融）", "区财政局"], flags: [] });
  });

  test("“详见附件2” inside an item is text, not the start of annex 2", () => {
    const items = parseNotice(["附件1", "1.制订工作方案，格式详见附件2", "责任单位：区人民政府各部门", "2.按时报送完成情况。", "责任单位：区政府办"].join("\n"));
    expect(items.map((i) => [i.annex, i.no, i.task])).toEqual([
      [1, 1, "制订工作方案，格式详见附件2"],
      [1, 2, "按时报送完成情况。"],
    ]);
  });

  test("page furniture and PDF spacing", () => {
    expect(isPageFurniture("— 3 —")).toBe(true);
    expect(isPageFurniture("抄送：市人民政府办公厅。")).toBe(true);
    expect(isPageFurniture("武汉市江岸区人民政府办公室 2026年1月13日印发")).toBe(true);
    expect(isPageFurniture("1. 地区生产总值增长 6%左右。")).toBe(false);
    expect(tidyText("地区生产总值增长 6%左右。")).toBe("地区生产总值增长6%左右。");
  });
});


describe("a notice copied from another district's web page", () => {
  const items = parseNotice(WEB_NOTICE);
  const at = (annex: number, no: number) => items.find((i) => i.annex === annex && i.no === no)!;

  test("every item of every annex, none flagged", () => {
    expect(items.map((i) => `${i.annex}-${i.label}`)).toEqual(["1-1", "1-2", "2-1", "2-2", "2-3", "2-4", "2-5", "2-6", "3-1", "3-2", "3-3"]);
    expect(items.filter((i) => i.flags.length).map((i) => [i.annex, i.no, i.flags])).toEqual([]);
    expect(annexCountsText(items)).toBe("附件1 2 项（序号 1–2）；附件2 6 项（序号 1–6）；附件3 3 项（序号 1–3）");
  });

  test("a —— line is a sub-heading, not the end of the item above it", () => {
    expect(at(2, 2)).toMatchObject({ task: "实施重大项目300个以上，完成投资500亿元。", lead: ["区发改局", "区住更局"], cityLead: ["市发改委", "市住更局"] });
    expect(at(2, 1).category).toEqual(["一、着力扩大有效需求", "夯实投资硬支撑"]);
    expect(at(2, 3).category).toEqual(["一、着力扩大有效需求", "激发消费新活力"]);
    // A numbered heading ends the sub-heading.
    expect(at(2, 5).category).toEqual(["二、持续优化营商环境"]);
  });

  test("an item of two clauses, each with its own group: the union of their units, the clauses without the groups", () => {
    expect(at(2, 4)).toMatchObject({
      task: "推进老旧小区改造，完成改造小区50个。完善社区嵌入式服务设施20处。",
      lead: ["区住更局", "区民政局", "各街道"],
      cityLead: ["市住更局", "市民政局"],
    });
  });

  test("an annex heading glued to the last item's line ends the annex after that item", () => {
    expect(at(2, 6)).toMatchObject({ task: "整治背街小巷50条。", lead: ["区城管局"], cityLead: ["市城管执法委"] });
    expect(at(2, 5)).toMatchObject({ task: "深化“高效办成一件事”改革。", lead: ["区行政审批局"] });
    expect(at(3, 1).category).toEqual(["（一）做强产业"]);
  });

  test("the site's footer is no part of the last item", () => {
    expect(at(3, 3)).toMatchObject({ task: "新建口袋公园5个。", lead: ["区园林局"], cityLead: [], co: [], flags: [] });
    expect(at(3, 3).lastLine).toBe(30);
  });
});

describe("a notice printed to PDF: unit lines, —— sub-headings and the last page", () => {
  const pdf = [
    "一、着力扩大有效需求（共 3 项）",
    "——夯实投资硬支撑",
    "1. 全年固定资产投资增长 6%左右。",
    "责任单位：区发展和改革局、区住房和城市",
    "更新局",
    "——激发消费新活力",
    "2. 举办促消费活动 100 场以上。",
    "责任单位：区商务局",
    "— 2 —",
    "3. 新增限额以上商贸企业 50 家。",
    "责任单位：区商务局",
    "抄送：区委办公室。",
    "区人大办公室，区政协办公室。",
    "某区人民政府办公室 2026年1月13日印发",
  ].join("\n");
  const items = parseNotice(pdf);

  test("units on their lines stay whole; the sub-heading after them starts a category", () => {
    expect(items.map((i) => i.lead)).toEqual([["区发展和改革局", "区住房和城市更新局"], ["区商务局"], ["区商务局"]]);
    expect(items.map((i) => i.category)).toEqual([
      ["一、着力扩大有效需求", "夯实投资硬支撑"],
      ["一、着力扩大有效需求", "激发消费新活力"],
      ["一、着力扩大有效需求", "激发消费新活力"],
    ]);
    expect(items.flatMap((i) => i.flags)).toEqual([]);
  });

  test("the lines after 抄送 are not the last item's units", () => {
    expect(items[2]).toMatchObject({ lead: ["区商务局"], lastLine: 11 });
  });
});

describe("numbering is checked per annex, so that a lost item is never silent", () => {
  test("a gap, a repeat, a restart with no heading, and a stated count that does not match", () => {
    const items = parseNotice(
      [
        "附件1",
        "一、产业发展（共 5 项）",
        "1.任务甲。(责任单位:区发改局)",
        "2.任务乙。(责任单位:区发改局)",
        "2.任务丙。(责任单位:区商务局)",
        "4.任务丁。(责任单位:区商务局)",
        "1.任务戊。(责任单位:区财政局)",
        "附件2",
        "1.任务己。(责任单位:区教育局)",
        "2.任务庚。(责任单位:区教育局)",
      ].join("\n"),
    );
    expect(items.map((i) => [i.annex, i.no, said(i)])).toEqual([
      [1, 1, []],
      [1, 2, []],
      [1, 2, ["序号重复：上一项也是 2"]],
      [1, 4, ["序号不连续：上一项为 2"]],
      [1, 1, ["序号重新从 1 开始，但前面没有新的标题或附件：请核对是否漏了“附件”或标题一行"]],
      [2, 1, []],
      [2, 2, []],
    ]);
    expect(annexCountsText(items)).toBe("附件1 5 项（序号 1–2、2、4、一-1）；附件2 2 项（序号 1–2）");
  });

  test("a section that states more items than were read says so at its last item", () => {
    const items = parseNotice(["一、产业发展（共 3 项）", "1.任务甲。", "责任单位：区发改局", "2.任务乙。", "责任单位：区发改局", "二、城市建设", "3.任务丙。", "责任单位：区城管局"].join("\n"));
    expect(items[1]!.flags).toEqual([{ code: "count-differs", heading: "一、产业发展", stated: 3, found: 2 }]);
    expect(said(items[1]!)).toEqual(["“一、产业发展”写明共 3 项，识别到 2 项：请核对是否有任务漏读或并入了别的任务"]);
    expect(items[2]!.flags).toEqual([]);
  });

  test("a number far ahead inside an item's text stays text, and is flagged", () => {
    const items = parseNotice(["1.推进重点项目建设，全年完成", "20.5亿元投资，新开工项目", "30、续建项目40个。", "责任单位：区发改局", "12.任务乙。", "责任单位：区商务局"].join("\n"));
    expect(items[0]!.task).toBe("推进重点项目建设，全年完成20.5亿元投资，新开工项目30、续建项目40个。");
    expect(said(items[0]!)).toEqual(["第 3 行以“30、”开头，但上一项是 1，相差太大，已当作本项的续行：如是另一项任务，请核对序号"]);
    // After an item's units, a numbered line is the next item, however far its number jumps.
    expect(items[1]).toMatchObject({ no: 12, lead: ["区商务局"], flags: [{ code: "number-gap", previous: 1 }] });
  });
});

describe("an item whose text starts with a figure keeps its number and its text", () => {
  const units = "（责任单位：区园林局）";
  test("167.100名园艺师…: item 167, the text from 100名, and no gap before 168", () => {
    const items = parseNotice(["一、城市建设", `166.新建口袋公园5个。${units}`, `167.100名园艺师挂牌服务100个社区绿色驿站。${units}`, `168.完成道路绿化提升。${units}`].join("\n"));
    expect(items.map((i) => [i.no, i.task])).toEqual([
      [166, "新建口袋公园5个。"],
      [167, "100名园艺师挂牌服务100个社区绿色驿站。"],
      [168, "完成道路绿化提升。"],
    ]);
    expect(items.slice(1).flatMap((i) => i.flags)).toEqual([]);
  });
  test("after a unit line, with a full-width stop, with 、, and a decimal figure (1.5亿元)", () => {
    const items = parseNotice(["1.任务甲。", "责任单位：区发改局", "2．3.5万户老旧小区完成改造。", "责任单位：区住更局", "3、2026年底前建成养老服务中心。", "责任单位：区民政局", `4.1.5亿元用于背街小巷改造。${units}`].join("\n"));
    expect(items.map((i) => [i.no, i.task, i.flags])).toEqual([
      [1, "任务甲。", []],
      [2, "3.5万户老旧小区完成改造。", []],
      [3, "2026年底前建成养老服务中心。", []],
      [4, "1.5亿元用于背街小巷改造。", []],
    ]);
  });
  test("a line broken before a figure inside a sentence stays the item's text (增长 / 6.5%左右)", () => {
    const items = parseNotice(["1.开展环境综合整治，涉及4条铁路沿线和", "2.13公里河流。", "责任单位：区水务局", "2.地区生产总值增长", "6.5%左右。（责任单位：区发改局）", "3.完成投资", "- 2 -", "4.2亿元。（责任单位：区发改局）"].join("\n"));
    expect(items.map((i) => [i.no, i.task, i.flags])).toEqual([
      [1, "开展环境综合整治，涉及4条铁路沿线和2.13公里河流。", []],
      [2, "地区生产总值增长6.5%左右。", []],
      [3, "完成投资4.2亿元。", []],
    ]);
  });
  test("a figure that is not the next number after a sentence is text (seed 001: 8 打通汉江大道 … / 73.72亩)", () => {
    const items = parseNotice(["8.打通汉江大道。", "桥梁主线工程共置换部队土地。", "73.72亩，拆除房屋28栋。", "责任单位：区建设局"].join("\n"));
    expect(items).toHaveLength(1);
    expect(items[0]!.task).toBe("打通汉江大道。桥梁主线工程共置换部队土地。73.72亩，拆除房屋28栋。");
  });
  test("the 2020 work report's glossary (seed 003): 26.1+1+X 社区社会工作室 is item 26, and 27 follows without a gap", () => {
    const items = parseNotice(fs.readFileSync(path.join(__dirname, "..", "seeds", "sources", "003_6b9a54e59005c11a.txt"), "utf8"));
    const i26 = items.find((i) => i.no === 26);
    expect(i26?.task).toMatch(/^1\+1\+X社区社会工作室：每个社区社会工作室配备1名专业社区工作者/);
    expect(items.find((i) => i.no === 27)!.flags.map((f) => f.code)).not.toContain("number-gap");
  });
});

describe("numberingFlags: what an item's number says after the number before it", () => {
  test("the 2026 Jiang'an notice (seed 002), 1 to 143 and then 1 again under 四、民生实事, says nothing", () => {
    const items = parseNotice(seed002);
    const flags = items.map((item, i) => {
      const before = items[i - 1];
      const afterHeading = !before || before.annex !== item.annex || before.category.join("/") !== item.category.join("/");
      return numberingFlags(item.no, before && before.annex === item.annex ? before.no : 0, afterHeading);
    });
    expect(flags.flat()).toEqual([]);
    // The restart it holds: 1 after 143, under the new heading; without one, a person is asked to look.
    expect(items.slice(142, 144).map((i) => i.no)).toEqual([143, 1]);
    expect(numberingFlags(1, 143, true)).toEqual([]);
    expect(numberingFlags(1, 143, false)).toEqual([{ code: "restart-without-heading" }]);
  });

  test("a repeat, a gap (a heading between does not excuse it), a first item that is not 1", () => {
    expect(numberingFlags(2, 1, false)).toEqual([]);
    expect(numberingFlags(2, 2, false)).toEqual([{ code: "number-repeated", previous: 2 }]);
    expect(numberingFlags(4, 2, false)).toEqual([{ code: "number-gap", previous: 2 }]);
    expect(numberingFlags(12, 1, true)).toEqual([{ code: "number-gap", previous: 1 }]);
    expect(numberingFlags(1, 0, false)).toEqual([]);
    expect(numberingFlags(3, 0, true)).toEqual([{ code: "number-starts-at", no: 3 }]);
  });

  test("a notice copied from a web page, each of its three annexes numbered from 1, says nothing", () => {
    const items = parseNotice(WEB_NOTICE);
    const flags = items.map((item, i) => {
      const sameAnnex = items[i - 1]?.annex === item.annex;
      return numberingFlags(item.no, sameAnnex ? items[i - 1]!.no : 0, !sameAnnex);
    });
    expect(new Set(items.map((i) => i.annex)).size).toBe(3);
    expect(flags.flat()).toEqual([]);
  });
});

test("lineSpan: the offsets of an item's lines, whatever the line ends", () => {
  const text = "附件1\r\n1.任务甲。\r\n责任单位：区发改局\n2.任务乙。";
  const { start, end } = lineSpan(text, 2, 3);
  expect(text.slice(start, end)).toBe("1.任务甲。\r\n责任单位：区发改局");
  expect(text.slice(lineSpan(text, 4).start, lineSpan(text, 4).end)).toBe("2.任务乙。");
  expect(lineSpan(text, 1)).toEqual({ start: 0, end: 3 });
});

import * as fs from "fs";
import * as path from "path";
import { isPageFurniture, parseNotice, tidyText } from "../src/core/notice";

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
    expect(items[0]!.flags).toContain("未写责任单位");
    expect(items[1]!.flags).toContain("市级牵头单位中有区级单位“区财政局”");
    expect(items[2]!.flags).toContain("序号不连续：上一项为 2");
  });
  test("page furniture and PDF spacing", () => {
    expect(isPageFurniture("— 3 —")).toBe(true);
    expect(isPageFurniture("抄送：市人民政府办公厅。")).toBe(true);
    expect(isPageFurniture("武汉市江岸区人民政府办公室 2026年1月13日印发")).toBe(true);
    expect(isPageFurniture("1. 地区生产总值增长 6%左右。")).toBe(false);
    expect(tidyText("地区生产总值增长 6%左右。")).toBe("地区生产总值增长6%左右。");
  });
});

import { isCollective, parseUnitCell, splitUnits } from "../src/core";
import { isCityUnit } from "../src/core/units";

const names = (text: string) => splitUnits(text).map((u) => u.name);

describe("splitting a unit cell", () => {
  test("splits on 、，,；;/ line breaks and runs of spaces", () => {
    expect(names("区发展和改革局、区商务局")).toEqual(["区发展和改革局", "区商务局"]);
    expect(names("建设局\n房管局\n城管委")).toEqual(["建设局", "房管局", "城管委"]);
    expect(names("财政局，税务局;统计局／民政局")).toEqual(["财政局", "税务局", "统计局", "民政局"]);
    expect(names("建设局            城管委  环保局")).toEqual(["建设局", "城管委", "环保局"]);
  });

  test("keeps brackets as part of a name, even with separators inside", () => {
    expect(names("区政府办（金融）、区投资促进中心")).toEqual(["区政府办（金融）", "区投资促进中心"]);
    expect(names("区委宣传部〈区文明办〉、区文化和旅游局")).toEqual(["区委宣传部〈区文明办〉", "区文化和旅游局"]);
    expect(names("区委办公室（区委外办、区台办）")).toEqual(["区委办公室（区委外办、区台办）"]);
    // 及 inside the brackets belongs to the name; a stray or crossed bracket holds nothing together.
    expect(names("区住房和城乡建设局（区人防办及区民防办）、区财政局")).toEqual(["区住房和城乡建设局（区人防办及区民防办）", "区财政局"]);
    expect(names("区发改局（、区财政局")).toEqual(["区发改局（", "区财政局"]);
    expect(names("区发改局（筹】、区财政局")).toEqual(["区发改局（筹】", "区财政局"]);
    expect(names("区发改局、（、区财政局。")).toEqual(["区发改局", "区财政局"]);
  });

  test("mends names a PDF broke across lines (seed 002, items 118 and 132)", () => {
    expect(names("区政府办（乡村振兴局）、区发展和改革局、区\n民宗局")).toEqual(["区政府办（乡村振兴局）", "区发展和改革局", "区民宗局"]);
    expect(names("区城市运行管理中心、区经济信息化和科技创新\n局、区城市管理执法局")).toEqual([
      "区城市运行管理中心",
      "区经济信息化和科技创新局",
      "区城市管理执法局",
    ]);
  });

  test("区司法局及区人民政府其他部门 names the bureau and a collective unit", () => {
    const units = splitUnits("区司法局及区人民政府其他部门，各街道办事处");
    expect(units).toEqual([
      { name: "区司法局", collective: false },
      { name: "区人民政府其他部门", collective: true },
      { name: "各街道办事处", collective: true },
    ]);
  });
});

describe("labelled cells", () => {
  test("市级 and 区级 lead units, full- and half-width punctuation", () => {
    const p = parseUnitCell("市级牵头单位:市发改委、市商务局;区级牵头单位:区发改局、区商务局");
    expect(p.city.map((u) => u.name)).toEqual(["市发改委", "市商务局"]);
    expect(p.units.map((u) => u.name)).toEqual(["区发改局", "区商务局"]);
    const q = parseUnitCell("（市级牵头单位：市住更局；区级牵头单位：区住更局、区城管执法局）");
    expect(q.city.map((u) => u.name)).toEqual(["市住更局"]);
    expect(q.units.map((u) => u.name)).toEqual(["区住更局", "区城管执法局"]);
  });

  test("区级责任单位: and 责任单位： labels, and co-units after 配合单位", () => {
    expect(parseUnitCell("区级责任单位:区教育局").units.map((u) => u.name)).toEqual(["区教育局"]);
    expect(parseUnitCell("责任单位：区民政局、区残联").units.map((u) => u.name)).toEqual(["区民政局", "区残联"]);
    const p = parseUnitCell("牵头单位：区卫生健康局；配合单位：各街道、区民政局");
    expect(p.units.map((u) => u.name)).toEqual(["区卫生健康局"]);
    expect(p.co.map((u) => u.name)).toEqual(["各街道", "区民政局"]);
  });

  test("a cell with only city units has no district unit", () => {
    const p = parseUnitCell("市级牵头单位：市发改委");
    expect(p.units).toEqual([]);
    expect(p.city).toHaveLength(1);
  });
});

describe("what a unit cell means besides names", () => {
  test("role notes are taken off the name; a unit noted （配合） is a co-unit of the task", () => {
    const p = parseUnitCell("区住更局（牵头）、区财政局（配合）、区民政局(负责)、区卫健局【主责】");
    expect(p.units.map((u) => u.name)).toEqual(["区住更局", "区民政局", "区卫健局"]);
    expect(p.co.map((u) => u.name)).toEqual(["区财政局"]);
    // Brackets that are no role note stay with the name.
    expect(names("区政府办（金融）、区委宣传部（区文明办）")).toEqual(["区政府办（金融）", "区委宣传部（区文明办）"]);
  });

  test("a single full-width space separates two names, as runs of spaces do; a single half-width one does not", () => {
    expect(names("区城管执法局　区资建局")).toEqual(["区城管执法局", "区资建局"]);
    expect(names("区发改局 区财政局")).toEqual(["区发改局区财政局"]);
    expect(names("区经济信息化和科技创新　局")).toEqual(["区经济信息化和科技创新局"]);
  });

  test("a column label standing where units should be names no unit", () => {
    expect(names("牵头单位")).toEqual([]);
    expect(names("责任单位、区财政局")).toEqual(["区财政局"]);
  });

  test("city units, and city bureaus' district offices, which are district units", () => {
    for (const city of ["市发改委", "市住更局", "武汉市发展和改革委员会", "市民政局", "市政府办公厅"]) expect([city, isCityUnit(city)]).toEqual([city, true]);
    for (const district of ["市场监管局", "区发改局", "市生态环境局武昌分局", "市公安局江岸分局", "市自然资源和规划局某某分局", "武汉市江汉区发展和改革局"]) {
      expect([district, isCityUnit(district)]).toEqual([district, false]);
    }
  });

  test("replacing a unit keeps its role note", () => {
    const { replaceUnit } = jest.requireActual("../src/core/units") as typeof import("../src/core/units");
    expect(replaceUnit("区住更局（牵头）、区财政局（配合）", "区住更局", "区住房和城市更新局")).toBe("区住房和城市更新局（牵头）、区财政局（配合）");
  });
});

describe("collective units", () => {
  test.each(["属地街道", "相关街道", "辖区街道", "所在街道", "各成员单位", "区直各部门", "属地"])("%s is collective", (name) => expect(isCollective(name)).toBe(true));
  test.each(["各街道", "各相关街道", "各部门", "各相关部门", "各有关单位", "区人民政府各部门", "区政府各部门", "各街道办事处", "区人民政府其他部门", "各相关单位"])(
    "%s is collective",
    (name) => expect(isCollective(name)).toBe(true),
  );
  test.each(["区发展和改革局", "北湖街道办事处", "区政府办（金融）", "团区委", "各"])("%s is not collective", (name) =>
    expect(isCollective(name)).toBe(false),
  );
});

describe("replacing one unit in a cell", () => {
  const { replaceUnit } = jest.requireActual("../src/core/units") as typeof import("../src/core/units");
  test("keeps the other units and the separators", () => {
    expect(replaceUnit("区发该局、区财政局", "区发该局", "区发展和改革局")).toBe("区发展和改革局、区财政局");
    expect(replaceUnit("建设局\n城管委\n各街道", "城管委", "区城市管理执法局")).toBe("建设局\n区城市管理执法局\n各街道");
    expect(replaceUnit("市级牵头单位:市发改委;区级牵头单位:区发改局", "区发改局", "区发展和改革局")).toBe("市级牵头单位:市发改委;区级牵头单位:区发展和改革局");
  });
  test("replaces whole units only", () => {
    expect(replaceUnit("区政府办（金融）、区政府办", "区政府办", "区人民政府办公室")).toBe("区政府办（金融）、区人民政府办公室");
    expect(replaceUnit("区财政局", "财政局", "X")).toBe("区财政局");
    expect(replaceUnit("区财政局", "区财政局", "$&$1")).toBe("$&$1");
  });
});

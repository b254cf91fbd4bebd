import { Directory, normalizeUnitName, readDirectory } from "../src/core";
import type { DirectoryEntry } from "../src/core";
import { grid } from "./helpers/grid";
import { problemText } from "../src/app";

function entry(name: string, aliases: string[] = [], formerNames: string[] = [], status: "active" | "abolished" = "active"): DirectoryEntry {
  return { name, aliases, formerNames, category: "部门", status, row: 0 };
}

// A directory shaped like the 2026 Jiang'an units.
const dir = new Directory([
  entry("区发展和改革局", ["区发改局"], ["区发改委"]),
  entry("区经济信息化和科技创新局", [], ["区科技局", "区经信局"]),
  entry("区住房和城市更新局"),
  entry("区自然资源和城乡建设局"),
  entry("区财政局"),
  entry("区商务局"),
  entry("区市场监督管理局", ["区市场监管局"], ["区食品药品监督管理局"]),
  entry("区食品药品监督管理局", ["区食药监局"], [], "abolished"),
  entry("区政府办（金融）"),
  entry("区委宣传部〈区文明办〉"),
  entry("北湖街道办事处"),
  entry("区城市管理执法局", [], ["区城管委"]),
]);

describe("normalised names", () => {
  test("width, spaces, brackets, place names, 区 prefix, 街道办事处", () => {
    expect(normalizeUnitName("武汉市江汉区发展和改革局")).toBe(normalizeUnitName("区发展和改革局"));
    expect(normalizeUnitName("江岸区 财政局")).toBe("财政局");
    expect(normalizeUnitName("区政府办(金融)")).toBe(normalizeUnitName("区政府办（金融）"));
    expect(normalizeUnitName("北湖街")).toBe(normalizeUnitName("北湖街道办事处"));
    expect(normalizeUnitName("ＡＢＣ局")).toBe("ABC局");
  });
});

describe("matching in order", () => {
  test("canonical, alias, normalised", () => {
    expect(dir.match("区财政局").kind).toBe("exact");
    expect(dir.match("区发改局")).toMatchObject({ kind: "alias", entry: { name: "区发展和改革局" } });
    expect(dir.match("江汉区财政局")).toMatchObject({ kind: "normalized", entry: { name: "区财政局" } });
    expect(dir.match("区政府办(金融)").kind).toBe("normalized");
    expect(dir.match("北湖街").kind).toBe("normalized");
    expect(dir.match("住房和城市更新局").kind).toBe("normalized");
  });

  test("a former name is renamed, with the current unit", () => {
    expect(dir.match("区城管委")).toMatchObject({ kind: "renamed", entry: { name: "区城市管理执法局" } });
    expect(dir.match("城管委")).toMatchObject({ kind: "renamed", entry: { name: "区城市管理执法局" } });
    expect(dir.match("区经信局")).toMatchObject({ kind: "renamed", entry: { name: "区经济信息化和科技创新局" } });
  });

  test("an abolished unit names the unit that took it over", () => {
    const m = dir.match("区食药监局");
    expect(m.kind).toBe("abolished");
    expect(m.kind === "abolished" && m.successor?.name).toBe("区市场监督管理局");
  });

  test("collective units are never unknown", () => {
    expect(dir.match("各街道").kind).toBe("collective");
    expect(dir.match("区人民政府各部门").kind).toBe("collective");
  });
});

describe("suggestions for unknown units", () => {
  const first = (name: string) => {
    const m = dir.match(name);
    expect(m.kind).toBe("unknown");
    return m.kind === "unknown" ? m.suggestions.map((e) => e.name) : [];
  };
  test("abbreviations rank the right unit first", () => {
    expect(dir.match("发改局")).toMatchObject({ kind: "normalized", entry: { name: "区发展和改革局" } }); // via its alias
    expect(first("发展改革局")[0]).toBe("区发展和改革局");
    expect(first("区经科局")[0]).toBe("区经济信息化和科技创新局");
    expect(first("经科局")[0]).toBe("区经济信息化和科技创新局");
    expect(first("区住更局")[0]).toBe("区住房和城市更新局");
    expect(first("区资建局")[0]).toBe("区自然资源和城乡建设局");
  });
  test("a typo ranks the right unit first", () => {
    expect(first("区发该局")[0]).toBe("区发展和改革局");
    expect(first("区财正局")[0]).toBe("区财政局");
  });
  test("at most three suggestions, none for nonsense", () => {
    expect(first("区局").length).toBeLessThanOrEqual(3);
    expect(first("张三李四")).toEqual([]);
  });
});

describe("reading a directory sheet", () => {
  test("单位名称, 简称 as aliases (several with 、), 曾用名, 类别, 状态", () => {
    const d = readDirectory(
      grid([
        ["部门目录"],
        ["单位名称", "简称", "曾用名", "类别", "状态"],
        ["区发展和改革局", "发改局、区发改局", "发改委", "部门", "有效"],
        ["区食品药品监督管理局", "食药监局", "", "部门", "撤销"],
        [null, null, null, null, null],
        ["北湖街道办事处", "北湖街", "", "街道", ""],
      ]),
    );
    expect(d.size).toBe(3);
    expect(d.entries[0]).toMatchObject({ name: "区发展和改革局", aliases: ["发改局", "区发改局"], formerNames: ["发改委"], row: 3 });
    expect(d.entries[1]!.status).toBe("abolished");
  });

  test("aliases and former names separated by spaces (ASCII, full-width, several) are separate names, and each finds its unit", () => {
    const d = readDirectory(
      grid([
        ["单位名称", "别名", "曾用名"],
        ["区文化和旅游局", "区文旅局 文旅局", "区文化局\u3000区旅游局"],
        ["区政府办（金融）", "区金融办  区政府办 （金融）", ""],
        ["区住房和城市更新局", " 区住更局\u3000\u3000住更局 、区房管局 ", ""],
      ]),
    );
    expect(d.entries.map((e) => [e.name, e.aliases, e.formerNames])).toEqual([
      ["区文化和旅游局", ["区文旅局", "文旅局"], ["区文化局", "区旅游局"]],
      // A bracket after a space is the rest of the name before it: no unit's name starts with a bracket.
      ["区政府办（金融）", ["区金融办", "区政府办（金融）"], []],
      ["区住房和城市更新局", ["区住更局", "住更局", "区房管局"], []],
    ]);
    expect(d.entries.flatMap((e) => [...e.aliases, ...e.formerNames]).filter((n) => /\s/.test(n))).toEqual([]);
    expect(d.match("文旅局")).toMatchObject({ kind: "alias", entry: { name: "区文化和旅游局" } });
    expect(d.match("区文旅局")).toMatchObject({ kind: "alias", entry: { name: "区文化和旅游局" } });
    expect(d.match("区旅游局")).toMatchObject({ kind: "renamed", entry: { name: "区文化和旅游局" } });
    expect(d.match("住更局")).toMatchObject({ kind: "alias", entry: { name: "区住房和城市更新局" } });
    expect(d.problems).toEqual([]);
  });

  test("a sheet without 单位名称 is refused with a message saying what is expected", () => {
    let error: unknown;
    try {
      readDirectory(grid([["名字", "备注"], ["区财政局", ""]]), "目录.xlsx");
    } catch (e) {
      error = e;
    }
    expect(problemText(error)).toMatch(/目录.xlsx.*没有“单位名称”列/);
  });
});

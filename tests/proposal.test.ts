import { proposeDirectory, readLedger } from "../src/core";
import { grid } from "./helpers/grid";

test("spellings of one unit are grouped under the fullest, collective units left out", () => {
  const ledger = readLedger(
    grid([
      ["序号", "目标任务", "牵头单位", "配合单位", "进展情况"],
      [1, "任务一", "区发改局", "各街道", ""],
      [2, "任务二", "发展和改革局", "区财政局、各相关部门", ""],
      [3, "任务三", "江汉区发展和改革局", "财政局", ""],
      [4, "任务四", "区发展和改革局、区经科局", "", ""],
      [5, "任务五", "区经济信息化和科技创新局", "北湖街", ""],
      [6, "任务六", "北湖街道办事处", "区政府办（金融）", ""],
    ]),
  );
  const units = proposeDirectory(ledger);
  const byName = new Map(units.map((u) => [u.name, u]));
  expect(units.map((u) => u.name).sort()).toEqual(["区政府办（金融）", "区经济信息化和科技创新局", "区财政局", "北湖街道办事处", "区发展和改革局"].sort());
  expect(byName.get("区发展和改革局")).toMatchObject({ count: 4, category: "部门" });
  expect([...byName.get("区发展和改革局")!.aliases].sort()).toEqual(["江汉区发展和改革局", "区发改局", "发展和改革局"].sort());
  expect(byName.get("区经济信息化和科技创新局")!.aliases).toEqual(["区经科局"]);
  expect(byName.get("北湖街道办事处")).toMatchObject({ aliases: ["北湖街"], category: "街道", cells: ["D6", "C7"] });
  expect(byName.get("区财政局")!.aliases).toEqual(["财政局"]);
});

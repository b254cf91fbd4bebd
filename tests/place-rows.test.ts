// Where a laid-out table's rows land, as the Office and WPS hosts write it in one block: the header
// first and again before each row the layout repeats it at, values as cells take them.
import { placeRows, type SheetLayout } from "../src/core/layout";

const layout: SheetLayout = {
  name: "2026年第三季度填报表",
  title: "区住更局 2026年第三季度进展填报",
  columns: [{ header: "序号", width: 6 }, { header: "目标任务", width: 40 }, { header: "完成时限", width: 12 }],
  rows: [[1, "完成改造30个。", new Date(Date.UTC(2026, 11, 31))], [2, "新建口袋公园3个。", null], [3, "公式出错", { error: "#REF!" }]],
  repeatHeaderBefore: [2],
};

test("the header, the rows, the header again before the third row; each row's sheet row counted from the host's first", () => {
  const placed = placeRows(layout, 2);
  expect(placed.rows).toEqual([
    ["序号", "目标任务", "完成时限"],
    [1, "完成改造30个。", "2026-12-31"],
    [2, "新建口袋公园3个。", ""],
    ["序号", "目标任务", "完成时限"],
    [3, "公式出错", "#REF!"],
  ]);
  expect(placed.headerRows).toEqual([2, 5]);
  expect(placed.firstRowOf).toEqual([3, 4, 6]);
  expect(placeRows({ ...layout, repeatHeaderBefore: undefined }, 0).headerRows).toEqual([0]);
});

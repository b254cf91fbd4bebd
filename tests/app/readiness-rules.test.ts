// 提交前检查 over the plain-data port, on forms written out cell by cell: a task still to complete is
// listed with its 序号 (none when the form's row has none), its row and progress cell, and 检查's kinds.
import { returnReadiness } from "../../src/app";
import { RETURN_MARKER_SHEET, RETURN_SHEET } from "../../src/core/returns";
import { portOf } from "./seeds";

const Q3 = { year: 2026, q: 3 as const };
const form = (rows: (string | number)[][]) =>
  portOf({
    [RETURN_SHEET]: [["2026年区政府工作报告任务进展填报表（区园林局）"], ["序号", "目标任务", "本单位", "三季度进展"], ...rows],
    [RETURN_MARKER_SHEET]: [["单位", "季度"], ["区园林局", "2026Q3"]],
  });

test("a task still to complete whose row has no 序号 is listed with none", async () => {
  const port = form([
    [1, "新建口袋公园3个。", "牵头", "已建成口袋公园3个。"],
    ["", "改造老旧小区5个。", "配合", ""],
  ]);
  expect(await returnReadiness(port, Q3)).toEqual({ unit: "区园林局", tasks: 2, items: [{ no: "", row: 4, cell: "D4", kinds: ["missing-progress"] }] });
  expect(port.applied).toEqual([]);
});

// 加入目录 where the 部门目录 lacks a 别名 column, has a 状态 column, or is not there at all.
import { addToDirectory, problemText } from "../src/app";
import { bookOf, DESK_LEDGER } from "./helpers/desk";

const cell = (host: ReturnType<typeof bookOf>, a: string) => host.workbook.getWorksheet("部门目录")!.getCell(a).value;

test("a directory without a 别名 column gets one after its last column; a 状态 column says 有效 for a new unit", async () => {
  const host = bookOf(DESK_LEDGER, [
    ["单位名称", "类别", "状态"],
    ["区卫生健康局", "部门", "有效"],
    ["区财政局", "部门", "有效"],
  ]);
  expect((await addToDirectory(host, "区卫键局", { as: "alias", of: "区卫生健康局" })).cells).toEqual(["部门目录!D1", "部门目录!D2"]);
  expect([cell(host, "D1"), cell(host, "D2")]).toEqual(["别名", "区卫键局"]);
  await addToDirectory(host, "区商务局", { as: "unit" });
  expect([cell(host, "A4"), cell(host, "C4")]).toEqual(["区商务局", "有效"]);
  // An alias of a unit the directory does not list is refused.
  expect(await addToDirectory(host, "区发改局", { as: "alias", of: "区发展和改革局" }).catch(problemText)).toBe("部门目录中没有有效的单位“区发展和改革局”：无法把别名加到它名下，请重新检查。");
});

test("a workbook without a 部门目录 says to create one first", async () => {
  expect(await addToDirectory(bookOf(DESK_LEDGER), "区卫键局", { as: "unit" }).catch(problemText)).toBe("本工作簿没有“部门目录”工作表：请先在“目录”页创建目录，再加入单位。");
});

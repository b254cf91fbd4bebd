// 标记本单位问题: a unit's staff mark what 填报 lists on their tasks, and only that; the office's marks
// on other cells stay, and 清除标记 puts every cell back as it was.
import { createApp, fillView, type FillCheck } from "../src/app";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";

const TODAY = new Date(2026, 10, 22);
const Q3 = { year: 2026, q: 3 } as const;

/** The fills of the ledger's cells (ExcelJS's argb, or none), by address. */
function fills(host: ReturnType<typeof bookOf>): Map<string, string> {
  const out = new Map<string, string>();
  host.workbook.getWorksheet("台账")!.eachRow((row) =>
    row.eachCell((cell) => {
      const fill = cell.style?.fill as { fgColor?: { argb?: string } } | undefined;
      if (fill?.fgColor?.argb) out.set(cell.address, fill.fgColor.argb);
    }),
  );
  return out;
}

test("the unit's cells are marked, with the notes 检查 writes, and nothing else", async () => {
  const host = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  const app = createApp({ port: host, today: () => TODAY });
  const check: FillCheck = await app.fillCheck({ quarter: Q3 });
  const view = fillView(check, "区发改局", "zh");
  const cells = [...new Set(view.tasks.flatMap((t) => t.findings.map((f) => f.cell)))].sort();
  // 区发改局 leads 固定资产投资 (G4, empty) and helps with two others.
  expect(cells).toContain("G4");
  const before = fills(host);
  expect(await app.markUnitFindings(check, "区发改局")).toEqual({ cells: cells.length, inWorkbook: cells.length });
  const after = fills(host);
  expect([...after.keys()].filter((c) => after.get(c) !== before.get(c)).sort()).toEqual(cells);
  // The note says what 检查 says of the cell.
  expect(String(host.workbook.getWorksheet("台账")!.getCell("G4").note)).toContain("三季度进展未填写");
  // Another unit's problems (区城管委's 套话 in G5) are not marked.
  expect(after.has("G5")).toBe(false);
  expect(await app.clearMarks()).toBe(cells.length);
  expect(fills(host)).toEqual(before);
});

test("the office's marks on other cells stay when a unit marks its own; 清除标记 puts back all", async () => {
  const host = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  const app = createApp({ port: host, today: () => TODAY });
  const pristine = fills(host);
  const office = await app.check({ quarter: Q3 });
  expect(office.marked).toBeGreaterThan(0);
  const marked = fills(host);
  const check = await app.fillCheck({ quarter: Q3 });
  const mine = await app.markUnitFindings(check, "区城管委");
  expect(mine.cells).toBeGreaterThan(0);
  // The unit's cells were among the office's: the workbook holds as many marks as before.
  expect(mine.inWorkbook).toBe(office.marked);
  // Every cell the office marked is marked still (the unit's were marked by the office too).
  expect(fills(host)).toEqual(marked);
  expect((await app.overview()).marked).toBe(office.marked);
  await app.clearMarks();
  expect(fills(host)).toEqual(pristine);
});

test("a unit with nothing to mend marks nothing and writes nothing", async () => {
  const host = bookOf(DESK_LEDGER, DESK_DIRECTORY);
  const app = createApp({ port: host, today: () => TODAY });
  const check = await app.fillCheck({ quarter: Q3 });
  const revision = host.revision;
  expect(await app.markUnitFindings(check, "区商务局")).toEqual({ cells: 0 });
  expect(host.revision).toBe(revision);
});

// A write that fails half-way, as an Excel batch can (operations before the failing one stay done):
// at every point of the write, the person is told, and 清除标记 or 撤销 puts the ledger back exactly.
import ExcelJS from "exceljs";
import { formFile, planForms, planMerge, readReturnFiles } from "../src/app";
import { check } from "../src/core";
import { noticeLedgerLayout } from "../src/core/layout";
import { parseNotice } from "../src/core/notice";
import { summarise } from "../src/core/summary";
import { summarySheetPlan } from "../src/core/summarySheet";
import { METADATA_SHEET } from "../src/core/metadata";
import { problemText } from "../src/app";
import { SUMMARY_DRAFT_SHEET } from "../src/app/book";
import { OfficeHost, type ApiSupport, type ExcelRun } from "../src/hosts/office/host";
import { syntheticDirectoryRows, syntheticLedgerRows, syntheticUnits } from "./helpers/syntheticLedger";
import { formFiles } from "../src/files/forms";
import { cellAt, EXCEL_VERSIONS, fakeRun, newSheet, NO_FILL, type FakeWorkbookModel } from "./fakes/excel";
import { LEDGER_2019, LEDGER_2026 } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";
import { marksOf, opened, problemOf } from "./helpers/app";
import { notingSyncs, stopPoints } from "./helpers/stopPoints";
import { book as bookOf } from "../src/app/book";

const TODAY = new Date(2026, 10, 22);

const DESKTOP: ApiSupport = { mergedAreas: true, rangeAreas: true, notes: true };

// Each failure is logged by the host for the administrator; not needed here.
beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

const model = fakeModelOf;

/** Every sheet but the add-in's own, cell by cell: value, fill, number format, and the notes. */
function look(m: FakeWorkbookModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of m.sheets) {
    if (s.name === METADATA_SHEET) continue;
    for (const [k, c] of s.cells) {
      const blank = (c.value === "" || c.value === null) && c.numberFormat === "General" && JSON.stringify(c.fill) === JSON.stringify(NO_FILL);
      if (!blank) out.set(`${s.name}!${k}`, JSON.stringify([c.value, c.fill, c.numberFormat]));
    }
    for (const [cell, note] of s.notes) out.set(`${s.name}!note ${cell}`, note);
  }
  return out;
}

/** The cells whose look differs (at most five, to read in a failure). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).slice(0, 5).map((k) => `${k}: ${a.get(k)} → ${b.get(k)}`);
}

/** A fill of the ledger's own on a cell that gets marked. */
const OWN_FILL = { color: "#DDEBF7", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.4, patternTintAndShade: 0 };

/** Operation numbers spread over a run of `total`, the first and last included. */
const points = (total: number, n = 14) => [...new Set(Array.from({ length: n }, (_, i) => 1 + Math.round((i * (total - 1)) / (n - 1))))];

describe.each(EXCEL_VERSIONS)("marks, ExcelApi %s", (version) => {
  test("a first marking stopped at any operation: the message says so, and 清除标记 restores every cell", async () => {
    const probe = await model(LEDGER_2019, "进展情况");
    // The ledger's own look on some cells that get marked: a fill and a note.
    probe.sheets[0]!.cells.get("2,5")!.fill = { ...OWN_FILL };
    probe.sheets[0]!.notes.set("F3", "由区政府办核对");
    const baseline = look(probe);
    const fake = fakeRun(probe, { version });
    const host = new OfficeHost(fake.run, fake.support);
    const snap = await opened(host);
    const marks = marksOf(check(snap.ledger, snap.directory, { quarter: { year: 2019, q: 3 } }));
    expect(marks.length).toBeGreaterThan(20);
    fake.reset();
    await bookOf(host).mark("进展情况", marks);
    const total = fake.runs.at(-1)!.ops.length;
    // The write is the procedure's last run, after its reads.
    const reads = fake.runs.length - 1;
    expect(total).toBeGreaterThan(5);
    // The whole write done, then cleared: the workbook as it was, cell for cell.
    expect(differences(baseline, look(probe))).not.toEqual([]);
    await bookOf(host).clearMarks();
    expect(differences(baseline, look(probe))).toEqual([]);

    for (const at of points(total)) {
      // A fresh copy of the unmarked ledger each time, with the same look of its own.
      const fresh = await model(LEDGER_2019, "进展情况");
      fresh.sheets[0]!.cells.get("2,5")!.fill = { ...OWN_FILL };
      fresh.sheets[0]!.notes.set("F3", "由区政府办核对");
      const f = fakeRun(fresh, { version });
      const h = new OfficeHost(f.run, f.support);
      await bookOf(h).info();
      f.failNextAt(at, undefined, reads);
      expect(await problemOf(bookOf(h).mark("进展情况", marks))).toMatch(/^标记台账失败：.*已写上的标记可用“清除标记”恢复原样。$/);
      await bookOf(h).clearMarks();
      expect(differences(baseline, look(fresh))).toEqual([]);
    }
  });

  test("a second marking (old marks to put back, new ones to add) stopped half-way: 清除标记 still restores everything", async () => {
    const ledger = await model(LEDGER_2019, "进展情况");
    const baseline = look(ledger);
    const fake = fakeRun(ledger, { version });
    const host = new OfficeHost(fake.run, fake.support);
    const snap = await opened(host);
    const q3 = marksOf(check(snap.ledger, snap.directory, { quarter: { year: 2019, q: 3 } }));
    expect(q3.length).toBeGreaterThan(20);
    await bookOf(host).mark("进展情况", q3);
    // Half of the marked cells are fixed: the next marking puts those back and marks the rest.
    const next = q3.filter((_, i) => i % 2 === 0);
    await bookOf(host).info();
    fake.reset();
    await bookOf(host).mark("进展情况", next);
    const total = fake.runs.at(-1)!.ops.length;
    // The write is the procedure's last run, after its reads.
    const reads = fake.runs.length - 1;
    for (const at of points(total, 8)) {
      const m = await model(LEDGER_2019, "进展情况");
      const f = fakeRun(m, { version });
      const h = new OfficeHost(f.run, f.support);
      await bookOf(h).info();
      await bookOf(h).mark("进展情况", q3);
      await bookOf(h).info();
      f.failNextAt(at, undefined, reads);
      expect(await problemOf(bookOf(h).mark("进展情况", next))).toMatch(/标记台账失败/);
      await bookOf(h).clearMarks();
      expect(differences(baseline, look(m))).toEqual([]);
    }
  });
});

test("合并回报 stopped half-way: the message says so, and 撤销 puts every cell back", async () => {
  const probe = await model(LEDGER_2026, "2026年责任分解");
  const baseline = look(probe);
  const host = new OfficeHost(fakeRun(probe).run, DESKTOP);
  const q1 = { year: 2026, q: 1 as const };
  const form = (await planForms(host, TODAY, { quarter: q1 })).forms.find((f) => f.unit === "区发展和改革局")!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await formFile(formFiles, form)).bytes as unknown as ArrayBuffer);
  wb.getWorksheet("进展填报")!.eachRow((row, n) => n > 2 && (row.getCell(9).value = `第${n}行：已完成年度目标的25%。`));
  const returned = await readReturnFiles(formFiles, [{ name: "回报.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }]);
  const plan = await planMerge(host, TODAY, returned, { quarter: q1 });
  expect(plan.edits.length).toBeGreaterThan(10);

  const probeRun = fakeRun(await model(LEDGER_2026, "2026年责任分解"));
  await bookOf(new OfficeHost(probeRun.run, DESKTOP)).writeCells(plan.sheet, plan.edits, "合并回报 2026Q1");
  const total = probeRun.runs.at(-1)!.ops.length;
    // The write is the procedure's last run, after its reads.
    const reads = probeRun.runs.length - 1;
  for (const at of points(total, 10)) {
    const m = await model(LEDGER_2026, "2026年责任分解");
    const f = fakeRun(m);
    const h = new OfficeHost(f.run, DESKTOP);
    f.failNextAt(at, undefined, reads);
    expect(await problemOf(bookOf(h).writeCells(plan.sheet, plan.edits, "合并回报 2026Q1"))).toMatch(/^写入台账失败：.*已写入的部分可用“撤销上次合并”恢复原样。$/);
    const undone = await bookOf(h).undoWrites();
    // Before the record was written nothing was written either; after it, everything is put back.
    if (undone) expect(undone.kept).toEqual([]);
    expect(differences(baseline, look(m))).toEqual([]);
  }
});

describe.each(EXCEL_VERSIONS)("the summary sheet, ExcelApi %s", (version) => {
  const q3 = { year: 2019, q: 3 as const };

  /** The seed ledger, its check and the plan of its third-quarter summary, as this Excel makes them. */
  async function planned() {
    const m = await model(LEDGER_2019, "进展情况");
    const f = fakeRun(m, { version });
    const snap = await opened(new OfficeHost(f.run, f.support));
    const result = check(snap.ledger, snap.directory, { quarter: q3 });
    return summarySheetPlan(summarise(result, snap.directory, TODAY), "2019年第三季度汇总");
  }

  /** A fresh seed workbook in this Excel; `summary`: with the add-in's summary of an earlier day already in it. */
  async function workbook(summary?: ReturnType<typeof summarySheetPlan>) {
    const m = await model(LEDGER_2019, "进展情况");
    const f = fakeRun(m, { version });
    if (summary) await bookOf(new OfficeHost(f.run, f.support)).writeSummary({ ...summary, stamp: "由督办助手生成（2019Q3，2026-10-01）", blocks: summary.blocks.map((b, i) => (i === 1 && b.kind === "text" ? { ...b, text: b.text.replace(/\d{4}-\d{2}-\d{2}/, "2026-10-01") } : b)) }, false);
    f.reset();
    return { m, f };
  }

  const names = (m: FakeWorkbookModel) => m.sheets.map((x) => x.name);

  test("a new summary sheet stopped at any point: nothing of it is left, and the message says so", async () => {
    const plan = await planned();
    const probe = await workbook();
    await bookOf(new OfficeHost(probe.f.run, probe.f.support)).writeSummary(plan, false);
    const total = probe.f.runs.at(-1)!.ops.length;
    // The write is the procedure's last run, after its reads.
    const reads = probe.f.runs.length - 1;
    for (const at of points(total, 8)) {
      const { m, f } = await workbook();
      f.failNextAt(at, undefined, reads);
      let problem: string | undefined;
      await bookOf(new OfficeHost(f.run, f.support)).writeSummary(plan, false).catch((e) => (problem = problemText(e)));
      if (problem === undefined) {
        // Stopped after the sheet had its name: it is whole, and recorded.
        expect(names(m)).toContain("2019年第三季度汇总");
        continue;
      }
      expect(names(m)).not.toContain(SUMMARY_DRAFT_SHEET);
      expect(names(m)).not.toContain("2019年第三季度汇总");
      expect(problem).toMatch(/^生成汇总失败：请稍后重试；若仍失败，请把错误代码 GeneralException 告诉管理员。(未写完的“2019年第三季度汇总”已删除，请重新生成。)?$/);
    }
  });

  test("a summary replacing the add-in's own sheet, stopped at any point: the old sheet stays whole until the new one is, never neither", async () => {
    const plan = await planned();
    const probe = await workbook(plan);
    const oldLook = look(probe.m);
    await bookOf(new OfficeHost(probe.f.run, probe.f.support)).writeSummary(plan, true);
    const total = probe.f.runs.at(-1)!.ops.length;
    // The write is the procedure's last run, after its reads.
    const reads = probe.f.runs.length - 1;
    expect(look(probe.m)).not.toEqual(oldLook);
    const seen = { kept: 0, done: 0 };
    for (const at of points(total, 12)) {
      const { m, f } = await workbook(plan);
      const before = look(m);
      f.failNextAt(at, undefined, reads);
      let problem: string | undefined;
      await bookOf(new OfficeHost(f.run, f.support)).writeSummary(plan, true).catch((e) => (problem = problemText(e)));
      expect(names(m)).not.toContain(SUMMARY_DRAFT_SHEET);
      expect(names(m)).toContain("2019年第三季度汇总");
      const summary = m.sheets.find((x) => x.name === "2019年第三季度汇总")!;
      const stamp = String(summary.cells.get("1,0")?.value);
      if (stamp.includes("2026-10-01")) {
        // The old sheet, whole, and said so (stopped while reading, nothing was written to say).
        expect(problem).toMatch(/^生成汇总失败：请稍后重试；若仍失败，请把错误代码 GeneralException 告诉管理员。(原有的“2019年第三季度汇总”保持不变，未写完的新表已删除，请重新生成。)?$/);
        expect(differences(before, look(m))).toEqual([]);
        if (problem?.includes("保持不变")) seen.kept++;
      } else {
        // The new one, whole: finished and recorded.
        expect(stamp).toContain(plan.stamp);
        expect(summary.tables.length).toBe(4);
        const meta = m.sheets.find((x) => x.name === METADATA_SHEET)!;
        expect([...meta.cells.values()].some((c) => c.value === plan.stamp)).toBe(true);
        seen.done++;
      }
    }
    // Both ends were met: stopped while the draft was made, and after the old sheet went.
    expect(seen.kept).toBeGreaterThan(0);
    expect(seen.done).toBeGreaterThan(0);
  });
});

test("an imported ledger stopped half-way is deleted, and the message says so; a sheet someone added meanwhile under its name is theirs", async () => {
  const m = await model(LEDGER_2019, "进展情况");
  const f = fakeRun(m);
  // The write comes after one read.
  f.failNextAt(8, undefined, 1);
  const layout = noticeLedgerLayout(parseNotice("1.新建口袋公园3个。\n责任单位：区园林局"), "责任分解台账", "2026年责任分解方案");
  expect(await problemOf(bookOf(new OfficeHost(f.run, DESKTOP)).addSheet(layout))).toContain("未写完的“责任分解台账”已删除");
  expect(m.sheets.map((x) => x.name)).not.toContain("责任分解台账");
  // Between the check for the name and the write, a person adds a sheet of that name.
  const theirs = newSheet("责任分解台账", [["别人的表"]]);
  const racing: ExcelRun = (options, batch) =>
    f.run(options, (context) => {
      const sync = context.sync.bind(context);
      let n = 0;
      context.sync = (async () => {
        await sync();
        if (++n === 1) m.sheets.push(theirs);
      }) as typeof context.sync;
      return batch(context);
    });
  expect(await problemOf(bookOf(new OfficeHost(racing, DESKTOP)).addSheet(layout))).toBe("添加工作表失败：要添加的工作表或表格已经存在（可能刚被别人或另一个窗口添加）：请重新检查后再试；已有的那张表未被改动。");
  expect(m.sheets).toContain(theirs);
  expect(cellAt(theirs, "A1")!.value).toBe("别人的表");
});

describe("Excel on the web: a write larger than one request, stopped between its requests", () => {
  // The host takes the payload limit from what it is told this Excel supports: here 100 kB, in the fake
  // too (which refuses a request over it), so that a 300-row ledger's marks take three requests and a
  // merge's records several. What a stop leaves depends on which requests and which kinds of operation
  // ran before it, not on the size of the limit; office-host.test.ts writes the marks of 20,000 rows
  // under Excel on the web's own 5 MB.
  const LIMIT = 100_000;
  const web = (m: FakeWorkbookModel) => {
    const fake = fakeRun(m, { payloadLimit: LIMIT });
    return { fake, support: { ...fake.support, payloadLimit: LIMIT } };
  };
  const ledger = (tasks: number): FakeWorkbookModel => {
    const units = syntheticUnits(300);
    return { sheets: [newSheet("台账", syntheticLedgerRows(tasks, units)), newSheet("部门目录", syntheticDirectoryRows(units))], active: "台账", settings: new Map() };
  };

  test("marks with long notes: at every kind of point 清除标记 restores every cell", async () => {
    const probe = ledger(300);
    const baseline = look(probe);
    const { fake, support } = web(probe);
    const syncedAt: number[][] = [];
    const host = new OfficeHost(notingSyncs(fake.run, syncedAt), support);
    const snap = await opened(host);
    const marks = marksOf(check(snap.ledger, snap.directory, { quarter: { year: 2026, q: 3 } })).map((m) => ({ ...m, note: `${m.note}\n${"请责任单位于十日内补报，并附佐证材料。".repeat(25)}` }));
    fake.reset();
    await bookOf(host).mark("台账", marks);
    // The write is the procedure's last run, after its reads.
    const write = fake.runs.at(-1)!;
    const reads = fake.runs.length - 1;
    expect(write.syncs).toBeGreaterThan(2);
    // Every kind of operation of the write (the records of the cells it touches, the fills, the notes,
    // the records as they end), each at its first and last, and each side of every request's end.
    for (const n of stopPoints(write.ops, syncedAt.at(-1))) {
      const m = ledger(300);
      const f = web(m);
      const h = new OfficeHost(f.fake.run, f.support);
      await bookOf(h).info();
      f.fake.failNextAt(n, undefined, reads);
      expect(await problemOf(bookOf(h).mark("台账", marks))).toMatch(/^标记台账失败：.*已写上的标记可用“清除标记”恢复原样。$/);
      await bookOf(h).clearMarks();
      expect(differences(baseline, look(m))).toEqual([]);
    }
  });

  test("a merge whose records alone are larger than one request (written below the old ones, the old ones then deleted): at every kind of point 撤销 puts every cell back", async () => {
    const text = (i: number) => `第${i}项：${"已完成年度目标任务的百分之八十，其中新建项目按期推进。".repeat(16)}`;
    const edits = Array.from({ length: 60 }, (_, i) => ({ cell: `G${i + 3}`, text: text(i) }));
    // A merge before this one, whose records are there to be replaced.
    const earlier = [{ cell: "H3", text: "上一次合并写入的进展。" }];
    const probe = ledger(60);
    const { fake, support } = web(probe);
    const syncedAt: number[][] = [];
    await bookOf(new OfficeHost(fake.run, support)).writeCells("台账", earlier, "合并回报 2026Q2");
    const baseline = look(probe);
    fake.reset();
    await bookOf(new OfficeHost(notingSyncs(fake.run, syncedAt), support)).writeCells("台账", edits, "合并回报 2026Q3");
    // The write is the procedure's last run, after its reads.
    const write = fake.runs.at(-1)!;
    const reads = fake.runs.length - 1;
    // The records went in more than one request before the old ones were deleted.
    const deleted = write.ops.indexOf("range.delete(Up)") + 1;
    expect(syncedAt.at(-1)!.filter((n) => n < deleted).length).toBeGreaterThan(1);
    // Each slice of the records, the old ones deleted, and the texts: each at its first and last, and
    // each side of every request's end.
    for (const n of stopPoints(write.ops, syncedAt.at(-1))) {
      const m = ledger(60);
      const f = web(m);
      await bookOf(new OfficeHost(f.fake.run, f.support)).writeCells("台账", earlier, "合并回报 2026Q2");
      const h = new OfficeHost(f.fake.run, f.support);
      f.fake.failNextAt(n, undefined, reads);
      expect(await problemOf(bookOf(h).writeCells("台账", edits, "合并回报 2026Q3"))).toMatch(/^写入台账失败：.*已写入的部分可用“撤销上次合并”恢复原样。$/);
      const undone = await bookOf(h).undoWrites();
      // Stopped before the new records replaced the old: the earlier merge is what is undone, and
      // every cell of this one is as it was; after: this one is undone whole.
      expect(undone?.kept).toEqual([]);
      if (undone?.label === "合并回报 2026Q2") await bookOf(h).undoWrites();
      const after = look(m);
      after.delete("台账!2,7");
      const base = new Map(baseline);
      base.delete("台账!2,7");
      expect(differences(base, after)).toEqual([]);
    }
  });
});

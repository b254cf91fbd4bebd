// The contract every workbook adapter passes: the same tests of the port (src/app/port.ts), run
// against each host with the same expectations, so that each gives the application layer identical
// results. A new host (WPS is planned) is done when it passes this suite through a harness of its own.
import { createApp, HostError, messageOf, runCheck, selfTest, selfTestText, SELF_TEST_STEPS, type WorkbookPort } from "../../src/app";
import { parseSettings } from "../../src/app/settings";
import { INPUT_FILL, type SheetLayout } from "../../src/core/layout";
import { returnLayouts } from "../../src/core/returns";
import { MARK_COLORS } from "../../src/core/marks";
import { METADATA_SHEET, readMetadata } from "../../src/core/metadata";
import { summarise } from "../../src/core/summary";
import { summarySheetPlan } from "../../src/core/summarySheet";
import type { CellValue } from "../../src/core/types";
import { book as bookOf } from "../../src/app/book";

/** A cell as a person sees it: its value, its fill (#RRGGBB, null for none) and its note. */
export interface Look {
  readonly value: CellValue;
  readonly fill: string | null;
  readonly note: string | null;
}

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** A1 ranges. */
  readonly merges?: readonly string[];
  /** 0-based rows hidden. */
  readonly hiddenRows?: readonly number[];
  /** 0-based columns hidden. */
  readonly hiddenColumns?: readonly number[];
  readonly hidden?: boolean;
  /** Fills of a person's own, by address (#RRGGBB). */
  readonly fills?: Readonly<Record<string, string>>;
  /** Notes of a person's own, by address. */
  readonly notes?: Readonly<Record<string, string>>;
}

export interface BookSpec {
  readonly sheets: readonly SheetSpec[];
  /** The active sheet (default: the first). */
  readonly active?: string;
}

/** A port over a workbook, and what a person would see of that workbook, read past the port. */
export interface PortUnderTest {
  readonly port: WorkbookPort;
  look(sheet: string, cell: string): Look;
  sheets(): { name: string; visibility: "visible" | "hidden" | "veryHidden" }[];
  active(): string;
  selected(): { sheet: string; cell: string } | undefined;
  /** Merged areas as A1 ranges, sorted. */
  merges(sheet: string): string[];
  hiddenColumns(sheet: string): number[];
  isProtected(sheet: string): boolean;
  /** Whether a cell is locked when its sheet is protected. */
  locked(sheet: string, cell: string): boolean;
  /** A person renames a sheet. */
  rename(from: string, to: string): void;
  /** A person types into a cell. */
  type(sheet: string, cell: string, value: string): void;
  /** A person writes a cell's note (or takes it away: null). */
  note(sheet: string, cell: string, text: string | null): void;
  /** The add-in's metadata sheet's rows, for the records. */
  metadataRows(): CellValue[][];
}

/**
 * What an older Excel cannot do, and the suite then expects done without: cell notes (ExcelApi
 * 1.18: marks come without a note, a person's note untouched), merged areas (1.13: none read),
 * hidden rows (1.9: none known). The .xlsx host lacks nothing.
 */
export type Lack = "notes" | "merged-areas" | "hidden-rows";

export interface Harness {
  readonly name: string;
  readonly lacks?: ReadonlySet<Lack>;
  make(book: BookSpec): Promise<PortUnderTest>;
}

const TODAY = new Date(2026, 10, 22);
const Q3 = { year: 2026, q: 3 as const };

/** A small ledger: a title, a header, three tasks; D2 has a look of its own (a fill and a note). */
export const LEDGER: SheetSpec = {
  name: "台账",
  rows: [
    ["2026年区政府工作报告责任分解台账"],
    ["序号", "目标任务", "牵头单位", "三季度进展"],
    [1, "新建口袋公园3个。", "区园林局", ""],
    [2, "完成老旧小区改造30个。", "区住更局", "正在推进"],
    [3, "新增就业2万人。", "区人社局", "新增就业1.6万人，完成全年目标的80%。"],
  ],
  merges: ["A1:D1"],
  fills: { D3: "#DDEBF7" },
  notes: { D3: "由区园林局填写" },
};

export const DIRECTORY: SheetSpec = {
  name: "部门目录",
  rows: [["单位名称", "别名"], ["区园林局", ""], ["区住房保障和房屋管理局", "区住更局"], ["区人力资源和社会保障局", "区人社局"]],
};

/** Looks of every cell of a sheet's first rows and columns. */
function looks(put: PortUnderTest, sheet: string, rows = 6, cols = 5): Record<string, Look> {
  const out: Record<string, Look> = {};
  for (let r = 1; r <= rows; r++) for (let c = 0; c < cols; c++) out[`${String.fromCharCode(65 + c)}${r}`] = put.look(sheet, `${String.fromCharCode(65 + c)}${r}`);
  return out;
}

function failureCode(e: unknown): string | undefined {
  return e instanceof HostError ? e.detail.code : messageOf(e)?.code;
}

/** The suite, for one harness. */
export function portContract(h: Harness): void {
  const lacks = (what: Lack) => !!h.lacks?.has(what);
  describe(`the port: ${h.name}`, () => {
    test("info: the sheets in tab order with their visibility, the active sheet; no metadata until the add-in writes some", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY, { name: "旧表", rows: [["x"]], hidden: true }], active: "部门目录" });
      const info = await bookOf(w.port).info();
      expect(info.sheets).toEqual([
        { name: "台账", visible: true },
        { name: "部门目录", visible: true },
        { name: "旧表", visible: false },
      ]);
      expect(info.active).toBe("部门目录");
      expect(info.metadata).toBeUndefined();
    });

    test("兼容性自检: each primitive on a scratch sheet, passed or said; the workbook left as it was found, without the add-in's records", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY], active: "部门目录" });
      const before = { sheets: w.sheets(), active: w.active(), ledger: looks(w, "台账"), meta: w.metadataRows() };
      let clock = 0;
      const report = await selfTest(w.port, () => (clock += 5));
      const failed = report.steps.filter((s) => s.result !== "pass").map((s) => s.step);
      // An Excel before ExcelApi 1.13 cannot list merged areas: the one step the report says failed.
      expect(failed).toEqual(lacks("merged-areas") ? ["merge"] : []);
      expect(report.steps.map((s) => s.step)).toEqual([...SELF_TEST_STEPS]);
      expect(report.steps.every((s) => s.ms === 5)).toBe(true);
      expect(selfTestText(report).split("\n")[0]).toBe(`兼容性自检：通过 ${report.passed} 项，未通过 ${report.failed} 项`);
      expect({ sheets: w.sheets(), active: w.active(), ledger: looks(w, "台账"), meta: w.metadataRows() }).toEqual(before);
    });

    test("兼容性自检 on a workbook the add-in has marked: its records kept as they were, the marks still cleared exactly", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      const original = looks(w, "台账");
      await runCheck(w.port, TODAY, { quarter: Q3 });
      const marked = { sheets: w.sheets(), meta: w.metadataRows(), ledger: looks(w, "台账") };
      const report = await selfTest(w.port, () => 0);
      expect(report.steps.find((s) => s.step === "metadata")?.result).toBe("pass");
      expect(report.steps.find((s) => s.step === "clean-up")?.result).toBe("pass");
      expect({ sheets: w.sheets(), meta: w.metadataRows(), ledger: looks(w, "台账") }).toEqual(marked);
      await createApp({ port: w.port, today: () => TODAY }).clearMarks();
      expect(looks(w, "台账")).toEqual(original);
    });

    test("readSheets: values, merged areas and hidden rows; the first rows only when asked; a missing sheet is an error", async () => {
      const w = await h.make({ sheets: [{ ...LEDGER, hiddenRows: [3], hiddenColumns: [2] }, DIRECTORY] });
      await bookOf(w.port).info();
      const [ledger, head, dir] = await bookOf(w.port).readSheets([{ name: "台账" }, { name: "台账", rows: 2 }, { name: "部门目录" }]);
      expect(ledger!.grid.name).toBe("台账");
      // Rows without their empty cells at the right.
      expect(ledger!.grid.rows.map((r) => [...r])).toEqual([["2026年区政府工作报告责任分解台账"], LEDGER.rows[1], [1, "新建口袋公园3个。", "区园林局"], LEDGER.rows[3], LEDGER.rows[4]]);
      expect(ledger!.grid.merges).toEqual(lacks("merged-areas") ? [] : [{ top: 0, left: 0, bottom: 0, right: 3 }]);
      expect(ledger!.grid.hiddenRows).toEqual(lacks("hidden-rows") ? undefined : [3]);
      expect(ledger!.grid.hiddenColumns).toEqual([2]);
      expect(dir!.grid.hiddenColumns).toBeUndefined();
      expect(head!.grid.rows).toHaveLength(2);
      expect(head!.grid.rows[1]).toEqual(["序号", "目标任务", "牵头单位", "三季度进展"]);
      expect(dir!.grid.rows).toHaveLength(4);
      let error: unknown;
      await bookOf(w.port).readSheets([{ name: "没有这张表" }]).catch((e) => (error = e));
      expect(failureCode(error)).toBe("sheet-missing");
    });

    test("marks: a check marks its cells over the ledger's own look, a second check puts back what is fixed, clearing restores exactly", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      const before = looks(w, "台账");
      const first = await runCheck(w.port, TODAY, { quarter: Q3 });
      expect(first.marked).toBe(2);
      expect(w.look("台账", "D3")).toMatchObject({ fill: MARK_COLORS.missing });
      if (lacks("notes")) {
        // No notes here: a person's own note stays as it is.
        expect(w.look("台账", "D3").note).toBe("由区园林局填写");
        expect(w.look("台账", "D4")).toEqual({ value: "正在推进", fill: MARK_COLORS.weak, note: null });
      } else {
        expect(w.look("台账", "D3").note).toMatch(/^由区园林局填写\n——\n督办助手：序号1（第3行）三季度进展未填写/);
        expect(w.look("台账", "D4")).toEqual({ value: "正在推进", fill: MARK_COLORS.weak, note: expect.stringMatching(/^督办助手：/) });
      }
      // Someone writes D3; the next check puts its own look back, and keeps D4 marked.
      w.type("台账", "D3", "已完成选址3处，完成设计方案。");
      const second = await runCheck(w.port, TODAY, { quarter: Q3 });
      expect(second.marked).toBe(1);
      expect(w.look("台账", "D3")).toEqual({ value: "已完成选址3处，完成设计方案。", fill: "#DDEBF7", note: "由区园林局填写" });
      expect(await bookOf(w.port).clearMarks()).toBe(1);
      expect(looks(w, "台账")).toEqual({ ...before, D3: { ...before.D3!, value: "已完成选址3处，完成设计方案。" } });
      expect(await bookOf(w.port).clearMarks()).toBe(0);
    });

    test("clearing takes away only a note the add-in wrote: a note a person wrote or edited on a marked cell stays", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      await runCheck(w.port, TODAY, { quarter: Q3 });
      // D4's note: the add-in's, or none where notes cannot be written; a person writes their own.
      const edited = `${w.look("台账", "D4").note ?? ""}\n已电话催办（9月28日）`.trim();
      w.note("台账", "D4", edited);
      // D5 is not marked: its note is nobody's business.
      w.note("台账", "D5", "数据来自统计局");
      await runCheck(w.port, TODAY, { quarter: Q3 });
      expect(w.look("台账", "D4").note).toBe(edited);
      expect(await bookOf(w.port).clearMarks()).toBe(2);
      expect(w.look("台账", "D4")).toEqual({ value: "正在推进", fill: null, note: edited });
      expect(w.look("台账", "D3")).toEqual({ value: null, fill: "#DDEBF7", note: "由区园林局填写" });
      expect(w.look("台账", "D5").note).toBe("数据来自统计局");
    });

    test("a ledger sheet renamed between two checks: its marks are taken over, and clearing still restores its look", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      const before = looks(w, "台账");
      await runCheck(w.port, TODAY, { quarter: Q3 });
      w.rename("台账", "2026年台账");
      const again = await runCheck(w.port, TODAY, { quarter: Q3 });
      expect(again.result.ledger.sheet).toBe("2026年台账");
      expect(await bookOf(w.port).clearMarks()).toBe(2);
      expect(looks(w, "2026年台账")).toEqual(before);
    });

    test("addSheet: the title merged, the header, merged runs, hidden columns, protection with the input column open; never over a sheet", async () => {
      const w = await h.make({ sheets: [LEDGER] });
      const layout: SheetLayout = {
        name: "填报",
        title: "区园林局 2026年第三季度进展填报",
        columns: [
          { header: "序号", width: 6 },
          { header: "工作类目", width: 12, mergeRuns: true },
          { header: "三季度进展", width: 30, editable: true },
          { header: "督办键", width: 10, hidden: true },
        ],
        rows: [
          [1, "城市建设", "", "3#a"],
          [2, "城市建设", "", "4#b"],
          [3, "民生", "=不是公式", "5#c"],
        ],
        protect: true,
      };
      await bookOf(w.port).addSheet(layout);
      expect(w.sheets().map((s) => s.name)).toEqual(["台账", "填报"]);
      expect(w.active()).toBe("填报");
      expect(w.look("填报", "A1").value).toBe("区园林局 2026年第三季度进展填报");
      expect([1, 2, 3, 4].map((c) => w.look("填报", `${String.fromCharCode(64 + c)}2`).value)).toEqual(["序号", "工作类目", "三季度进展", "督办键"]);
      expect(w.look("填报", "C5").value).toBe("=不是公式");
      expect(w.merges("填报")).toEqual(["A1:D1", "B3:B4"]);
      expect(w.hiddenColumns("填报")).toEqual([3]);
      expect(w.isProtected("填报")).toBe(true);
      expect(w.locked("填报", "C3")).toBe(false);
      expect(w.locked("填报", "B3")).toBe(true);
      let error: unknown;
      await bookOf(w.port).addSheet({ ...layout, title: "另一份" }).catch((e) => (error = e));
      expect(failureCode(error)).toBe("sheet-exists");
      expect(w.look("填报", "A1").value).toBe("区园林局 2026年第三季度进展填报");
      // A sheet only the add-in reads is very hidden, and not shown.
      await bookOf(w.port).addSheet({ name: "_记录", columns: [{ header: "键", width: 8 }], rows: [["x"]], state: "veryHidden" });
      expect(w.sheets().find((s) => s.name === "_记录")!.visibility).toBe("veryHidden");
      expect(w.active()).toBe("填报");
    });

    test("addSheet: a unit's form — its return date under the title, the column to fill in yellow and open, the sign-off blanks below", async () => {
      const w = await h.make({ sheets: [LEDGER] });
      const [form] = returnLayouts({
        unit: "区园林局",
        quarter: Q3,
        sheet: "台账",
        rows: [{ key: "3#a", row: 3, no: "1", category: "城市建设", task: "新建口袋公园3个。", lead: "区园林局", co: "", role: "牵头", deadline: "", previous: "", progress: "" }],
      });
      await bookOf(w.port).addSheet(form!);
      const name = form!.name;
      expect(w.look(name, "A1").value).toBe(`${form!.title}\n${form!.subtitle}`);
      const input = form!.columns.findIndex((c) => c.editable);
      const letter = String.fromCharCode(65 + input);
      expect(w.look(name, `${letter}2`).fill).toBe(`#${INPUT_FILL}`);
      expect(w.look(name, `${letter}3`).fill).toBe(`#${INPUT_FILL}`);
      expect(w.locked(name, `${letter}3`)).toBe(false);
      expect(w.locked(name, "C3")).toBe(true);
      // The sign-off line: after the table and one blank row.
      const row = 2 + form!.rows.length + 2;
      let col = 0;
      for (const part of form!.below![0]!) {
        const cell = `${String.fromCharCode(65 + col)}${row}`;
        if (part.text) expect(w.look(name, cell).value).toBe(part.text);
        if (part.input) {
          expect(w.locked(name, cell)).toBe(false);
          expect(w.look(name, cell).fill).toBe(`#${part.fill}`);
        }
        col += part.span ?? 1;
      }
      expect(w.merges(name)).toEqual(expect.arrayContaining([`A1:${String.fromCharCode(64 + form!.columns.length)}1`]));
    });

    test("settings: stored in the metadata sheet beside the marks, read back as stored", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      await runCheck(w.port, TODAY, { quarter: Q3 });
      const app = createApp({ port: w.port, today: () => TODAY });
      await app.saveSettings({ ledgerSheet: "台账", minProgressLength: 3, columns: { progress3: "D" } });
      const info = await bookOf(w.port).info();
      const meta = readMetadata(info.metadata);
      expect(parseSettings(meta.settings).settings).toEqual({ ledgerSheet: "台账", minProgressLength: 3, columns: { progress3: "D" } });
      expect(meta.marks).toHaveLength(2);
      expect(w.sheets().find((s) => s.name === METADATA_SHEET)!.visibility).toBe("veryHidden");
      // The next check reads them, over the ledger sheet they name.
      const outcome = await app.check({ quarter: Q3, mark: false });
      expect(outcome.workbook.settings).toEqual({ ledgerSheet: "台账", minProgressLength: 3, columns: { progress3: "D" } });
      expect(outcome.result.findings.map((f) => `${f.kind}@${f.cell}`)).toEqual(["missing-progress@D3", "placeholder-progress@D4"]);
    });

    test("writeCells then undoWrites: text stays text, every cell back as it was but one a person changed since, named", async () => {
      const w = await h.make({ sheets: [LEDGER] });
      await bookOf(w.port).writeCells("台账", [
        { cell: "D3", text: "=SUM(1,2) 建成口袋公园2个" },
        { cell: "D4", text: "完成改造18个。" },
        { cell: "D5", text: "新增就业1.8万人。" },
      ], "合并回报 2026Q3");
      expect(w.look("台账", "D3").value).toBe("=SUM(1,2) 建成口袋公园2个");
      w.type("台账", "D5", "审核后改写");
      const undone = await bookOf(w.port).undoWrites();
      expect(undone).toEqual({ label: "合并回报 2026Q3", restored: 2, kept: ["台账!D5"] });
      expect([w.look("台账", "D3").value, w.look("台账", "D4").value, w.look("台账", "D5").value]).toEqual([null, "正在推进", "审核后改写"]);
      expect(await bookOf(w.port).undoWrites()).toBeUndefined();
    });

    test("the summary sheet: written with its stamp and recorded; written again for the quarter, it replaces only itself", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      const outcome = await runCheck(w.port, TODAY, { quarter: Q3, mark: false });
      const plan = summarySheetPlan(summarise(outcome.result, outcome.workbook.directory, TODAY), "2026年第三季度汇总");
      await bookOf(w.port).writeSummary(plan, false);
      expect(w.active()).toBe("2026年第三季度汇总");
      expect(w.look("2026年第三季度汇总", "A2").value).toEqual(expect.stringContaining(plan.stamp));
      expect(readMetadata((await bookOf(w.port).info()).metadata).summaries).toEqual([{ key: "2026Q3", sheet: "2026年第三季度汇总", stamp: plan.stamp }]);
      // A person adds a sheet after it, and renames an old summary of their own that holds a table name.
      await w.port.apply([{ op: "addSheet", name: "备注" }], "add-sheet");
      await bookOf(w.port).writeSummary(plan, true);
      expect(w.sheets().filter((s) => s.visibility === "visible").map((s) => s.name)).toEqual(["台账", "部门目录", "2026年第三季度汇总", "备注"]);
      expect(w.active()).toBe("2026年第三季度汇总");
      expect(w.look("2026年第三季度汇总", "A2").value).toEqual(expect.stringContaining(plan.stamp));
      expect(readMetadata((await bookOf(w.port).info()).metadata).summaries).toHaveLength(1);
      // Written under another name beside the first: its tables take names of their own, where the host has tables.
      const tables = (await w.port.read({ tables: true })).tables ?? [];
      await bookOf(w.port).writeSummary({ ...plan, name: "汇总(2)" }, false);
      const after = ((await w.port.read({ tables: true })).tables ?? []).filter((t) => t.sheet === "汇总(2)").map((t) => t.name.toLowerCase());
      expect(after.filter((n) => tables.some((t) => t.name.toLowerCase() === n))).toEqual([]);
      expect(after).toHaveLength(w.port.lacks.has("tables") ? 0 : tables.length);
    });

    test("加入目录: an unknown unit as a new unit, another as an alias of the unit suggested; the next check knows both, nothing else changes", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      w.type("台账", "C3", "区园林绿化局");
      w.type("台账", "C5", "区应急局");
      const app = createApp({ port: w.port, today: () => TODAY });
      const before = await app.check({ quarter: Q3, mark: false });
      expect(before.result.findings.filter((f) => f.kind === "unknown-unit").map((f) => [f.value, f.suggestions?.[0]])).toEqual([
        ["区园林绿化局", "区园林局"],
        ["区应急局", undefined],
      ]);
      const ledgerLooks = looks(w, "台账");
      expect(await app.addToDirectory("区园林绿化局", { as: "alias", of: "区园林局" })).toEqual({ name: "区园林绿化局", as: "alias", of: "区园林局", cells: ["部门目录!B2"] });
      expect(await app.addToDirectory("区应急局", { as: "unit" })).toEqual({ name: "区应急局", as: "unit", cells: ["部门目录!A5"] });
      expect([w.look("部门目录", "B2").value, w.look("部门目录", "A5").value, w.look("部门目录", "B3").value]).toEqual(["区园林绿化局", "区应急局", "区住更局"]);
      const after = await app.check({ quarter: Q3, mark: false });
      expect(after.result.findings.filter((f) => f.kind === "unknown-unit")).toEqual([]);
      expect(looks(w, "台账")).toEqual(ledgerLooks);
      // Twice is refused: it is listed now.
      expect(failureCode(await app.addToDirectory("区应急局", { as: "unit" }).catch((e: unknown) => e))).toBe("unit-already-listed");
    });

    test("setTexts writes text as text in one batch; select shows the cell", async () => {
      const w = await h.make({ sheets: [LEDGER] });
      await bookOf(w.port).setTexts("台账", [
        { cell: "C3", text: "=区园林局" },
        { cell: "C4", text: "区住房保障和房屋管理局" },
      ]);
      expect([w.look("台账", "C3").value, w.look("台账", "C4").value]).toEqual(["=区园林局", "区住房保障和房屋管理局"]);
      await bookOf(w.port).select("台账", "C4");
      expect(w.selected()).toEqual({ sheet: "台账", cell: "C4" });
      expect(w.active()).toBe("台账");
    });
  });
}

/** What a whole session leaves in a workbook, for comparing hosts: every visible sheet's values. */
export async function valuesOf(w: PortUnderTest): Promise<Record<string, CellValue[][]>> {
  const info = await bookOf(w.port).info();
  const names = info.sheets.filter((s) => s.visible).map((s) => s.name);
  const reads = await bookOf(w.port).readSheets(names.map((name) => ({ name })));
  return Object.fromEntries(reads.map((r) => [r.grid.name, r.grid.rows.map((row) => [...row])]));
}

// Marks on the ledger (src/core/marks.ts): which mark each kind of finding gives, which wins where a
// cell has several, the note that says why, and the order the marks come in.
import { MARK_COLORS, markPlan, NOTE_PREFIX, type MarkKind } from "../src/core/marks";
import type { CheckResult, Finding, FindingKind } from "../src/core/types";

const finding = (kind: FindingKind, cell: string): Finding => ({ kind, cell, row: Number(cell.replace(/^[A-Z]+/, "")), taskNo: "1", field: kind.endsWith("unit") ? "lead" : "progress" });
const result = (findings: readonly Finding[]): CheckResult => ({ ledger: { sheet: "2026年台账" }, findings }) as unknown as CheckResult;
/** The sentence a finding gives: its kind and cell, so that a test can tell which finding said what. */
const say = (f: Finding) => `${f.kind}@${f.cell}`;

describe("which mark a finding gives", () => {
  // No progress at all is the most serious; a unit to correct next; progress that is there but weak the least.
  test.each<[FindingKind, MarkKind]>([
    ["missing-progress", "missing"],
    ["missing-unit", "unit"],
    ["unknown-unit", "unit"],
    ["renamed-unit", "unit"],
    ["placeholder-progress", "weak"],
    ["stale-progress", "weak"],
    ["unquantified-progress", "weak"],
    ["overdue", "weak"],
    ["done-unsupported", "weak"],
  ])("%s marks the cell %s, in that kind's colour", (kind, mark) => {
    const [m] = markPlan(result([finding(kind, "D5")]), say);
    expect(m).toMatchObject({ kind: mark, color: MARK_COLORS[mark], findings: [kind] });
  });

  test("the three kinds are told apart by colour, each a #RRGGBB fill", () => {
    expect(new Set(Object.values(MARK_COLORS)).size).toBe(3);
    for (const c of Object.values(MARK_COLORS)) expect(c).toMatch(/^#[0-9A-F]{6}$/);
  });

  test.each<[string, FindingKind[], MarkKind]>([
    ["no progress over a unit to correct and weak progress", ["overdue", "missing-unit", "missing-progress"], "missing"],
    ["no progress, whichever comes first", ["missing-progress", "stale-progress"], "missing"],
    ["a unit to correct over weak progress", ["placeholder-progress", "unknown-unit"], "unit"],
    ["a unit to correct, whichever comes first", ["renamed-unit", "overdue"], "unit"],
  ])("a cell with several findings takes the most serious: %s", (_why, kinds, mark) => {
    const marks = markPlan(result(kinds.map((k) => finding(k, "C4"))), say);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ kind: mark, color: MARK_COLORS[mark], findings: kinds });
  });
});

describe("the marks", () => {
  test("one mark per cell, on the ledger's sheet, at the cell's 0-based row and column", () => {
    const marks = markPlan(result([finding("missing-progress", "G8"), finding("unknown-unit", "C3"), finding("overdue", "G8")]), say);
    expect(marks.map((m) => [m.sheet, m.cell, m.row, m.col])).toEqual([
      ["2026年台账", "C3", 2, 2],
      ["2026年台账", "G8", 7, 6],
    ]);
  });

  test("the note starts with the add-in's name and says every finding of the cell, once each, in the order found", () => {
    const twice = { ...finding("unknown-unit", "C3"), value: "区城管委" };
    const marks = markPlan(result([finding("unknown-unit", "C3"), twice, finding("renamed-unit", "C3")]), (f) => (f.kind === "unknown-unit" ? "单位不在目录中" : "单位已更名"));
    expect(marks[0]!.note).toBe(`${NOTE_PREFIX}单位不在目录中\n单位已更名`);
    expect(marks[0]!.findings).toEqual(["unknown-unit", "unknown-unit", "renamed-unit"]);
  });

  test("marks come row by row, and left to right within a row, whatever order the findings came in", () => {
    const cells = ["G10", "C2", "G2", "A10", "C9", "AA3"];
    const marks = markPlan(result(cells.map((c) => finding("overdue", c))), say);
    expect(marks.map((m) => m.cell)).toEqual(["C2", "G2", "AA3", "C9", "A10", "G10"]);
    expect(marks.map((m) => m.note)).toEqual(["C2", "G2", "AA3", "C9", "A10", "G10"].map((c) => `${NOTE_PREFIX}overdue@${c}`));
  });

  test("no findings, no marks", () => {
    expect(markPlan(result([]), say)).toEqual([]);
  });
});

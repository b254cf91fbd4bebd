// 检查's list over the plain-data port: the findings by kind in report order, what each finding
// offers the person (a correction, the directory, a slip of one character corrected first), and how
// many cells 全部应用 corrects.
import { findingOffer, findingsByKind, FIXABLE_KINDS, fixableCount } from "../../src/app/findings";
import { runCheck, type CheckOutcome } from "../../src/app/check";
import type { Finding } from "../../src/core/types";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf, seedPort, SEED_2019 } from "./seeds";

const Q3 = { year: 2026, q: 3 as const };
const OCT_20 = new Date(2026, 9, 20);
// The desk ledger with more slips: 区财证局 (one character from 区财政局), 区商务厅 (another name,
// not a slip), and 区城管 (an alias two units share).
const LEDGER = [...DESK_LEDGER, [8, "落实减税降费政策。", "区财证局", "", "", "", "完成减税3亿元。"], [9, "举办促消费活动100场。", "区商务厅", "", "", "", "举办42场。"], [10, "整治占道经营。", "区城管", "", "", "", "完成整治120处。"]];
const DIRECTORY = [...DESK_DIRECTORY, ["区城市管理委员会", "区城管", "", "部门", "有效"]];
DIRECTORY[3] = ["区城市管理执法局", "区城管", "区城管委", "部门", "有效"];

let outcome: CheckOutcome;
beforeEach(async () => {
  outcome = await runCheck(portOf({ 台账: LEDGER, 部门目录: DIRECTORY }), OCT_20, { quarter: Q3, mark: false });
});
const at = (cell: string, kind = "unknown-unit") => outcome.result.findings.find((f) => f.cell === cell && f.kind === kind)!;

describe("the findings by kind", () => {
  test("in report order (units, then progress), each in reading order; a kind with none left out", () => {
    expect(findingsByKind(outcome.result.findings).map((g) => [g.kind, g.findings.map((f) => f.cell)])).toEqual([
      ["missing-unit", ["C8"]],
      ["unknown-unit", ["C7", "C10", "C11", "C12"]],
      ["renamed-unit", ["C5"]],
      ["missing-progress", ["G4", "G7", "G8"]],
      ["placeholder-progress", ["G5", "G6", "G11"]],
      ["overdue", ["G6"]],
    ]);
    expect(findingsByKind([])).toEqual([]);
  });

  test("the 2019 ledger: its 47 former names and the one unit not listed", async () => {
    const o = await runCheck(await seedPort(SEED_2019), new Date(2019, 10, 20), { mark: false });
    expect(findingsByKind(o.result.findings).map((g) => [g.kind, g.findings.length])).toEqual([
      ["unknown-unit", 1],
      ["renamed-unit", 47],
    ]);
  });
});

describe("what a finding offers", () => {
  const directory = () => outcome.workbook.directory;

  test("a slip of one character from the unit suggested, or from one of its aliases: the correction first and foremost", () => {
    // 区财证局 is one character from 区财政局 itself.
    expect(findingOffer(at("C10"), directory())).toEqual({ corrections: ["区财政局"], typo: true, addToDirectory: true, aliasOf: "区财政局" });
    // 区卫键局 is one character from 区卫健局, an alias of 区卫生健康局, and two from its name.
    expect(findingOffer(at("C7"), directory())).toEqual({ corrections: ["区卫生健康局"], typo: true, addToDirectory: true, aliasOf: "区卫生健康局" });
  });

  test("another name, not a slip: the correction and the directory weigh the same", () => {
    expect(findingOffer(at("C11"), directory())).toEqual({ corrections: ["区商务局"], typo: false, addToDirectory: true, aliasOf: "区商务局" });
  });

  test("without a directory, the slip is judged against the name suggested", () => {
    expect(findingOffer(at("C10"), undefined)).toMatchObject({ typo: true });
    expect(findingOffer(at("C7"), undefined)).toMatchObject({ typo: false });
    // Only the first: one slip from the second name suggested is not a typo of the first.
    expect(findingOffer({ ...at("C10"), suggestions: ["区商务局", "区财政局"] }, undefined)).toMatchObject({ typo: false, aliasOf: "区商务局" });
  });

  test("nothing suggested: only the directory", () => {
    expect(findingOffer({ ...at("C10"), suggestions: [] }, directory())).toStrictEqual({ corrections: [], typo: false, addToDirectory: true });
    expect(findingOffer({ ...at("C10"), suggestions: undefined } as Finding, directory())).toStrictEqual({ corrections: [], typo: false, addToDirectory: true });
  });

  test("a renamed unit: its current name, never the directory, never a typo", () => {
    expect(findingOffer(at("C5", "renamed-unit"), directory())).toEqual({ corrections: ["区城市管理执法局"], typo: false, addToDirectory: false });
  });

  test("an alias units share: which of them, never the directory", () => {
    expect(findingOffer(at("C12"), directory())).toEqual({ corrections: ["区城市管理执法局", "区城市管理委员会"], typo: false, addToDirectory: false });
  });

  test("a progress finding, a missing unit, or a unit finding with no name written: nothing", () => {
    const nothing = { corrections: [], typo: false, addToDirectory: false };
    expect(findingOffer(at("C5", "renamed-unit"), directory())).toStrictEqual({ corrections: ["区城市管理执法局"], typo: false, addToDirectory: false });
    expect(findingOffer(at("G4", "missing-progress"), directory())).toEqual(nothing);
    expect(findingOffer(at("C8", "missing-unit"), directory())).toEqual(nothing);
    expect(findingOffer({ ...at("C10"), value: undefined, suggestions: [] } as Finding, directory())).toEqual(nothing);
    // A progress finding carrying names (as no check makes one) still offers none: only unit kinds are corrected.
    expect(findingOffer({ ...at("G4", "missing-progress"), suggestions: ["区财政局"] }, directory())).toEqual(nothing);
  });

  test("the kinds a name can correct", () => {
    expect(FIXABLE_KINDS).toEqual(["unknown-unit", "renamed-unit"]);
  });
});

describe("how many 全部应用 corrects", () => {
  test("each finding of the kind with a suggestion, never an alias units share", () => {
    expect(fixableCount(outcome, "unknown-unit")).toBe(3);
    expect(fixableCount(outcome, "renamed-unit")).toBe(1);
    expect(fixableCount(outcome, "missing-progress")).toBe(0);
  });
});

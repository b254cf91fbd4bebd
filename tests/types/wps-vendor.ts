// The WPS host's narrow types of WPS 表格's object model (src/hosts/wps/model.ts), and the fake written
// against them (tests/fakes/wps.ts), checked against Kingsoft's own description of that model: the npm
// package wps-jsapi 1.0.5, src/lib.et.d.ts (namespace Et), and src/index.d.ts for what an add-in's pages get
// besides (namespace wps: PluginStorage, CreateTaskPane, GetTaskPane). Nothing here runs: `npm run typecheck`
// compiles it (tsconfig.json includes tests/), and a type that does not hold fails the build.
//
// - Each narrow type must be assignable from the vendor's, member by member, nested types too (`checks`).
// - lib.et.d.ts is generated from WPS's COM type library, and some of its members are mistyped: a property
//   read with arguments, or a method that returns something, is declared `(…, RHS?): void` (Worksheet.Range,
//   Worksheets.Item and Add, Range.AddComment, Comment.Text, Borders.Item), and Booleans and objects as
//   numbers (DisplayAlerts, ProtectContents, FullName, UsedRange). Such a member is corrected below (the Fix
//   interfaces), only where the host uses it, and CORRECTED must name where its real type is documented.
// - A member of a narrow type that the vendor does not describe at all fails the build until it is declared in
//   Elsewhere, with a comment, and ELSEWHERE names where it is documented; a member of the fake that WPS does
//   not have fails it until FAKE_ONLY says what the tests use it for.
/// <reference types="wps-jsapi" />
import type * as X from "../../src/hosts/wps/model";
import type { FakeRange, FakeSheets, FakeWorksheet, fakeEtApplication } from "../fakes/wps";

/** Where a type is documented: an address, or the vendor's package and file. */
type Source = `https://${string}` | `wps-jsapi ${string}`;

/** The vendor's interface with some members replaced. */
type Corrected<Vendor, Fix> = Omit<Vendor, keyof Fix> & Fix;

type NoMembers = Record<never, never>;

/**
 * The members of the narrow types that the vendor does not describe, by the vendor's interface they would
 * belong to, each with a comment naming where it is documented (and its source in ELSEWHERE): none today.
 */
interface Elsewhere {
  Range: NoMembers;
  Comment: NoMembers;
  Interior: NoMembers;
  Font: NoMembers;
  Border: NoMembers;
  PageSetup: NoMembers;
  Hyperlinks: NoMembers;
  Worksheet: NoMembers;
  Sheets: NoMembers;
  Workbook: NoMembers;
  Window: NoMembers;
  Application: {
    /** The application's events: wps-jsapi describes them on `wps` (wps.ApiEvent); current builds put them on Application too. */
    readonly ApiEvent: typeof wps.ApiEvent;
  };
  AddinApplication: NoMembers;
  TaskPane: NoMembers;
}

// The vendor's types as the host takes them: corrected where the Fix says, with the members documented
// elsewhere. A member typed as another of the vendor's interfaces is pointed at that one's version here.

interface RangeFix {
  readonly MergeArea: Range;
  readonly Comment: Comment;
  AddComment(Text?: unknown): Comment;
  readonly Borders: Borders;
  readonly Interior: Interior;
  readonly Font: Font;
  Address(RowAbsolute?: unknown, ColumnAbsolute?: unknown, ReferenceStyle?: unknown, External?: unknown, RelativeTo?: unknown): string;
}
type Range = Corrected<Et.EtRange, RangeFix> & Elsewhere["Range"];

interface CommentFix {
  Text(Text?: unknown, Start?: unknown, Overwrite?: unknown): string;
}
type Comment = Corrected<Et.EtComment, CommentFix> & Elsewhere["Comment"];

interface BordersFix {
  Item(Index: Et.EtXlBordersIndex): Border;
}
type Borders = Corrected<Et.EtBorders, BordersFix>;
type Border = Et.EtBorder & Elsewhere["Border"];
type Interior = Et.EtInterior & Elsewhere["Interior"];
type Font = Et.EtFont & Elsewhere["Font"];
type PageSetup = Et.EtPageSetup & Elsewhere["PageSetup"];
type Hyperlinks = Et.EtHyperlinks & Elsewhere["Hyperlinks"];
type Window = Et.EtWindow & Elsewhere["Window"];

interface WorksheetFix {
  Range(Cell1: unknown, Cell2?: unknown): Range;
  readonly UsedRange: Range;
  readonly ProtectContents: boolean;
  readonly Hyperlinks: Hyperlinks;
  readonly PageSetup: PageSetup;
}
type Worksheet = Corrected<Et.EtWorksheet, WorksheetFix> & Elsewhere["Worksheet"];

interface SheetsFix {
  Item(Index: unknown): Worksheet;
  Add(Before?: unknown, After?: unknown, Count?: unknown, Type?: unknown): Worksheet;
}
type Sheets = Corrected<Et.EtSheets, SheetsFix> & Elsewhere["Sheets"];

interface WorkbookFix {
  readonly Worksheets: Sheets;
  readonly FullName: string;
}
type Workbook = Corrected<Et.EtWorkbook, WorkbookFix> & Elsewhere["Workbook"];

interface ApplicationFix {
  readonly ActiveWorkbook: Workbook;
  readonly ActiveWindow: Window;
  DisplayAlerts: boolean;
}
type Application = Corrected<Et.EtApplication, ApplicationFix> & Elsewhere["Application"];

/** An add-in's Application: the object model, and the services wps-jsapi describes on `wps` (current builds put them on Application too). */
type AddinApplication = Application & Pick<typeof wps, "PluginStorage" | "CreateTaskPane" | "GetTaskPane"> & Elsewhere["AddinApplication"];
type TaskPane = wps.CustomTaskpane & Elsewhere["TaskPane"];

interface Fixes {
  Range: RangeFix;
  Comment: CommentFix;
  Borders: BordersFix;
  Worksheet: WorksheetFix;
  Sheets: SheetsFix;
  Workbook: WorkbookFix;
  Application: ApplicationFix;
}

/** Where each correction's real type is documented. A correction without its source does not compile. */
export const CORRECTED: { readonly [I in keyof Fixes]: Record<keyof Fixes[I], Source> } = {
  Range: {
    MergeArea: "wps-jsapi lib.et.d.ts: EtRange",
    Comment: "wps-jsapi lib.et.d.ts: EtComment",
    AddComment: "https://learn.microsoft.com/office/vba/api/excel.range.addcomment",
    Borders: "wps-jsapi lib.et.d.ts: EtBorders",
    Interior: "wps-jsapi lib.et.d.ts: EtInterior",
    Font: "wps-jsapi lib.et.d.ts: EtFont",
    Address: "https://learn.microsoft.com/office/vba/api/excel.range.address",
  },
  Comment: { Text: "https://learn.microsoft.com/office/vba/api/excel.comment.text" },
  Borders: { Item: "https://learn.microsoft.com/office/vba/api/excel.borders.item" },
  Worksheet: {
    Range: "https://learn.microsoft.com/office/vba/api/excel.worksheet.range",
    UsedRange: "https://learn.microsoft.com/office/vba/api/excel.worksheet.usedrange",
    ProtectContents: "https://learn.microsoft.com/office/vba/api/excel.worksheet.protectcontents",
    Hyperlinks: "wps-jsapi lib.et.d.ts: EtHyperlinks",
    PageSetup: "wps-jsapi lib.et.d.ts: EtPageSetup",
  },
  Sheets: {
    Item: "https://learn.microsoft.com/office/vba/api/excel.worksheets.item",
    Add: "https://learn.microsoft.com/office/vba/api/excel.worksheets.add",
  },
  Workbook: {
    Worksheets: "wps-jsapi lib.et.d.ts: EtSheets",
    FullName: "https://learn.microsoft.com/office/vba/api/excel.workbook.fullname",
  },
  Application: {
    ActiveWorkbook: "wps-jsapi lib.et.d.ts: EtWorkbook",
    ActiveWindow: "wps-jsapi lib.et.d.ts: EtWindow",
    DisplayAlerts: "https://learn.microsoft.com/office/vba/api/excel.application.displayalerts",
  },
};

/** Where each member documented elsewhere is documented. A member without its source does not compile. */
export const ELSEWHERE: { readonly [I in keyof Elsewhere]: Record<keyof Elsewhere[I], Source> } = {
  Range: {},
  Comment: {},
  Interior: {},
  Font: {},
  Border: {},
  PageSetup: {},
  Hyperlinks: {},
  Worksheet: {},
  Sheets: {},
  Workbook: {},
  Window: {},
  Application: { ApiEvent: "wps-jsapi index.d.ts: namespace wps, ApiEvent (AddApiEventListener, RemoveApiEventListener by name)" },
  AddinApplication: {},
  TaskPane: {},
};

/** What each correction and addition is made to. */
interface Vendor {
  Range: Et.EtRange;
  Comment: Et.EtComment;
  Borders: Et.EtBorders;
  Interior: Et.EtInterior;
  Font: Et.EtFont;
  Border: Et.EtBorder;
  PageSetup: Et.EtPageSetup;
  Hyperlinks: Et.EtHyperlinks;
  Worksheet: Et.EtWorksheet;
  Sheets: Et.EtSheets;
  Workbook: Et.EtWorkbook;
  Window: Et.EtWindow;
  Application: Et.EtApplication;
  AddinApplication: Et.EtApplication & typeof wps;
  TaskPane: wps.CustomTaskpane;
}
/** A correction replaces a member the vendor describes; an addition is one it does not describe. */
type Misfiled =
  | { [I in keyof Fixes]: Exclude<keyof Fixes[I], keyof Vendor[I]> }[keyof Fixes]
  | { [I in keyof Elsewhere]: Extract<keyof Elsewhere[I], keyof Vendor[I]> }[keyof Elsewhere];
export const filedRightly: [Misfiled] extends [never] ? true : Misfiled = true;

/** Each narrow type beside the vendor's type it describes part of. */
interface Pairs {
  EtRange: [X.EtRange, Range];
  EtComment: [X.EtComment, Comment];
  EtInterior: [X.EtInterior, Interior];
  EtFont: [X.EtFont, Font];
  EtBorder: [X.EtBorder, Border];
  EtPageSetup: [X.EtPageSetup, PageSetup];
  EtHyperlinks: [X.EtHyperlinks, Hyperlinks];
  EtWorksheet: [X.EtWorksheet, Worksheet];
  EtSheets: [X.EtSheets, Sheets];
  EtWorkbook: [X.EtWorkbook, Workbook];
  EtWindow: [X.EtWindow, Window];
  EtApplication: [X.EtApplication, Application];
  WpsAddinApplication: [X.WpsAddinApplication, AddinApplication];
  WpsTaskPane: [X.WpsTaskPane, TaskPane];
}

/** Each narrow type is assignable from the vendor's: an error here names the member that is not, or that the vendor lacks. */
export function checks(vendor: { [I in keyof Pairs]: Pairs[I][1] }): { [I in keyof Pairs]: Pairs[I][0] } {
  return {
    EtRange: vendor.EtRange,
    EtComment: vendor.EtComment,
    EtInterior: vendor.EtInterior,
    EtFont: vendor.EtFont,
    EtBorder: vendor.EtBorder,
    EtPageSetup: vendor.EtPageSetup,
    EtHyperlinks: vendor.EtHyperlinks,
    EtWorksheet: vendor.EtWorksheet,
    EtSheets: vendor.EtSheets,
    EtWorkbook: vendor.EtWorkbook,
    EtWindow: vendor.EtWindow,
    EtApplication: vendor.EtApplication,
    WpsAddinApplication: vendor.WpsAddinApplication,
    WpsTaskPane: vendor.WpsTaskPane,
  };
}

// The fake: each of its public members is WPS's (described by the vendor, and taking what the vendor's type
// gives) or a test's way into it, named in FAKE_ONLY.

/** What the tests use a member of the fake for, which WPS does not have. */
type TestOnly = `test: ${string}`;

interface FakePairs {
  Range: [FakeRange, Range];
  Worksheet: [FakeWorksheet, Worksheet];
  Sheets: [FakeSheets, Sheets];
  Application: [ReturnType<typeof fakeEtApplication>, Application];
}

export const FAKE_ONLY: { readonly [I in keyof FakePairs]: Record<Exclude<keyof FakePairs[I][0], keyof FakePairs[I][1]>, TestOnly> } = {
  Range: { link: "test: records the link Hyperlinks.Add wrote on the cell" },
  Worksheet: { sheet: "test: the fake sheet behind the worksheet" },
  Sheets: {},
  Application: {
    show: "test: makes another open workbook the active one, as a person switching windows",
    listeners: "test: how many callbacks are registered for an event",
  },
};

/** The fake's members that WPS has take what the vendor's types give. */
export function fakeChecks(vendor: { [I in keyof FakePairs]: FakePairs[I][1] }): { [I in keyof FakePairs]: Pick<FakePairs[I][0], Extract<keyof FakePairs[I][0], keyof FakePairs[I][1]>> } {
  return { Range: vendor.Range, Worksheet: vendor.Worksheet, Sheets: vendor.Sheets, Application: vendor.Application };
}

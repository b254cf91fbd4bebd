// The part of WPS 表格's object model the WPS host uses, typed here. Kingsoft's own typings (npm wps-jsapi
// 1.0.5, lib.et.d.ts) are generated from WPS's COM type library and mistype some members the host uses
// (Worksheet.Range, Worksheets.Item and Range.AddComment declared as returning void; DisplayAlerts,
// ProtectContents and FullName as numbers): tests/types/wps-vendor.ts, compiled by `npm run typecheck`,
// holds every type here to them, member by member, each correction and each member they lack naming where it
// is documented. It follows Excel's VBA object model: calls are synchronous,
// collections are 1-based (`Item(1)` is the first sheet), rows and columns are counted from 1.
// WPS: WPS 基础接口 / 表格 API 参考 (https://qn.cache.wpscdn.cn/encs/doc/office_v19/index.htm);
// Excel VBA: https://learn.microsoft.com/office/vba/api/overview/excel/object-model

/** XlSheetVisibility (Worksheet.Visible). */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlNone: Interior.Pattern of a cell without a fill. */
export const XL_NONE = -4142;
/** xlSolid. */
export const XL_SOLID = 1;
/** XlHAlign; xlCenter is also XlVAlign.xlVAlignCenter. */
export const XL_CENTER = -4108;
export const XL_LEFT = -4131;
export const XL_RIGHT = -4152;
/** XlVAlign.xlVAlignTop (https://learn.microsoft.com/office/vba/api/excel.xlvalign). */
export const XL_TOP = -4160;
/** XlPageOrientation.xlLandscape and XlPaperSize.xlPaperA4. */
export const XL_LANDSCAPE = 2;
export const XL_PAPER_A4 = 9;
/** XlUnderlineStyle: single, none (https://learn.microsoft.com/office/vba/api/excel.xlunderlinestyle). */
export const XL_UNDERLINE_SINGLE = 2;
export const XL_UNDERLINE_NONE = -4142;
/** XlBordersIndex, as wps-jsapi's lib.et.d.ts (EtXlBordersIndex) and Excel's VBA docs number them. */
export const XL_EDGE_LEFT = 7;
export const XL_EDGE_TOP = 8;
export const XL_EDGE_BOTTOM = 9;
export const XL_EDGE_RIGHT = 10;
export const XL_INSIDE_VERTICAL = 11;
export const XL_INSIDE_HORIZONTAL = 12;
/** XlLineStyle.xlContinuous and XlBorderWeight.xlThin (wps-jsapi: EtXlLineStyle, KsoXlBorderWeight). */
export const XL_CONTINUOUS = 1;
export const XL_THIN = 2;

/** A 2-D array as a COM SAFEARRAY reaches a script engine (JScript's VBArray): bounds per dimension, items by index. */
export interface SafeArray {
  dimensions(): number;
  lbound(dimension?: number): number;
  ubound(dimension?: number): number;
  getItem(...indexes: number[]): unknown;
}

export interface EtComment {
  /** Comment.Text(): the note's text. */
  Text(): string;
}

export interface EtInterior {
  /** The fill colour as a BGR integer (red in the low byte). */
  Color: number;
  /** xlSolid, or xlNone (-4142) for no fill. */
  Pattern: number;
}

export interface EtFont {
  Bold: boolean;
  Size: number;
  /** BGR integer. */
  Color: number;
  Underline: number;
}

export interface EtPageSetup {
  /** Footer texts, with Excel's codes (&P page, &N pages, && one ampersand). */
  LeftFooter: string;
  RightFooter: string;
  Orientation: number;
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintTitleRows: string;
}

export interface EtRange {
  /** First row and column of the range, from 1. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /**
   * The values: a scalar for one cell, a 2-D array for more (in WPS's JavaScript an array of row
   * arrays; where a SAFEARRAY comes through, its bounds start at 1). Read or written in one call.
   */
  Value2: unknown;
  /** The formula, or the constant as entered. */
  Formula: unknown;
  NumberFormat: string;
  /** False when the range holds no merged cell; true or null (mixed) otherwise. */
  readonly MergeCells: boolean | null;
  /** The merged area holding this one cell (the cell itself when it is not merged). */
  readonly MergeArea: EtRange;
  Merge(): void;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  /** Borders.Item(XlBordersIndex): a late-bound parameterized property is a method in WPS's JavaScript (lib.et.d.ts). */
  readonly Borders: { Item(index: number): EtBorder };
  /** The cell's note (批注), or null. */
  readonly Comment: EtComment | null;
  AddComment(text: string): EtComment;
  ClearComments(): void;
  /** For a whole row or column: true when all are hidden, false when none, null when mixed. */
  readonly EntireRow: { Hidden: boolean | null };
  readonly EntireColumn: { Hidden: boolean | null; ColumnWidth: number };
  RowHeight: number;
  Locked: boolean;
  Select(): void;
  Clear(): void;
  /**
   * Address(): the range's A1 reference as Excel's Range.Address gives it with no arguments, absolute
   * ("$E$12", "$E$12:$E$40", whole rows "$12:$14", whole columns "$E:$E"), areas joined by commas
   * (https://learn.microsoft.com/office/vba/api/excel.range.address). A parameterized property: a method in
   * WPS's JavaScript, as WPS's own samples call it (`Target.Address()`, 表格事件 SheetChange).
   */
  Address(): string;
}

export interface EtBorder {
  LineStyle: number;
  Weight: number;
  /** BGR integer. */
  Color: number;
}

export interface EtHyperlinks {
  Add(anchor: EtRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown;
}

export interface EtWorksheet {
  Name: string;
  /** The workbook holding the sheet (wps-jsapi lib.et.d.ts: EtWorksheet.Parent, typed any); builds without it: absent. */
  readonly Parent?: EtWorkbook;
  /** XlSheetVisibility. */
  Visible: number;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  readonly Hyperlinks: EtHyperlinks;
  readonly PageSetup: EtPageSetup;
  /** Whether the sheet's cells are protected. */
  readonly ProtectContents: boolean;
  Activate(): void;
  Delete(): void;
  /** Moves the sheet before or after another of the workbook. */
  Move(before?: EtWorksheet | null, after?: EtWorksheet | null): void;
  Protect(password?: string, drawingObjects?: boolean, contents?: boolean, scenarios?: boolean, userInterfaceOnly?: boolean, allowFormattingCells?: boolean, allowFormattingColumns?: boolean, allowFormattingRows?: boolean): void;
}

export interface EtSheets {
  readonly Count: number;
  /** By position (from 1) or by name. */
  Item(index: number | string): EtWorksheet;
  /** Adds a sheet (before or after the one given) and makes it the active sheet. */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  /** The file's path and name; a workbook never saved has its Name (lib.et.d.ts types it wrongly as a number). */
  readonly FullName: string;
  readonly Name: string;
  /** True when no sheet may be added, deleted, renamed or moved. */
  readonly ProtectStructure: boolean;
}

/**
 * A window onto the active sheet: panes are split and frozen only here, for the sheet the window shows
 * (https://learn.microsoft.com/office/vba/api/excel.window.freezepanes).
 */
export interface EtWindow {
  FreezePanes: boolean;
  /** Rows and columns above and left of the split, counted from the top-left cell the window shows. */
  SplitRow: number;
  SplitColumn: number;
  /** The first row and column the window shows (https://learn.microsoft.com/office/vba/api/excel.window.scrollrow). */
  ScrollRow: number;
  ScrollColumn: number;
}

/**
 * Application.ApiEvent: WPS's application events for an add-in's pages (wps-jsapi src/index.d.ts, namespace
 * wps.ApiEvent; WPS's 表格事件 docs call it as Application.ApiEvent.AddApiEventListener). Only SheetChange is
 * used: "当用户或外部链接更改了该工作簿任一工作表中的单元格时触发此事件", told with the sheet (Sh) and the
 * range changed (Target). A listener is removed by the event's name alone, whoever added it.
 */
export interface WpsApiEvent {
  /** The callback gets the Worksheet (Sh) and the Range (Target), typed `object` as wps-jsapi types them. */
  AddApiEventListener(name: "SheetChange", callback: (sh: object, target: object) => void): void;
  RemoveApiEventListener(name: "SheetChange"): void;
}

/** `Application` in a WPS 表格 add-in's pages. */
export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  /** The active workbook's window; null with no workbook open. */
  readonly ActiveWindow?: EtWindow | null;
  /** False while the add-in deletes a sheet or merges cells: Worksheet.Delete and Range.Merge ask the person otherwise. */
  DisplayAlerts: boolean;
  /** The application's events; older builds have none on Application (then no change is told). */
  readonly ApiEvent?: WpsApiEvent;
}

/** What a WPS add-in's pages get besides the object model: task panes and storage shared by the add-in's pages. */
export interface WpsAddinApplication extends EtApplication {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
}

/** The PluginStorage key under which the ribbon asks an open pane to run the check again (a new value each time). */
export const WPS_RUN_KEY = "duban.run";

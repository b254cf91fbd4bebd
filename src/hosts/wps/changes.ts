// People's changes to the cells of the workbook the WPS pane works on, from the application's
// SheetChange event (Application.ApiEvent; builds without it tell nothing). WPS removes a listener by
// the event's name alone (RemoveApiEventListener("SheetChange"), wps-jsapi src/index.d.ts), so one
// registration serves every listener and is removed when the last one stops.
import type { CellsChangeListener, CellsEdited } from "../../app/port";
import type { EtApplication, EtRange, EtWorkbook, EtWorksheet, WpsApiEvent } from "./model";

/** Tells one open workbook from another: its path, or its name while it was never saved. */
export function identityOf(wb: EtWorkbook): string {
  return String(wb.FullName || wb.Name);
}

/** An area of whole rows ("$12:$14") or whole columns ("$E:$E"), as Range.Address gives them. */
const WHOLE_ROWS_OR_COLUMNS = /^\$?(\d+|[A-Za-z]+):\$?(\d+|[A-Za-z]+)$/;

/**
 * What SheetChange tells, for the listeners: the sheet's name and the areas of Target.Address() (a method,
 * as WPS's samples call it; a string property is taken too), with Excel's $ signs ("$E$12:$E$40"; the
 * re-check drops them). Nothing (a whole check) where the sheet's name or the address cannot be read, and
 * for whole rows or columns: SheetChange does not say whether they were inserted or deleted (Excel raises
 * Change over the rows inserted too), and a re-check compares only the rows it is given, not the ones that
 * moved below them (tests/wps-changes.test.ts shows the findings it would give).
 */
function editedOf(sh: EtWorksheet, target: EtRange): CellsEdited | undefined {
  const name: unknown = sh?.Name;
  const raw: unknown = (target as { Address?: unknown } | undefined)?.Address;
  const address: unknown = typeof raw === "function" ? (raw as () => unknown).call(target) : raw;
  if (typeof name !== "string" || typeof address !== "string") return undefined;
  // A range of several areas ("$E$12,$E$15:$E$16") is each of them.
  const cells = address.split(",").map((a) => a.trim()).filter((a) => a);
  if (!cells.length || cells.some((a) => WHOLE_ROWS_OR_COLUMNS.test(a))) return undefined;
  return { sheet: name, cells };
}

export class SheetChanges {
  /** The listeners, all told through the one SheetChange registration. */
  private readonly watchers = new Set<CellsChangeListener>();
  /** Where that registration was made, while it stands. */
  private events: WpsApiEvent | undefined;

  /** Held while the host's own `apply` writes: the SheetChange events raised meanwhile are the add-in's own. */
  private writing = 0;

  /** Over `application`; `identity` is the workbook the pane works on (the one last read). */
  constructor(
    private readonly application: EtApplication,
    private readonly identity: () => string | undefined,
  ) {}

  /** Runs the host's own writes: what they change is not told. */
  whileWriting(write: () => void): void {
    this.writing++;
    try {
      write();
    } finally {
      this.writing--;
    }
  }

  /** Tells `listener` of each change; returns the way to stop. */
  watch(listener: CellsChangeListener): () => void {
    const own: CellsChangeListener = (edited) => listener(edited);
    if (!this.events) {
      let events: WpsApiEvent | undefined;
      try {
        events = this.application.ApiEvent;
        events?.AddApiEventListener("SheetChange", this.onSheetChange);
      } catch (e) {
        console.error("督办助手：无法接收单元格更改", e);
        events = undefined;
      }
      if (!events) return () => {};
      this.events = events;
    }
    this.watchers.add(own);
    return () => {
      if (!this.watchers.delete(own) || this.watchers.size > 0) return;
      const events = this.events;
      this.events = undefined;
      try {
        events?.RemoveApiEventListener("SheetChange");
      } catch (e) {
        console.error("督办助手：无法停止接收单元格更改", e);
      }
    };
  }

  /**
   * SheetChange(Sh, Target): told to the listeners as the sheet's name and Target.Address(), unless
   * the host's own `apply` is writing or the sheet is in another workbook. Never throws into WPS.
   *
   * The add-in's own writes: WPS's object model is synchronous, and in Excel's VBA model a Change event
   * fires during the write that causes it (https://learn.microsoft.com/office/vba/api/excel.worksheet.change),
   * so a flag held while `apply` runs covers exactly its writes. WPS's own doc speaks only of the user
   * and external links ("当用户或外部链接更改了该工作簿任一工作表中的单元格时触发此事件", 表格事件
   * SheetChange): if its writes raise no event, the flag is merely unused.
   */
  private readonly onSheetChange = (sh: object, target: object): void => {
    try {
      if (this.writing > 0 || !this.watchers.size || !this.ours(sh as EtWorksheet)) return;
      const edited = editedOf(sh as EtWorksheet, target as EtRange);
      for (const l of [...this.watchers]) {
        try {
          l(edited);
        } catch (e) {
          console.error("督办助手：处理单元格更改失败", e);
        }
      }
    } catch (e) {
      console.error("督办助手：处理单元格更改失败", e);
    }
  };

  /**
   * Whether a changed sheet belongs to the workbook the pane works on (the one last read, else the active
   * one): by the sheet's Parent workbook (EtWorksheet.Parent, wps-jsapi lib.et.d.ts), or where a build gives
   * no Parent, by the ActiveWorkbook (a person types into the workbook shown).
   */
  private ours(sh: EtWorksheet): boolean {
    const active = this.application.ActiveWorkbook;
    const book = sh.Parent ?? active;
    const mine = this.identity() ?? (active ? identityOf(active) : undefined);
    return !!book && mine !== undefined && identityOf(book) === mine;
  }
}

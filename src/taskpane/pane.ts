// What every tab of the pane is handed: the use cases, the words, and the state the tabs share (the
// quarter, the last check).
import type { CellChanges, CheckOutcome, CheckRequest, DubanApp, Overview } from "../app";
import type { Lang, PaneText, WordKey } from "./i18n";

export type { CellChanges, CellsEdited } from "../app";

export type Notify = (text: string, intent?: "success" | "error" | "info") => void;

export interface Pane {
  readonly app: DubanApp;
  readonly t: (key: WordKey) => string;
  /** The pane's sentences that carry values, in its language. */
  readonly ui: PaneText;
  readonly lang: Lang;
  readonly notify: Notify;
  /** The quarter the pane works on, as a request (with the person's confirmation of a quarter outside the ledger's year). */
  readonly request: () => CheckRequest;
  /** The person confirms the quarter outside the ledger's year. */
  readonly confirm: () => void;
  /** Sets the pane's quarter (2025Q3), as if the person had picked it. */
  readonly setQuarter: (quarter: string) => void;
  readonly outcome: CheckOutcome | undefined;
  readonly setOutcome: (outcome: CheckOutcome | undefined) => void;
  /** The ledger the pane works on, as last read. */
  readonly overview: Overview | undefined;
  /** Reads the overview again (after a change the pane did not check). */
  readonly refresh: () => void;
  /** The sheet the person is looking at, as last read or shown by the pane (undefined: not known). */
  readonly active: string | undefined;
  /** Tells of edits to the workbook's cells made outside the pane (the preview's grid, Excel's and WPS's change events); returns the way to stop. */
  readonly cellChanges?: CellChanges;
  /** Reads which sheet the person is looking at now. */
  readonly readActive: () => Promise<void>;
  /** The pane showed this sheet (a summary written, a cell selected). */
  readonly shown: (sheet: string) => void;
  /** Shows a cell: activates its sheet and selects it; a failure is told. */
  readonly select: (sheet: string, cell: string) => void;
  /** An error as a sentence for the person. */
  readonly problem: (e: unknown) => string;
}

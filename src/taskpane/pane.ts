// What every tab of the pane is handed: the use cases, the words, and the state the tabs share (the
// quarter, the last check).
import type { CheckOutcome, CheckRequest, DubanApp, Overview } from "../app";
import type { Lang, PaneText, WordKey } from "./i18n";

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
  readonly outcome: CheckOutcome | undefined;
  readonly setOutcome: (outcome: CheckOutcome | undefined) => void;
  /** The ledger the pane works on, as last read. */
  readonly overview: Overview | undefined;
  /** Reads the overview again (after a change the pane did not check). */
  readonly refresh: () => void;
  /** An error as a sentence for the person. */
  readonly problem: (e: unknown) => string;
}

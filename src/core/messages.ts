// What the engine has to tell a person, as codes and parameters. The engine writes no sentences for
// the user interface: the application layer renders these in Chinese or English, for the pane or the
// command line (which name their own ways to fix a thing: the 设置 tab, or an option).

/** Something the engine tells: a code and the values its sentence needs. */
export type EngineMessage =
  /** The sheet has no value at all. */
  | { readonly code: "sheet-empty"; readonly sheet: string }
  /** No row of the first `rows` looks like a ledger's header. */
  | { readonly code: "no-header"; readonly sheet: string; readonly rows: number }
  /** A header was found (1-based `row`) but names no task column. */
  | { readonly code: "no-task-column"; readonly sheet: string; readonly row: number }
  /** The header row a person set is not on the sheet. */
  | { readonly code: "header-row-outside"; readonly sheet: string; readonly row: number; readonly rows: number }
  /** A column setting names a role that cannot be set. */
  | { readonly code: "column-key-unknown"; readonly key: string; readonly keys: readonly string[] }
  /** A column setting is not column letters. */
  | { readonly code: "column-letters-bad"; readonly key: string; readonly letters: string }
  /** The ledger has no progress column for the quarter (2026Q3); `columns` are the progress columns it has. */
  | { readonly code: "no-progress-column"; readonly sheet: string; readonly quarter: string; readonly columns: readonly string[] }
  /** No lead-unit column: units were not checked. */
  | { readonly code: "no-lead-column" }
  /** No directory: unit names were not checked against one. */
  | { readonly code: "no-directory" }
  /** Tasks on rows the sheet hides or filters out (1-based rows), checked with the others. */
  | { readonly code: "hidden-rows"; readonly rows: readonly number[] }
  /** Several columns could hold a role's units: `column` was read, the `others` not. */
  | {
      readonly code: "unit-column-chosen";
      readonly role: "lead" | "co" | "cityLead";
      readonly column: string;
      readonly label: string;
      readonly others: readonly { readonly column: string; readonly label: string; readonly hidden: boolean; readonly former: boolean }[];
    }
  /** A directory sheet without a 单位名称 column. */
  | { readonly code: "directory-no-name-column"; readonly source: string }
  /** A directory lists a unit twice (1-based rows). */
  | { readonly code: "directory-duplicate"; readonly name: string; readonly row: number; readonly first: number }
  /** An alias two units of the directory share. */
  | { readonly code: "directory-shared-alias"; readonly alias: string; readonly owner: string; readonly ownerRow: number; readonly name: string; readonly row: number };

export type EngineMessageCode = EngineMessage["code"];

/** An error raised by the engine, carrying what to tell the person. `message` is the code, for logs. */
export class EngineError extends Error {
  constructor(readonly detail: EngineMessage) {
    super(detail.code);
  }
}

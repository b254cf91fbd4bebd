// A short way into the engine for the tests. Nothing in src/ imports it: each layer imports the engine's
// modules by name, and tests/layers.test.ts enforces which ones it may (a host only the instruction set
// and small pure helpers: ops, records, address, text, types, metadata; the pane none).
export * from "./types";
export { a1, columnLetter, columnIndex, parseA1, parseRange } from "./address";
export { cellText, excerpt, yearIn } from "./text";
export { recogniseLabel, labelQuarter } from "./header";
export { readLedger, findHeader, hasLedgerHeader, FilledGrid, LedgerError, headingLevel, HEADER_SEARCH_ROWS } from "./ledger";
export { EngineError, type EngineMessage, type EngineMessageCode } from "./messages";
export { parseUnitCell, splitUnits, isCollective, replaceUnit } from "./units";
export { Directory, DirectoryError, readDirectory, normalizeUnitName, similarity, guessCategory, DIRECTORY_SHEET } from "./directory";
export { proposeDirectory, proposalLayout, type ProposedUnit } from "./proposal";
export { parseDeadline } from "./deadline";
export { assessTask, isPlaceholder, textSimilarity, hasFigure, hasFigureWithUnit, progressCell } from "./progress";
export { check, checkLedger, countByKind, hasProgressColumn, kindLabel, FINDING_KINDS } from "./check";
export { recheck, type ChangedRows, type Rechecked, type RecheckFallback } from "./recheck";
export {
  quarter,
  parseQuarter,
  formatQuarter,
  quarterLabel,
  quarterShortLabel,
  quarterEnd,
  reportDue,
  defaultQuarter,
  lastEndedQuarter,
  ledgerYear,
  previousQuarter,
} from "./quarter";

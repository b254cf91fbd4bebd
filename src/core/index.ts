// The engine's public surface: hosts import from here only.
export * from "./types";
export { a1, columnLetter, columnIndex, parseA1, parseRange } from "./address";
export { cellText, excerpt } from "./text";
export { recogniseLabel, labelQuarter } from "./header";
export { readLedger, findHeader, FilledGrid, LedgerError, headingLevel, yearIn, HEADER_SEARCH_ROWS } from "./ledger";
export { parseUnitCell, splitUnits, isCollective, replaceUnit } from "./units";
export { Directory, DirectoryError, readDirectory, normalizeUnitName, similarity, guessCategory, DIRECTORY_SHEET } from "./directory";
export { proposeDirectory, proposalLayout, type ProposedUnit } from "./proposal";
export { parseDeadline } from "./deadline";
export { assessTask, isPlaceholder, textSimilarity, hasFigure, hasFigureWithUnit, progressCell } from "./progress";
export { check, checkLedger, countByKind, kindLabel, FINDING_KINDS } from "./check";
export {
  quarter,
  parseQuarter,
  formatQuarter,
  quarterLabel,
  quarterShortLabel,
  quarterEnd,
  reportDue,
  defaultQuarter,
  previousQuarter,
} from "./quarter";

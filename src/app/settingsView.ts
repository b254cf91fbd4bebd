// 设置 as a form: the settings as the fields show them (text as typed, the engine's defaults filled in),
// the settings a filled form means (what saveSettings validates, and says what is wrong with), and what the
// reader found (the header and each column's role), for the person to compare.
import { columnLetter } from "../core/address";
import type { Ledger } from "../core/types";
import { paneText, type Lang } from "./messages";
import { SETTING_DEFAULTS, type Settings } from "./settings";

export const SCORING_KEYS = ["reported", "missing", "placeholder"] as const;
export type ScoringKey = (typeof SCORING_KEYS)[number];

/** The fields of 设置, as typed. */
export interface SettingsForm {
  readonly ledgerSheet: string;
  readonly minProgressLength: string;
  readonly staleSimilarity: string;
  readonly headerRow: string;
  /** Column letters by role. */
  readonly columns: Readonly<Record<string, string>>;
  readonly district: string;
  readonly issuer: string;
  readonly docNumber: string;
  /** 抄送, as stored (区委办公室，区政协办公室。): the form shows what the 版记 will print. */
  readonly copyTo: string;
  readonly scoring: Readonly<Record<ScoringKey, string>>;
}

/** The form for the settings stored (the engine's defaults where none is). */
export function settingsForm(stored: Settings): SettingsForm {
  return {
    ledgerSheet: stored.ledgerSheet ?? "",
    minProgressLength: String(stored.minProgressLength ?? SETTING_DEFAULTS.minProgressLength),
    staleSimilarity: String(stored.staleSimilarity ?? SETTING_DEFAULTS.staleSimilarity),
    headerRow: stored.headerRow !== undefined ? String(stored.headerRow) : "",
    columns: { ...(stored.columns ?? {}) },
    district: stored.district ?? "",
    issuer: stored.issuer ?? "",
    docNumber: stored.docNumber ?? "",
    copyTo: stored.copyTo ?? "",
    scoring: Object.fromEntries(SCORING_KEYS.map((k) => [k, stored.scoring ? String(stored.scoring[k]) : ""])) as Record<ScoringKey, string>,
  };
}

/** A number typed in a field: the number, or the text as typed when it is none (saveSettings says what is wrong). */
function typed(text: string): number | string | undefined {
  const s = text.trim();
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

/**
 * The settings a form means, for saveSettings to validate: fields left empty are left out; column letters
 * upper-case; scoring is on when any of its points is given, a point left empty counting 0.
 */
export function settingsOfForm(form: SettingsForm): Settings {
  const columns: Record<string, string> = {};
  for (const [k, v] of Object.entries(form.columns)) if (v.trim()) columns[k] = v.trim().toUpperCase();
  const text = (key: "district" | "issuer" | "docNumber" | "copyTo") => (form[key].trim() ? { [key]: form[key].trim() } : {});
  return {
    ...(form.ledgerSheet ? { ledgerSheet: form.ledgerSheet } : {}),
    minProgressLength: typed(form.minProgressLength),
    staleSimilarity: typed(form.staleSimilarity),
    headerRow: typed(form.headerRow),
    ...(Object.keys(columns).length ? { columns } : {}),
    ...text("district"),
    ...text("issuer"),
    ...text("docNumber"),
    ...text("copyTo"),
    ...(SCORING_KEYS.some((k) => form.scoring[k].trim()) ? { scoring: Object.fromEntries(SCORING_KEYS.map((k) => [k, typed(form.scoring[k]) ?? 0])) } : {}),
  } as Settings;
}

/** What the reader found: the sheet and its header rows, then each column with its role. */
export function detectedLines(ledger: Ledger, lang: Lang): { readonly header: string; readonly columns: readonly { readonly key: number; readonly text: string }[] } {
  const ui = paneText(lang);
  const rows = ledger.headerTop === ledger.headerRow ? String(ledger.headerRow) : `${ledger.headerTop}–${ledger.headerRow}`;
  return { header: ui.detectedHeader(ledger.sheet, rows), columns: ledger.columns.map((c) => ({ key: c.col, text: ui.detectedColumn(columnLetter(c.col), c.label, c.role, c.quarter) })) };
}

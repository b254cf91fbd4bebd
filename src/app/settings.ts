// What a person set up for a workbook, stored in the workbook itself (the add-in's metadata sheet),
// so that Excel, the preview and the command line all see the same. Read with care: a stored value
// that is not valid is reported and left out, never cast.
import { book } from "./book";
import { DEFAULT_MIN_PROGRESS_LENGTH, DEFAULT_STALE_SIMILARITY } from "../core/progress";
import type { ScoreRules } from "../core/summary";
import { AppError, type AppMessage, type SettingKey } from "./messages";
import type { WorkbookPort } from "./port";

/** The columns a person may set by letter. */
export const COLUMN_KEYS = ["no", "task", "lead", "co", "cityLead", "deadline", "status", "progress", "progress1", "progress2", "progress3", "progress4"] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface Settings {
  /** The ledger sheet; default: the active sheet when it is a ledger, else the first ledger sheet. */
  readonly ledgerSheet?: string;
  /** Progress shorter than this many characters is a placeholder (0–200; default SETTING_DEFAULTS'). */
  readonly minProgressLength?: number;
  /** Progress at least this similar to last quarter's (0–1; default SETTING_DEFAULTS') is stale. */
  readonly staleSimilarity?: number;
  /** The header row, when detection finds the wrong one (1-based). */
  readonly headerRow?: number;
  /** Column letters by role, over the detected columns. */
  readonly columns?: Readonly<Partial<Record<ColumnKey, string>>>;
  /** The district (江汉区) the 通报 and 催办单 speak for; default: the one the ledger's title names. */
  readonly district?: string;
  /** The issuing office (江汉区人民政府办公室); default: the district's 人民政府办公室. */
  readonly issuer?: string;
  /** The 通报's 文号 (某区政办〔2026〕1号); none by default. */
  readonly docNumber?: string;
  /** The 通报's 抄送 in its 版记, as copyToText writes it (区委办公室，区政协办公室。); none by default. */
  readonly copyTo?: string;
  /** Score the units by these points (0–100 each); no score by default. */
  readonly scoring?: ScoreRules;
}

/** What a setting left empty means: the engine's own defaults, for 设置 to show. */
export const SETTING_DEFAULTS = {
  minProgressLength: DEFAULT_MIN_PROGRESS_LENGTH,
  staleSimilarity: DEFAULT_STALE_SIMILARITY,
} as const satisfies Partial<Settings>;

export interface ReadSettings {
  readonly settings: Settings;
  /** What was stored but not valid (left out). */
  readonly problems: readonly AppMessage[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v) ?? String(v));

/** A whole number from `min` to `max` (Number.isInteger is false for anything but a number). */
const wholeIn = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

const SCORE_KEYS: readonly string[] = ["reported", "missing", "placeholder"];

/** The most a 抄送 may hold, its final 。 counted: some seven lines of the 版记. */
export const COPY_TO_MAX = 200;

/**
 * 抄送 as the 版记 prints it: the organs separated by "，", ending with "。" (GB/T 9704-2012 7.4.2 puts
 * the 句号 after the last organ; its sample separates them by commas). What is typed is made so: ",",
 * ";" and "；" between names become "，"; "、" too when it is the only separator used, but kept beside
 * "，", where it joins organs of one level (市中级法院、市检察院) as 《标点符号用法》 (GB/T 15834-2011) allows; a leading
 * "抄送：" and the final "。" may be left out. Undefined when it is not one line of organs of at most
 * COPY_TO_MAX characters.
 */
export function copyToText(typed: string): string | undefined {
  if (/[\r\n\t\v\f]/.test(typed)) return undefined;
  const body = typed
    .trim()
    .replace(/^抄送\s*[：:]\s*/, "")
    .replace(/\s*[,;；]\s*/g, "，")
    .replace(/\s*、\s*/g, "、")
    .replace(/[\s，、。.]+$/, "");
  const names = (body.includes("，") ? body : body.replace(/、/g, "，"))
    .split("，")
    .map((n) => n.trim())
    .filter(Boolean);
  // A 。 or a colon inside is no organ's name: two sentences, or a 主送 pasted with it.
  if (!names.length || names.some((n) => /[。：:]|^、|、$/.test(n))) return undefined;
  const text = `${names.join("，")}。`;
  return text.length <= COPY_TO_MAX ? text : undefined;
}

/** Checks one value (never null or undefined: those are no setting); true when not valid. */
function invalid(key: SettingKey, v: unknown): boolean {
  switch (key) {
    case "ledgerSheet":
      return typeof v !== "string" || !v.trim() || v.length > 31;
    case "minProgressLength":
      return !wholeIn(v, 0, 200);
    case "staleSimilarity":
      return typeof v !== "number" || !(v > 0 && v <= 1);
    case "headerRow":
      return !wholeIn(v, 1, 1048576);
    case "district":
      return typeof v !== "string" || !/^[\p{Script=Han}·]{1,12}(区|县|市|旗|新区|开发区)$/u.test(v.trim());
    case "issuer":
    case "docNumber":
      return typeof v !== "string" || !v.trim() || v.length > 40 || /[\r\n\t]/.test(v);
    case "copyTo":
      return typeof v !== "string" || copyToText(v) === undefined;
    case "scoring": {
      // Exactly the three points: a text, an array or a number has other keys, or lacks these.
      const points = v as Record<string, unknown>;
      return (
        Object.keys(points).some((k) => !SCORE_KEYS.includes(k)) ||
        SCORE_KEYS.some((k) => {
          const x = points[k];
          return typeof x !== "number" || !(x >= 0 && x <= 100) || Math.round(x * 10) !== x * 10;
        })
      );
    }
    case "columns":
      // An empty object is no columns set; an empty array, a number or a text is not valid.
      return (
        typeof v !== "object" ||
        Array.isArray(v) ||
        Object.entries(v as object).some(([k, letters]) => !(COLUMN_KEYS as readonly string[]).includes(k) || typeof letters !== "string" || !/^[A-Z]{1,3}$/.test(letters))
      );
  }
}

const KEYS: readonly SettingKey[] = ["ledgerSheet", "minProgressLength", "staleSimilarity", "headerRow", "columns", "district", "issuer", "docNumber", "copyTo", "scoring"];

/** Settings from any value (stored JSON parsed, or a form's values): the valid ones, and what was not. */
export function validateSettings(input: unknown): ReadSettings {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { settings: {}, problems: [{ code: "settings-unreadable" }] };
  const settings: Mutable<Settings> = {};
  const problems: AppMessage[] = [];
  const record = input as Record<string, unknown>;
  for (const key of KEYS) {
    const v = record[key];
    if (v === undefined || v === null || v === "") continue;
    if (invalid(key, v)) {
      problems.push({ code: "setting-invalid", key, value: show(v) });
      continue;
    }
    if (key === "columns") {
      if (Object.keys(v as object).length) settings.columns = { ...(v as Record<ColumnKey, string>) };
    } else if (key === "copyTo") settings.copyTo = copyToText(v as string);
    else (settings as Record<string, unknown>)[key] = typeof v === "string" ? v.trim() : v;
  }
  return { settings, problems };
}

/** Settings as stored (JSON); a text that is not JSON gives no settings and says so. */
export function parseSettings(json: string | undefined): ReadSettings {
  if (json === undefined || json.trim() === "") return { settings: {}, problems: [] };
  // A text that is not JSON leaves no value: unreadable, as validateSettings says of one.
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // not JSON
  }
  return validateSettings(value);
}

/** Settings as stored: only what is set, keys in a fixed order. */
export function settingsJson(settings: Settings): string {
  // JSON leaves out what is undefined.
  return JSON.stringify(Object.fromEntries(KEYS.map((key) => [key, settings[key]])));
}

/**
 * 保存设置: stores the settings in the workbook (its metadata sheet), after checking every value; a
 * value that is not valid is refused, saying which and what was expected.
 */
export async function saveSettings(port: WorkbookPort, settings: Settings): Promise<Settings> {
  const checked = validateSettings(settings);
  const bad = checked.problems[0];
  if (bad) throw new AppError(bad.code === "setting-invalid" ? { code: "setting-bad", key: bad.key, value: bad.value } : bad);
  await book(port).saveSettings(settingsJson(checked.settings));
  return checked.settings;
}

// Who the documents speak for: the district, the issuing office, the 文号 and the 抄送, as set in 设置, else
// the district the ledger's title (or sheet name) names and its 人民政府办公室. Nothing is invented:
// a ledger that names no district gives "区" and the office "区人民政府办公室", and the pane says to set it.
import { defaultIssuer, districtIn } from "../core/district";
import type { Ledger } from "../core/types";
import type { Settings } from "./settings";

export interface IssuingOffice {
  /** 江汉区; "" when neither the settings nor the ledger name one. */
  readonly district: string;
  /** 江汉区人民政府办公室. */
  readonly issuer: string;
  /** 某区政办〔2026〕1号, when set. */
  readonly docNumber?: string;
  /** The organs the 版记's 抄送 names (区委办公室，区政协办公室), when set; without the final 。, which the layout prints. */
  readonly copyTo?: string;
  /** Where the district came from. */
  readonly districtFrom: "settings" | "ledger" | "none";
}

export function issuingOffice(settings: Settings, ledger: Ledger): IssuingOffice {
  const fromLedger = districtIn(ledger.title) ?? districtIn(ledger.sheet);
  const district = settings.district ?? fromLedger ?? "";
  return {
    district,
    issuer: settings.issuer ?? defaultIssuer(district),
    ...(settings.docNumber ? { docNumber: settings.docNumber } : {}),
    ...(settings.copyTo ? { copyTo: settings.copyTo.replace(/。$/, "") } : {}),
    districtFrom: settings.district ? "settings" : fromLedger ? "ledger" : "none",
  };
}

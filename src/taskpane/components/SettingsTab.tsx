import * as React from "react";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { columnLetter, SETTABLE_COLUMN_KEYS, SETTING_DEFAULTS, type Settings } from "../../app";
import type { Pane } from "../pane";

/** A number typed in a field: the number, or the text as typed when it is none (the app says what is wrong). */
function typed(text: string): number | string | undefined {
  const s = text.trim();
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

export function SettingsTab({ pane }: { pane: Pane }): React.JSX.Element {
  const { app, t, ui, notify, outcome, overview } = pane;
  const initial = overview?.settings ?? outcome?.workbook.stored ?? {};
  const [ledgerSheet, setLedgerSheet] = React.useState(initial.ledgerSheet ?? "");
  const [minLength, setMinLength] = React.useState(String(initial.minProgressLength ?? SETTING_DEFAULTS.minProgressLength));
  const [stale, setStale] = React.useState(String(initial.staleSimilarity ?? SETTING_DEFAULTS.staleSimilarity));
  const [headerRow, setHeaderRow] = React.useState(initial.headerRow !== undefined ? String(initial.headerRow) : "");
  const [columns, setColumns] = React.useState<Record<string, string>>({ ...(initial.columns ?? {}) });
  const [district, setDistrict] = React.useState(initial.district ?? "");
  const [issuer, setIssuer] = React.useState(initial.issuer ?? "");
  const [docNumber, setDocNumber] = React.useState(initial.docNumber ?? "");
  const [scoring, setScoring] = React.useState<Record<"reported" | "missing" | "placeholder", string>>({
    reported: initial.scoring ? String(initial.scoring.reported) : "",
    missing: initial.scoring ? String(initial.scoring.missing) : "",
    placeholder: initial.scoring ? String(initial.scoring.placeholder) : "",
  });
  // What the documents use when a field is left empty.
  const office = overview?.office;
  const sheets = (overview?.sheets ?? outcome?.workbook.info.sheets ?? []).filter((s) => s.visible);

  const save = async () => {
    const cols: Record<string, string> = {};
    for (const [k, v] of Object.entries(columns)) if (v.trim()) cols[k] = v.trim().toUpperCase();
    const settings = {
      ...(ledgerSheet ? { ledgerSheet } : {}),
      minProgressLength: typed(minLength),
      staleSimilarity: typed(stale),
      headerRow: typed(headerRow),
      ...(Object.keys(cols).length ? { columns: cols } : {}),
      ...(district.trim() ? { district: district.trim() } : {}),
      ...(issuer.trim() ? { issuer: issuer.trim() } : {}),
      ...(docNumber.trim() ? { docNumber: docNumber.trim() } : {}),
      // Scoring is on when any of its points is given; a point left empty counts 0.
      ...(Object.values(scoring).some((v) => v.trim())
        ? { scoring: { reported: typed(scoring.reported) ?? 0, missing: typed(scoring.missing) ?? 0, placeholder: typed(scoring.placeholder) ?? 0 } }
        : {}),
    } as Settings;
    try {
      await app.saveSettings(settings);
      notify(t("saved"), "success");
      pane.refresh();
    } catch (e) {
      notify(pane.problem(e), "error");
    }
  };
  const ledger = outcome?.result.ledger;
  return (
    <div>
      <Field label={t("ledgerSheet")}>
        <Select value={ledgerSheet} onChange={(_, d) => setLedgerSheet(d.value)}>
          <option value="">{t("activeSheet")}</option>
          {sheets.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("minLength")}>
        <Input type="number" value={minLength} onChange={(_, d) => setMinLength(d.value)} />
      </Field>
      <Field label={t("staleSimilarity")}>
        <Input value={stale} onChange={(_, d) => setStale(d.value)} />
      </Field>
      <Field label={t("headerRow")} hint={t("overrideHint")}>
        <Input value={headerRow} onChange={(_, d) => setHeaderRow(d.value)} placeholder={ledger ? String(ledger.headerTop) : ""} />
      </Field>
      {SETTABLE_COLUMN_KEYS.map((key) => (
        <Field key={key} label={ui.columnSetting(key)} orientation="horizontal">
          <Input aria-label={ui.columnSetting(key)} value={columns[key] ?? ""} onChange={(_, d) => setColumns({ ...columns, [key]: d.value })} size="small" style={{ width: 64 }} />
        </Field>
      ))}
      <Field label={t("district")} hint={t("documentsHint")} style={{ marginTop: 8 }}>
        <Input value={district} onChange={(_, d) => setDistrict(d.value)} placeholder={office && office.districtFrom === "ledger" ? office.district : ui.districtExample} />
      </Field>
      <Field label={t("issuer")}>
        <Input value={issuer} onChange={(_, d) => setIssuer(d.value)} placeholder={office?.issuer ?? ui.issuerExample} />
      </Field>
      <Field label={t("docNumber")}>
        <Input value={docNumber} onChange={(_, d) => setDocNumber(d.value)} placeholder={ui.docNumberExample} />
      </Field>
      <Field label={t("scoring")} hint={t("scoringHint")} style={{ marginTop: 8 }}>
        <div style={{ display: "flex", gap: 6 }}>
          {(["reported", "missing", "placeholder"] as const).map((k) => (
            <Input key={k} aria-label={t(k === "reported" ? "scoreReported" : k === "missing" ? "scoreMissing" : "scorePlaceholder")} placeholder={t(k === "reported" ? "scoreReported" : k === "missing" ? "scoreMissing" : "scorePlaceholder")} value={scoring[k]} onChange={(_, d) => setScoring({ ...scoring, [k]: d.value })} size="small" style={{ width: 96 }} />
          ))}
        </div>
      </Field>
      <Button appearance="primary" onClick={() => void save()} style={{ marginTop: 8 }}>
        {t("save")}
      </Button>
      {ledger && (
        <div aria-label="detected" style={{ marginTop: 12 }}>
          <Text block weight="semibold">
            {t("detected")}
          </Text>
          <Text block>{ui.detectedHeader(ledger.sheet, ledger.headerTop === ledger.headerRow ? String(ledger.headerRow) : `${ledger.headerTop}–${ledger.headerRow}`)}</Text>
          {ledger.columns.map((c) => (
            <Text block key={c.col} size={200}>
              {ui.detectedColumn(columnLetter(c.col), c.label, c.role, c.quarter)}
            </Text>
          ))}
        </div>
      )}
    </div>
  );
}

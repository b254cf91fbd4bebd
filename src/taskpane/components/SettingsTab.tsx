import * as React from "react";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { detectedLines, SCORING_KEYS, SETTABLE_COLUMN_KEYS, settingsForm, settingsOfForm, type SettingsForm, type WordKey } from "../../app";
import type { Pane } from "../pane";
import { SelfTest } from "./SelfTest";

/** The label of each point of scoring. */
const SCORE_WORDS: Readonly<Record<(typeof SCORING_KEYS)[number], WordKey>> = { reported: "scoreReported", missing: "scoreMissing", placeholder: "scorePlaceholder" };

export function SettingsTab({ pane }: { pane: Pick<Pane, "app" | "t" | "ui" | "lang" | "notify" | "problem" | "outcome" | "overview" | "refresh"> }): React.JSX.Element {
  const { app, t, ui, lang, notify, outcome, overview } = pane;
  const [form, setForm] = React.useState<SettingsForm>(() => settingsForm(overview?.settings ?? outcome?.workbook.stored ?? {}));
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  // What the documents use when a field is left empty.
  const office = overview?.office;
  const sheets = (overview?.sheets ?? outcome?.workbook.info.sheets ?? []).filter((s) => s.visible);

  const save = async () => {
    try {
      const saved = await app.saveSettings(settingsOfForm(form));
      // 抄送 is stored as the 版记 prints it (separators and final 。 made so): the field shows that.
      set("copyTo", saved.copyTo ?? "");
      notify(t("saved"), "success");
      pane.refresh();
    } catch (e) {
      notify(pane.problem(e), "error");
    }
  };
  const ledger = outcome?.result.ledger;
  const detected = ledger ? detectedLines(ledger, lang) : undefined;
  return (
    <div>
      <Field label={t("ledgerSheet")}>
        <Select value={form.ledgerSheet} onChange={(_, d) => set("ledgerSheet", d.value)}>
          <option value="">{t("activeSheet")}</option>
          {sheets.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("minLength")}>
        <Input type="number" value={form.minProgressLength} onChange={(_, d) => set("minProgressLength", d.value)} />
      </Field>
      <Field label={t("staleSimilarity")}>
        <Input value={form.staleSimilarity} onChange={(_, d) => set("staleSimilarity", d.value)} />
      </Field>
      <Field label={t("headerRow")} hint={t("overrideHint")}>
        <Input value={form.headerRow} onChange={(_, d) => set("headerRow", d.value)} placeholder={ledger ? String(ledger.headerTop) : ""} />
      </Field>
      {SETTABLE_COLUMN_KEYS.map((key) => (
        <Field key={key} label={ui.columnSetting(key)} orientation="horizontal">
          <Input aria-label={ui.columnSetting(key)} value={form.columns[key] ?? ""} onChange={(_, d) => set("columns", { ...form.columns, [key]: d.value })} size="small" style={{ width: 64 }} />
        </Field>
      ))}
      <Field label={t("district")} hint={t("documentsHint")} style={{ marginTop: 8 }}>
        <Input value={form.district} onChange={(_, d) => set("district", d.value)} placeholder={office && office.districtFrom === "ledger" ? office.district : ui.districtExample} />
      </Field>
      <Field label={t("issuer")}>
        <Input value={form.issuer} onChange={(_, d) => set("issuer", d.value)} placeholder={office?.issuer ?? ui.issuerExample} />
      </Field>
      <Field label={t("docNumber")}>
        <Input value={form.docNumber} onChange={(_, d) => set("docNumber", d.value)} placeholder={ui.docNumberExample} />
      </Field>
      <Field label={t("copyTo")} hint={t("copyToHint")}>
        <Input value={form.copyTo} onChange={(_, d) => set("copyTo", d.value)} placeholder={ui.copyToExample} />
      </Field>
      <Field label={t("scoring")} hint={t("scoringHint")} style={{ marginTop: 8 }}>
        <div style={{ display: "flex", gap: 6 }}>
          {SCORING_KEYS.map((k) => (
            <Input key={k} aria-label={t(SCORE_WORDS[k])} placeholder={t(SCORE_WORDS[k])} value={form.scoring[k]} onChange={(_, d) => set("scoring", { ...form.scoring, [k]: d.value })} size="small" style={{ width: 96 }} />
          ))}
        </div>
      </Field>
      <Button appearance="primary" onClick={() => void save()} style={{ marginTop: 8 }}>
        {t("save")}
      </Button>
      {detected && (
        <div aria-label="detected" style={{ marginTop: 12 }}>
          <Text block weight="semibold">
            {t("detected")}
          </Text>
          <Text block>{detected.header}</Text>
          {detected.columns.map((c) => (
            <Text block key={c.key} size={200}>
              {c.text}
            </Text>
          ))}
        </div>
      )}
      <SelfTest pane={pane} />
    </div>
  );
}

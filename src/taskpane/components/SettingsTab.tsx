import * as React from "react";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { ROLE_LABELS } from "../../core/header";
import type { Settings, WorkbookHost } from "../../host/types";
import { problemText, type CheckOutcome } from "../session";
import type { WordKey } from "../i18n";

/** The columns a person may set by letter, with their names. */
const OVERRIDES: readonly (readonly [string, string])[] = [
  ["task", "任务列"],
  ["lead", "牵头单位列"],
  ["co", "配合单位列"],
  ["deadline", "完成时限列"],
  ["progress1", "一季度进展列"],
  ["progress2", "二季度进展列"],
  ["progress3", "三季度进展列"],
  ["progress4", "四季度进展列"],
];

export function SettingsTab({ host, t, outcome, notify }: { host: WorkbookHost; t: (k: WordKey) => string; outcome: CheckOutcome | undefined; notify: (text: string, intent?: "success" | "error" | "info") => void }): React.JSX.Element {
  const initial = outcome?.snapshot.settings ?? {};
  const [ledgerSheet, setLedgerSheet] = React.useState(initial.ledgerSheet ?? "");
  const [minLength, setMinLength] = React.useState(String(initial.minProgressLength ?? 8));
  const [stale, setStale] = React.useState(String(initial.staleSimilarity ?? 0.9));
  const [headerRow, setHeaderRow] = React.useState(initial.headerRow !== undefined ? String(initial.headerRow) : "");
  const [columns, setColumns] = React.useState<Record<string, string>>({ ...(initial.columns ?? {}) });
  const sheets = outcome?.snapshot.sheets.filter((s) => s.visible) ?? [];

  const save = async () => {
    const min = Number(minLength);
    const sim = Number(stale);
    if (!Number.isInteger(min) || min < 0 || min > 200) return notify("“进展少于多少字视为套话”应为 0 到 200 的整数。", "error");
    if (!(sim > 0 && sim <= 1)) return notify("“相似到多少视为照抄”应为 0 到 1 之间的小数，如 0.9。", "error");
    const row = headerRow.trim() ? Number(headerRow) : undefined;
    if (row !== undefined && !(Number.isInteger(row) && row >= 1)) return notify("表头行应为正整数（如 3），或留空由督办助手识别。", "error");
    const cols: Record<string, string> = {};
    for (const [k, v] of Object.entries(columns)) if (v.trim()) cols[k] = v.trim().toUpperCase();
    const bad = Object.entries(cols).find(([, v]) => !/^[A-Z]{1,3}$/.test(v));
    if (bad) return notify(`列应写成列字母（如 D），“${bad[1]}”不是列字母。`, "error");
    const settings: Settings = {
      ...initial,
      minProgressLength: min,
      staleSimilarity: sim,
      ...(ledgerSheet ? { ledgerSheet } : {}),
      ...(row !== undefined ? { headerRow: row } : {}),
      ...(Object.keys(cols).length ? { columns: cols } : {}),
    };
    const loose = settings as { ledgerSheet?: string; headerRow?: number; columns?: unknown };
    if (!ledgerSheet) delete loose.ledgerSheet;
    if (row === undefined) delete loose.headerRow;
    if (!Object.keys(cols).length) delete loose.columns;
    try {
      await host.saveSettings(settings);
      notify(t("saved"), "success");
    } catch (e) {
      notify(problemText(e), "error");
    }
  };
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
        <Input value={headerRow} onChange={(_, d) => setHeaderRow(d.value)} placeholder={outcome ? String(outcome.result.ledger.headerTop) : ""} />
      </Field>
      {OVERRIDES.map(([key, label]) => (
        <Field key={key} label={label} orientation="horizontal">
          <Input aria-label={label} value={columns[key] ?? ""} onChange={(_, d) => setColumns({ ...columns, [key]: d.value })} size="small" style={{ width: 64 }} />
        </Field>
      ))}
      <Button appearance="primary" onClick={() => void save()} style={{ marginTop: 8 }}>
        {t("save")}
      </Button>
      {outcome && (
        <div aria-label="detected" style={{ marginTop: 12 }}>
          <Text block weight="semibold">
            {t("detected")}
          </Text>
          <Text block>
            工作表“{outcome.result.ledger.sheet}”，表头在第 {outcome.result.ledger.headerTop === outcome.result.ledger.headerRow ? outcome.result.ledger.headerRow : `${outcome.result.ledger.headerTop}–${outcome.result.ledger.headerRow}`} 行
          </Text>
          {outcome.result.ledger.columns.map((c) => (
            <Text block key={c.col} size={200}>
              {String.fromCharCode(65 + (c.col % 26))}列“{c.label}” → {ROLE_LABELS[c.role]}
              {c.quarter ? `（${"一二三四"[c.quarter - 1]}季度）` : ""}
            </Text>
          ))}
        </div>
      )}
    </div>
  );
}

import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { formatQuarter, parseQuarter, quarterChoices, quarterName, type Lang } from "../../app";

/** The quarter picker the pane shares: the ledger's year first; `value` is 2026Q3. */
export function QuarterField({ label, lang, value, onChange, today, ledgerYear }: { label: string; lang: Lang; value: string; onChange: (value: string) => void; today: Date; ledgerYear?: number }): React.JSX.Element {
  const choices = quarterChoices(today, ledgerYear).map(formatQuarter);
  // A quarter the list would not offer (a ledger of an older year, checked before) stays shown.
  if (!choices.includes(value)) choices.unshift(value);
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)} aria-label={label}>
        {choices.map((q) => (
          <option key={q} value={q}>
            {quarterName(parseQuarter(q)!, lang)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

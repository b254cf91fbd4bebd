import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { formatQuarter, quarterLabel, type Quarter } from "../../core";

/** The quarters to offer: this year's, last year's and the ledger's year's, newest first. */
function quarterChoices(today: Date, ledgerYear?: number): Quarter[] {
  const years = [...new Set([today.getFullYear(), today.getFullYear() - 1, ...(ledgerYear ? [ledgerYear] : [])])].sort((a, b) => b - a);
  return years.flatMap((year) => [4, 3, 2, 1].map((q) => ({ year, q: q as Quarter["q"] })));
}

/** A quarter picker; `value` is 2026Q3. */
export function QuarterField({ label, value, onChange, today, ledgerYear }: { label: string; value: string; onChange: (value: string) => void; today: Date; ledgerYear?: number }): React.JSX.Element {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {quarterChoices(today, ledgerYear).map((q) => (
          <option key={formatQuarter(q)} value={formatQuarter(q)}>
            {quarterLabel(q)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

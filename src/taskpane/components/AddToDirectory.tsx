// What a finding offers under it, in both lists (by kind and by unit), as the application layer says
// (findingOffer): the suggested names to put in its cell (应用：…), then 加入目录 — the unit written is a
// real unit the directory lacks — or 作为“…”的别名, another spelling of the unit suggested. A slip of one
// character is a typo: its correction comes first and foremost, the directory after it, quietly.
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { DirectoryAddition, FindingOffer, PaneText } from "../../app";
import type { Pane } from "../pane";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}` },
});

/** Adds the unit, tells the person what was written, and hands back so the caller checks again. */
export async function addUnitToDirectory(pane: Pick<Pane, "app" | "ui" | "notify" | "problem">, name: string, addition: DirectoryAddition): Promise<boolean> {
  try {
    const added = await pane.app.addToDirectory(name, addition);
    pane.notify(added.as === "alias" ? pane.ui.addedAsAlias(added.name, added.of ?? "", added.cells) : pane.ui.addedUnit(added.name, added.cells), "success");
    return true;
  } catch (e) {
    pane.notify(pane.problem(e), "error");
    return false;
  }
}

export interface FindingActionsProps {
  readonly ui: PaneText;
  /** The name written in the cell. */
  readonly name: string | undefined;
  readonly offer: FindingOffer;
  readonly busy: boolean;
  /** Put this name in the cell. */
  readonly onApply: (name: string) => void;
  /** Teach the directory the name written. */
  readonly onAdd: (addition: DirectoryAddition) => void;
}

export function FindingActions({ ui, name, offer, busy, onApply, onAdd }: FindingActionsProps): React.JSX.Element | null {
  const styles = useStyles();
  if (!offer.corrections.length && !offer.addToDirectory) return null;
  const directory = offer.typo ? "subtle" : "outline";
  return (
    <div className={styles.bar}>
      {offer.corrections.map((s, i) => (
        <Button key={s} size="small" appearance={offer.typo && i === 0 ? "primary" : "outline"} disabled={busy} onClick={() => onApply(s)}>
          {ui.applyName(s)}
        </Button>
      ))}
      {offer.addToDirectory && name !== undefined && (
        <>
          <Button size="small" appearance={directory} disabled={busy} onClick={() => onAdd({ as: "unit" })} title={ui.addToDirectoryTitle(name)}>
            {ui.addToDirectory}
          </Button>
          {offer.aliasOf && (
            <Button size="small" appearance={directory} disabled={busy} onClick={() => onAdd({ as: "alias", of: offer.aliasOf! })} title={ui.aliasOfTitle(name, offer.aliasOf)}>
              {ui.aliasOf(offer.aliasOf)}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

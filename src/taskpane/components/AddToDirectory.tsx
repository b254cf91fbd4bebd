// 加入目录 from a finding: the unit written is a real unit the directory lacks (加入目录), or another
// spelling of the unit suggested (作为“…”的别名). The 部门目录 sheet gets the name; the check runs again.
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { DirectoryAddition } from "../../app";
import type { Pane } from "../pane";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}` },
});

/** Adds the unit, tells the person what was written, and hands back so the caller checks again. */
export async function addUnitToDirectory(pane: Pane, name: string, addition: DirectoryAddition): Promise<boolean> {
  try {
    const added = await pane.app.addToDirectory(name, addition);
    pane.notify(added.as === "alias" ? pane.ui.addedAsAlias(added.name, added.of ?? "", added.cells) : pane.ui.addedUnit(added.name, added.cells), "success");
    return true;
  } catch (e) {
    pane.notify(pane.problem(e), "error");
    return false;
  }
}

export function AddToDirectory({ pane, name, suggestion, busy, onAdd }: { pane: Pane; name: string; suggestion?: string | undefined; busy: boolean; onAdd: (addition: DirectoryAddition) => void }): React.JSX.Element {
  const styles = useStyles();
  const { ui } = pane;
  return (
    <div className={styles.bar}>
      <Button size="small" appearance="outline" disabled={busy} onClick={() => onAdd({ as: "unit" })} title={ui.addToDirectoryTitle(name)}>
        {ui.addToDirectory}
      </Button>
      {suggestion && (
        <Button size="small" appearance="outline" disabled={busy} onClick={() => onAdd({ as: "alias", of: suggestion })} title={ui.aliasOfTitle(name, suggestion)}>
          {ui.aliasOf(suggestion)}
        </Button>
      )}
    </div>
  );
}

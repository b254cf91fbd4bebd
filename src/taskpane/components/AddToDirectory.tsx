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
    const zh = pane.lang === "zh";
    pane.notify(
      added.as === "alias"
        ? zh ? `已把“${added.name}”作为“${added.of}”的别名写入部门目录（${added.cells.join("、")}）。` : `"${added.name}" added to the directory as an alias of "${added.of}" (${added.cells.join(", ")}).`
        : zh ? `已把“${added.name}”加入部门目录（${added.cells.join("、")}），请补全它的类别。` : `"${added.name}" added to the directory (${added.cells.join(", ")}).`,
      "success",
    );
    return true;
  } catch (e) {
    pane.notify(pane.problem(e), "error");
    return false;
  }
}

export function AddToDirectory({ pane, name, suggestion, busy, onAdd }: { pane: Pane; name: string; suggestion?: string | undefined; busy: boolean; onAdd: (addition: DirectoryAddition) => void }): React.JSX.Element {
  const styles = useStyles();
  const zh = pane.lang === "zh";
  return (
    <div className={styles.bar}>
      <Button size="small" appearance="outline" disabled={busy} onClick={() => onAdd({ as: "unit" })} title={zh ? `“${name}”是真实单位：写入部门目录` : `"${name}" is a real unit: add it to the directory`}>
        {zh ? "加入目录" : "Add to directory"}
      </Button>
      {suggestion && (
        <Button size="small" appearance="outline" disabled={busy} onClick={() => onAdd({ as: "alias", of: suggestion })} title={zh ? `把“${name}”写入“${suggestion}”的别名` : `Add "${name}" as an alias of "${suggestion}"`}>
          {zh ? `作为“${suggestion}”的别名` : `Alias of "${suggestion}"`}
        </Button>
      )}
    </div>
  );
}

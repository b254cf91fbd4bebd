// How a finding looks in the pane's lists (by kind and by unit): a row the width of the list, a button
// that selects the finding's cell, its place (序号 · cell) in the brand colour.
import { tokens, type GriffelStyle } from "@fluentui/react-components";

export const FINDING_ROW: GriffelStyle = {
  display: "block",
  width: "100%",
  textAlign: "left",
  border: "none",
  borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  background: "transparent",
  font: "inherit",
  color: "inherit",
  cursor: "pointer",
  ":hover": { background: tokens.colorNeutralBackground1Hover },
  ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
};

export const FINDING_PLACE: GriffelStyle = { color: tokens.colorBrandForeground1, marginRight: tokens.spacingHorizontalXS };

// How cells look in WPS 表格's object model: fills by colour and the properties of a style, each set as
// its own property of Excel's VBA model (Font, Interior, alignment, Borders.Item(XlBordersIndex)).
import type { CellRange, CellStyle } from "../../app/port";
import { bgrOf } from "./cells";
import * as X from "./model";
import type { EtRange } from "./model";

const ALIGN = { left: X.XL_LEFT, center: X.XL_CENTER, right: X.XL_RIGHT } as const;

/** Fills cells solid with a colour (#RRGGBB), or takes their fill away. */
export function fill(r: EtRange, color: string | null): void {
  const interior = r.Interior;
  if (color === null) interior.Pattern = X.XL_NONE;
  else {
    interior.Pattern = X.XL_SOLID;
    interior.Color = bgrOf(color);
  }
}

/** A style's properties on a range (`range`: the same cells, 0-based), each as its own property of the object model. */
export function style(r: EtRange, s: CellStyle, range: CellRange): void {
  if (s.bold !== undefined) r.Font.Bold = s.bold;
  if (s.size !== undefined) r.Font.Size = s.size;
  if (s.color !== undefined) r.Font.Color = bgrOf(s.color);
  if (s.underline !== undefined) r.Font.Underline = s.underline ? X.XL_UNDERLINE_SINGLE : X.XL_UNDERLINE_NONE;
  if (s.fill !== undefined) fill(r, s.fill);
  if (s.align) r.HorizontalAlignment = ALIGN[s.align];
  if (s.valign) r.VerticalAlignment = s.valign === "top" ? X.XL_TOP : X.XL_CENTER;
  if (s.wrap !== undefined) r.WrapText = s.wrap;
  if (s.border) {
    const around = "around" in s.border;
    // Inside lines only where there are cells on both sides of them.
    const inside = [...(range.bottom > range.top ? [X.XL_INSIDE_HORIZONTAL] : []), ...(range.right > range.left ? [X.XL_INSIDE_VERTICAL] : [])];
    const edges = around ? [X.XL_EDGE_TOP, X.XL_EDGE_BOTTOM, X.XL_EDGE_LEFT, X.XL_EDGE_RIGHT, ...inside] : [X.XL_EDGE_BOTTOM];
    const color = bgrOf("around" in s.border ? s.border.around : s.border.under);
    for (const edge of edges) {
      const b = r.Borders.Item(edge);
      b.LineStyle = X.XL_CONTINUOUS;
      b.Weight = X.XL_THIN;
      b.Color = color;
    }
  }
  if (s.numberFormat !== undefined) r.NumberFormat = s.numberFormat;
}


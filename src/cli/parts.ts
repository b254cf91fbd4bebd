// What a workbook holds that ExcelJS does not carry over when it writes the workbook again, so that
// the command can say so (and refuse to write over such a file) instead of losing it silently.
import * as fs from "fs";
import JSZip from "jszip";
import type { XlsxPart } from "../app";

const PARTS: readonly (readonly [RegExp, XlsxPart])[] = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/chartsheets\//, "chartsheets"],
  [/^xl\/pivotTables\/|^xl\/pivotCache\//, "pivot-tables"],
  [/^xl\/vbaProject\.bin$/, "vba"],
  [/^xl\/slicers\/|^xl\/slicerCaches\//, "slicers"],
  [/^xl\/timelines\/|^xl\/timelineCaches\//, "timelines"],
  [/^xl\/ctrlProps\/|^xl\/activeX\//, "controls"],
  [/^xl\/externalLinks\//, "external-links"],
  [/^xl\/threadedComments\//, "threaded-comments"],
  [/^xl\/model\//, "data-model"],
];

/** The kinds of content in the .xlsx file that would be lost by rewriting it (said by src/app/messages.ts). */
export async function partsExcelJsDrops(file: string): Promise<XlsxPart[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const found = new Set<XlsxPart>();
  for (const name of Object.keys(zip.files)) {
    for (const [re, part] of PARTS) if (re.test(name)) found.add(part);
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(name)) {
      const xml = await zip.files[name]!.async("string");
      if (/<xdr:sp[\s>]/.test(xml)) found.add("shapes");
    }
  }
  return [...found];
}

// What a workbook holds that ExcelJS does not carry over when it writes the workbook again, so that
// the command can say so (and refuse to write over such a file) instead of losing it silently.
import * as fs from "fs";
import JSZip from "jszip";

const PARTS: readonly (readonly [RegExp, string])[] = [
  [/^xl\/charts\//, "图表"],
  [/^xl\/chartsheets\//, "图表工作表"],
  [/^xl\/pivotTables\/|^xl\/pivotCache\//, "数据透视表"],
  [/^xl\/vbaProject\.bin$/, "宏（VBA）"],
  [/^xl\/slicers\/|^xl\/slicerCaches\//, "切片器"],
  [/^xl\/timelines\/|^xl\/timelineCaches\//, "日程表"],
  [/^xl\/ctrlProps\/|^xl\/activeX\//, "表单控件"],
  [/^xl\/externalLinks\//, "外部链接"],
  [/^xl\/threadedComments\//, "批注（新版）"],
  [/^xl\/model\//, "数据模型"],
];

/** The kinds of content in the .xlsx file that would be lost by rewriting it, in Chinese. */
export async function partsExcelJsDrops(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const found = new Set<string>();
  for (const name of Object.keys(zip.files)) {
    for (const [re, label] of PARTS) if (re.test(name)) found.add(label);
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(name)) {
      const xml = await zip.files[name]!.async("string");
      if (/<xdr:sp[\s>]/.test(xml)) found.add("形状和文本框");
    }
  }
  return [...found];
}

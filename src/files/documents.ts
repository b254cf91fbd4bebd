// Official documents (the 催办单 and the 通报) as .docx files, laid out as GB/T 9704-2012 lays out a
// 公文: A4, 37 mm above and 28 mm at the binding edge (a 156 × 225 mm text area), the title in 2号
// 小标宋, the text in 3号仿宋_GB2312 at 22 lines a page and 28 characters a line, 一、 headings in 黑体
// and （一） in 楷体, the issuing office's mark and the separator line in red, the page number as
// “— 1 —” in 4号宋体 at the outer edge (right on odd pages, left on even ones). Made with the `docx`
// library, in the browser (the pane) and in Node (the command line).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FrameAnchorType,
  HorizontalPositionAlign,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  VerticalPositionAlign,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import JSZip from "jszip";
import type { DocumentFiles } from "../app/port";
import type { DocAnnex, DocBlock, DocTable, OfficialDocument } from "../core/document";

/** Millimetres to twentieths of a point (twips), as page sizes and margins are written. */
const mm = (x: number) => Math.round((x * 1440) / 25.4);

/** The text area: 156 mm wide. */
const TEXT_WIDTH = mm(156);
/** 22 lines in 225 mm: exactly 28.95 pt a line. */
const LINE = Math.round((225 / 22 / 25.4) * 1440);

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, imprint: 28, pageNumber: 28, table: 24, masthead: 52 } as const;

/**
 * The fonts the standard names, each with the names it goes by elsewhere, in order: the names
 * Windows has (仿宋, 楷体 since Windows Vista; 仿宋_GB2312 on older systems), the Mac's (华文…),
 * then the free CJK fonts of Linux desktops (Kylin, UOS). Word and LibreOffice try the alternatives of
 * a missing font in turn (ISO/IEC 29500-1 §17.8.3.1, w:altName).
 */
export const DOCUMENT_FONTS = {
  title: { name: "方正小标宋简体", alt: ["方正小标宋_GBK", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC"] },
  body: { name: "仿宋_GB2312", alt: ["仿宋", "FangSong", "华文仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC"] },
  heading: { name: "黑体", alt: ["SimHei", "华文黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC"] },
  subheading: { name: "楷体_GB2312", alt: ["楷体", "KaiTi", "华文楷体", "STKaiti", "Noto Serif CJK SC", "Source Han Serif SC"] },
  number: { name: "宋体", alt: ["SimSun", "Noto Serif CJK SC", "Source Han Serif SC"] },
} as const;

type FontKey = keyof typeof DOCUMENT_FONTS;
/** Latin letters and figures beside Chinese text: Times New Roman, as official documents set them. */
const LATIN = "Times New Roman";
const RED = "FF0000";
/** Simplified Chinese, so that a font found in its place has the mainland's glyph forms. */
const ZH = { value: "zh-CN", eastAsia: "zh-CN" } as const;
/** Figures and Latin words in Chinese text. */
const EN = { value: "en-US", eastAsia: "zh-CN" } as const;
/** One character of the body's size (3号, 16 pt) in twips. */
const CHAR = 320;

/** How wide a text is in characters of its size: CJK and full-width forms one, the rest half. */
const widthInChars = (text: string) => Array.from(text).reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.5), 0);

/** Figures and Latin words, with what joins them (20.5%, 2026-10-10, GB/T). */
const LATIN_WORD = /([0-9A-Za-z]+(?:[.%/:-][0-9A-Za-z%]+)*%?)/;

/**
 * A text as runs: figures and Latin words in runs of their own marked as English (w:lang), the rest
 * as Chinese. LibreOffice lays a figure out in the script of the text before it, and breaks a line
 * anywhere inside Chinese text (截至2026年1 | 0月20日); in an English run it keeps the figure whole,
 * as Word does.
 */
function run(text: string, font: FontKey, size: number, extra: Omit<IRunOptions, "text" | "font" | "size"> = {}): TextRun[] {
  const face = DOCUMENT_FONTS[font].name;
  const latin = font === "title" || font === "number" ? face : LATIN;
  const parts = text.split(LATIN_WORD);
  return parts.flatMap((part, i) => (part || parts.length === 1 ? [new TextRun({ text: part, font: { eastAsia: face, ascii: latin, hAnsi: latin }, size, language: i % 2 ? EN : ZH, ...extra })] : []));
}

const exact = (line: number, before = 0, after = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after });

function para(children: ParagraphChild[], options: Omit<ConstructorParameters<typeof Paragraph>[0] & object, "children"> = {}): Paragraph {
  return new Paragraph({ spacing: exact(LINE), ...options, children });
}

/** The issuing office's mark (red, centred), the 文号 under it, and the red separator line. */
function masthead(m: NonNullable<OfficialDocument["masthead"]>): Paragraph[] {
  const line = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } };
  const out = [para(run(m.issuer, "title", SIZE.masthead, { color: RED }), { alignment: AlignmentType.CENTER, spacing: { line: 900, lineRule: LineRuleType.EXACT, before: LINE } })];
  out.push(para(run(m.number ?? "", "body", SIZE.body), { alignment: AlignmentType.CENTER, spacing: exact(LINE, LINE), border: line }));
  return out;
}

/**
 * A table in 小四 (12 pt), its header in 黑体, every cell bordered, each row kept on one page, the
 * header repeated on each page (w:tblHeader).
 */
function table(t: DocTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const cell = (text: string, col: number, header: boolean) =>
    new TableCell({
      width: { size: widths[col]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: text.split("\n").map((line) =>
        new Paragraph({
          spacing: { line: 300, lineRule: LineRuleType.AUTO },
          alignment: header || t.centred?.includes(col) ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: run(line, header ? "heading" : "body", SIZE.table),
        }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

/**
 * A block laid out. A heading stays on the page of what follows it, and so does the paragraph that
 * introduces a table (w:keepNext): a table that starts where only its header row fits is moved whole
 * to the next page by LibreOffice (7.4), which then breaks it after its first row. The body's last
 * paragraph stays with the signature (`closing`): GB/T 9704 7.3.5 has no page of a signature alone.
 */
function block(b: DocBlock, next: DocBlock | undefined, closing: boolean): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [para(run(b.text, b.level === 1 ? "heading" : "subheading", SIZE.body), { indent: { firstLine: 2 * CHAR }, keepNext: true })];
    case "paragraph": {
      const keep = next?.kind === "table" || (!next && closing);
      return [para(run(b.text, "body", SIZE.body), { alignment: AlignmentType.JUSTIFIED, ...(keep ? { keepNext: true } : {}), ...(b.indent === false ? {} : { indent: { firstLine: 2 * CHAR } }) })];
    }
    case "note":
      return [para(run(b.text, "body", SIZE.table), { spacing: { line: 340, lineRule: LineRuleType.AUTO, before: 60, after: 120 }, ...(next?.kind === "table" ? { keepNext: true } : {}) })];
    case "table":
      // A line of space after each table, so the text under it does not touch it.
      return [table(b), para([], { spacing: { line: 200, lineRule: LineRuleType.EXACT } })];
  }
}

/**
 * 发文机关署名 and 成文日期: the date four characters in from the right edge, the office's name
 * centred over the date.
 */
function signature(s: NonNullable<OfficialDocument["signature"]>): Paragraph[] {
  const dateRight = 4 * CHAR;
  const issuerRight = Math.max(0, Math.round(dateRight + ((widthInChars(s.date) - widthInChars(s.issuer)) / 2) * CHAR));
  return [
    para([], { keepNext: true }),
    para(run(s.issuer, "body", SIZE.body), { alignment: AlignmentType.RIGHT, indent: { right: issuerRight }, keepNext: true }),
    para(run(s.date, "body", SIZE.body), { alignment: AlignmentType.RIGHT, indent: { right: dateRight } }),
  ];
}

/**
 * 附件说明 (GB/T 9704-2012 7.3.6): a line under the body, two characters in, 附件：1. 名称; the names
 * after the first aligned under it (a hanging indent of 附件：), no full stop after a name.
 */
function annexNotes(annexes: readonly DocAnnex[]): Paragraph[] {
  const left = 5 * CHAR;
  return [
    para([], { keepNext: true }),
    ...annexes.map((a, i) =>
      para(run(`${i ? "" : "附件："}${i + 1}. ${a.title}`, "body", SIZE.body), { indent: i ? { left } : { left, hanging: 3 * CHAR }, keepNext: true }),
    ),
  ];
}

/**
 * An annex (GB/T 9704-2012 8.2): on a new page, 附件N alone on the first line in 3号黑体 at the left
 * edge, its title centred on the third line in 小标宋, then its tables, whose header rows repeat on
 * each page they run onto.
 */
function annex(a: DocAnnex, i: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    para(run(`附件${i + 1}`, "heading", SIZE.body), { pageBreakBefore: true, keepNext: true }),
    para(run(a.title, "title", SIZE.title), { alignment: AlignmentType.CENTER, spacing: exact(LINE + 160, LINE, LINE / 2), keepNext: true }),
  ];
  a.blocks.forEach((b, j) => out.push(...block(b, a.blocks[j + 1], false)));
  return out;
}

/** The text area's height: 225 mm. */
const TEXT_HEIGHT = mm(225);

/**
 * 版记: 抄送 and the printer with the date, between lines (the first and last thicker, a thin one
 * between), at the foot of the last page (GB/T 9704-2012 7.4: 版记的最后一个要素置于最后一行) however
 * little that page holds else. Each line is a paragraph in a frame of its own (w:framePr, ISO/IEC
 * 29500-1 §17.3.1.11) anchored to the text area: the printer's aligned to its bottom, the 抄送 one
 * placed right above it. Word and LibreOffice 7.4 both place such frames on the page where their
 * paragraph falls (printed through LibreOffice in tests/tools). Tried and dropped: the two paragraphs
 * in one frame, which LibreOffice 7.4 leaves in the text flow; a floating table (w:tblpPr), which it lays out inline; a section aligned at the
 * bottom (w:vAlign), which needs a page of its own.
 */
function imprint(i: NonNullable<OfficialDocument["imprint"]>): Paragraph[] {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 2 };
  const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000", space: 2 };
  const anchor = { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN };
  // Heights in twips: a border is its width (size in eighths of a point) and its space (points).
  const border = (b: typeof thick) => (b.size * 20) / 8 + b.space * 20;
  const printerHeight = LINE + (i.copyTo ? 0 : border(thick)) + border(thick);
  const out: Paragraph[] = [];
  if (i.copyTo) {
    const text = `抄送：${i.copyTo}。`;
    // 4号 (14 pt, 280 twips) characters on the line inside the indents.
    const lines = Math.ceil(widthInChars(text) / Math.floor((TEXT_WIDTH - 560) / (SIZE.imprint * 10)));
    const height = lines * LINE + border(thick) + border(thin);
    out.push(
      para(run(text, "body", SIZE.imprint), {
        frame: { type: "absolute", position: { x: 0, y: TEXT_HEIGHT - printerHeight - height }, width: TEXT_WIDTH, anchor },
        indent: { left: 280, right: 280 },
        border: { top: thick, bottom: thin },
      }),
      // A paragraph between the two frames: LibreOffice 7.4 reads framed paragraphs that follow each
      // other as one frame, and then leaves them in the text flow.
      para([], { spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }),
    );
  }
  out.push(
    // A tab (w:tab), not a tab character: the date at the right-hand stop.
    para([...run(i.printer, "body", SIZE.imprint), new TextRun({ children: [new Tab()] }), ...run(`${i.date}印发`, "body", SIZE.imprint)], {
      frame: { type: "alignment", alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM }, width: TEXT_WIDTH, anchor },
      indent: { left: 280, right: 280 },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 280 }],
      border: { ...(i.copyTo ? {} : { top: thick }), bottom: thick },
    }),
  );
  return out;
}

/** “— 1 —” at the outer edge, one character in. */
function pageNumber(align: "right" | "left"): Footer {
  const side = align === "right" ? { right: 280 } : { left: 280 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side,
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: { eastAsia: DOCUMENT_FONTS.number.name, ascii: DOCUMENT_FONTS.number.name, hAnsi: DOCUMENT_FONTS.number.name }, size: SIZE.pageNumber })],
      }),
    ],
  });
}

/** Characters of 2号 (22 pt) on a line of the text area. */
const TITLE_CHARS = Math.floor(TEXT_WIDTH / (SIZE.title * 10));

/** The title, on the lines the document breaks it into when it is too long for one. */
function titleRuns(doc: OfficialDocument): TextRun[] {
  const lines = doc.titleLines && widthInChars(doc.title) > TITLE_CHARS ? doc.titleLines : [doc.title];
  return lines.flatMap((line, i) => [...(i ? [new TextRun({ break: 1 })] : []), ...run(line, "title", SIZE.title)]);
}

/** The document, laid out. */
export function officialDocument(doc: OfficialDocument): Document {
  const children: (Paragraph | Table)[] = [];
  if (doc.masthead) children.push(...masthead(doc.masthead));
  // The title two lines under the red line (or the top of the text area), centred, in 小标宋.
  children.push(para(titleRuns(doc), { alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.EXACT, before: doc.masthead ? LINE : 0, after: doc.subtitle ? 0 : LINE } }));
  if (doc.subtitle) children.push(para(run(doc.subtitle, "subheading", SIZE.body), { alignment: AlignmentType.CENTER, spacing: exact(LINE, 0, LINE) }));
  if (doc.receiver) children.push(para(run(`${doc.receiver}：`, "body", SIZE.body), {}));
  doc.blocks.forEach((b, i) => children.push(...block(b, doc.blocks[i + 1], !!doc.signature || !!doc.annexes?.length)));
  if (doc.annexes?.length) children.push(...annexNotes(doc.annexes));
  if (doc.signature) children.push(...signature(doc.signature));
  doc.annexes?.forEach((a, i) => children.push(...annex(a, i)));
  if (doc.imprint) children.push(...imprint(doc.imprint));
  return new Document({
    title: doc.name,
    creator: "督办助手",
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { eastAsia: DOCUMENT_FONTS.body.name, ascii: LATIN, hAnsi: LATIN }, size: SIZE.body, language: ZH } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            // The page number sits 7 mm under the text area.
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(28) - 280, gutter: 0 },
          },
        },
        footers: { default: pageNumber("right"), even: pageNumber("left") },
        children,
      },
    ],
  });
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The font table, with each font's alternative names (w:altName) and its character set (GB2312).
 * The `docx` library writes a font table only for fonts embedded in the file, so this part is given
 * to it whole.
 */
export function fontTableXml(): string {
  const fonts = Object.values(DOCUMENT_FONTS)
    .map((f) => `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.alt.join(","))}"/><w:charset w:val="86"/><w:family w:val="${f === DOCUMENT_FONTS.heading ? "modern" : "roman"}"/><w:pitch w:val="variable"/></w:font>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}<w:font w:name="${LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
}

export async function documentBytes(doc: OfficialDocument): Promise<Uint8Array> {
  const overrides = [{ path: "word/fontTable.xml", data: fontTableXml() }];
  // Bytes in the browser and in Node alike.
  return Packer.pack(officialDocument(doc), "uint8array", undefined, overrides);
}

/** Several documents in one .zip (stored: .docx files are zips already), and plain texts beside them. */
export async function documentsZip(files: readonly { readonly name: string; readonly doc: OfficialDocument }[], texts: readonly { readonly name: string; readonly text: string }[] = []): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, await documentBytes(f.doc));
  // With a byte-order mark: Windows' Notepad before 2019 reads a file without one as the local code page.
  for (const t of texts) zip.file(t.name, `\uFEFF${t.text.replace(/\n/g, "\r\n")}`);
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** The documents as the application layer's port. */
export const documentFiles: DocumentFiles = { bytes: documentBytes, zip: documentsZip };

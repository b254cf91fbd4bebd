// What ExcelJS drops when it writes a workbook it read, put back from the original file's bytes:
// - an AutoFilter's criteria (ExcelJS keeps only the filter's range, so the filter shows all again);
// - the apostrophe prefix of cells typed as text ('01, '=推进…), the quotePrefix of their cell style
//   (without it, editing such a cell in Excel turns '=推进… into a formula and '01 into 1).
// - a sheet's data validations (dropdowns such as 推进中/已完成), the <dataValidations> element and the
//   x14 ones in <extLst>, byte for byte: loadXlsx has ExcelJS skip them (src/hosts/xlsx/open.ts), and
//   ExcelJS never carries the x14 ones over.
// Sheets are matched by name and cells by address; what cannot be put back is returned (src/app/messages.ts says it).
import JSZip from "jszip";

export interface Kept {
  /** The written package, with what could be kept put back (the written bytes when nothing was needed). */
  readonly bytes: Uint8Array;
  /** What the written file lacks: a sheet's filter criteria, or its cells typed as text ('01). */
  readonly lost: readonly { readonly sheet: string; readonly what: Lost }[];
}

type Lost = "filter" | "text-prefix" | "validations";

const MAIN_TYPE = /\/officeDocument$/;
const SHEET_TYPE = /\/worksheet$/;
const STYLES_TYPE = /\/styles$/;

/** The value of an attribute in a start tag, XML entities decoded. */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  const v = m ? (m[2] ?? m[3]!) : undefined;
  return v?.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);
}

/** Resolves a relationship's target against the folder of the part that owns it. */
function resolve(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

async function text(zip: JSZip, name: string): Promise<string | undefined> {
  return zip.file(name)?.async("string");
}

/** Relationships of a part: id → { type, target path }. */
async function relationships(zip: JSZip, part: string): Promise<Map<string, { type: string; path: string }>> {
  const slash = part.lastIndexOf("/");
  const rels = await text(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  const out = new Map<string, { type: string; path: string }>();
  for (const m of (rels ?? "").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target && attr(m[0], "TargetMode") !== "External") out.set(id, { type: attr(m[0], "Type") ?? "", path: resolve(part, target) });
  }
  return out;
}

interface Package {
  readonly zip: JSZip;
  /** Sheet name → the path of its worksheet part. */
  readonly sheets: Map<string, string>;
  readonly styles?: string;
}

async function openPackage(bytes: Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  const root = [...(await relationships(zip, "")).values()].find((r) => MAIN_TYPE.test(r.type))?.path ?? "xl/workbook.xml";
  const rels = await relationships(zip, root);
  const sheets = new Map<string, string>();
  for (const m of ((await text(zip, root)) ?? "").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rel = rels.get(attr(m[0], "r:id") ?? "");
    if (name !== undefined && rel && SHEET_TYPE.test(rel.type)) sheets.set(name, rel.path);
  }
  const styles = [...rels.values()].find((r) => STYLES_TYPE.test(r.type))?.path;
  return { zip, sheets, ...(styles ? { styles } : {}) };
}

/** The <xf> elements of cellXfs, in order, and where the list stands in the styles part. */
function cellXfs(styles: string): { xfs: string[]; start: number; end: number } | undefined {
  const m = /<((?:\w+:)?)cellXfs\b[^>]*>([\s\S]*?)<\/\1cellXfs>/.exec(styles);
  if (!m) return undefined;
  const xfs = [...m[2]!.matchAll(/<(?:\w+:)?xf\b[^>]*?\/>|<((?:\w+:)?)xf\b[^>]*>[\s\S]*?<\/\1xf>/g)].map((x) => x[0]);
  return { xfs, start: m.index, end: m.index + m[0].length };
}

const isOn = (v: string | undefined) => v === "1" || v === "true";

/** The AutoFilter element of a sheet with its criteria, or undefined when it has none to lose. */
function filterWithCriteria(sheet: string): string | undefined {
  const m = /<((?:\w+:)?)autoFilter\b(?:[^>]*[^/>])?>[\s\S]*?<\/\1autoFilter>/.exec(sheet);
  return m && /filterColumn|sortState/.test(m[0]) ? m[0] : undefined;
}

/**
 * The original's AutoFilter as the written sheet can hold it: no namespace prefixes, no attributes
 * or extensions from namespaces the written sheet does not declare. Undefined when its criteria
 * point into the original's styles (a filter by colour or icon), which the written file renumbers.
 */
function portableFilter(element: string): string | undefined {
  if (/colorFilter|iconFilter/.test(element)) return undefined;
  return element
    .replace(/<((?:\w+:)?)extLst\b[\s\S]*?<\/\1extLst>/g, "")
    .replace(/(<\/?)\w+:/g, "$1")
    .replace(/\s(?!r:)\w+:\w+\s*=\s*("[^"]*"|'[^']*')/g, "");
}

/** A sheet's <dataValidations> element, as written. */
function validationsOf(sheet: string): string | undefined {
  return /<((?:\w+:)?)dataValidations\b(?:[^>]*[^/>])?>[\s\S]*?<\/\1dataValidations>/.exec(sheet)?.[0];
}

/**
 * The <ext> elements holding x14:dataValidations (validations whose list is on another sheet, as
 * Excel 2010 on writes them: the worksheet ext {CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF} of [MS-XLSX]).
 */
function validationExts(sheet: string): string[] {
  return [...sheet.matchAll(/<((?:\w+:)?)ext\b[^>]*\buri\s*=\s*"\{CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF\}"[^>]*>[\s\S]*?<\/\1ext>/gi)].map((m) => m[0]);
}

/** Elements before <dataValidations> that may hold elements named like those after it (an autoFilter's extLst). */
const BEFORE_VALIDATIONS = /<\/(?:\w+:)?(?:sheetData|sheetProtection|protectedRanges|scenarios|autoFilter|sortState|dataConsolidate|customSheetViews|mergeCells|phoneticPr|conditionalFormatting)>/g;
/**
 * The elements that follow <dataValidations> in a worksheet (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet):
 * it goes before the first of them.
 */
const AFTER_VALIDATIONS = /<(?:\w+:)?(?:hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:\w+:)?worksheet>/g;

function insertValidations(sheet: string, element: string): string | undefined {
  let from = 0;
  for (const m of sheet.matchAll(BEFORE_VALIDATIONS)) from = m.index + m[0].length;
  AFTER_VALIDATIONS.lastIndex = from;
  const at = AFTER_VALIDATIONS.exec(sheet)?.index;
  return at === undefined ? undefined : sheet.slice(0, at) + element + sheet.slice(at);
}

/** Puts `exts` into the worksheet's own <extLst> (the last element), made when it has none. */
function insertExts(sheet: string, exts: readonly string[]): string | undefined {
  const list = /<\/((?:\w+:)?)extLst>\s*<\/(?:\w+:)?worksheet>\s*$/.exec(sheet);
  if (list) return sheet.slice(0, list.index) + exts.join("") + sheet.slice(list.index);
  const end = /<\/((?:\w+:)?)worksheet>\s*$/.exec(sheet);
  return end ? `${sheet.slice(0, end.index)}<${end[1]}extLst>${exts.join("")}</${end[1]}extLst>${sheet.slice(end.index)}` : undefined;
}

/** The root element's start tag of a part. */
const ROOT = /<(?:\w+:)?worksheet\b[^>]*>/;

/** The namespace declarations of a start tag: prefix ("" for the default) → URI. */
function declarations(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/\sxmlns(?::(\w+))?\s*=\s*"([^"]*)"/g)].map((m) => [m[1] ?? "", m[2]!]));
}

/**
 * Declares on the written sheet's root the prefixes the elements put back use and do not declare
 * themselves (xr:uid on Excel's validations: Excel refuses an unbound prefix), as the original
 * declares them, ignorable where the original makes them so. Undefined when a prefix cannot be bound.
 */
function declareFor(written: string, original: string, elements: readonly string[]): string | undefined {
  const root = ROOT.exec(written);
  const srcRoot = ROOT.exec(original);
  if (!root || !srcRoot) return undefined;
  const have = declarations(root[0]);
  const src = declarations(srcRoot[0]);
  const used = new Set<string>();
  for (const e of elements) {
    const own = new Set([...e.matchAll(/\sxmlns:(\w+)\s*=/g)].map((m) => m[1]!));
    for (const m of e.matchAll(/<\/?(\w+):\w|\s(\w+):\w+\s*=/g)) {
      const prefix = m[1] ?? m[2]!;
      if (prefix !== "xml" && prefix !== "xmlns" && !own.has(prefix)) used.add(prefix);
    }
  }
  let tag = root[0];
  const ignorable = (/\smc:Ignorable\s*=\s*"([^"]*)"/.exec(srcRoot[0])?.[1] ?? "").split(/\s+/);
  const addIgnorable: string[] = [];
  for (const prefix of used) {
    const uri = src.get(prefix);
    if (uri === undefined) return undefined;
    if (have.has(prefix)) {
      if (have.get(prefix) !== uri) return undefined;
      continue;
    }
    tag = tag.replace(/\s*(\/?>)$/, ` xmlns:${prefix}="${uri}"$1`);
    if (ignorable.includes(prefix)) addIgnorable.push(prefix);
  }
  if (addIgnorable.length) {
    if (!have.has("mc") && !tag.includes("xmlns:mc=")) tag = tag.replace(/\s*(\/?>)$/, ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"$1`);
    const current = /\smc:Ignorable\s*=\s*"([^"]*)"/.exec(tag);
    tag = current ? tag.replace(current[0], ` mc:Ignorable="${[current[1]!, ...addIgnorable].join(" ").trim()}"`) : tag.replace(/\s*(\/?>)$/, ` mc:Ignorable="${addIgnorable.join(" ")}"$1`);
  }
  return written.slice(0, root.index) + tag + written.slice(root.index + root[0].length);
}

/** Every <c> start tag of a sheet, with its address. */
const CELL_TAG = /<((?:\w+:)?)c\b([^>]*?)(\/?)>/g;

/** Puts back into `written` the AutoFilter criteria and text prefixes of `original`; says what it could not. */
export async function keepWhatExcelJsDrops(original: Uint8Array, written: Uint8Array): Promise<Kept> {
  const src = await openPackage(original);
  const srcStyles = src.styles ? await text(src.zip, src.styles) : undefined;
  const srcXfs = srcStyles ? cellXfs(srcStyles) : undefined;
  const quoted = new Set<number>();
  srcXfs?.xfs.forEach((xf, i) => isOn(attr(xf, "quotePrefix")) && quoted.add(i));

  // What each original sheet has to keep: its filter with criteria, its cells typed as text.
  const wanted: { name: string; filter?: string; cells: Set<string>; validations?: string; exts: string[]; xml: string }[] = [];
  for (const [name, part] of src.sheets) {
    const xml = (await text(src.zip, part)) ?? "";
    const filter = filterWithCriteria(xml);
    const validations = validationsOf(xml);
    const exts = validationExts(xml);
    const cells = new Set<string>();
    if (quoted.size) {
      for (const m of xml.matchAll(CELL_TAG)) {
        const ref = attr(m[2]!, "r");
        if (ref && quoted.has(Number(attr(m[2]!, "s") ?? 0))) cells.add(ref);
      }
    }
    if (filter || cells.size || validations || exts.length) wanted.push({ name, ...(filter ? { filter } : {}), cells, ...(validations ? { validations } : {}), exts, xml });
  }
  if (!wanted.length) return { bytes: written, lost: [] };

  const out = await openPackage(written);
  const lost: { sheet: string; what: Lost }[] = [];
  const outStyles = out.styles ? await text(out.zip, out.styles) : undefined;
  const outXfs = outStyles ? cellXfs(outStyles) : undefined;
  const added: string[] = [];
  /** Written style index → the same style with the text prefix, added once. */
  const withPrefix = new Map<number, number>();
  const prefixed = (s: number): number | undefined => {
    if (!outXfs) return undefined;
    const xf = outXfs.xfs[s];
    if (!xf || isOn(attr(xf, "quotePrefix"))) return xf ? s : undefined;
    let i = withPrefix.get(s);
    if (i === undefined) {
      i = outXfs.xfs.length + added.length;
      added.push(xf.replace(/^<((?:\w+:)?)xf\b/, '<$1xf quotePrefix="1"'));
      withPrefix.set(s, i);
    }
    return i;
  };

  for (const w of wanted) {
    const part = out.sheets.get(w.name);
    let xml = part ? await text(out.zip, part) : undefined;
    if (!part || xml === undefined) {
      if (w.filter) lost.push({ sheet: w.name, what: "filter" });
      if (w.cells.size) lost.push({ sheet: w.name, what: "text-prefix" });
      if (w.validations || w.exts.length) lost.push({ sheet: w.name, what: "validations" });
      continue;
    }
    // The original's validations go back as they were, unless the command wrote validations of its own.
    const main = w.validations && !validationsOf(xml) ? w.validations : undefined;
    const exts = validationExts(xml).length ? [] : w.exts;
    if (main || exts.length) {
      let next = declareFor(xml, w.xml, [...(main ? [main] : []), ...exts]);
      if (next !== undefined && main) next = insertValidations(next, main);
      if (next !== undefined && exts.length) next = insertExts(next, exts);
      if (next === undefined) lost.push({ sheet: w.name, what: "validations" });
      else xml = next;
    }
    if (w.filter) {
      const ref = attr(w.filter, "ref");
      const portable = portableFilter(w.filter);
      const current = /<((?:\w+:)?)autoFilter\b[^>]*?(\/>|>[\s\S]*?<\/\1autoFilter>)/.exec(xml);
      if (portable && current && attr(current[0], "ref") === ref) xml = xml.slice(0, current.index) + portable + xml.slice(current.index + current[0].length);
      else lost.push({ sheet: w.name, what: "filter" });
    }
    if (w.cells.size) {
      let missed = false;
      xml = xml.replace(CELL_TAG, (tag, prefix: string, attrs: string, close: string) => {
        const ref = attr(attrs, "r");
        if (!ref || !w.cells.has(ref)) return tag;
        // Only a cell that is still text keeps the prefix; one whose value the command replaced by a number has nothing to keep.
        const type = attr(attrs, "t");
        if (type !== "s" && type !== "str" && type !== "inlineStr") return tag;
        const s = prefixed(Number(attr(attrs, "s") ?? 0));
        if (s === undefined) {
          missed = true;
          return tag;
        }
        const rest = attrs.replace(/\ss\s*=\s*("[^"]*"|'[^']*')/, "");
        return `<${prefix}c${rest} s="${s}"${close}>`;
      });
      if (missed) lost.push({ sheet: w.name, what: "text-prefix" });
    }
    out.zip.file(part, xml);
  }
  if (added.length && outStyles && outXfs) {
    const list = outStyles.slice(outXfs.start, outXfs.end);
    const count = outXfs.xfs.length + added.length;
    const close = /<\/(?:\w+:)?cellXfs>$/.exec(list)![0];
    const open = list.slice(0, list.length - close.length).replace(/^(<(?:\w+:)?cellXfs\b[^>]*?)\s+count\s*=\s*"\d*"/, "$1").replace(/^<((?:\w+:)?)cellXfs\b/, `<$1cellXfs count="${count}"`);
    out.zip.file(out.styles!, outStyles.slice(0, outXfs.start) + open + added.join("") + close + outStyles.slice(outXfs.end));
  }
  const bytes = await out.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { bytes, lost };
}

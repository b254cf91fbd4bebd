// What ExcelJS drops when it writes a workbook it read, put back from the original file's bytes:
// - an AutoFilter's criteria (ExcelJS keeps only the filter's range, so the filter shows all again);
// - the apostrophe prefix of cells typed as text ('01, '=推进…), the quotePrefix of their cell style
//   (without it, editing such a cell in Excel turns '=推进… into a formula and '01 into 1).
// Sheets are matched by name and cells by address; what cannot be put back is returned (src/app/messages.ts says it).
import JSZip from "jszip";

export interface Kept {
  /** The written package, with what could be kept put back (the written bytes when nothing was needed). */
  readonly bytes: Uint8Array;
  /** What the written file lacks: a sheet's filter criteria, or its cells typed as text ('01). */
  readonly lost: readonly { readonly sheet: string; readonly what: "filter" | "text-prefix" }[];
}

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
  const wanted: { name: string; filter?: string; cells: Set<string> }[] = [];
  for (const [name, part] of src.sheets) {
    const xml = (await text(src.zip, part)) ?? "";
    const filter = filterWithCriteria(xml);
    const cells = new Set<string>();
    if (quoted.size) {
      for (const m of xml.matchAll(CELL_TAG)) {
        const ref = attr(m[2]!, "r");
        if (ref && quoted.has(Number(attr(m[2]!, "s") ?? 0))) cells.add(ref);
      }
    }
    if (filter || cells.size) wanted.push({ name, ...(filter ? { filter } : {}), cells });
  }
  if (!wanted.length) return { bytes: written, lost: [] };

  const out = await openPackage(written);
  const lost: { sheet: string; what: "filter" | "text-prefix" }[] = [];
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
      continue;
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

// Reading a .docx the way a test needs it: its parts, and the text of its paragraphs and tables.
import JSZip from "jszip";

export interface DocxParts {
  readonly document: string;
  readonly fontTable: string;
  readonly footers: readonly string[];
  readonly settings: string;
  /** The text of each paragraph of the body, in order (table cells included). */
  readonly paragraphs: readonly string[];
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')).join("");

export async function readDocx(bytes: Uint8Array | Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const document = await part("word/document.xml");
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).sort().map(part));
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  return { document, fontTable: await part("word/fontTable.xml"), footers, settings: await part("word/settings.xml"), paragraphs };
}

/** The XML of the first paragraph whose text matches `pattern` (a regular expression's source), runs and all. */
export function paragraphXml(document: string, pattern: string): string | undefined {
  return [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => new RegExp(pattern).test(textOf(p)));
}

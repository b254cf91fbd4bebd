// The preview: a workbook in the browser (nothing leaves it) beside the real task pane.
import * as React from "react";
import { Button, FluentProvider, MessageBar, MessageBarBody, Text, ToggleButton, webLightTheme } from "@fluentui/react-components";
import { checkedFileName, createApp, LANGUAGES, pageText, problemText, type Lang, type PageText } from "../app";
import { App } from "../taskpane/App";
import type { CellChanges, CellsEdited } from "../taskpane/pane";
import { readFileBytes, saveFile } from "../taskpane/files";
import { formFiles } from "../files/forms";
import { XlsxHost } from "../hosts/xlsx/host";
import { loadXlsx } from "../hosts/xlsx/open";
import { keepWhatExcelJsDrops } from "../hosts/xlsx/preserve";
import { SheetView } from "./SheetView";
import { pastedArea } from "./clipboard";

/** The example ledger: its file name and how to get its bytes. */
export interface Sample {
  readonly name: string;
  /** The example's bytes; a failure is told in the page's language (`text`). */
  bytes(text: PageText): Promise<ArrayBuffer>;
}

export interface PreviewPageProps {
  readonly sample: Sample;
  /** Open the example at start (the development preview), or only when asked (the offline page: the person's own file first). */
  readonly openSample: "at-start" | "on-request";
  /** The development preview, or the offline page: what the toolbar is titled. */
  readonly page?: "preview" | "offline";
  /** The language the page opens in (Chinese first); the toolbar switches it, the pane's too. */
  readonly lang?: Lang;
}

export function PreviewPage({ sample, openSample, page = "preview", lang: initialLang = "zh" }: PreviewPageProps): React.JSX.Element {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const text = React.useMemo(() => pageText(lang), [lang]);
  const [host, setHost] = React.useState<XlsxHost>();
  const [name, setName] = React.useState("");
  const [error, setError] = React.useState<unknown>();
  const [version, setVersion] = React.useState(0);
  const [opened, setOpened] = React.useState(0);
  const fileInput = React.useRef<HTMLInputElement>(null);
  /** The file as opened: what ExcelJS drops on writing (data validations, filter criteria, '01) is put back from it. */
  const original = React.useRef<Uint8Array>(undefined);

  React.useEffect(() => host?.subscribe(() => setVersion((v) => v + 1)), [host]);
  // The pane reads which sheet is shown again when a tab is clicked here (it has no focus to take back).
  const workbookChanges = React.useCallback((listener: () => void) => host?.subscribe(listener) ?? (() => undefined), [host]);
  // 填报 checks again when cells change, not when only the shown sheet or the selection does; a change
  // the grid made is told with its cell (only that row is checked again), any other (the pane's own) without.
  const typedInto = React.useRef<CellsEdited>(undefined);
  const cellChanges = React.useCallback<CellChanges>(
    (listener) => {
      if (!host) return () => undefined;
      let seen = host.revision;
      return host.subscribe(() => {
        if (host.revision === seen) return;
        seen = host.revision;
        listener(typedInto.current);
      });
    },
    [host],
  );
  const app = React.useMemo(() => host && createApp({ port: host, today: () => new Date(), forms: async () => formFiles, documents: async () => (await import("../files/documents")).documentFiles, now: () => performance.now(), about: () => ({ host: "浏览器（.xlsx 文件）", platform: navigator.userAgent }) }), [host]);
  // What is typed or pasted is one write, told as the area it covers: 填报 checks those rows again, once.
  const pasteCells = (sheet: string, topLeft: string, rows: readonly (readonly string[])[]) => {
    if (!app) return Promise.resolve();
    typedInto.current = { sheet, cells: [pastedArea(topLeft, rows)] };
    return app
      .editCells(sheet, topLeft, rows)
      .catch((e: unknown) => setError(e))
      .finally(() => (typedInto.current = undefined));
  };
  const editCell = (sheet: string, cell: string, typed: string) => pasteCells(sheet, cell, [[typed]]);

  const open = React.useCallback(async (bytes: ArrayBuffer, fileName: string) => {
    try {
      const copy = new Uint8Array(bytes.slice(0));
      const wb = await loadXlsx(bytes, fileName);
      original.current = copy;
      setHost(new XlsxHost(wb));
      setName(fileName);
      setError(undefined);
      setOpened((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  }, []);

  const openExample = React.useCallback(() => {
    sample
      .bytes(text)
      .then((b) => open(b, sample.name))
      .catch((e: unknown) => setError(e));
  }, [open, sample, text]);
  // The example opens once at start, whatever the language is switched to later.
  const started = React.useRef(false);
  React.useEffect(() => {
    if (openSample === "at-start" && !started.current) {
      started.current = true;
      openExample();
    }
  }, [openSample, openExample]);

  // Saved under a name of its own (台账-已检查.xlsx): never taken for the file the person chose.
  const download = async () => {
    if (!host) return;
    const written = new Uint8Array(await host.workbook.xlsx.writeBuffer());
    // As the command line saves: the parts ExcelJS does not write, put back from the file as opened.
    const bytes = original.current ? (await keepWhatExcelJsDrops(original.current, written)).bytes : written;
    saveFile({ name: checkedFileName(name), bytes });
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"} style={{ height: "100vh", display: "flex", flexDirection: "column" }}>
      <header className="toolbar">
        <Text weight="semibold">{page === "offline" ? text.offlineTitle : text.previewTitle}</Text>
        <Text className="file-name">{name}</Text>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={text.chooseWorkbook}
          style={{ display: "none" }}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void readFileBytes(f).then((b) => open(b, f.name));
            e.target.value = "";
          }}
        />
        <Button onClick={() => fileInput.current?.click()}>{text.openFile}</Button>
        {openSample === "on-request" && <Button onClick={openExample}>{text.openExample}</Button>}
        <Button onClick={() => void download()} disabled={!host}>
          {text.download}
        </Button>
        <Text size={200} className="privacy">
          {text.privacy}
        </Text>
        <div role="group" aria-label={text.language} className="languages">
          {LANGUAGES.map((l) => (
            <ToggleButton key={l.lang} size="small" checked={l.lang === lang} onClick={() => setLang(l.lang)} lang={l.lang === "zh" ? "zh-CN" : "en"}>
              {l.name}
            </ToggleButton>
          ))}
        </div>
      </header>
      {error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{problemText(error, lang)}</MessageBarBody>
        </MessageBar>
      )}
      <main className="workspace">
        <section className="sheet-area">
          {host && app ? (
            <SheetView host={host} version={version} text={text} onEdit={editCell} onPaste={pasteCells} />
          ) : (
            <Text as="p" className="empty">
              {text.empty}
            </Text>
          )}
        </section>
        <aside className="pane">{app && <App key={opened} app={app} lang={lang} workbookChanges={workbookChanges} cellChanges={cellChanges} />}</aside>
      </main>
    </FluentProvider>
  );
}

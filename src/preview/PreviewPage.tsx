// The preview: a workbook in the browser (nothing leaves it) beside the real task pane.
import * as React from "react";
import { Button, FluentProvider, MessageBar, MessageBarBody, Text, webLightTheme } from "@fluentui/react-components";
import { createApp, problemText } from "../app";
import { App } from "../taskpane/App";
import { readFileBytes, saveFile } from "../taskpane/files";
import { formFiles } from "../files/forms";
import { XlsxHost } from "../hosts/xlsx/host";
import { loadXlsx } from "../hosts/xlsx/open";
import { SheetView } from "./SheetView";

/** The example ledger: its file name and how to get its bytes. */
export interface Sample {
  readonly name: string;
  bytes(): Promise<ArrayBuffer>;
}

export interface PreviewPageProps {
  readonly sample: Sample;
  /** Open the example at start (the development preview), or only when asked (the offline page: the person's own file first). */
  readonly openSample: "at-start" | "on-request";
  readonly title?: string;
}

export function PreviewPage({ sample, openSample, title = "督办助手 · 预览" }: PreviewPageProps): React.JSX.Element {
  const [host, setHost] = React.useState<XlsxHost>();
  const [name, setName] = React.useState("");
  const [error, setError] = React.useState<string>();
  const [version, setVersion] = React.useState(0);
  const [opened, setOpened] = React.useState(0);
  const fileInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => host?.subscribe(() => setVersion((v) => v + 1)), [host]);
  const app = React.useMemo(() => host && createApp({ port: host, today: () => new Date(), forms: async () => formFiles, documents: async () => (await import("../files/documents")).documentFiles }), [host]);

  const open = React.useCallback(async (bytes: ArrayBuffer, fileName: string) => {
    try {
      const wb = await loadXlsx(bytes, fileName);
      setHost(new XlsxHost(wb));
      setName(fileName);
      setError(undefined);
      setOpened((n) => n + 1);
    } catch (e) {
      setError(problemText(e));
    }
  }, []);

  const openExample = React.useCallback(() => {
    sample
      .bytes()
      .then((b) => open(b, sample.name))
      .catch((e: Error) => setError(e.message));
  }, [open, sample]);
  React.useEffect(() => {
    if (openSample === "at-start") openExample();
  }, [openSample, openExample]);

  const download = async () => {
    if (host) saveFile({ name: name || "台账.xlsx", bytes: await host.workbook.xlsx.writeBuffer() });
  };

  return (
    <FluentProvider theme={webLightTheme} style={{ height: "100vh", display: "flex", flexDirection: "column" }}>
      <header className="toolbar">
        <Text weight="semibold">{title}</Text>
        <Text className="file-name">{name}</Text>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="选择工作簿"
          style={{ display: "none" }}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void readFileBytes(f).then((b) => open(b, f.name));
            e.target.value = "";
          }}
        />
        <Button onClick={() => fileInput.current?.click()}>打开文件</Button>
        {openSample === "on-request" && <Button onClick={openExample}>打开示例台账</Button>}
        <Button onClick={() => void download()} disabled={!host}>
          下载
        </Button>
        <Text size={200} className="privacy">
          文件只在本机浏览器中打开，不会上传。
        </Text>
      </header>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <main className="workspace">
        <section className="sheet-area">
          {host ? (
            <SheetView host={host} version={version} />
          ) : (
            <Text as="p" className="empty">
              请点“打开文件”，选择本机的台账（.xlsx）；或点“打开示例台账”，先看看 2019 年江汉区的示例。
            </Text>
          )}
        </section>
        <aside className="pane">{app && <App key={opened} app={app} lang="zh" />}</aside>
      </main>
    </FluentProvider>
  );
}

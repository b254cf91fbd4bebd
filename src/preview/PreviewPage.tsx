// The preview: a workbook in the browser (nothing leaves it) beside the real task pane.
import * as React from "react";
import { Button, FluentProvider, MessageBar, MessageBarBody, Text, webLightTheme } from "@fluentui/react-components";
import { createApp, problemText } from "../app";
import { App } from "../taskpane/App";
import { readFileBytes, saveFile } from "../taskpane/files";
import { formFiles } from "../hosts/xlsx/forms";
import { XlsxHost } from "../hosts/xlsx/host";
import { loadXlsx } from "../hosts/xlsx/open";
import { SheetView } from "./SheetView";

const SAMPLE = { url: "sample.xlsx", name: "2019江汉区政府工作报告责任分解台账.xlsx" };

export function PreviewPage(): React.JSX.Element {
  const [host, setHost] = React.useState<XlsxHost>();
  const [name, setName] = React.useState("");
  const [error, setError] = React.useState<string>();
  const [version, setVersion] = React.useState(0);
  const [opened, setOpened] = React.useState(0);
  const fileInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => host?.subscribe(() => setVersion((v) => v + 1)), [host]);
  const app = React.useMemo(() => host && createApp({ port: host, today: () => new Date(), forms: async () => formFiles, documents: async () => (await import("../hosts/xlsx/documents")).documentFiles }), [host]);

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

  React.useEffect(() => {
    fetch(SAMPLE.url)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`示例台账读取失败（${r.status}）`))))
      .then((b) => open(b, SAMPLE.name))
      .catch((e: Error) => setError(e.message));
  }, [open]);

  const download = async () => {
    if (host) saveFile({ name: name || "台账.xlsx", bytes: await host.workbook.xlsx.writeBuffer() });
  };

  return (
    <FluentProvider theme={webLightTheme} style={{ height: "100vh", display: "flex", flexDirection: "column" }}>
      <header className="toolbar">
        <Text weight="semibold">督办助手 · 预览</Text>
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
        <section className="sheet-area">{host && <SheetView host={host} version={version} />}</section>
        <aside className="pane">{app && <App key={opened} app={app} lang="zh" />}</aside>
      </main>
    </FluentProvider>
  );
}

// The preview: a workbook in the browser (nothing leaves it) beside the real task pane.
import * as React from "react";
import ExcelJS from "exceljs";
import { Button, FluentProvider, MessageBar, MessageBarBody, Text, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { XlsxHost } from "../xlsx/host";
import { SheetView } from "./SheetView";

const SAMPLE = { url: "sample.xlsx", name: "2019江汉区政府工作报告责任分解台账.xlsx" };

/** Opens the bytes of a file as a workbook, or says why it cannot. */
async function openBytes(bytes: ArrayBuffer, name: string): Promise<ExcelJS.Workbook> {
  const head = new Uint8Array(bytes.slice(0, 8));
  if (head[0] === 0xd0 && head[1] === 0xcf) throw new Error(`“${name}”是旧版 Excel（.xls）或 WPS 格式：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再打开。`);
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw new Error(`“${name}”不是 .xlsx 工作簿：请选择用 Excel 或 WPS 保存的 .xlsx 文件。`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch (e) {
    throw new Error(`“${name}”无法作为 .xlsx 工作簿打开（文件可能已损坏）：${(e as Error).message}`);
  }
  return wb;
}

export function PreviewPage(): React.JSX.Element {
  const [host, setHost] = React.useState<XlsxHost>();
  const [name, setName] = React.useState("");
  const [error, setError] = React.useState<string>();
  const [version, setVersion] = React.useState(0);
  const [opened, setOpened] = React.useState(0);
  const fileInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => host?.subscribe(() => setVersion((v) => v + 1)), [host]);

  const open = React.useCallback(async (bytes: ArrayBuffer, fileName: string) => {
    try {
      const wb = await openBytes(bytes, fileName);
      setHost(new XlsxHost(wb));
      setName(fileName);
      setError(undefined);
      setOpened((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  React.useEffect(() => {
    fetch(SAMPLE.url)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`示例台账读取失败（${r.status}）`))))
      .then((b) => open(b, SAMPLE.name))
      .catch((e: Error) => setError(e.message));
  }, [open]);

  const download = async () => {
    if (!host) return;
    const bytes = await host.workbook.xlsx.writeBuffer();
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name || "台账.xlsx";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
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
            if (f) void f.arrayBuffer().then((b) => open(b, f.name));
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
        <aside className="pane">{host && <App key={opened} host={host} lang="zh" />}</aside>
      </main>
    </FluentProvider>
  );
}

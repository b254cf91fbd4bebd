// The preview page's entry: the add-in's pane beside a workbook, without Excel.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { PreviewPage } from "./PreviewPage";

createRoot(document.getElementById("root")!).render(<PreviewPage />);

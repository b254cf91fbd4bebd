// The function file of manifests deployed before the shared runtime (their FunctionFile is commands.html, and
// their 检查完整性 opens taskpane.html?run=check): Office still loads this page for them, so it is still built.
// The current manifest's function file is the pane's own page (src/taskpane/index.tsx registers 检查完整性).
Office.onReady(() => undefined);

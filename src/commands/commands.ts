// The add-in's function file. Both ribbon buttons open the task pane (检查完整性 opens it with the
// check already running), so no command runs here yet; Office still loads this page at start.
Office.onReady(() => undefined);

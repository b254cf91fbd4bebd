// The first script of the add-in's pages (taskpane.html, commands.html). It is ES5 and uses only DOM calls
// that Internet Explorer knows, because it must run where nothing else of ours can: tests/webview-check.test.ts
// parses it as ES5, and webpack copies it as it is.
//
// Office shows an add-in in the webview that the Office version and Windows give it (README, "Which Excel
// runs it"): Office 2019 volume-licensed, and Office on a Windows without the WebView2 runtime, use Internet
// Explorer's engine (Trident) or legacy Edge's (EdgeHTML). Neither can parse the pane's ES2022 script, so the
// pane would stay blank. There this script says what to do instead and never loads the page's script; in any
// other engine it only loads that script (the data-main attribute of its own tag). The engine is told by the
// user agent, as Microsoft's add-in guidance does for exactly this message.
(function () {
  "use strict";

  var WORDS = {
    zh: {
      title: "督办助手无法在这个 Excel 中运行",
      Trident: "这个 Excel 用 Internet Explorer 的内核（Trident）显示加载项，督办助手在其中无法运行。",
      EdgeHTML: "这个 Excel 用旧版 Microsoft Edge 的内核（EdgeHTML）显示加载项，督办助手在其中无法运行。",
      whatToDo: "怎么办",
      steps: {
        Trident: [
          "Office 2019 批量许可版（“文件 → 账户”中的版本为 1808）：请升级到 Office 2021 或更新版本，或 Microsoft 365。安装 WebView2 对它无效。",
          "Microsoft 365 或零售版 Office：请安装 Microsoft Edge WebView2 运行时（Windows 11 已自带；可请信息化管理员安装），把 Office 更新到最新，然后重新打开 Excel。"
        ],
        EdgeHTML: [
          "请安装 Microsoft Edge WebView2 运行时（可请信息化管理员安装），把 Office 更新到最新（“文件 → 账户 → 更新选项”），然后重新打开 Excel。",
          "或者升级到 Office 2021 或更新版本，或 Microsoft 365。"
        ]
      },
      meanwhile: "在此之前",
      offline: "可以在浏览器中检查台账：用 Edge、Chrome 或 360 浏览器（极速模式）打开下面的地址，选择台账 .xlsx 文件，即可检查完整性、生成汇总并下载。文件不离开本机。",
      engine: "加载项内核：",
      engines: { Trident: "Trident（Internet Explorer 11）", EdgeHTML: "EdgeHTML（旧版 Microsoft Edge）" }
    },
    en: {
      title: "Duban cannot run in this Excel",
      Trident: "This Excel shows add-ins with Internet Explorer's engine (Trident), in which Duban cannot run.",
      EdgeHTML: "This Excel shows add-ins with legacy Microsoft Edge's engine (EdgeHTML), in which Duban cannot run.",
      whatToDo: "What to do",
      steps: {
        Trident: [
          "Office 2019 volume-licensed (version 1808 under File → Account): upgrade to Office 2021 or later, or to Microsoft 365. Installing WebView2 does not help it.",
          "Microsoft 365 or retail Office: install the Microsoft Edge WebView2 Runtime (Windows 11 has it; your IT administrator can install it), update Office, then open Excel again."
        ],
        EdgeHTML: [
          "Install the Microsoft Edge WebView2 Runtime (your IT administrator can install it), update Office (File → Account → Update Options), then open Excel again.",
          "Or upgrade to Office 2021 or later, or to Microsoft 365."
        ]
      },
      meanwhile: "Meanwhile",
      offline: "Check the ledger in a browser: open the address below in Edge or Chrome and choose the ledger's .xlsx file to check it, make the summary and download the result. The file never leaves this computer.",
      engine: "Add-in engine: ",
      engines: { Trident: "Trident (Internet Explorer 11)", EdgeHTML: "EdgeHTML (Microsoft Edge Legacy)" }
    }
  };

  /** "Trident", "EdgeHTML", or null for an engine that runs the pane (Chromium's Edge says "Edg/", not "Edge/"). */
  function oldEngine(userAgent) {
    if (/Trident\/|MSIE /.test(userAgent)) return "Trident";
    if (/ Edge\/\d/.test(userAgent)) return "EdgeHTML";
    return null;
  }

  function languageOf(language) {
    return /^en/i.test(language || "") ? "en" : "zh";
  }

  /** Loads the page's own scripts, in order, after this one (the page has already loaded office.js). */
  function loadMain(tag) {
    var sources = (tag.getAttribute("data-main") || "").split(" ");
    for (var i = 0; i < sources.length; i++) {
      if (!sources[i]) continue;
      var script = document.createElement("script");
      script.src = sources[i];
      script.async = false;
      tag.parentNode.appendChild(script);
    }
  }

  function element(tag, css, text) {
    var node = document.createElement(tag);
    // Through the style object, which the pages' Content-Security-Policy allows (a style attribute it may not).
    if (css) node.style.cssText = css;
    if (text) node.appendChild(document.createTextNode(text));
    return node;
  }

  /** The offline page beside this one: the same server serves preview.html. */
  function offlinePageAddress() {
    return String(window.location.href).split("#")[0].split("?")[0].replace(/[^/]*$/, "preview.html");
  }

  function message(engine, lang) {
    var w = WORDS[lang];
    var heading = "font-size: 15px; font-weight: 600; margin: 16px 0 6px 0;";
    var box = element("div", "font-family: 'Segoe UI', 'Microsoft YaHei', sans-serif; font-size: 13px; line-height: 1.6; color: #242424; padding: 16px 16px 24px 16px;");
    box.id = "webview-message";
    box.setAttribute("role", "alert");
    box.setAttribute("lang", lang === "en" ? "en" : "zh-CN");
    box.appendChild(element("div", "font-size: 17px; font-weight: 600; color: #a4262c; padding-left: 10px; border-left: 4px solid #a4262c; margin-bottom: 12px;", w.title));
    box.appendChild(element("p", "margin: 0;", w[engine]));
    box.appendChild(element("div", heading, w.whatToDo));
    var steps = element("ol", "margin: 0; padding-left: 20px;");
    for (var i = 0; i < w.steps[engine].length; i++) steps.appendChild(element("li", "margin-bottom: 6px;", w.steps[engine][i]));
    box.appendChild(steps);
    box.appendChild(element("div", heading, w.meanwhile));
    box.appendChild(element("p", "margin: 0 0 6px 0;", w.offline));
    box.appendChild(element("p", "margin: 0; padding: 6px 8px; background: #f3f3f3; border: 1px solid #d1d1d1; font-family: Consolas, monospace; word-wrap: break-word; word-break: break-all;", offlinePageAddress()));
    box.appendChild(element("p", "margin: 16px 0 0 0; color: #707070; font-size: 12px;", w.engine + w.engines[engine]));
    return box;
  }

  function show(engine, lang) {
    var shown = document.getElementById("webview-message");
    var box = message(engine, lang);
    if (shown) shown.parentNode.replaceChild(box, shown);
    else document.body.appendChild(box);
  }

  /** This page's address without its query: in a dialog it shows the message again. */
  function pageAddress() {
    return String(window.location.href).split("#")[0].split("?")[0];
  }

  // The ribbon's 检查完整性 is a command that the pane's script registers (src/commands/checkCommand.ts, the
  // same id); that script never loads here, so this registers it instead, to show the message. Where Office has
  // a shared runtime (Microsoft 365 from version 2002 without WebView2: it shows an add-in with <Runtimes> in
  // Trident), this page is the pane: show it. Elsewhere Office runs the command in a page of its own, which
  // cannot show the pane: show this page, and so the message, in a dialog.
  function registerCheckCommand(office) {
    if (!office || !office.actions || typeof office.actions.associate !== "function") return;
    office.actions.associate("checkCompleteness", function (event) {
      var done = function () {
        event.completed();
      };
      var requirements = office.context && office.context.requirements;
      if (office.addin && requirements && requirements.isSetSupported("SharedRuntime", "1.1")) {
        office.addin.showAsTaskpane().then(done, done);
        return;
      }
      try {
        office.context.ui.displayDialogAsync(pageAddress(), { height: 60, width: 40, displayInIframe: true }, function (result) {
          if (result.status !== office.AsyncResultStatus.Succeeded) return done();
          result.value.addEventHandler(office.EventType.DialogEventReceived, done);
        });
      } catch (e) {
        done();
      }
    });
  }

  var tag = document.getElementById("webview-check");
  var engine = oldEngine(String(navigator.userAgent || ""));
  if (!engine) {
    loadMain(tag);
    return;
  }
  show(engine, languageOf(navigator.language || navigator.userLanguage || navigator.browserLanguage));
  // The pane's words follow Office's language; office.js (ES5) works in these engines, when it has loaded.
  var office = window.Office;
  registerCheckCommand(office);
  if (office && typeof office.onReady === "function") {
    office.onReady(function () {
      var officeLanguage = office.context && office.context.displayLanguage;
      if (officeLanguage) show(engine, languageOf(officeLanguage));
    });
  }
})();

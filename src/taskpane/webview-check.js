// The first script of the add-in's pages (Excel: taskpane.html, commands.html; WPS: taskpane.html). It is ES5 and
// uses only DOM calls that Internet Explorer knows, because it must run where nothing else of ours can:
// tests/webview-check.test.ts parses it as ES5, and webpack copies it as it is.
//
// Office shows an add-in in the webview that the Office version and Windows give it (README, "Which Excel
// runs it"): Office 2019 volume-licensed, and Office on a Windows without the WebView2 runtime, use Internet
// Explorer's engine (Trident) or legacy Edge's (EdgeHTML), told by the user agent as Microsoft's add-in
// guidance does. WPS shows its add-ins in the Chromium it ships, of whatever version the WPS build has; Excel
// for Mac in the system's Safari. An engine older than the pane's script cannot parse it, and the pane would
// stay blank. Where a page names a probe (data-probe: syntax-check.js, which holds the newest syntax the pane's
// script uses), this script loads it first: an engine that cannot parse the probe never sets its flag, and is
// refused by what it can do, whatever its user agent says. Refused, this script says what to do instead and
// never loads the page's script; anywhere else it only loads that script (the data-main attribute of its tag).
//
// The sentences are here, not in src/app/messages.ts with every other sentence a person sees: this script runs
// exactly where the pane's script (and messages.ts in it) cannot be parsed, and it is ES5 shipped as written, with
// no module system or bundler to import anything with. They say the same as the pane would, in both languages.
(function () {
  "use strict";

  // By language, then by host (data-host: "wps", else Excel), then by engine: Trident, EdgeHTML (told by the
  // user agent, Excel only), or "old" (an engine that could not parse the probe).
  var WORDS = {
    zh: {
      excel: {
        title: "督办助手无法在这个 Excel 中运行",
        Trident: "这个 Excel 用 Internet Explorer 的内核（Trident）显示加载项，督办助手在其中无法运行。",
        EdgeHTML: "这个 Excel 用旧版 Microsoft Edge 的内核（EdgeHTML）显示加载项，督办助手在其中无法运行。",
        old: "这个 Excel 显示加载项所用的浏览器内核版本过旧，无法运行督办助手的脚本。",
        steps: {
          Trident: [
            "Office 2019 批量许可版（“文件 → 账户”中的版本为 1808）：请升级到 Office 2021 或更新版本，或 Microsoft 365。安装 WebView2 对它无效。",
            "Microsoft 365 或零售版 Office：请安装 Microsoft Edge WebView2 运行时（Windows 11 已自带；可请信息化管理员安装），把 Office 更新到最新，然后重新打开 Excel。"
          ],
          EdgeHTML: [
            "请安装 Microsoft Edge WebView2 运行时（可请信息化管理员安装），把 Office 更新到最新（“文件 → 账户 → 更新选项”），然后重新打开 Excel。",
            "或者升级到 Office 2021 或更新版本，或 Microsoft 365。"
          ],
          old: [
            "请把 Office 更新到最新（“文件 → 账户 → 更新选项”），然后重新打开 Excel。",
            "Mac 上的 Excel 用系统的 Safari 内核显示加载项：请把 macOS 更新到带 Safari 16.4 或更新版本的系统。"
          ]
        },
        offline: "可以在浏览器中检查台账：用 Edge、Chrome 或 360 浏览器（极速模式）打开下面的地址，选择台账 .xlsx 文件，即可检查完整性、生成汇总并下载。文件不离开本机。"
      },
      wps: {
        title: "督办助手无法在这个 WPS 中运行",
        old: "这个 WPS 显示加载项所用的浏览器内核版本过旧，无法运行督办助手的脚本。",
        steps: {
          old: [
            "请把 WPS 升级到最新版本（企业版、专业版请联系信息化管理员），然后重新打开 WPS 表格。",
            "升级后仍然如此：请把下面“加载项内核”一行告诉信息化管理员。"
          ]
        },
        offline: "可以在浏览器中检查台账：向分发督办助手的管理员索取离线页面“督办助手.html”，用 Chrome、Edge、360 安全浏览器或奇安信可信浏览器（极速模式）打开，选择台账 .xlsx 文件，即可检查完整性、生成汇总并下载。文件不离开本机。"
      },
      whatToDo: "怎么办",
      meanwhile: "在此之前",
      engine: "加载项内核：",
      engines: { Trident: "Trident（Internet Explorer 11）", EdgeHTML: "EdgeHTML（旧版 Microsoft Edge）" }
    },
    en: {
      excel: {
        title: "Duban cannot run in this Excel",
        Trident: "This Excel shows add-ins with Internet Explorer's engine (Trident), in which Duban cannot run.",
        EdgeHTML: "This Excel shows add-ins with legacy Microsoft Edge's engine (EdgeHTML), in which Duban cannot run.",
        old: "This Excel shows add-ins with a browser engine too old to run Duban's script.",
        steps: {
          Trident: [
            "Office 2019 volume-licensed (version 1808 under File → Account): upgrade to Office 2021 or later, or to Microsoft 365. Installing WebView2 does not help it.",
            "Microsoft 365 or retail Office: install the Microsoft Edge WebView2 Runtime (Windows 11 has it; your IT administrator can install it), update Office, then open Excel again."
          ],
          EdgeHTML: [
            "Install the Microsoft Edge WebView2 Runtime (your IT administrator can install it), update Office (File → Account → Update Options), then open Excel again.",
            "Or upgrade to Office 2021 or later, or to Microsoft 365."
          ],
          old: [
            "Update Office (File → Account → Update Options), then open Excel again.",
            "Excel for Mac shows add-ins with the system's Safari: update macOS to a version with Safari 16.4 or later."
          ]
        },
        offline: "Check the ledger in a browser: open the address below in Edge or Chrome and choose the ledger's .xlsx file to check it, make the summary and download the result. The file never leaves this computer."
      },
      wps: {
        title: "Duban cannot run in this WPS",
        old: "This WPS shows add-ins with a browser engine too old to run Duban's script.",
        steps: {
          old: [
            "Update WPS to its latest version (for the enterprise or professional edition, ask your IT administrator), then open WPS Spreadsheets again.",
            "If it stays so after the update, give your IT administrator the \"Add-in engine\" line below."
          ]
        },
        offline: "Check the ledger in a browser: ask whoever gave you Duban for the offline page, 督办助手.html, open it in Chrome, Edge, 360 Secure Browser or QAX Browser (speed mode) and choose the ledger's .xlsx file to check it, make the summary and download the result. The file never leaves this computer."
      },
      whatToDo: "What to do",
      meanwhile: "Meanwhile",
      engine: "Add-in engine: ",
      engines: { Trident: "Trident (Internet Explorer 11)", EdgeHTML: "EdgeHTML (Microsoft Edge Legacy)" }
    }
  };

  /** The flag syntax-check.js sets when the engine has parsed and run it. */
  var PROBE_FLAG = "dubanSyntaxCheck";

  /** "Trident", "EdgeHTML", or null for an engine the user agent does not rule out (Chromium's Edge says "Edg/", not "Edge/"). */
  function oldEngine(userAgent) {
    if (/Trident\/|MSIE /.test(userAgent)) return "Trident";
    if (/ Edge\/\d/.test(userAgent)) return "EdgeHTML";
    return null;
  }

  /** An engine that failed the probe, as its user agent names it: Chromium and its version, Safari, or the whole user agent. */
  function engineName(userAgent) {
    var chromium = /(?:Chrome|Chromium)\/(\d+(?:\.\d+)*)/.exec(userAgent);
    if (chromium) return "Chromium " + chromium[1];
    var safari = /Version\/(\d+(?:\.\d+)*).*Safari\//.exec(userAgent);
    if (safari) return "Safari " + safari[1];
    return userAgent;
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

  function message(host, engine, lang) {
    var w = WORDS[lang];
    var h = w[host];
    var heading = "font-size: 15px; font-weight: 600; margin: 16px 0 6px 0;";
    var box = element("div", "font-family: 'Segoe UI', 'Microsoft YaHei', sans-serif; font-size: 13px; line-height: 1.6; color: #242424; padding: 16px 16px 24px 16px;");
    box.id = "webview-message";
    box.setAttribute("role", "alert");
    box.setAttribute("lang", lang === "en" ? "en" : "zh-CN");
    box.appendChild(element("div", "font-size: 17px; font-weight: 600; color: #a4262c; padding-left: 10px; border-left: 4px solid #a4262c; margin-bottom: 12px;", h.title));
    box.appendChild(element("p", "margin: 0;", h[engine]));
    box.appendChild(element("div", heading, w.whatToDo));
    var steps = element("ol", "margin: 0; padding-left: 20px;");
    for (var i = 0; i < h.steps[engine].length; i++) steps.appendChild(element("li", "margin-bottom: 6px;", h.steps[engine][i]));
    box.appendChild(steps);
    box.appendChild(element("div", heading, w.meanwhile));
    box.appendChild(element("p", "margin: 0 0 6px 0;", h.offline));
    // In Excel the offline page is served beside the pane; the WPS add-in's folder has none (the page is a file of its own).
    if (host === "excel") box.appendChild(element("p", "margin: 0; padding: 6px 8px; background: #f3f3f3; border: 1px solid #d1d1d1; font-family: Consolas, monospace; word-wrap: break-word; word-break: break-all;", offlinePageAddress()));
    var name = engine === "old" ? engineName(String(navigator.userAgent || "")) : w.engines[engine];
    box.appendChild(element("p", "margin: 16px 0 0 0; color: #707070; font-size: 12px; word-wrap: break-word;", w.engine + name));
    return box;
  }

  function show(host, engine, lang) {
    var shown = document.getElementById("webview-message");
    var box = message(host, engine, lang);
    if (shown) shown.parentNode.replaceChild(box, shown);
    else document.body.appendChild(box);
  }

  /** This page's address without its query: in a dialog it shows the message again. */
  function pageAddress() {
    return String(window.location.href).split("#")[0].split("?")[0];
  }

  // The ribbon's 检查完整性 (a command; src/commands/checkCommand.ts, the same id) is registered here, by the first
  // script of the page, not when the pane's script has loaded: where the command's page is the pane's (the shared
  // runtime), a press that starts the runtime is lost if nothing is registered for it by then, and the button does
  // nothing the first time (office-js #5176, #3378). A press before the pane's script is ready waits here for it;
  // the pane's script takes the command over through window.dubanCommand(handler), and is handed the presses
  // waiting. In an engine refused here, this script's own handler shows the message instead.
  var pressed = [];
  var handler = null;
  function takeCommand(own) {
    handler = own;
    while (pressed.length) own(pressed.shift());
  }
  function registerEarly(office) {
    if (!office || !office.actions || typeof office.actions.associate !== "function") return;
    window.dubanCommand = takeCommand;
    office.actions.associate("checkCompleteness", function (event) {
      if (handler) handler(event);
      else pressed.push(event);
    });
  }

  // Where Office has a shared runtime (Microsoft 365 from version 2002 without WebView2: it shows an add-in with
  // <Runtimes> in Trident), this page is the pane: show it. Elsewhere Office runs the command in a page of its own,
  // which cannot show the pane: show this page, and so the message, in a dialog.
  function messageCommand(office) {
    return function (event) {
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
    };
  }

  /** Says what to do instead of loading the page's script. */
  function refuse(host, engine) {
    show(host, engine, languageOf(navigator.language || navigator.userLanguage || navigator.browserLanguage));
    // In Excel the pane's words follow Office's language; office.js (ES5) works in these engines, when it has loaded.
    var office = window.Office;
    if (office && window.dubanCommand === takeCommand) takeCommand(messageCommand(office));
    if (office && typeof office.onReady === "function") {
      office.onReady(function () {
        var officeLanguage = office.context && office.context.displayLanguage;
        if (officeLanguage) show(host, engine, languageOf(officeLanguage));
      });
    }
  }

  var tag = document.getElementById("webview-check");
  var host = tag.getAttribute("data-host") === "wps" ? "wps" : "excel";
  if (host === "excel") registerEarly(window.Office);
  var engine = oldEngine(String(navigator.userAgent || ""));
  if (engine && host === "excel") {
    refuse(host, engine);
    return;
  }
  var probe = tag.getAttribute("data-probe");
  if (!probe) {
    loadMain(tag);
    return;
  }
  // The probe runs before the page's script (async false, appended first): an engine that parses it sets the flag.
  window[PROBE_FLAG] = false;
  var check = document.createElement("script");
  check.src = probe;
  check.async = false;
  check.onload = function () {
    if (window[PROBE_FLAG] === true) loadMain(tag);
    else refuse(host, "old");
  };
  // Not fetched (the file is missing): nothing is known against the engine, so the page's script is tried.
  check.onerror = function () {
    loadMain(tag);
  };
  tag.parentNode.appendChild(check);
})();

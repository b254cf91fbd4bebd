// Builds three things from the same pane and engine, each into its folder of dist/ (--env dist=DIR for another):
// - addin/: the Excel add-in: taskpane.html (also the shared runtime of the ribbon's commands), commands.html
//   (the function file of manifests deployed before it), help.html, the scripts, the icons, and manifest.xml;
// - web/督办助手.html: the offline page, one file (scripts inlined, a policy that allows them by hash);
// - wps/: the WPS 表格 add-in (WPS加载项): its folder duban_VERSION (index.html, main.js, ribbon.xml as in the wpsjs
//   et template; taskpane.html, scripts, icons) and the publish.xml and jsplugins.xml that install it
//   (WPS_ADDIN_URL: the folder's address on an intranet server).
// `webpack serve` (npm start) serves the Excel add-in's folder only.
// As in Microsoft's add-in template, the manifest's development URL (https://localhost:3000/) is
// replaced by the production one at build time: set ADDIN_URL (ending in /) when building for a server.
//
// Office requires office.js by script tag from Microsoft's CDN. For closed government networks,
// build with --env officejs=local (npm run build:intranet): the copy in the @microsoft/office-js package is
// served from the add-in's own origin instead; Microsoft supports the CDN copy only, so test each
// Office update with it (see README).
const path = require("path");
const fs = require("fs");
const { execFileSync } = require("child_process");
const { path7za } = require("7zip-bin");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const HtmlInlineScriptPlugin = require("html-inline-script-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { CspByHashPlugin } = require("./src/scripts/cspByHash");
const { name: packageName, version } = require("./package.json");
// The minimizer webpack itself uses, taken from webpack's own dependencies: the offline page keeps its
// licence comments in its one file instead of a .LICENSE.txt beside it.
const MinimizerPlugin = require(require.resolve("minimizer-webpack-plugin", { paths: [path.dirname(require.resolve("webpack"))] }));

const urlDev = "https://localhost:3000/";
const urlProd = process.env.ADDIN_URL || "https://duban.example.gov.cn/addin/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The WPS add-in's folder is named name_version, as WPS looks it up in its add-ins folder. */
const wpsFolder = `${packageName}_${version}`;
const wpsUrl = process.env.WPS_ADDIN_URL || `http://duban.example.gov.cn/wps/${wpsFolder}/`;

/** The page around the pane (toolbar, grid, sheet tabs), the same in the preview and the offline page. */
const pageStyle = fs.readFileSync(path.join(__dirname, "src/preview/page.css"), "utf8");

/** What every build shares: TypeScript, and the example ledger importable as a data: URL (the offline page's). */
function common(dev) {
  return {
    mode: dev ? "development" : "production",
    resolve: { extensions: [".tsx", ".ts", ".js"], alias: { "@seeds": path.resolve(__dirname, "seeds") } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // ES modules, so that webpack can leave out what the pane does not use.
          options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
        },
        { test: /\.xlsx$/, type: "asset/inline" },
      ],
    },
    performance: { hints: false },
  };
}

/** The offline page: one HTML file, every script inlined (no chunk of its own), allowed by its hash. */
function webConfig(dist, dev) {
  return {
    ...common(dev),
    name: "web",
    devtool: false,
    entry: { web: "./src/taskpane/index.tsx" },
    output: { path: path.join(dist, "web"), filename: "[name].js", clean: true },
    optimization: { minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.terserMinify, extractComments: false, minimizerOptions: { compress: { passes: 2 } } })] },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({
        filename: "督办助手.html",
        template: "./src/preview/offline.html",
        inject: "body",
        templateParameters: { pageStyle, icon: `data:image/png;base64,${fs.readFileSync(path.join(__dirname, "src/assets/icon-32.png")).toString("base64")}` },
      }),
      new HtmlInlineScriptPlugin(),
      new CspByHashPlugin(),
    ],
  };
}

/**
 * The files of the WPS add-in's ribbon script, compiled to ES5 (with webpack's own code, target es5): the
 * buttons must work in any engine a WPS build has, so that they open the pane, where webview-check.js says
 * what to do when the engine cannot run the pane's script (tests/wps-package.test.ts parses ribbon.js as ES5).
 */
const WPS_RIBBON_SOURCES = [path.resolve(__dirname, "src/commands/wps/ribbon.ts"), path.resolve(__dirname, "src/hosts/wps/application.ts"), path.resolve(__dirname, "src/hosts/wps/model.ts")];

/**
 * The WPS 表格 add-in: its folder, laid out as the wpsjs et template's (index.html loading main.js, which loads
 * the ribbon's callbacks; ribbon.xml), and the lists that install it (docs/wps.md), as wpsjs 2.2.3 writes
 * them: publish.xml (publish mode, no oem.ini), jsplugins.xml (the list oem.ini's JSPluginsServer names).
 */
/**
 * Packs the WPS add-in's folder as NAME.7z beside it, the folder inside, as wpsjs's own offline build does
 * (wpsjs 2.2.3, src/lib/build.js: node-7z `add(NAME.7z, [NAME_VERSION])` with 7zip-bin's 7za): the archive an
 * offline entry of jsplugins.xml names. Production builds only (the dev server serves the folder itself).
 */
class PackWpsArchive {
  constructor(dir, folder, archive) {
    Object.assign(this, { dir, folder, archive });
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap("PackWpsArchive", () => {
      // npm may unpack the binary without its execute bit (7zip-bin's own issue tracker; electron-builder sets it too).
      fs.chmodSync(path7za, 0o755);
      const archive = path.join(this.dir, this.archive);
      fs.rmSync(archive, { force: true });
      execFileSync(path7za, ["a", "-t7z", "-bd", "-bso0", this.archive, this.folder], { cwd: this.dir, stdio: ["ignore", "ignore", "inherit"] });
    });
  }
}

function wpsConfig(dist, dev) {
  const base = common(dev);
  /** The address of the folder packed as NAME.7z (its folder inside): where an offline entry's url points, as wpsjs publish writes it. */
  const archiveUrl = new URL(`${packageName}.7z`, new URL("..", wpsUrl)).href;
  const values = { __NAME__: packageName, __VERSION__: version, __FOLDER__: wpsFolder, __URL__: wpsUrl, __ARCHIVE_URL__: archiveUrl };
  const fill = (content) => Object.entries(values).reduce((text, [key, value]) => text.split(key).join(value), content.toString());
  // Shipped as written: ES5 scripts that run before anything else (webview-check.js also in the Excel add-in),
  // and the probe that holds the pane's newest syntax (never minified or transpiled: that would change it).
  const asWritten = { minimized: true };
  return {
    ...base,
    name: "wps",
    devtool: "source-map",
    // webpack's own code (its runtime, the wrappers of the modules) in ES5; the pane's modules keep their syntax.
    target: ["web", "es5"],
    module: {
      rules: [
        {
          oneOf: [
            {
              test: /\.ts$/,
              include: WPS_RIBBON_SOURCES,
              loader: "ts-loader",
              // An instance of its own: ts-loader keeps one set of options per instance.
              options: { instance: "wps-ribbon", transpileOnly: true, compilerOptions: { module: "esnext", target: "es5", sourceMap: true } },
            },
            ...base.module.rules,
          ],
        },
      ],
    },
    entry: { taskpane: "./src/taskpane/index.tsx", ribbon: "./src/commands/wps/ribbon.ts" },
    // The add-in's folder is the output; the lists that install it go beside it (dist/wps/). Its pages name
    // their scripts relative to themselves, so the folder may be served under any name.
    output: { path: path.join(dist, "wps", wpsFolder), filename: "[name].js", chunkFilename: "[name].js", clean: true },
    plugins: [
      // The pane's script through webview-check.js (data-main), as in the Excel add-in's pages.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/commands/wps/taskpane.html", chunks: ["taskpane"], inject: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/commands/wps/index.html", to: "index.html", info: asWritten },
          { from: "src/commands/wps/main.js", to: "main.js", info: asWritten },
          { from: "src/commands/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "src/taskpane/webview-check.js", to: "webview-check.js", info: asWritten },
          { from: "src/taskpane/syntax-check.js", to: "syntax-check.js", info: asWritten },
          { from: "src/assets/icon-*.png", to: "images/[name][ext]" },
          { from: "src/commands/wps/publish.xml", to: "../publish.xml", transform: fill },
          { from: "src/commands/wps/jsplugins.xml", to: "../jsplugins.xml", transform: fill },
          { from: "src/commands/wps/server-jsplugins.xml", to: "../server/jsplugins.xml", transform: fill },
          { from: "src/commands/wps/server-publish.xml", to: "../server/publish.xml", transform: fill },
        ],
      }),
      ...(dev ? [] : [new PackWpsArchive(path.join(dist, "wps"), wpsFolder, `${packageName}.7z`)]),
    ],
  };
}

async function httpsOptions() {
  // Development certificates for https://localhost, made and trusted by Microsoft's tool.
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  if (!dev && !process.env.ADDIN_URL) {
    // The manifest of such a build points at an example address: say so, and how to build for a real server.
    console.warn(
      `\n注意：没有设置 ADDIN_URL，dist/addin/manifest.xml 中的加载项地址是示例地址 ${urlProd}（并不存在），` +
        `这样的 manifest 不能部署。请按服务器的实际地址构建，例如：ADDIN_URL=https://服务器/duban/ npm run build\n` +
        `Note: ADDIN_URL is not set; the manifest points at the example address ${urlProd}, which does not exist.\n`,
    );
  }
  const dist = env.dist ? path.resolve(env.dist) : path.resolve(__dirname, "dist");
  const localOfficeJs = env.officejs === "local" || process.env.OFFICE_JS === "local";
  const officeJs = localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN;
  const origin = localOfficeJs ? "'self'" : "'self' https://appsforoffice.microsoft.com";
  const addin = {
    ...common(dev),
    name: "addin",
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The browser preview (npm start): the pane beside a workbook, with ExcelJS; never in the add-in's pages.
      preview: "./src/preview/index.tsx",
    },
    output: { path: path.join(dist, "addin"), filename: "[name].js", clean: true },
    plugins: [
      // The add-in's pages load their script through webview-check.js (its data-main), not by a tag of their
      // own: Internet Explorer's and legacy Edge's engines, which cannot parse it, never fetch it.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], inject: false, templateParameters: { officeJs, origin } }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], inject: false, templateParameters: { officeJs, origin } }),
      new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"], inject: "body", templateParameters: { pageStyle } }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/assets/icon-*.png", to: "assets/[name][ext]" },
          // ES5 as written (tests/webview-check.test.ts parses it): not minified, so no tool can make it newer.
          { from: "src/taskpane/webview-check.js", to: "[name][ext]", info: { minimized: true } },
          // The loader's probe: the newest syntax the pane's script has (webview-check.js loads the pane only if it ran).
          { from: "src/taskpane/syntax-check.js", to: "[name][ext]", info: { minimized: true } },
          { from: "seeds/2019江汉区政府工作报告责任分解台账.xlsx", to: "sample.xlsx" },
          // The help page (the manifest's SupportUrl): plain HTML and CSS, shipped as written.
          { from: "src/help/*", to: "[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : content.toString().split(urlDev).join(urlProd).split(urlDev.slice(0, -1)).join(new URL(urlProd).origin)),
          },
          // Only what Excel needs, in Chinese and English (the whole package is 86 MB).
          ...(localOfficeJs
            ? ["office.js", "es6-promise.js", "o15apptofilemappingtable.js", "excel*.js", "zh-cn/**", "en-us/**", "ariatelemetry/**", "agaveerrorux/**"].map((glob) => ({
                from: glob,
                context: "node_modules/@microsoft/office-js/dist",
                to: "office-js",
                globOptions: { ignore: ["**/*.debug.js"] },
                // Served as Microsoft ships them, not minified again.
                info: { minimized: true },
              }))
            : []),
        ],
      }),
    ],
    // Only for `webpack serve` (webpack-cli sets env.WEBPACK_SERVE): a build makes no certificates.
    devServer: !env.WEBPACK_SERVE ? undefined : {
      port: Number(process.env.PORT || 3000),
      host: "localhost",
      hot: false,
      client: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Plain http for the preview (npm start); https with development certificates for Office (dev-server).
      server: env.http ? "http" : { type: "https", options: await httpsOptions() },
      onListening: (server) => {
        const port = server.server.address().port;
        const scheme = env.http ? "http" : "https";
        console.log(`\n督办助手预览：${scheme}://localhost:${port}/preview.html   （加载项页面：${scheme}://localhost:${port}/taskpane.html；按 Ctrl+C 停止）\n`);
      },
    },
  };
  // `webpack serve` serves the Excel add-in and the preview; a build makes all three.
  return env.WEBPACK_SERVE ? addin : [addin, webConfig(dist, dev), wpsConfig(dist, dev)];
};
// The WPS add-in's build on its own, for tests/wps-package.test.ts.
module.exports.wpsConfig = wpsConfig;

// Builds the add-in: taskpane.html (also the shared runtime of the ribbon's commands), commands.html (the function file
// of manifests deployed before it), help.html, the scripts, the icons, and manifest.xml.
// As in Microsoft's add-in template, the manifest's development URL (https://localhost:3000/) is
// replaced by the production one at build time: set ADDIN_URL (ending in /) when building for a server.
//
// Office requires office.js by script tag from Microsoft's CDN. For closed government networks,
// build with --env officejs=local (npm run build:intranet): the copy in the @microsoft/office-js package is
// served from the add-in's own origin instead; Microsoft supports the CDN copy only, so test each
// Office update with it (see README).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = process.env.ADDIN_URL || "https://duban.example.gov.cn/addin/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

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
  const localOfficeJs = env.officejs === "local" || process.env.OFFICE_JS === "local";
  const officeJs = localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN;
  const origin = localOfficeJs ? "'self'" : "'self' https://appsforoffice.microsoft.com";
  return {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The browser preview (npm start): the pane beside a workbook, with ExcelJS; never in the add-in's pages.
      preview: "./src/preview/index.tsx",
    },
    output: { path: path.resolve(__dirname, "dist", "addin"), filename: "[name].js", clean: true },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // ES modules, so that webpack can leave out what the pane does not use.
          options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // The add-in's pages load their script through webview-check.js (its data-main), not by a tag of their
      // own: Internet Explorer's and legacy Edge's engines, which cannot parse it, never fetch it.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], inject: false, templateParameters: { officeJs, origin } }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], inject: false, templateParameters: { officeJs, origin } }),
      new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"], inject: "body" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/assets/icon-*.png", to: "assets/[name][ext]" },
          // ES5 as written (tests/webview-check.test.ts parses it): not minified, so no tool can make it newer.
          { from: "src/taskpane/webview-check.js", to: "[name][ext]", info: { minimized: true } },
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
};

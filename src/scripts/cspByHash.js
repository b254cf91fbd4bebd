// The offline page's Content-Security-Policy, written into the page by the build once its scripts are
// inlined: each inline script allowed by its SHA-256 hash, nothing from any address (default-src
// 'none'). Styles stay 'unsafe-inline': Fluent UI writes its styles at run time, which no hash can name.
// A script still loaded by address fails the build: the page must be one file.
const crypto = require("crypto");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const PLACEHOLDER = "__CSP__";

/** The policy for a page whose inline scripts are these. */
function policyFor(scripts) {
  const hashes = scripts.map((s) => `'sha256-${crypto.createHash("sha256").update(s, "utf8").digest("base64")}'`);
  return [`default-src 'none'`, `script-src ${hashes.join(" ")}`, `style-src 'unsafe-inline'`, `img-src data: blob:`, `font-src data:`, `base-uri 'none'`, `form-action 'none'`].join("; ");
}

class CspByHashPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("CspByHashPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("CspByHashPlugin", (data) => {
        const scripts = [];
        for (const m of data.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          if (/\bsrc\s*=/.test(m[1])) throw new Error(`${data.outputName}：脚本 ${m[1].trim()} 没有内联，离线页面必须是一个文件。`);
          scripts.push(m[2]);
        }
        if (!data.html.includes(PLACEHOLDER)) throw new Error(`${data.outputName}：模板中缺少 ${PLACEHOLDER}。`);
        data.html = data.html.replace(PLACEHOLDER, policyFor(scripts));
        return data;
      });
    });
  }
}

module.exports = { CspByHashPlugin, policyFor };

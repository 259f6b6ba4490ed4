/**
 * Builds the add-in into dist/: the task pane and the ribbon function file,
 * plus the icons and the manifest with its host rewritten. With `--env
 * harness` (npm run harness, test/e2e/harness-build.ts) it also builds the
 * browser harness of dev/harness (the pane on Microsoft's real Excel client
 * answered by dev/office-host); the shipped build never holds it
 * (test/build/production-build.test.ts checks dist/).
 *
 *   npm run build          production build, manifest for $ADDIN_HOST
 *   npm run dev-server     https://localhost:3000 (self-signed certificate)
 *   npm run harness        development build with the harness, served on http://127.0.0.1:3001
 *
 * office.js is never bundled: taskpane.html and commands.html load it from
 * Microsoft's CDN; the harness page loads Microsoft's excel-web-16.00.js
 * copied from the npm package (dev/office-host).
 *
 * A second build makes dist/app.html (src/app): the pane's file-based work
 * as ONE file that runs opened from disk (file://), where Chrome refuses ES
 * modules, scripts and workers loaded by URL and fetch: one chunk (no
 * splitting, dynamic imports folded in), inlined into the page as a classic
 * script (InlineScriptPlugin).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_HOST = 'https://localhost:3000';

/**
 * ADDIN_HOST must be an origin Office accepts for every URL of the
 * manifest: https (Office refuses http for add-in pages), a host and at
 * most a port, nothing after it (the manifest adds /taskpane.html,
 * /assets/… itself; a path would be doubled or lost). Returns the origin
 * without a trailing slash, or throws a Vietnamese message.
 */
function checkAddinHost(host) {
  const raw = String(host).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_HOST "${raw}" không phải địa chỉ hợp lệ. Ví dụ đúng: https://cchc.example.vn`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_HOST "${raw}" phải dùng https:// (Office không mở phần bổ trợ qua http).`);
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_HOST "${raw}" chỉ được gồm https:// và tên máy (có thể kèm cổng), không có đường dẫn: ví dụ https://cchc.example.vn`);
  }
  return url.origin;
}

/** The manifest names the dev host; production copies point at ADDIN_HOST instead. */
function rewriteManifest(xml, host) {
  const target = host ? checkAddinHost(host) : DEV_HOST;
  return xml.split(DEV_HOST).join(target);
}

/**
 * HTTPS for the dev server. Excel opens the pane only from a certificate the
 * machine trusts. In order: DEV_CERT/DEV_KEY (files), certs/localhost.crt and
 * certs/localhost.key in this folder (the README's openssl command makes
 * them), Microsoft's development certificate if one is already installed in
 * ~/.office-addin-dev-certs; else webpack-dev-server makes a self-signed one.
 */
function devServerHttps() {
  const candidates = [
    process.env.DEV_CERT && process.env.DEV_KEY ? { cert: process.env.DEV_CERT, key: process.env.DEV_KEY } : null,
    { cert: path.join(__dirname, 'certs', 'localhost.crt'), key: path.join(__dirname, 'certs', 'localhost.key') },
    { cert: path.join(os.homedir(), '.office-addin-dev-certs', 'localhost.crt'), key: path.join(os.homedir(), '.office-addin-dev-certs', 'localhost.key') },
  ].filter(Boolean);
  const found = candidates.find((c) => fs.existsSync(c.cert) && fs.existsSync(c.key));
  if (!found) return 'https';
  return { type: 'https', options: { cert: fs.readFileSync(found.cert), key: fs.readFileSync(found.key) } };
}

/**
 * Replaces the page's <script src> by the script itself and drops the .js
 * file, so the page needs nothing beside it. `</script` and `<!--` inside
 * the code would end or confuse the HTML script element: escaped (`<\/`,
 * `<\!` mean the same in JavaScript strings and regular expressions).
 */
class InlineScriptPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineScriptPlugin', (compilation) => {
      const inlined = new Set();
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineScriptPlugin', (data) => {
        for (const tag of [...data.headTags, ...data.bodyTags]) {
          if (tag.tagName !== 'script' || !tag.attributes.src) continue;
          const file = decodeURIComponent(String(tag.attributes.src).replace(/^.*\//, '').replace(/\?.*$/, ''));
          const asset = compilation.getAsset(file);
          if (!asset) throw new Error(`InlineScriptPlugin: không thấy ${file}`);
          tag.innerHTML = asset.source.source().toString().replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
          tag.attributes = {};
          inlined.add(file);
        }
        return data;
      });
      compilation.hooks.processAssets.tap({ name: 'InlineScriptPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        for (const file of inlined) {
          compilation.deleteAsset(file);
          if (compilation.getAsset(`${file}.LICENSE.txt`)) compilation.deleteAsset(`${file}.LICENSE.txt`);
        }
      });
    });
  }
}

/** dist/app.html: the page without Excel, one self-contained file (`--config-name app` builds it alone). */
function appConfig(base) {
  return {
    name: 'app',
    mode: base.mode,
    devtool: false,
    // boot.ts: the page, or (the same script started again from a Blob URL) its compile's worker.
    entry: { app: './src/app/boot.ts' },
    output: { path: base.output.path, filename: '[name].js', publicPath: '', clean: false },
    resolve: base.resolve,
    module: base.module,
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      // The .xlsx reader, writer and docx are imported on demand by the pane: here they join the one chunk.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({ filename: 'app.html', template: './src/app/app.html', chunks: ['app'], inject: 'body', scriptLoading: 'blocking' }),
      new InlineScriptPlugin(),
    ],
    performance: { hints: false },
  };
}

function config(env, argv) {
  const addin = addinConfig(env, argv);
  // The harness (tests of the pane on Excel's client) has no use for the page: built only for the add-in's own dist/.
  return env && env.harness ? [addin] : [addin, appConfig(addin)];
}

function addinConfig(env, argv) {
  const mode = (argv && argv.mode) || 'production';
  const dev = mode === 'development';
  const harness = Boolean(env && env.harness);
  // Checked before anything is built: a wrong host would give a manifest Office rejects (or silently ignores, on Mac).
  const host = checkAddinHost(process.env.ADDIN_HOST || DEV_HOST);
  return {
    name: 'addin',
    mode,
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // The compile's Web Worker (src/taskpane/compile-client.ts starts it beside the page): the core, its layout and
      // the .xlsx reader in one file of their own, fetched on the first compile, never part of the pane's first load.
      'compile-worker': './src/taskpane/compile-worker.ts',
      ...(harness ? { harness: './dev/harness/harness.tsx' } : {}),
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // app.html is the other build's (appConfig), written into the same folder at the same time.
      clean: { keep: /^app\.html$/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      // SheetJS and docx reach for Node modules they do not need in a browser.
      fallback: { fs: false, path: false, crypto: false, stream: false, os: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `tsc --noEmit` (npm test); the bundle only needs JavaScript.
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } } },
        },
      ],
    },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      ...(harness ? [new HtmlWebpackPlugin({ filename: 'harness.html', template: './dev/harness/harness.html', chunks: ['harness'] })] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          // Excel for Mac saves Xuất báo cáo through this page in the user's browser (src/taskpane/download.ts).
          { from: 'src/taskpane/save.html', to: 'save.html' },
          // The browser harness runs the pane on Microsoft's real client (dev/office-host); the add-in itself loads office.js from the CDN.
          // `minimized`: copied as Microsoft ships it, never re-minified by the production build.
          ...(harness ? [{ from: require.resolve('@microsoft/office-js/dist/excel-web-16.00.js'), to: 'office-js/excel-web-16.00.js', info: { minimized: true } }] : []),
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content.toString('utf8'), host) },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      server: devServerHttps(),
      port: 3000,
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: false,
    },
  };
}

module.exports = config;
module.exports.rewriteManifest = rewriteManifest;
module.exports.checkAddinHost = checkAddinHost;

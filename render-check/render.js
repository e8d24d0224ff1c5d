#!/usr/bin/env node
// Renders Markdown the way GitHub shows a PR comment or a job summary: GitHub-flavoured Markdown
// (marked, gfm) into a column of GitHub's width, every ```mermaid block through the real mermaid
// package (each release named in package.json), in headless Chromium. One browser for all pages.
//
// usage: node render.js MANIFEST.json OUT_DIR
//   MANIFEST: [{"name": "guide-3/PR_COMMENT", "file": "/abs/PR_COMMENT.md", "column": 780}, ...]
// Writes OUT_DIR/<name>.<mermaid>.png (whole page) and .top.png (first 1300 px) and prints one JSON report on stdout:
//   {"pages": [{"name", "mermaid", "column", "tables": [px...], "widest", "charts",
//               "mermaidErrors": [...], "consoleErrors": [...], "screenshot"}], "blocked": [...]}
// Nothing leaves the machine: pages and scripts are file:// URLs, every other request is aborted
// and reported under "blocked".
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { marked } = require('marked');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MERMAIDS = [
  { label: 'mermaid10', script: require.resolve('mermaid10/dist/mermaid.min.js') },
  { label: 'mermaid11', script: require.resolve('mermaid11/dist/mermaid.min.js') },
];
const PAGE_TIMEOUT_MS = 60000;
// GitHub draws Mermaid with its dark theme in dark mode: RENDER_THEME=dark checks that look.
const THEME = process.env.RENDER_THEME === 'dark' ? 'dark' : 'default';

// The parts of GitHub's markdown-body stylesheet that decide widths.
const CSS = `
body { margin: 0; background: #fff; color: #1f2328; }
.markdown-body { box-sizing: border-box; padding: 16px; font-size: 14px; line-height: 1.5;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial,
  sans-serif; word-wrap: break-word; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: block;
  width: max-content; max-width: none; overflow: visible; margin: 0 0 16px; }
.markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body th { font-weight: 600; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
  font-size: 85%; padding: .2em .4em; background: rgba(129,139,152,.12); border-radius: 6px; }
.markdown-body pre { background: #f6f8fa; padding: 16px; overflow: auto; }
.markdown-body .mermaid-box { margin: 0 0 16px; }
`;

function pageHtml(markdown, column, mermaidScript) {
  const body = marked.parse(markdown, { gfm: true, async: false });
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style>
<script src="${'file://' + mermaidScript}"></script></head>
<body><div class="markdown-body" id="column" style="width:${column}px">${body}</div></body></html>`;
}

async function renderPage(page, entry, mermaid, outDir, tmp) {
  const markdown = fs.readFileSync(entry.file, 'utf8');
  const htmlFile = path.join(tmp, `${entry.name.replace(/[^A-Za-z0-9._-]/g, '_')}.${mermaid.label}.html`);
  fs.writeFileSync(htmlFile, pageHtml(markdown, entry.column, mermaid.script));
  const consoleErrors = [];
  const onConsole = (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); };
  const onError = (e) => consoleErrors.push(String(e));
  page.on('console', onConsole);
  page.on('pageerror', onError);
  await page.goto('file://' + htmlFile, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
  const result = await page.evaluate(async (theme) => {
    /* global mermaid */
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });
    if (theme === 'dark') {
      document.body.style.background = '#0d1117';
      document.body.style.color = '#e6edf3';
    }
    const blocks = Array.from(document.querySelectorAll('pre > code.language-mermaid'));
    const errors = [];
    let n = 0;
    for (const code of blocks) {
      const text = code.textContent;
      const id = 'chart' + (n++);
      try {
        await mermaid.parse(text);
        const { svg } = await mermaid.render(id, text);
        const box = document.createElement('div');
        box.className = 'mermaid-box';
        box.innerHTML = svg;
        code.parentElement.replaceWith(box);
        if (/Syntax error/i.test(svg)) errors.push(id + ': rendered an error diagram');
      } catch (e) {
        errors.push(id + ': ' + String((e && e.message) || e).split('\n').slice(0, 3).join(' '));
        const stray = document.getElementById('d' + id);
        if (stray) stray.remove();
      }
    }
    const tables = Array.from(document.querySelectorAll('#column table'))
      .map((t) => Math.ceil(t.getBoundingClientRect().width));
    return { tables, charts: blocks.length, errors };
  }, THEME);
  const shot = path.join(outDir, `${entry.name.replace(/[^A-Za-z0-9._-]/g, '_')}.${mermaid.label}.png`);
  await page.locator('#column').screenshot({ path: shot });
  // The first screen as a reviewer sees it, readable without scrolling through every chart.
  const top = shot.replace(/\.png$/, '.top.png');
  await page.screenshot({ path: top, fullPage: true,
    clip: { x: 0, y: 0, width: entry.column, height: 1300 } });
  page.off('console', onConsole);
  page.off('pageerror', onError);
  return {
    name: entry.name,
    mermaid: mermaid.label,
    column: entry.column,
    tables: result.tables,
    widest: result.tables.length ? Math.max(...result.tables) : 0,
    charts: result.charts,
    mermaidErrors: result.errors,
    consoleErrors,
    screenshot: shot,
    firstScreen: top,
  };
}

async function main() {
  const [manifestFile, outDir] = process.argv.slice(2);
  if (!manifestFile || !outDir) {
    console.error('usage: node render.js MANIFEST.json OUT_DIR');
    process.exit(2);
  }
  const entries = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'render-check-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'render-check-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    timeout: PAGE_TIMEOUT_MS,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      '--disable-default-apps', '--disable-extensions', '--no-proxy-server',
    ],
  });
  const blocked = [];
  try {
    await browser.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')) {
        return route.continue();
      }
      blocked.push(url);
      return route.abort();
    });
    const page = browser.pages()[0] || (await browser.newPage());
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const pages = [];
    for (const entry of entries) {
      for (const m of MERMAIDS) {
        pages.push(await renderPage(page, entry, m, outDir, tmp));
      }
    }
    process.stdout.write(JSON.stringify({ pages, blocked }, null, 1) + '\n');
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error('render-check: ' + ((e && e.stack) || e));
  process.exit(1);
});

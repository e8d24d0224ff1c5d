#!/usr/bin/env node
// Opens SOAK_REPORT.html files in headless Chromium from file:// and works them as a person would:
// filters the table, opens a failing cell's chart, zooms it, hovers a violating window. Every request
// other than the page itself is aborted and reported, as are console errors, page errors, dialogs
// (an alert() from a hostile symbol would be one) and Content-Security-Policy violations.
//
// usage: node html-report.js MANIFEST.json OUT_DIR
//   MANIFEST: [{"name": "soak_crit", "file": "/abs/SOAK_REPORT.html", "status": "CRIT",
//               "filter": "BTC", "texts": ["symbol expected verbatim as text", ...]}, ...]
// Prints one JSON report on stdout: {"pages": [{"name", "requests": [...], "consoleErrors": [...],
//   "dialogs": [...], "csp": [...], "firstChartMs", "loadMs", "heapMB", "rows", ...}]}
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PAGE_TIMEOUT_MS = 120000;

async function check(context, entry, outDir) {
  const page = await context.newPage();
  const url = 'file://' + entry.file;
  const requests = [];
  const consoleErrors = [];
  const dialogs = [];
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => { dialogs.push(d.type() + ': ' + d.message()); d.dismiss().catch(() => {}); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
  const loadMs = Date.now() - t0;
  let firstChartMs = null;
  if (entry.expectChart !== false) {
    await page.waitForSelector('.chart .uplot', { timeout: PAGE_TIMEOUT_MS });
    firstChartMs = Number(await page.evaluate(() => document.documentElement.dataset.firstChartMs));
  }
  const marks = await page.evaluate(() => Object.fromEntries(
    performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize');
  const result = {
    name: entry.name,
    file: entry.file,
    bytes: fs.statSync(entry.file).size,
    loadMs,
    firstChartMs,
    scriptStartMs: marks['soak-script'],
    dataParsedMs: marks['soak-data'],
    heapMB: heap ? Math.round(heap.value / 1048576 * 10) / 10 : null,
    rows: await page.locator('tr.row').count(),
    openCharts: await page.locator('.chart .uplot').count(),
  };
  const shot = path.join(outDir, entry.name + '.png');
  await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1280, height: 1100 } });
  result.screenshot = shot;

  if (entry.filter) {
    await page.fill('input.filter', entry.filter);
    const symbols = await page.$$eval('tr.row', (rs) => rs.map((r) => r.dataset.symbol));
    result.filter = { text: entry.filter, rows: symbols.length,
      allMatch: symbols.every((s) => s.toLowerCase().includes(entry.filter.toLowerCase())) };
    await page.fill('input.filter', '');
    result.filter.rowsAfterClear = await page.locator('tr.row').count();
  }

  if (entry.status) {
    result.cell = await openCell(page, entry.status, outDir, entry.name);
  }

  if (entry.texts) {
    result.texts = await page.evaluate((texts) => {
      const shown = new Set(Array.from(document.querySelectorAll('tr.row td:nth-child(2)')).map((td) => td.textContent));
      const body = document.body.textContent;
      return texts.map((t) => ({ text: t, inTable: shown.has(t), inPage: body.includes(t) }));
    }, entry.texts);
    result.injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img, iframe, object, embed, a[href]').length,
      scripts: document.scripts.length,
      pwned: typeof window.__pwned !== 'undefined',
    }));
  }
  result.csp = await page.evaluate(() => window.__csp);
  result.requests = requests;
  result.consoleErrors = consoleErrors;
  result.dialogs = dialogs;
  await page.close();
  return result;
}

// Closes the first row of that status if open, clicks it open, and checks its chart: the band of
// that level and the violating windows drawn, the range shrinking on zoom, the tooltip naming the file.
async function openCell(page, status, outDir, name) {
  const row = page.locator(`tr.row[data-status="${status}"]`).first();
  if ((await row.getAttribute('class')).includes('open')) {
    await row.click();
  }
  const closed = await page.locator(`tr.row[data-status="${status}"]`).first().getAttribute('class');
  await page.locator(`tr.row[data-status="${status}"]`).first().click();
  const open = page.locator('tr.row.open').filter({ hasText: status }).first();
  const symbol = await open.getAttribute('data-symbol');
  const metric = await open.getAttribute('data-metric');
  const chart = page.locator('.chart').filter({ has: page.locator('.uplot') })
    .and(page.locator(`.chart[data-metric="${metric}"]`)).first();
  await chart.waitFor({ timeout: PAGE_TIMEOUT_MS });
  const drawn = await chart.evaluate((box, level) => {
    const u = box.__uplot;
    const windows = (level === 'CRIT' ? box.dataset.critWindows : box.dataset.warnWindows).split(',').map(Number);
    const xs = u.data[0];
    const w = windows[0];
    const i = xs.indexOf(w);
    const v = u.data[level === 'CRIT' ? 5 : 4][i];
    const px = (x, y) => Array.from(u.ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data);
    const mx = u.valToPos(w, 'x', true);
    const my = u.valToPos(v, 'y', true);
    // A point of the band: just past the bound on the bad side, at the plot's left edge.
    const s = u.series;
    const bound = Number(level === 'CRIT' ? box.dataset.critBound : box.dataset.warnBound);
    const past = Number(box.dataset.badWhen === 'low' ? -1 : 1);
    const range = u.scales.y.max - u.scales.y.min;
    const by = u.valToPos(bound + past * range * 0.02, 'y', true);
    return { symbol: box.dataset.symbol, window: w, value: v, marker: px(mx, my), band: px(u.bbox.left + 3, by),
      series: s.length, bands: box.dataset.bands, xMin: u.scales.x.min, xMax: u.scales.x.max };
  }, status);
  // Zoom with the chart's own button, then by dragging across the plot.
  await chart.locator('button', { hasText: '+' }).click();
  const afterButton = await chart.evaluate((b) => [Number(b.dataset.xMin), Number(b.dataset.xMax)]);
  await chart.locator('button', { hasText: '⤢' }).click();
  const over = chart.locator('.u-over');
  const box = await over.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const afterDrag = await chart.evaluate((b) => [Number(b.dataset.xMin), Number(b.dataset.xMax)]);
  await chart.locator('button', { hasText: '⤢' }).click();
  // Hover the violating window: the tooltip names it, its value and its file.
  const pos = await chart.evaluate((b, w) => {
    const u = b.__uplot;
    return { x: Math.max(1, Math.min(u.valToPos(w, 'x'), u.over.clientWidth - 2)), y: u.over.clientHeight / 2 };
  }, drawn.window);
  await page.mouse.move(box.x + pos.x, box.y + pos.y);
  const tip = await chart.locator('.tip').evaluate((t) => ({ visible: t.style.display === 'block', text: t.textContent }));
  const shot = path.join(outDir, name + '.' + status + '-chart.png');
  await chart.screenshot({ path: shot });
  return { status, symbol, metric, closedBeforeClick: !closed.includes('open'), drawn, afterButton, afterDrag,
    tip, screenshot: shot };
}

async function main() {
  const [manifestFile, outDir] = process.argv.slice(2);
  if (!manifestFile || !outDir) {
    console.error('usage: node html-report.js MANIFEST.json OUT_DIR');
    process.exit(2);
  }
  const entries = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'html-report-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    timeout: PAGE_TIMEOUT_MS,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const pages = [];
  try {
    for (const e of entries) {
      pages.push(await check(context, e, outDir));
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ pages }, null, 1) + '\n');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});

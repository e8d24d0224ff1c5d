// SOAK_REPORT.html's script: reads the analysis from the page's JSON data block and shows it.
// Every text from the data reaches the page through textContent or canvas text, never as markup.
// Charts are uPlot (bundled beside this script); this file only configures and wires them.
(function () {
  'use strict';

  var TEXT = {
    en: {
      title: 'Soak report', verdict: 'Verdict', windows: 'Windows analyzed', minWindows: 'Min windows required',
      short: 'Fewer windows than required for statistical significance', generated: 'Generated',
      cells: 'Cells', events: 'events', run: 'Run', commitRange: 'Commit range', profile: 'Profile', source: 'Source',
      quality: 'Data quality', filesMatched: 'Files matched', filesUsed: 'Files used', skipped: 'Skipped files',
      warnings: 'Warnings', noData: 'Metrics without data', none: 'none', table: 'Cells (symbol × metric)',
      filter: 'Filter symbols…', failingOnly: 'Only WARN / CRIT', shown: 'rows shown', of: 'of',
      more: 'Narrow the filter to see the rest.',
      cols: ['Status', 'Symbol', 'Metric', 'Last', 'Median', 'Trend', 'Worst @ window', 'WARN / CRIT bound',
        'Events', 'Bad windows', 'Level shift'],
      clickHint: 'Click a row for its chart; failing cells open by themselves. Drag across a chart to zoom, wheel to zoom, buttons to pan.',
      value: 'value', trend: 'trend', baseline: 'baseline', warnPts: 'WARN windows', critPts: 'CRIT windows',
      window: 'window', file: 'file', zoomIn: 'Zoom in', zoomOut: 'Zoom out', left: 'Pan left', right: 'Pan right',
      reset: 'Whole run', significant: 'significant', notSignificant: 'not significant', shift: 'level shift',
      from: 'from', to: 'to', at: 'at window', range: 'windows', baselineLevel: 'Baseline median',
      verdicts: { OK: 'All metrics within thresholds', WARN: 'Some metrics below target, optimization recommended',
        CRIT: 'Critical violations found, immediate action required' },
      okNoData: 'No threshold crossed; some metrics had no data (see Data quality)'
    },
    ru: {
      title: 'Отчёт о soak-прогоне', verdict: 'Вердикт', windows: 'Окон проанализировано', minWindows: 'Минимум окон',
      short: 'Окон меньше, чем нужно для статистической значимости', generated: 'Создан',
      cells: 'Ячейки', events: 'событий', run: 'Прогон', commitRange: 'Коммиты', profile: 'Профиль', source: 'Источник',
      quality: 'Качество данных', filesMatched: 'Найдено файлов', filesUsed: 'Использовано файлов', skipped: 'Пропущенные файлы',
      warnings: 'Предупреждения', noData: 'Метрики без данных', none: 'нет', table: 'Ячейки (символ × метрика)',
      filter: 'Фильтр по символу…', failingOnly: 'Только WARN / CRIT', shown: 'строк показано', of: 'из',
      more: 'Уточните фильтр, чтобы увидеть остальные.',
      cols: ['Статус', 'Символ', 'Метрика', 'Последнее', 'Медиана', 'Тренд', 'Худшее @ окно', 'Граница WARN / CRIT',
        'События', 'Плохие окна', 'Сдвиг уровня'],
      clickHint: 'Нажмите на строку, чтобы увидеть график; проблемные ячейки открыты сразу. Выделите участок графика или крутите колесо для масштаба, кнопки сдвигают окно.',
      value: 'значение', trend: 'тренд', baseline: 'базовый уровень', warnPts: 'окна WARN', critPts: 'окна CRIT',
      window: 'окно', file: 'файл', zoomIn: 'Приблизить', zoomOut: 'Отдалить', left: 'Влево', right: 'Вправо',
      reset: 'Весь прогон', significant: 'значим', notSignificant: 'не значим', shift: 'сдвиг уровня',
      from: 'с', to: 'до', at: 'в окне', range: 'окна', baselineLevel: 'Медиана базового прогона',
      verdicts: { OK: 'Все метрики в пределах порогов', WARN: 'Часть метрик ниже цели, рекомендуется оптимизация',
        CRIT: 'Найдены критические нарушения, нужны немедленные действия' },
      okNoData: 'Пороги не нарушены; у части метрик нет данных (см. «Качество данных»)'
    }
  };
  var ICON = { OK: '✅', WARN: '⚠️', CRIT: '❌', NO_DATA: '➖' };
  var RANK = { CRIT: 0, WARN: 1, NO_DATA: 2, OK: 3 };
  var COLOR = { value: '#1f6feb', warn: '#bf8700', crit: '#cf222e', trend: '#8250df', baseline: '#57606a',
    warnBand: 'rgba(212, 167, 44, 0.18)', critBand: 'rgba(207, 34, 46, 0.16)', shift: '#0969da' };
  var MAX_ROWS = 500;
  var OPEN_AT_START = 6;

  // Marks for the browser test's timings: script start, data parsed (the rest is table and charts).
  performance.mark('soak-script');
  var D = JSON.parse(document.getElementById('soak-data').textContent);
  performance.mark('soak-data');
  var T = TEXT[D.lang] || TEXT.en;
  var metricByKey = {};
  D.metrics.forEach(function (m) { metricByKey[m.key] = m; });
  var app = document.getElementById('app');
  document.title = T.title + ' — ' + D.verdict;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function fmt(v, decimals) { return v === null || v === undefined ? 'n/a' : Number(v).toFixed(decimals); }
  function fmtP(p) {
    if (p === null || p === undefined) { return 'n/a'; }
    return p < 1e-16 ? '< 1e-16' : p < 0.0001 ? p.toExponential(1) : p.toPrecision(2);
  }
  function status(s) { return ICON[s] + ' ' + s; }

  // ---- header, run, data quality ------------------------------------------------------------
  function header() {
    var h = add(app, el('header', 'head'));
    add(h, el('h1', null, T.title));
    var v = add(h, el('p', 'verdict v-' + D.verdict));
    var noData = D.counts.no_data;
    v.textContent = ICON[D.verdict] + ' ' + D.verdict + ' — ' +
      (D.verdict === 'OK' && noData > 0 ? T.okNoData : T.verdicts[D.verdict]);
    var counts = add(h, el('ul', 'counts'));
    [['CRIT', D.counts.crit, D.counts.crit_events], ['WARN', D.counts.warn, D.counts.warn_events],
      ['OK', D.counts.ok, null], ['NO_DATA', noData, null]].forEach(function (c) {
      var li = add(counts, el('li', 'count c-' + c[0], status(c[0]) + ': ' + c[1] + ' ' + T.cells.toLowerCase()));
      if (c[2] !== null) { li.textContent += ' (' + c[2] + ' ' + T.events + ')'; }
    });
    var facts = add(h, el('dl', 'facts'));
    fact(facts, T.windows, D.windows);
    fact(facts, T.minWindows, D.min_windows_required);
    fact(facts, T.generated, D.generated_at_utc);
    fact(facts, T.commitRange, D.meta.commit_range);
    fact(facts, T.profile, D.meta.profile);
    fact(facts, T.source, D.meta.source);
    if (D.windows < D.min_windows_required) { add(h, el('p', 'short', '⚠️ ' + T.short)); }
  }
  function fact(dl, name, value) {
    add(dl, el('dt', null, name));
    add(dl, el('dd', null, value === null || value === undefined ? '—' : value));
  }

  function quality() {
    var s = add(app, el('section', 'quality'));
    add(s, el('h2', null, T.quality));
    var facts = add(s, el('dl', 'facts'));
    fact(facts, T.filesMatched, D.quality.files_matched);
    fact(facts, T.filesUsed, D.quality.files_used);
    list(s, T.skipped, D.quality.skipped.map(function (k) { return k.file + ': ' + k.reason; }));
    var noData = [];
    D.symbols.forEach(function (sym) {
      sym.cells.forEach(function (c) { if (c.status === 'NO_DATA') { noData.push(sym.symbol + ' · ' + c.metric); } });
    });
    list(s, T.noData, noData);
    list(s, T.warnings, D.quality.warnings);
  }
  function list(parent, title, items) {
    add(parent, el('h3', null, title + ' (' + items.length + ')'));
    if (!items.length) { add(parent, el('p', 'muted', T.none)); return; }
    var ul = add(parent, el('ul', 'plain'));
    items.slice(0, 200).forEach(function (t) { add(ul, el('li', null, t)); });
    if (items.length > 200) { add(ul, el('li', 'muted', '… +' + (items.length - 200))); }
  }

  // ---- the cell table -------------------------------------------------------------------------
  var rows = [];
  D.symbols.forEach(function (sym, si) {
    sym.cells.forEach(function (c, ci) {
      rows.push({ id: si + ':' + ci, sym: sym, cell: c, metric: metricByKey[c.metric], order: rows.length });
    });
  });
  var sortKey = 0;
  var sortDir = 1;
  var open = {};
  var table, tbody, note, filterBox, failingBox;

  function columns(r) {
    var c = r.cell, m = r.metric, d = m.decimals;
    var cp = c.change_points.length ? c.change_points[0] : null;
    return [
      [status(c.status), RANK[c.status]],
      [r.sym.symbol, r.sym.symbol],
      [m.label, r.order],
      [fmt(c.last, d), c.last],
      [fmt(c.median, d), c.median],
      [c.trend.arrow + (c.trend.significant ? '*' : ''), c.trend.slope_normalized],
      [c.worst ? fmt(c.worst.value, d) + ' @ #' + c.worst.window_index : '—', c.worst ? RANK[c.worst.level] : 9],
      [fmt(c.warn_bound, d) + ' / ' + fmt(c.crit_bound, d), c.warn_bound],
      [c.crit_events + c.warn_events ? c.crit_events + ' CRIT, ' + c.warn_events + ' WARN' : '—', -(c.crit_events * 1e6 + c.warn_events)],
      [c.first_bad ? '#' + c.first_bad + '–#' + c.last_bad : '—', c.first_bad || 1e12],
      [cp ? fmt(cp.before, d) + ' → ' + fmt(cp.after, d) + ' @ #' + cp.window_index : '—', cp ? cp.window_index : 1e12]
    ];
  }

  function compare(a, b) {
    var x = a.cols[sortKey][1], y = b.cols[sortKey][1];
    if (x === null || x === undefined) { x = Infinity; }
    if (y === null || y === undefined) { y = Infinity; }
    var c = typeof x === 'string' ? (x < y ? -1 : x > y ? 1 : 0) : x - y;
    if (c === 0 && sortKey !== 0) { c = RANK[a.cell.status] - RANK[b.cell.status]; }
    return c * sortDir || a.order - b.order;
  }

  function cellTable() {
    var s = add(app, el('section', 'cells'));
    add(s, el('h2', null, T.table));
    add(s, el('p', 'muted', T.clickHint));
    var tools = add(s, el('div', 'tools'));
    filterBox = add(tools, el('input', 'filter'));
    filterBox.type = 'search';
    filterBox.placeholder = T.filter;
    filterBox.setAttribute('aria-label', T.filter);
    var label = add(tools, el('label', 'failing'));
    failingBox = add(label, el('input'));
    failingBox.type = 'checkbox';
    add(label, document.createTextNode(' ' + T.failingOnly));
    note = add(tools, el('span', 'note'));
    table = add(s, el('table', 'cells'));
    var tr = add(add(table, el('thead')), el('tr'));
    T.cols.forEach(function (name, i) {
      var th = add(tr, el('th', null, name));
      th.dataset.col = String(i);
      th.addEventListener('click', function () {
        sortDir = sortKey === i ? -sortDir : 1;
        sortKey = i;
        draw();
      });
    });
    tbody = add(table, el('tbody'));
    rows.forEach(function (r) { r.cols = columns(r); });
    filterBox.addEventListener('input', draw);
    failingBox.addEventListener('change', draw);
    rows.slice().sort(compare).filter(function (r) { return r.cell.status === 'CRIT' || r.cell.status === 'WARN'; })
      .slice(0, OPEN_AT_START).forEach(function (r) { open[r.id] = true; });
    draw();
  }

  function draw() {
    var q = filterBox.value.trim().toLowerCase();
    var shown = rows.filter(function (r) {
      return (!q || r.sym.symbol.toLowerCase().indexOf(q) >= 0) &&
        (!failingBox.checked || r.cell.status === 'CRIT' || r.cell.status === 'WARN');
    }).sort(compare);
    Array.prototype.forEach.call(table.querySelectorAll('th'), function (th, i) {
      th.className = i === sortKey ? (sortDir > 0 ? 'sorted asc' : 'sorted desc') : '';
    });
    destroyCharts();
    tbody.textContent = '';
    shown.slice(0, MAX_ROWS).forEach(function (r) {
      var tr = add(tbody, el('tr', 'row s-' + r.cell.status));
      tr.dataset.symbol = r.sym.symbol;
      tr.dataset.metric = r.cell.metric;
      tr.dataset.status = r.cell.status;
      r.cols.forEach(function (c) { add(tr, el('td', null, c[0])); });
      tr.addEventListener('click', function () {
        open[r.id] = !open[r.id];
        draw();
      });
      if (open[r.id]) {
        tr.classList.add('open');
        var td = add(add(tbody, el('tr', 'detail')), el('td'));
        td.colSpan = T.cols.length;
        chart(td, r);
      }
    });
    note.textContent = Math.min(shown.length, MAX_ROWS) + ' ' + T.shown + ' ' + T.of + ' ' + shown.length +
      (shown.length > MAX_ROWS ? '. ' + T.more : '');
  }

  // ---- one cell's chart (uPlot) ---------------------------------------------------------------
  var charts = [];
  function destroyCharts() { charts.forEach(function (u) { u.destroy(); }); charts = []; }

  function chart(td, r) {
    /* global uPlot */
    var c = r.cell, m = r.metric, d = m.decimals, xs = r.sym.windows;
    var warnSet = {}, critSet = {};
    c.warn_windows.forEach(function (w) { warnSet[w] = true; });
    c.crit_windows.forEach(function (w) { critSet[w] = true; });
    var trend = xs.map(function () { return null; });
    if (c.trend.line) {
      trend[xs.indexOf(c.trend.line[0])] = c.trend.line[1];
      trend[xs.indexOf(c.trend.line[2])] = c.trend.line[3];
    }
    var base = c.baseline && c.baseline.median !== null && c.baseline.median !== undefined ? c.baseline.median : null;
    // Markers last, so nothing is drawn over a violating window.
    var data = [xs, c.values, trend, xs.map(function () { return base; }),
      xs.map(function (w, i) { return warnSet[w] ? c.values[i] : null; }),
      xs.map(function (w, i) { return critSet[w] ? c.values[i] : null; })];
    var box = add(td, el('div', 'chart'));
    box.dataset.symbol = r.sym.symbol;
    box.dataset.metric = c.metric;
    box.dataset.bands = 'WARN,CRIT';
    box.dataset.warnWindows = c.warn_windows.join(',');
    box.dataset.critWindows = c.crit_windows.join(',');
    box.dataset.warnBound = String(c.warn_bound);
    box.dataset.critBound = String(c.crit_bound);
    box.dataset.badWhen = m.bad_when;
    var bar = add(box, el('div', 'chart-tools'));
    var caption = add(bar, el('span', 'caption'));
    caption.textContent = r.sym.symbol + ' · ' + m.label + ' — ' + status(c.status) +
      ' · ' + T.trend + ' ' + c.trend.arrow + (c.trend.significant ? '*' : '') + ' p=' + fmtP(c.trend.p_value) +
      ' (' + (c.trend.significant ? T.significant : T.notSignificant) + ')';
    c.change_points.forEach(function (cp) {
      add(bar, el('span', 'shift', T.shift + ' ' + T.from + ' ' + fmt(cp.before, d) + ' ' + T.to + ' ' + fmt(cp.after, d) +
        ' ' + T.at + ' #' + cp.window_index + (cp.window_range ? ' (' + T.range + ' #' + cp.window_range.from + '–#' +
        cp.window_range.to + ')' : '') + ', p=' + fmtP(cp.p_value)));
    });
    if (base !== null) {
      add(bar, el('span', 'base', T.baselineLevel + ' ' + fmt(base, d) +
        (c.baseline.mean !== null && c.baseline.mean !== undefined ? ' (mean ' + fmt(c.baseline.mean, d) + ')' : '')));
    }
    var plot = add(box, el('div', 'plot'));
    var tip = el('div', 'tip');
    var lo = Math.min(c.warn_bound, c.crit_bound), hi = Math.max(c.warn_bound, c.crit_bound);
    var opts = {
      width: Math.max(320, td.clientWidth - 24 || 900), height: 300,
      scales: { x: { time: false }, y: { range: function (u, min, max) {
        var a = min === null ? lo : Math.min(min, lo), b = max === null ? hi : Math.max(max, hi);
        if (base !== null) { a = Math.min(a, base); b = Math.max(b, base); }
        var pad = (b - a) * 0.08 || Math.abs(b) * 0.1 || 1;
        return [a - pad, b + pad];
      } } },
      // Windows are whole numbers: no tick between two of them.
      axes: [{ label: T.window, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 1e5, 2e5, 5e5, 1e6] },
        { label: m.label }],
      cursor: { drag: { x: true, y: false }, points: { size: 7 } },
      series: [{ label: T.window, value: function (u, v) { return v === null ? '--' : '#' + v; } },
        { label: T.value, stroke: COLOR.value, width: 1.5, spanGaps: false,
          points: { show: xs.length <= 200, size: 4 }, value: function (u, v) { return fmt(v, d); } },
        { label: T.trend + ' ' + c.trend.arrow + (c.trend.significant ? '*' : ''), stroke: COLOR.trend, width: 1.5,
          dash: [6, 4], spanGaps: true, points: { show: false }, value: function (u, v) { return fmt(v, d); } },
        { label: T.baseline, stroke: COLOR.baseline, width: 1, dash: [2, 3], show: base !== null,
          points: { show: false }, value: function (u, v) { return fmt(v, d); } },
        { label: T.warnPts, stroke: COLOR.warn, fill: COLOR.warn, paths: function () { return null; },
          points: { show: true, size: 9, stroke: COLOR.warn, fill: COLOR.warn }, value: function (u, v) { return fmt(v, d); } },
        { label: T.critPts, stroke: COLOR.crit, fill: COLOR.crit, paths: function () { return null; },
          points: { show: true, size: 10, stroke: COLOR.crit, fill: COLOR.crit }, value: function (u, v) { return fmt(v, d); } }],
      hooks: {
        // Behind the series, so a marker is never covered.
        drawClear: [function (u) { bands(u, c, m); shifts(u, c); }],
        setScale: [function (u, key) {
          if (key === 'x') { box.dataset.xMin = String(u.scales.x.min); box.dataset.xMax = String(u.scales.x.max); }
        }],
        setCursor: [function (u) { tooltip(u, r, tip, d); }]
      }
    };
    var u = new uPlot(opts, data, plot);
    u.over.appendChild(tip);
    box.__uplot = u; // for the browser test, which checks what was drawn
    charts.push(u);
    box.dataset.xMin = String(u.scales.x.min);
    box.dataset.xMax = String(u.scales.x.max);
    zoomControls(bar, u, xs);
    u.over.addEventListener('wheel', function (e) {
      e.preventDefault();
      var at = u.posToVal(e.offsetX, 'x');
      zoom(u, xs, e.deltaY < 0 ? 0.75 : 1 / 0.75, at);
    }, { passive: false });
    if (window.__soakFirstChartMs === undefined) {
      window.__soakFirstChartMs = performance.now();
      document.documentElement.dataset.firstChartMs = String(Math.round(window.__soakFirstChartMs));
    }
  }

  // WARN and CRIT zones behind the series: from the bound to the plot's edge on the bad side.
  function bands(u, c, m) {
    var ctx = u.ctx, b = u.bbox, y = u.scales.y;
    if (y.min === null || y.max === null) { return; }
    var edge = m.bad_when === 'low' ? y.min : y.max;
    zone(u, c.crit_bound, edge, COLOR.critBand);
    zone(u, c.warn_bound, c.crit_bound, COLOR.warnBand);
    function zone(u2, from, to, color) {
      var y1 = u2.valToPos(from, 'y', true), y2 = u2.valToPos(to, 'y', true);
      var top = Math.max(b.top, Math.min(y1, y2)), bottom = Math.min(b.top + b.height, Math.max(y1, y2));
      if (bottom > top) { ctx.save(); ctx.fillStyle = color; ctx.fillRect(b.left, top, b.width, bottom - top); ctx.restore(); }
    }
  }

  // A dashed line where the level shifted, its possible range shaded when the analysis gives one.
  function shifts(u, c) {
    var ctx = u.ctx, b = u.bbox;
    c.change_points.forEach(function (cp) {
      ctx.save();
      if (cp.window_range) {
        var x1 = u.valToPos(cp.window_range.from, 'x', true), x2 = u.valToPos(cp.window_range.to, 'x', true);
        ctx.fillStyle = 'rgba(9, 105, 218, 0.10)';
        ctx.fillRect(Math.max(b.left, x1), b.top, Math.min(b.left + b.width, x2) - Math.max(b.left, x1), b.height);
      }
      var x = u.valToPos(cp.window_index, 'x', true);
      if (x >= b.left && x <= b.left + b.width) {
        ctx.strokeStyle = COLOR.shift;
        ctx.setLineDash([4, 4]);
        ctx.lineWidth = 1.5;
        ctx.beginPath(); ctx.moveTo(x, b.top); ctx.lineTo(x, b.top + b.height); ctx.stroke();
      }
      ctx.restore();
    });
  }

  function tooltip(u, r, tip, d) {
    var i = u.cursor.idx;
    if (i === null || i === undefined || u.cursor.left < 0) { tip.style.display = 'none'; return; }
    var fi = r.sym.files.length ? r.sym.files[i] : null;
    tip.textContent = '';
    add(tip, el('div', null, T.window + ' #' + r.sym.windows[i]));
    add(tip, el('div', null, T.value + ': ' + fmt(r.cell.values[i], d)));
    var f = fi === null || fi === undefined ? null : D.files[fi];
    add(tip, el('div', 'file', T.file + ': ' + (f ? D.dirs[f[0]] + f[1] : '—')));
    tip.style.display = 'block';
    var left = u.cursor.left + 12, w = u.over.clientWidth;
    tip.style.left = (left + 260 > w ? Math.max(0, u.cursor.left - 272) : left) + 'px';
    tip.style.top = Math.max(0, u.cursor.top - 10) + 'px';
  }

  function zoomControls(bar, u, xs) {
    var tools = add(bar, el('span', 'zoom'));
    [['−', T.zoomOut, function () { zoom(u, xs, 1.6); }], ['+', T.zoomIn, function () { zoom(u, xs, 1 / 1.6); }],
      ['◀', T.left, function () { pan(u, xs, -0.5); }], ['▶', T.right, function () { pan(u, xs, 0.5); }],
      ['⤢', T.reset, function () { u.setScale('x', { min: xs[0], max: xs[xs.length - 1] }); }]].forEach(function (b) {
      var btn = add(tools, el('button', null, b[0]));
      btn.type = 'button';
      btn.title = b[1];
      btn.setAttribute('aria-label', b[1]);
      btn.addEventListener('click', function (e) { e.stopPropagation(); b[2](); });
    });
  }
  function clampRange(xs, min, max) {
    var lo = xs[0], hi = xs[xs.length - 1], span = Math.min(max - min, hi - lo);
    if (span < 1) { span = Math.min(1, hi - lo); }
    min = Math.max(lo, Math.min(min, hi - span));
    return { min: min, max: min + span };
  }
  function zoom(u, xs, factor, at) {
    var min = u.scales.x.min, max = u.scales.x.max;
    if (at === undefined) { at = (min + max) / 2; }
    u.setScale('x', clampRange(xs, at - (at - min) * factor, at + (max - at) * factor));
  }
  function pan(u, xs, part) {
    var min = u.scales.x.min, max = u.scales.x.max, step = (max - min) * part;
    u.setScale('x', clampRange(xs, min + step, max + step));
  }

  header();
  cellTable();
  quality();
})();

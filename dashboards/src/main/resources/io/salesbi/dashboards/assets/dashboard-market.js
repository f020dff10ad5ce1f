/* salesbi dashboards: market share page (segment × region heat map, share trend, white space). */
(function (s) {
    'use strict';

    function share(rows) {
        var volume = s.sum(rows, 'volume');
        return volume ? s.sum(rows, 'own') / volume : null;
    }

    /* The segment portfolio: market share (x) against the growth of the market volume over the prior year (y) per
       segment, bubble area by market volume. Growth compares like with like: only the regions the study covers in
       both years; a segment without a prior-year study row has no growth, so no bubble (the table still lists it). */
    function portfolio(rows, year) {
        var current = rows.filter(function (r) { return Number(r.year) === year; });
        var prior = rows.filter(function (r) { return Number(r.year) === year - 1; });
        return s.distinct(current, 'segment').sort().map(function (segment) {
            var now = current.filter(function (r) { return r.segment === segment; });
            var before = prior.filter(function (r) { return r.segment === segment; });
            var regionsBefore = s.distinct(before, 'region');
            var regionsNow = s.distinct(now, 'region');
            var volumeLike = s.sum(now.filter(function (r) { return regionsBefore.indexOf(r.region) >= 0; }), 'volume');
            var volumePrev = s.sum(before.filter(function (r) { return regionsNow.indexOf(r.region) >= 0; }), 'volume');
            var volume = s.sum(now, 'volume');
            return { segment: segment, own: s.sum(now, 'own'), volume: volume, share: share(now),
                     volume_prev: volumePrev ? volumePrev : null,
                     growth: volumePrev ? volumeLike / volumePrev - 1 : null };
        });
    }

    /* Own revenue per segment in the selected period (s.span; the whole year when none is chosen, a partial year
       as its months with revenue) against the same months a year earlier. Market volumes are kept per year, so the
       shares above stay the year's. */
    function renderPeriod(year) {
        if (!document.getElementById('table-market-period') || !(s.data.revenueMonth || []).length) { return null; }
        var sp = s.span(year) || s.span(year, 'ytd');
        var rows = s.periodRows(s.data.revenueMonth, sp, year).filter(function (r) { return s.matches(r, ['year']); });
        var now = s.sumBy(rows.filter(function (r) { return Number(r.year) === year; }), 'segment', 'net');
        var before = s.sumBy(rows.filter(function (r) { return Number(r.year) === year - 1; }), 'segment', 'net');
        var segments = Array.from(new Set(Array.from(now.keys()).concat(Array.from(before.keys()))))
            .sort(function (a, b) { return (now.get(b) || 0) - (now.get(a) || 0); });
        s.table('table-market-period', [
            { key: 'segment', label: s.t('col.segment'), value: function (r) { return s.label('segment', r.segment); } },
            { key: 'own', label: s.t('col.revenueCompared', sp.label), type: 'money' },
            { key: 'own_prev', label: s.t('col.revenueCompared', sp.priorLabel), type: 'money' },
            { key: 'change', label: s.t('col.change'), type: 'signedPercent', tone: true }
        ], segments.map(function (k) {
            var prev = before.has(k) ? before.get(k) : null;
            return { segment: k, own: now.get(k) || 0, own_prev: prev,
                     change: prev ? ((now.get(k) || 0) - prev) / Math.abs(prev) : null };
        }), { title: s.t('table.marketPeriod'), sortKey: 'own' });
        return { span: sp, now: now, before: before, segments: segments };
    }

    function render() {
        var year = s.year();
        var rows = s.data.market.filter(function (r) { return s.matches(r, ['year']); });
        var current = rows.filter(function (r) { return Number(r.year) === year; });
        var segments = portfolio(rows, year);
        s.table('table-portfolio', [
            { key: 'segment', label: s.t('col.segment'), value: function (r) { return s.label('segment', r.segment); } },
            { key: 'own', label: s.t('col.own'), type: 'money' },
            { key: 'volume', label: s.t('col.volume'), type: 'money' },
            { key: 'share', label: s.t('col.share'), type: 'percent' },
            { key: 'volume_prev', label: s.t('col.volumePrev'), type: 'money' },
            { key: 'growth', label: s.t('col.volumeGrowth'), type: 'signedPercent' }
        ], segments, { title: s.t('table.portfolio') });
        var period = renderPeriod(year);

        s.table('table-market', [
            { key: 'segment', label: s.t('col.segment'), value: function (r) { return s.label('segment', r.segment); } },
            { key: 'region', label: s.t('col.region'), value: function (r) { return s.label('region', r.region); } },
            { key: 'own', label: s.t('col.own'), type: 'money' },
            { key: 'volume', label: s.t('col.volume'), type: 'money' },
            { key: 'share', label: s.t('col.share'), type: 'percent', value: function (r) { return r.volume ? r.own / r.volume : null; } },
            { key: 'change_pp', label: s.t('col.changePp'), type: 'points', tone: true },
            { key: 'competitor', label: s.t('col.competitor') },
            { key: 'competitor_share', label: s.t('col.competitorShare'), type: 'percent' },
            { key: 'relative_share', label: s.t('col.relativeShare'), type: 'ratio' },
            { key: 'white_space', label: s.t('col.whiteSpace'), type: 'money' }
        ], current, { title: s.t('table.market'), sortKey: 'white_space' });
        return { year: year, rows: rows, current: current, portfolio: segments, period: period };
    }

    s.page('market', { render: render, charts: [
        { id: 'chart-share-heatmap', into: 'panels',
          de: 'Marktanteil Branche × Region',
          en: 'Market share, segment × region',
          draw: function (id, v) {
              var segments = s.distinct(v.current, 'segment').sort();
              var regions = s.distinct(v.current, 'region').sort();
              var cells = [];
              regions.forEach(function (region, x) {
                  segments.forEach(function (segment, y) {
                      var cell = v.current.filter(function (r) { return r.region === region && r.segment === segment; });
                      cells.push([x, y, cell.length ? share(cell) : null]);
                  });
              });
              s.heatmap(id, regions.map(function (r) { return s.label('region', r); }),
                  segments.map(function (k) { return s.label('segment', k); }), cells, s.format.percent);
          } },
        { id: 'chart-share-trend', into: 'panels',
          de: 'Marktanteil im Zeitverlauf',
          en: 'Market share over time',
          draw: function (id, v) {
              var years = s.distinct(v.rows, 'year').map(Number).sort();
              var trendSegments = s.distinct(v.rows, 'segment').sort();
              var series = [{ name: s.t('axis.total'), emphasis: true, values: years.map(function (y) {
                  return share(v.rows.filter(function (r) { return Number(r.year) === y; }));
              }) }];
              trendSegments.forEach(function (segment) {
                  series.push({ name: s.label('segment', segment), values: years.map(function (y) {
                      return share(v.rows.filter(function (r) { return Number(r.year) === y && r.segment === segment; }));
                  }) });
              });
              s.lines(id, years.map(String), series, s.format.percent);
          } },
        { id: 'chart-white-space', into: 'panels', wide: true,
          de: 'White Space: noch nicht gewonnenes Marktvolumen',
          en: 'White space: market volume not yet won',
          draw: function (id, v) {
              var whiteSpace = s.sumBy(v.current, 'segment', 'white_space');
              var bySpace = Array.from(whiteSpace.keys()).sort(function (a, b) { return whiteSpace.get(b) - whiteSpace.get(a); });
              s.bars(id, bySpace.map(function (k) { return s.label('segment', k); }), [{ name: s.t('col.whiteSpace'),
                  values: bySpace.map(function (k) { return whiteSpace.get(k); }), color: '#e08e3c' }],
                  s.format.compactMoney, null, true);
          } },
        { id: 'chart-portfolio', into: 'panels',
          de: 'Portfolio: Marktanteil gegen Marktwachstum je Branche (Blasengröße: Marktvolumen)',
          en: 'Portfolio: market share against market growth per segment (bubble size: market volume)',
          note: { de: 'Das Wachstum vergleicht das Marktvolumen der Regionen, die die Studie in beiden Jahren abdeckt; eine Branche ohne Vorjahresstudie hat kein Wachstum und keine Blase.',
                  en: 'Growth compares the market volume of the regions the study covers in both years; a segment without a prior-year study has no growth and no bubble.' },
          draw: function (id, v) {
              var placed = v.portfolio.filter(function (p) { return p.growth !== null && p.share !== null; });
              var largest = Math.max.apply(null, placed.map(function (p) { return p.volume; }).concat([1]));
              /* axes in steps of 5 %, with room for the largest bubble: share from 0, growth symmetric around 0 */
              function ceilStep(value) { return Math.max(0.05, Math.ceil(value * 1.25 / 0.05) * 0.05); }
              var shareMax = ceilStep(Math.max.apply(null, placed.map(function (p) { return p.share; }).concat([0])));
              var growthMax = ceilStep(Math.max.apply(null, placed.map(function (p) { return Math.abs(p.growth); }).concat([0])));
              var total = share(v.rows.filter(function (r) {
                  return Number(r.year) === v.year && placed.some(function (p) { return p.segment === r.segment; });
              }));
              s.chart(id, {
                  scatterSize: { name: s.t('col.volume'), format: s.format.money },
                  tooltip: { trigger: 'item', formatter: function (p) {
                      return p.name + ': ' + s.t('col.share') + ' ' + s.format.percent(p.value[0]) + ', '
                          + s.t('col.volumeGrowth') + ' ' + s.format.signedPercent(p.value[1]) + ', '
                          + s.t('col.volume') + ' ' + s.format.compactMoney(p.value[2]);
                  } },
                  grid: { top: 24, left: 28, right: 32, bottom: 36 },
                  xAxis: { type: 'value', name: s.t('portfolio.axisShare'), nameLocation: 'middle', nameGap: 28,
                           min: 0, max: shareMax, interval: shareMax / 4,
                           axisLabel: { formatter: s.format.percent }, splitLine: { lineStyle: { color: '#e8edf2' } } },
                  yAxis: { type: 'value', name: s.t('portfolio.axisGrowth'), nameLocation: 'middle', nameGap: 52,
                           min: -growthMax, max: growthMax, interval: growthMax / 5,
                           axisLabel: { formatter: s.format.signedPercent }, splitLine: { lineStyle: { color: '#e8edf2' } } },
                  series: [{
                      type: 'scatter', name: s.caption(id),
                      data: placed.map(function (p) {
                          return { name: s.label('segment', p.segment), value: [p.share, p.growth, p.volume] };
                      }),
                      symbolSize: function (value) { return 12 + 48 * Math.sqrt(Math.max(value[2], 0) / largest); },
                      itemStyle: { opacity: 0.75, borderColor: '#fff', borderWidth: 1 },
                      label: { show: true, position: 'top', formatter: function (p) { return p.name; }, fontSize: 11 },
                      labelLayout: { moveOverlap: 'shiftY' },
                      /* no growth (0 %) and the share of the segments shown together (Ø) split the plane */
                      markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#8a99a8' },
                                  data: [{ yAxis: 0, label: { show: false } }].concat(total === null ? [] : [{
                                      xAxis: total, label: { formatter: function () { return 'Ø ' + s.format.percent(total); } }
                                  }]) }
                  }]
              });
          } },
        { id: 'chart-market-period', before: 'table-market-period',
          when: function () { return (s.data.revenueMonth || []).length > 0; },
          de: 'Eigener Umsatz je Branche im Zeitraum gegen dieselben Monate ein Jahr zuvor',
          en: 'Own revenue per segment in the period against the same months a year earlier',
          note: { de: 'Marktvolumen liegen je Jahr vor: Marktanteil, White Space und Portfolio bleiben Jahreswerte; der Zeitraum wählt hier die Monate des eigenen Umsatzes.',
                  en: 'Market volumes are kept per year, so market share, white space and the portfolio stay the year\'s; the period chooses the months of own revenue here.' },
          draw: function (id, v) {
              var p = v.period;
              if (!p) { return; }
              s.bars(id, p.segments.map(function (k) { return s.label('segment', k); }), [
                  { name: p.span.priorLabel, values: p.segments.map(function (k) { return p.before.get(k) || 0; }), color: '#b8cfe0' },
                  { name: p.span.label, values: p.segments.map(function (k) { return p.now.get(k) || 0; }), color: '#2a7ab0' }
              ], s.format.compactMoney, null, true);
          } }
    ] });
})(window.salesbi);

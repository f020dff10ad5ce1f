/* salesbi dashboards: channels page (P&L waterfall, ROI, price realization, channel mix and migration). */
(function (s) {
    'use strict';

    /* Per channel the P&L sums of rows; a margin without standard cost stays not available (null), never 0. */
    function channelSums(rows) {
        var byChannel = new Map();
        rows.forEach(function (r) {
            var row = byChannel.get(r.channel) || { channel: r.channel, net: 0, cogs: 0, gross_margin: 0,
                direct_cost: 0, allocated_cost: 0, contribution: 0 };
            ['net', 'cogs', 'gross_margin', 'direct_cost', 'allocated_cost', 'contribution'].forEach(function (k) {
                row[k] = row[k] === null || r[k] === null || r[k] === undefined ? null : s.cents(row[k] + Number(r[k]));
            });
            byChannel.set(r.channel, row);
        });
        return byChannel;
    }

    function render() {
        var year = s.year();
        /* with a period (s.span) the P&L of its months and of the same months a year earlier; for the whole year
           the yearly P&L, and a partial year compared with the same months of the year before */
        var sp = s.span(year);
        var comparedSpan = sp || (s.meta.partialYears[String(year)] && s.data.pnlMonth && s.data.pnlMonth.length
            ? s.span(year, 'ytd') : null);
        var pnlRows = sp ? s.periodRows(s.data.pnlMonth, sp, year) : s.data.pnl;
        var pnl = pnlRows.filter(function (r) { return s.matches(r) && Number(r.year) === year; });
        var priorRows = comparedSpan ? s.periodRows(s.data.pnlMonth, comparedSpan, year) : s.data.pnl;
        var prior = channelSums(priorRows.filter(function (r) {
            return s.matches(r, ['year']) && Number(r.year) === year - 1;
        }));
        var hasPrior = priorRows.some(function (r) { return Number(r.year) === year - 1; });

        var byChannel = channelSums(pnl);
        var channelRows = Array.from(byChannel.values());
        channelRows.forEach(function (row) {
            var cost = row.direct_cost + row.allocated_cost;
            row.roi = cost && row.contribution !== null ? row.contribution / cost : null;
            var before = prior.get(row.channel);
            row.net_prev = hasPrior ? (before ? before.net : 0) : null;
            row.net_change = row.net_prev ? (row.net - row.net_prev) / Math.abs(row.net_prev) : null;
            row.contribution_prev = hasPrior ? (before ? before.contribution : 0) : null;
        });
        channelRows.sort(function (a, b) { return (b.roi || 0) - (a.roi || 0); });
        var cube = s.data.cube.filter(function (r) { return s.matches(r) && Number(r.year) === year; });
        var channels = s.distinct(cube, 'channel').sort();
        var categories = s.distinct(cube, 'category').sort();
        var cells = [];
        var priceRows = [];
        channels.forEach(function (channel, x) {
            categories.forEach(function (category, y) {
                var rows = cube.filter(function (r) { return r.channel === channel && r.category === category; });
                var list = s.sum(rows, 'list');
                var net = s.sum(rows, 'net');
                cells.push([x, y, rows.length && list ? net / list : null]);
                if (rows.length) {
                    priceRows.push({ channel: channel, category: category, list: list, net: net,
                                     realization: list ? net / list : null });
                }
            });
        });
        var moves = null;
        var moveChannels = [];
        if (document.getElementById('table-main-channel-change')) {
            moves = s.data.migration.filter(function (r) {
                return Number(r.year) === year && (!s.filters.channel
                    || r.from_channel === s.filters.channel || r.to_channel === s.filters.channel);
            });
            moveChannels = s.distinct(moves, 'from_channel').concat(s.distinct(moves, 'to_channel'))
                .filter(function (c, i, all) { return all.indexOf(c) === i; }).sort();
            s.table('table-main-channel-change', [
                { key: 'from_channel', label: s.t('col.fromChannel'), value: function (r) { return s.channelName(r.from_channel); } },
                { key: 'to_channel', label: s.t('col.toChannel'), value: function (r) { return s.channelName(r.to_channel); } },
                { key: 'customers', label: s.t('col.customers'), type: 'count' }
            ], moves, { title: s.t('table.mainChannelChange'), sortKey: 'customers' });
        }
        s.table('table-pnl', [
            { key: 'channel', label: s.t('col.channel'), value: function (r) { return s.channelName(r.channel); },
              href: s.meta.customersByChannel ? function (r) {
                  return s.meta.pages.customers + '#year=' + year + '&channel=' + encodeURIComponent(r.channel);
              } : null },
            { key: 'net', label: s.t('col.revenue'), type: 'money' },
            { key: 'gross_margin', label: s.t('col.grossMargin'), type: 'money', na: true },
            { key: 'direct_cost', label: s.t('col.directCost'), type: 'money' },
            { key: 'allocated_cost', label: s.t('col.allocatedCost'), type: 'money' },
            { key: 'contribution', label: s.t('col.channelContribution'), type: 'money', tone: true, na: true },
            { key: 'roi', label: s.t('col.roi'), type: 'percent', na: true },
            { key: 'net_prev', label: s.t('col.revenueCompared', comparedSpan ? comparedSpan.priorLabel : String(year - 1)),
              type: 'money' },
            { key: 'net_change', label: s.t('col.change'), type: 'signedPercent', tone: true },
            { key: 'contribution_prev', label: s.t('col.contributionCompared',
                comparedSpan ? comparedSpan.priorLabel : String(year - 1)), type: 'money', na: true }
        ], channelRows, { title: s.t('table.pnl'), sortKey: 'net' });

        s.table('table-price-realization', [
            { key: 'channel', label: s.t('col.channel'), value: function (r) { return s.channelName(r.channel); } },
            { key: 'category', label: s.t('col.category'), value: function (r) { return s.label('category', r.category); } },
            { key: 'list', label: s.t('col.listRevenue'), type: 'money' },
            { key: 'net', label: s.t('col.revenue'), type: 'money' },
            { key: 'realization', label: s.t('col.priceRealization'), type: 'percent' }
        ], priceRows, { title: s.t('table.priceRealization'), sortKey: 'realization', descending: false });
        return { year: year, pnl: pnl, channelRows: channelRows, channels: channels, categories: categories,
                 cells: cells, moves: moves, moveChannels: moveChannels };
    }

    s.page('channels', { render: render, charts: [
        { id: 'chart-waterfall', into: 'panels',
          de: 'Kanal-G&V: vom Umsatz über Deckungsbeitrag I zum Kanal-Deckungsbeitrag',
          en: 'Channel P&L: from revenue via contribution I to channel contribution',
          draw: function (id, v) {
              var revenue = s.sum(v.pnl, 'net');
              var cogs = s.sumOrNull(v.pnl, 'cogs');
              var direct = s.sum(v.pnl, 'direct_cost');
              var allocated = s.sum(v.pnl, 'allocated_cost');
              s.waterfall(id, [
                  { label: s.t('wf.revenue'), value: revenue, total: true },
                  { label: s.t('wf.cogs'), value: cogs === null ? null : -cogs },
                  { label: s.t('wf.grossMargin'), value: cogs === null ? null : s.cents(revenue - cogs), total: true },
                  { label: s.t('wf.directCost'), value: -direct },
                  { label: s.t('wf.allocatedCost'), value: -allocated },
                  { label: s.t('wf.contribution'), value: s.sumOrNull(v.pnl, 'contribution'), total: true }
              ], s.format.money);
          } },
        { id: 'chart-roi', into: 'panels',
          de: 'ROI je Kanal',
          en: 'ROI by channel',
          draw: function (id, v) {
              s.bars(id, v.channelRows.map(function (r) { return s.channelName(r.channel); }), [{
                  name: s.t('col.roi'),
                  values: v.channelRows.map(function (r) {
                      return { value: r.roi, itemStyle: { color: r.roi < 0 ? '#d55e00' : '#0072b2' } };
                  })
              }], s.format.percent, null, true);
          } },
        { id: 'chart-price-realization', into: 'panels',
          de: 'Preisrealisierung nach Kanal und Warengruppe',
          en: 'Price realization by channel and category',
          draw: function (id, v) {
              s.heatmap(id, v.channels.map(s.channelName),
                  v.categories.map(function (c) { return s.label('category', c); }), v.cells, s.format.percent,
                  ['#d55e00', '#f3efe0', '#0072b2']);
          } },
        { id: 'chart-channel-mix', into: 'panels',
          de: 'Kanalmix: Kunden nach Zahl genutzter Kanäle',
          en: 'Channel mix: customers by number of channels used',
          draw: function (id) {
              var mix = s.data.mix;
              var mixYears = s.distinct(mix, 'year').map(Number).sort();
              var buckets = s.distinct(mix, 'channels_used').sort();
              s.stacked(id, mixYears.map(String), buckets.map(function (bucket) {
                  return { name: bucket, values: mixYears.map(function (y) {
                      return s.sum(mix.filter(function (r) { return Number(r.year) === y && r.channels_used === bucket; }), 'customers');
                  }) };
              }), s.format.count);
          } },
        { id: 'chart-channel-migration', into: 'panels', wide: true,
          de: 'Kanalmigration: Umsatzanteil der Kanäle je Jahr',
          en: 'Channel migration: revenue share of each channel by year',
          draw: function (id) {
              var trend = s.data.cube.filter(function (r) { return s.matches(r, ['year', 'channel']); });
              var allChannels = s.distinct(trend, 'channel').sort();
              var totals = s.sumBy(trend, function (r) { return Number(r.year); }, 'net');
              // a year without positive revenue (credit notes only) has no channel shares: no invented bar for it
              var years = s.distinct(trend, 'year').map(Number).sort().filter(function (y) { return totals.get(y) > 0; });
              s.stacked(id, years.map(function (y) {
                  return s.meta.partialYears[String(y)] || String(y);
              }), allChannels.map(function (channel) {
                  return { name: s.channelName(channel), values: years.map(function (y) {
                      return s.sum(trend.filter(function (r) { return Number(r.year) === y && r.channel === channel; }), 'net')
                          / totals.get(y);
                  }) };
              }), s.format.percent);
          } },
        { id: 'chart-main-channel-change', before: 'table-main-channel-change', tall: true,
          when: function () { return s.data.migration.length > 0; },
          de: 'Kanalwechsel: Hauptkanal im Vorjahr (Zeile) → Hauptkanal (Spalte), Kunden',
          en: 'Channel switches: main channel last year (row) → main channel (column), customers',
          draw: function (id, v) {
              var moveCells = [];
              v.moveChannels.forEach(function (to, x) {
                  v.moveChannels.forEach(function (from, y) {
                      var n = s.sum(v.moves.filter(function (r) { return r.from_channel === from && r.to_channel === to; }), 'customers');
                      moveCells.push([x, y, n || null]);
                  });
              });
              s.heatmap(id, v.moveChannels.map(s.channelName), v.moveChannels.map(s.channelName),
                  moveCells, s.format.count, ['#fbeee0', '#e08e3c'], true);
          } }
    ] });
})(window.salesbi);

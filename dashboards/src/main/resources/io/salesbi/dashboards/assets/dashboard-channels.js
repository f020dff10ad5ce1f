/* salesbi dashboards: channels page (P&L waterfall, ROI, price realization, channel mix and migration). */
(function (s) {
    'use strict';

    function render() {
        var year = s.year();
        var pnl = s.data.pnl.filter(function (r) { return s.matches(r) && Number(r.year) === year; });

        var revenue = s.sum(pnl, 'net');
        var cogs = s.sumOrNull(pnl, 'cogs');
        var direct = s.sum(pnl, 'direct_cost');
        var allocated = s.sum(pnl, 'allocated_cost');
        s.waterfall('chart-waterfall', [
            { label: s.t('wf.revenue'), value: revenue, total: true },
            { label: s.t('wf.cogs'), value: cogs === null ? null : -cogs },
            { label: s.t('wf.grossMargin'), value: cogs === null ? null : s.cents(revenue - cogs), total: true },
            { label: s.t('wf.directCost'), value: -direct },
            { label: s.t('wf.allocatedCost'), value: -allocated },
            { label: s.t('wf.contribution'), value: s.sumOrNull(pnl, 'contribution'), total: true }
        ], s.format.money);

        var byChannel = new Map();
        pnl.forEach(function (r) {
            var row = byChannel.get(r.channel) || { channel: r.channel, net: 0, cogs: 0, gross_margin: 0,
                direct_cost: 0, allocated_cost: 0, contribution: 0 };
            ['net', 'cogs', 'gross_margin', 'direct_cost', 'allocated_cost', 'contribution'].forEach(function (k) {
                // a margin without standard cost stays not available (null), never 0
                row[k] = row[k] === null || r[k] === null || r[k] === undefined ? null : s.cents(row[k] + Number(r[k]));
            });
            byChannel.set(r.channel, row);
        });
        var channelRows = Array.from(byChannel.values());
        channelRows.forEach(function (row) {
            var cost = row.direct_cost + row.allocated_cost;
            row.roi = cost && row.contribution !== null ? row.contribution / cost : null;
        });
        channelRows.sort(function (a, b) { return (b.roi || 0) - (a.roi || 0); });
        s.bars('chart-roi', channelRows.map(function (r) { return s.channelName(r.channel); }), [{
            name: s.t('col.roi'),
            values: channelRows.map(function (r) {
                return { value: r.roi, itemStyle: { color: r.roi < 0 ? '#d55e00' : '#0072b2' } };
            })
        }], s.format.percent, null, true);

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
        s.heatmap('chart-price-realization', channels.map(s.channelName),
            categories.map(function (c) { return s.label('category', c); }), cells, s.format.percent,
            ['#d55e00', '#f3efe0', '#0072b2']);

        var mix = s.data.mix;
        var mixYears = s.distinct(mix, 'year').map(Number).sort();
        var buckets = s.distinct(mix, 'channels_used').sort();
        s.stacked('chart-channel-mix', mixYears.map(String), buckets.map(function (bucket) {
            return { name: bucket, values: mixYears.map(function (y) {
                return s.sum(mix.filter(function (r) { return Number(r.year) === y && r.channels_used === bucket; }), 'customers');
            }) };
        }), s.format.count);

        var trend = s.data.cube.filter(function (r) { return s.matches(r, ['year', 'channel']); });
        var allChannels = s.distinct(trend, 'channel').sort();
        var totals = s.sumBy(trend, function (r) { return Number(r.year); }, 'net');
        // a year without positive revenue (credit notes only) has no channel shares: no invented bar for it
        var years = s.distinct(trend, 'year').map(Number).sort().filter(function (y) { return totals.get(y) > 0; });
        s.stacked('chart-channel-migration', years.map(function (y) {
            return s.meta.partialYears[String(y)] || String(y);
        }), allChannels.map(function (channel) {
            return { name: s.channelName(channel), values: years.map(function (y) {
                return s.sum(trend.filter(function (r) { return Number(r.year) === y && r.channel === channel; }), 'net')
                    / totals.get(y);
            }) };
        }), s.format.percent);

        if (document.getElementById('chart-main-channel-change')) {
            var moves = s.data.migration.filter(function (r) {
                return Number(r.year) === year && (!s.filters.channel
                    || r.from_channel === s.filters.channel || r.to_channel === s.filters.channel);
            });
            var moveChannels = s.distinct(moves, 'from_channel').concat(s.distinct(moves, 'to_channel'))
                .filter(function (c, i, all) { return all.indexOf(c) === i; }).sort();
            var moveCells = [];
            moveChannels.forEach(function (to, x) {
                moveChannels.forEach(function (from, y) {
                    var n = s.sum(moves.filter(function (r) { return r.from_channel === from && r.to_channel === to; }), 'customers');
                    moveCells.push([x, y, n || null]);
                });
            });
            s.heatmap('chart-main-channel-change', moveChannels.map(s.channelName), moveChannels.map(s.channelName),
                moveCells, s.format.count, ['#fbeee0', '#e08e3c'], true);
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
            { key: 'roi', label: s.t('col.roi'), type: 'percent', na: true }
        ], channelRows, { title: s.t('table.pnl'), sortKey: 'net' });

        s.table('table-price-realization', [
            { key: 'channel', label: s.t('col.channel'), value: function (r) { return s.channelName(r.channel); } },
            { key: 'category', label: s.t('col.category'), value: function (r) { return s.label('category', r.category); } },
            { key: 'list', label: s.t('col.listRevenue'), type: 'money' },
            { key: 'net', label: s.t('col.revenue'), type: 'money' },
            { key: 'realization', label: s.t('col.priceRealization'), type: 'percent' }
        ], priceRows, { title: s.t('table.priceRealization'), sortKey: 'realization', descending: false });
    }

    s.pages = s.pages || {};
    s.pages.channels = render;
})(window.salesbi);

/* salesbi dashboards: market share page (segment × region heat map, share trend, white space). */
(function (s) {
    'use strict';

    function share(rows) {
        var volume = s.sum(rows, 'volume');
        return volume ? s.sum(rows, 'own') / volume : null;
    }

    function render() {
        var year = s.year();
        var rows = s.data.market.filter(function (r) { return s.matches(r, ['year']); });
        var current = rows.filter(function (r) { return Number(r.year) === year; });

        var segments = s.distinct(current, 'segment').sort();
        var regions = s.distinct(current, 'region').sort();
        var cells = [];
        regions.forEach(function (region, x) {
            segments.forEach(function (segment, y) {
                var cell = current.filter(function (r) { return r.region === region && r.segment === segment; });
                cells.push([x, y, cell.length ? share(cell) : null]);
            });
        });
        s.heatmap('chart-share-heatmap', regions.map(function (r) { return s.label('region', r); }),
            segments.map(function (k) { return s.label('segment', k); }), cells, s.format.percent);

        var years = s.distinct(rows, 'year').map(Number).sort();
        var trendSegments = s.distinct(rows, 'segment').sort();
        var series = [{ name: s.t('axis.total'), emphasis: true, values: years.map(function (y) {
            return share(rows.filter(function (r) { return Number(r.year) === y; }));
        }) }];
        trendSegments.forEach(function (segment) {
            series.push({ name: s.label('segment', segment), values: years.map(function (y) {
                return share(rows.filter(function (r) { return Number(r.year) === y && r.segment === segment; }));
            }) });
        });
        s.lines('chart-share-trend', years.map(String), series, s.format.percent);

        var whiteSpace = s.sumBy(current, 'segment', 'white_space');
        var bySpace = Array.from(whiteSpace.keys()).sort(function (a, b) { return whiteSpace.get(b) - whiteSpace.get(a); });
        s.bars('chart-white-space', bySpace.map(function (k) { return s.label('segment', k); }), [{ name: s.t('col.whiteSpace'),
            values: bySpace.map(function (k) { return whiteSpace.get(k); }), color: '#e08e3c' }],
            s.format.compactMoney, null, true);

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
    }

    s.pages = s.pages || {};
    s.pages.market = render;
})(window.salesbi);

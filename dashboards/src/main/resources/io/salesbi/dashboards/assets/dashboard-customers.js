/* salesbi dashboards: customers page (value × potential, ABC against ABC, top lists, cross-sell gaps). */
(function (s) {
    'use strict';

    var TOP = s.meta.listSize || 20;

    function customerColumns(extra) {
        return [
            { key: 'name', label: s.t('col.customer'), wrap: true, href: s.customerHref },
            { key: 'id', label: s.t('col.customerId') },
            { key: 'segment', label: s.t('col.segment'), value: function (r) { return s.label('segment', r.segment); } },
            { key: 'region', label: s.t('col.region'), value: function (r) { return s.label('region', r.region); } }
        ].concat(extra);
    }

    function render() {
        var year = s.year();
        var buyers = null;
        if (s.filters.channel && s.data.customerChannels) {
            buyers = new Set(s.data.customerChannels.filter(function (r) {
                return Number(r.year) === year && r.channel === s.filters.channel;
            }).map(function (r) { return r.id; }));
        }
        var rows = s.data.customers.filter(function (r) {
            return s.matches(r) && Number(r.year) === year && (!buyers || buyers.has(r.id));
        });

        /* counts of all customers, not only the listed ones: the cells of the year and filters (customers who
           bought through the channel, or every customer once when no channel is chosen) */
        var channel = s.filters.channel || null;
        var counts = (s.data.customerCounts || []).filter(function (r) {
            return Number(r.year) === year && (r.channel || null) === channel && s.matches(r, ['channel']);
        });
        function count(test, measure) {
            return counts.reduce(function (sum, r) { return test(r) ? sum + Number(r[measure || 'customers']) : sum; }, 0);
        }

        var valueColumns = [
            { key: 'revenue', label: s.t('col.revenue'), type: 'money' },
            { key: 'contribution', label: s.t('col.contribution'), type: 'money', tone: true, na: true },
            { key: 'abc_revenue', label: s.t('col.abcRevenue') },
            { key: 'abc_contribution', label: s.t('col.abcContribution'), na: true },
            { key: 'share_of_wallet', label: s.t('col.shareOfWallet'), type: 'percent',
              flag: function (r) {
                  return r.wallet_estimate_below == null ? null
                      : s.t('wallet.belowRevenue', s.format.money(r.wallet_estimate_below));
              } },
            { key: 'last_order_date', label: s.t('col.lastOrder'), type: 'date' },
            { key: 'service_model', label: s.t('col.serviceModel'),
              value: function (r) { return r.service_model ? s.t('service.' + r.service_model) : ''; } }
        ];
        /* the first TOP by key, highest first; the page carries at least these of every cell (CustomerShortlist) */
        function top(list, key) {
            return list.filter(function (r) { return r[key] !== null && r[key] !== undefined; })
                .sort(function (a, b) { return Number(b[key]) - Number(a[key]); }).slice(0, TOP);
        }
        s.table('table-top-revenue', customerColumns(valueColumns), top(rows, 'revenue'),
            { title: s.t('table.topRevenue'), sortKey: 'revenue' });
        s.table('table-top-contribution', customerColumns(valueColumns), top(rows, 'contribution'),
            { title: s.t('table.topContribution'), sortKey: 'contribution' });

        s.table('table-a-revenue-c-contribution', customerColumns([
            { key: 'revenue', label: s.t('col.revenue'), type: 'money' },
            { key: 'cost_to_serve', label: s.t('col.costToServe'), type: 'money' },
            { key: 'contribution', label: s.t('col.contribution'), type: 'money', tone: true, na: true }
        ]), top(rows.filter(function (r) { return r.abc_revenue === 'A' && r.abc_contribution === 'C'; }), 'cost_to_serve'),
            { title: s.t('table.aRevenueCContribution'), sortKey: 'cost_to_serve',
              total: count(function (r) { return r.abc_revenue === 'A' && r.abc_contribution === 'C'; }),
              source: 'kpi.customer_value' });

        var byId = new Map();
        rows.forEach(function (r) { byId.set(r.id, r); });
        var gaps = s.data.crossSell.filter(function (gap) { return byId.has(gap.id); }).map(function (gap) {
            var customer = byId.get(gap.id);
            return { id: gap.id, name: customer.name, segment: customer.segment, region: customer.region,
                     category: gap.category, peer_share: gap.peer_share };
        });
        s.table('table-cross-sell', customerColumns([
            { key: 'category', label: s.t('col.category'), value: function (r) { return s.label('category', r.category); } },
            { key: 'peer_share', label: s.t('col.peerShare'), type: 'percent' }
        ]), top(gaps, 'peer_share'), { title: s.t('table.crossSell'), sortKey: 'peer_share',
            total: count(function () { return true; }, 'gaps'), source: 'kpi.cross_sell_gap' });
        return { rows: rows, count: count };
    }

    s.page('customers', { render: render, charts: [
        { id: 'chart-value-potential', into: 'panels',
          de: 'Kundenwert × Potenzial (Anzahl Kunden)',
          en: 'Customer value × potential (number of customers)',
          draw: function (id, v) {
              var levels = ['low', 'high'];
              var levelNames = levels.map(function (l) { return s.t('segment.' + l); });
              var matrix = [];
              levels.forEach(function (value, x) {
                  levels.forEach(function (potential, y) {
                      matrix.push([x, y, v.count(function (r) {
                          return r.value_segment === value && r.potential_segment === potential;
                      })]);
                  });
              });
              s.heatmap(id,
                  levelNames.map(function (l) { return s.t('axis.value') + ': ' + l; }),
                  levelNames.map(function (l) { return s.t('axis.potential') + ': ' + l; }), matrix, s.format.count);
          } },
        { id: 'chart-abc', into: 'panels',
          de: 'ABC nach Umsatz × ABC nach Deckungsbeitrag II (Anzahl Kunden)',
          en: 'ABC by revenue × ABC by contribution II (number of customers)',
          draw: function (id, v) {
              var abc = ['A', 'B', 'C'];
              var abcCells = [];
              abc.forEach(function (byRevenue, x) {
                  abc.forEach(function (byContribution, y) {
                      abcCells.push([x, y, v.count(function (r) {
                          return r.abc_revenue === byRevenue && r.abc_contribution === byContribution;
                      })]);
                  });
              });
              s.heatmap(id,
                  abc.map(function (c) { return s.t('axis.abcRevenue') + ' ' + c; }),
                  abc.map(function (c) { return s.t('axis.abcContribution') + ' ' + c; }), abcCells, s.format.count,
                  ['#f6f8fa', '#8c6bb1'], true);
          } }
    ] });
})(window.salesbi);

/* salesbi dashboards: plan against actual (Plan/Ist) per channel and region: cards to date, plan and actual per
   channel, variance heat map channel × region, months, and a table sorted by the largest shortfall. */
(function (s) {
    'use strict';

    /* Plan, plan to date, actual and the run-rate forecast of a set of month rows (same formulas as
       kpi.plan_vs_actual): to date = months up to the as-of date, the as-of month pro rata; forecast = year plan ×
       actual / plan to date. */
    function totals(rows) {
        var started = rows.filter(function (r) { return r.plan_to_date !== null && r.plan_to_date !== undefined; });
        var yearPlan = s.sum(rows, 'plan');
        var planToDate = s.sum(started, 'plan_to_date');
        var actual = s.sum(started, 'actual');
        var contributionPlan = started.length ? s.sumOrNull(started, 'contribution_plan_to_date') : null;
        var contributionActual = started.length ? s.sumOrNull(started, 'contribution_actual') : null;
        return {
            rows: rows.length, started: started.length, yearPlan: yearPlan, planToDate: planToDate, actual: actual,
            variance: started.length ? s.cents(actual - planToDate) : null,
            variancePct: planToDate ? (actual - planToDate) / planToDate : null,
            forecast: planToDate ? s.cents(yearPlan * actual / planToDate) : null,
            forecastVariance: planToDate ? s.cents(yearPlan * actual / planToDate - yearPlan) : null,
            contributionPlan: contributionPlan, contributionActual: contributionActual,
            contributionVariance: contributionPlan === null || contributionActual === null ? null
                : s.cents(contributionActual - contributionPlan)
        };
    }

    function card(key, value, exact, change, tone, sentence) {
        var node = document.querySelector('#plan-cards [data-kpi="' + key + '"]');
        node.querySelector('.kpi-value').textContent = value;
        node.querySelector('.kpi-value').title = exact;
        var delta = node.querySelector('.kpi-change');
        delta.className = 'kpi-change' + (tone ? ' ' + tone : '');
        node.querySelector('.kpi-delta').textContent = change;
        node.querySelector('.kpi-sentence').textContent = sentence;
        node.classList.toggle('warning', tone === 'down');
    }

    function tone(value) { return value === null ? '' : value < 0 ? 'down' : value > 0 ? 'up' : 'flat'; }

    function cards(all, year, sp) {
        var planOf = function (amount) { return s.t(sp ? 'plan.ofPeriodPlan' : 'plan.ofYearPlan', amount); };
        if (!all.started) {
            ['planToDate', 'actual', 'variance', 'forecast', 'contributionVariance'].forEach(function (key) {
                card(key, s.t('value.noData'), s.t('value.noData'), '', '', all.rows ? s.t('plan.notStarted', year) : '');
            });
            return;
        }
        var f = s.format;
        card('planToDate', f.compactMoney(all.planToDate), f.money(all.planToDate), '', '',
            planOf(f.compactMoney(all.yearPlan)));
        card('actual', f.compactMoney(all.actual), f.money(all.actual), f.signedPercent(all.variancePct),
            tone(all.variance), s.t('plan.vsPlan'));
        card('variance', f.compactMoney(all.variance), f.signedMoney(all.variance), f.signedPercent(all.variancePct),
            tone(all.variance), s.t('plan.vsPlan'));
        card('forecast', f.compactMoney(all.forecast), f.money(all.forecast),
            f.signedPercent(all.yearPlan ? all.forecastVariance / all.yearPlan : null), tone(all.forecastVariance),
            planOf(f.compactMoney(all.yearPlan)));
        card('contributionVariance', all.contributionVariance === null ? s.t('value.na') : f.compactMoney(all.contributionVariance),
            all.contributionVariance === null ? s.t('value.na') : f.signedMoney(all.contributionVariance),
            all.contributionPlan ? f.signedPercent(all.contributionVariance / all.contributionPlan) : '',
            tone(all.contributionVariance), s.t('plan.contributionOf', all.contributionPlan === null ? s.t('value.na')
                : f.compactMoney(all.contributionPlan)));
    }

    function render() {
        var year = s.year();
        /* with a period (s.span) the months of the span: plan, plan to date, actual and the run-rate forecast of
           those months; the whole year otherwise */
        var sp = s.span(year);
        var spanMonths = {};
        (sp ? sp.months : []).forEach(function (ym) { spanMonths[ym[0] * 100 + ym[1]] = true; });
        var rows = s.data.plan.filter(function (r) {
            return s.matches(r, ['year']) && (sp ? spanMonths[Number(r.year) * 100 + Number(r.month)] === true
                : Number(r.year) === year);
        });
        cards(totals(rows), year, sp);

        var channels = s.distinct(rows, 'channel').sort();
        var regions = s.distinct(rows, 'region').sort();
        var cells = [];
        var pairs = [];
        regions.forEach(function (region, x) {
            channels.forEach(function (channel, y) {
                var cell = rows.filter(function (r) { return r.region === region && r.channel === channel; });
                if (cell.length) {
                    var t = totals(cell);
                    t.channel = channel;
                    t.region = region;
                    pairs.push(t);
                    cells.push([x, y, t.variancePct === null ? null : Math.round(t.variancePct * 10000) / 10000]);
                }
            });
        });
        s.table('table-plan', [
            { key: 'channel', label: s.t('col.channel'), value: function (r) { return s.channelName(r.channel); } },
            { key: 'region', label: s.t('col.region'), value: function (r) { return s.label('region', r.region); } },
            { key: 'yearPlan', label: s.t('col.yearPlan'), type: 'money' },
            { key: 'planToDate', label: s.t('col.planToDate'), type: 'money' },
            { key: 'actual', label: s.t('col.actual'), type: 'money' },
            { key: 'variance', label: s.t('col.variance'), type: 'signedMoney', tone: true },
            { key: 'variancePct', label: s.t('col.variancePct'), type: 'signedPercent', tone: true },
            { key: 'forecast', label: s.t('col.forecast'), type: 'money' },
            { key: 'forecastVariance', label: s.t('col.forecastVariance'), type: 'signedMoney', tone: true },
            { key: 'contributionPlan', label: s.t('col.contributionPlan'), type: 'money', na: true },
            { key: 'contributionActual', label: s.t('col.contributionActual'), type: 'money', na: true }
        ], pairs, { title: s.t('table.plan'), sortKey: 'variancePct', descending: false });
        return { rows: rows, channels: channels, regions: regions, cells: cells };
    }

    s.page('plan', { render: render, charts: [
        { id: 'chart-plan-channel', into: 'panels',
          de: 'Plan und Ist je Kanal (bis Stichtag)',
          en: 'Plan and actual by channel (to date)',
          draw: function (id, v) {
              var byChannel = v.channels.map(function (c) { return totals(v.rows.filter(function (r) { return r.channel === c; })); });
              s.bars(id, v.channels.map(s.channelName), [
                  { name: s.t('series.planToDate'), values: byChannel.map(function (t) { return t.planToDate; }), color: '#9bbfd8' },
                  { name: s.t('series.actual'), values: byChannel.map(function (t) { return t.actual; }), color: '#2a7ab0' }
              ], s.format.compactMoney);
          } },
        { id: 'chart-plan-heatmap', into: 'panels',
          de: 'Abweichung vom Plan je Kanal und Region (bis Stichtag)',
          en: 'Variance from plan by channel and region (to date)',
          draw: function (id, v) {
              // diverging around 0 (on plan): red below, blue above, as far as the largest variance either way
              var reach = Math.max.apply(null, [0.05].concat(v.cells.map(function (c) { return Math.abs(c[2] || 0); })));
              s.heatmap(id, v.regions.map(function (r) { return s.label('region', r); }),
                  v.channels.map(s.channelName), v.cells, s.format.signedPercent, ['#c9544b', '#f4f1ea', '#2a7ab0'], true,
                  [-reach, reach]);
          } },
        { id: 'chart-plan-months', into: 'panels', wide: true,
          de: 'Plan und Ist je Monat',
          en: 'Plan and actual by month',
          draw: function (id, v) {
              // months as year × 100 + month: a rolling 12 months' span crosses a year
              var months = s.distinct(v.rows.map(function (r) { return { key: Number(r.year) * 100 + Number(r.month) }; }), 'key')
                  .sort(function (a, b) { return a - b; });
              var perMonth = months.map(function (m) {
                  return totals(v.rows.filter(function (r) { return Number(r.year) * 100 + Number(r.month) === m; }));
              });
              // a month after the as-of date shows its plan and no actual bar (nothing happened yet, not 0)
              s.bars(id, months.map(function (m) {
                  return (m % 100 < 10 ? '0' : '') + (m % 100) + '/' + Math.floor(m / 100);
              }), [
                  { name: s.t('series.plan'), values: perMonth.map(function (t) { return t.yearPlan; }), color: '#9bbfd8' },
                  { name: s.t('series.actual'), values: perMonth.map(function (t) { return t.started ? t.actual : null; }), color: '#2a7ab0' }
              ], s.format.compactMoney);
          } }
    ] });
})(window.salesbi);

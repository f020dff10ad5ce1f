/* salesbi dashboards: the sales pipeline page (funnel, coverage of the plan, win rates and contribution per channel,
   open pipeline by expected close month, stalled deals, potential nobody works). The year filters the deals closed
   in that year (win rates, contribution); region and channel filter every dataset that has them. */
(function (s) {
    'use strict';

    /* An opportunity stage in the page's language: the steward's stage names are the CRM's, known ones translated. */
    function stageName(stage) {
        if (stage === null || stage === undefined) { return s.t('member.none'); }
        var text = s.t('oppStage.' + stage);
        return text === 'oppStage.' + stage ? stage : text;
    }

    function ratio(part, whole) { return whole ? part / whole : null; }

    /* The open stages and the won stage in their order, as the funnel dataset holds them. */
    function stages(rows) {
        var byStage = new Map();
        rows.forEach(function (r) { byStage.set(r.stage, Number(r.stage_order)); });
        return Array.from(byStage.keys()).sort(function (a, b) { return byStage.get(a) - byStage.get(b); });
    }

    /* A click on a channel's bar opens the channel's P&L for the year. */
    function toChannelPage(v) {
        return function (p) {
            location.href = s.meta.pages.channels + '#year=' + v.year + '&channel='
                + encodeURIComponent(v.channels[p.dataIndex]);
        };
    }

    function render() {
        var year = s.year();
        var funnel = s.data.pipelineFunnel.filter(function (r) { return s.matches(r); });
        var wins = s.data.pipelineWinRate.filter(function (r) { return s.matches(r) && Number(r.year) === year; });
        var returns = s.data.pipelineReturn.filter(function (r) { return s.matches(r) && Number(r.year) === year; });
        var channels = s.distinct(wins, 'channel').concat(s.distinct(returns, 'channel')
            .filter(function (c) { return wins.every(function (r) { return r.channel !== c; }); })).sort();
        var open = s.data.pipelineOpen.filter(function (r) { return s.matches(r); });
        // one row per channel and lead source: the win rates and the return of the deals closed in the year
        var byKey = new Map();
        function entry(r) {
            var key = r.channel + '\u0000' + r.lead_source;
            var e = byKey.get(key) || { channel: r.channel, lead_source: r.lead_source, won_deals: 0, lost_deals: 0,
                won_amount: 0, lost_amount: 0, cycle_days: 0, won_revenue: 0, offer_margin: 0, cost_to_serve: 0,
                contribution: 0 };
            byKey.set(key, e);
            return e;
        }
        wins.forEach(function (r) {
            var e = entry(r);
            e.won_deals += Number(r.won_deals); e.lost_deals += Number(r.lost_deals);
            e.won_amount = s.cents(e.won_amount + Number(r.won_amount));
            e.lost_amount = s.cents(e.lost_amount + Number(r.lost_amount));
            e.cycle_days += r.avg_cycle_days === null ? 0 : Number(r.avg_cycle_days) * Number(r.won_deals);
        });
        returns.forEach(function (r) {
            var e = entry(r);
            ['won_revenue', 'offer_margin', 'cost_to_serve', 'contribution'].forEach(function (k) {
                e[k] = e[k] === null || r[k] === null ? null : s.cents(e[k] + Number(r[k]));
            });
        });
        var channelRows = Array.from(byKey.values());
        channelRows.forEach(function (e) {
            e.win_rate = ratio(e.won_deals, e.won_deals + e.lost_deals);
            e.win_rate_value = ratio(e.won_amount, e.won_amount + e.lost_amount);
            e.deal_size = e.won_deals ? s.cents(e.won_amount / e.won_deals) : null;
            e.cycle = e.won_deals ? e.cycle_days / e.won_deals : null;
        });
        s.table('table-pipeline-channels', [
            { key: 'channel', label: s.t('col.channel'), value: function (r) { return s.channelName(r.channel); },
              href: function (r) { return s.meta.pages.channels + '#year=' + year + '&channel=' + encodeURIComponent(r.channel); } },
            { key: 'lead_source', label: s.t('col.leadSource'), value: function (r) { return r.lead_source === null ? s.t('member.none') : r.lead_source; } },
            { key: 'won_deals', label: s.t('col.wonDeals'), type: 'count' },
            { key: 'lost_deals', label: s.t('col.lostDeals'), type: 'count' },
            { key: 'win_rate', label: s.t('col.winRateCount'), type: 'percent' },
            { key: 'win_rate_value', label: s.t('col.winRateValue'), type: 'percent' },
            { key: 'deal_size', label: s.t('col.dealSize'), type: 'money' },
            { key: 'cycle', label: s.t('col.cycleDays'), type: 'count' },
            { key: 'won_revenue', label: s.t('col.wonRevenue'), type: 'money' },
            { key: 'offer_margin', label: s.t('col.offerMargin'), type: 'money' },
            { key: 'cost_to_serve', label: s.t('col.costToServe'), type: 'money' },
            { key: 'contribution', label: s.t('col.contributionAfterCostToServe'), type: 'money' }
        ], channelRows, { title: s.t('table.pipelineChannels'), sortKey: 'contribution', descending: false });

        var funnelRows = stages(funnel).map(function (stage) {
            var rows = funnel.filter(function (r) { return r.stage === stage; });
            var status = rows[0].status;
            var visits = s.sum(rows, 'visits');
            var reached = s.sum(rows, 'reached');
            var moved = status === 'open' ? s.sum(rows, 'moved_on') : null;
            return { stage: stage, reached: reached, moved_on: moved,
                     conversion: status === 'open' ? ratio(moved, reached) : null,
                     avg_days: status === 'open' && visits ? rows.reduce(function (acc, r) {
                         return acc + Number(r.avg_days || 0) * Number(r.visits); }, 0) / visits : null,
                     open_now: s.sum(rows, 'open_now'), stalled_now: s.sum(rows, 'stalled_now'), order: Number(rows[0].stage_order) };
        });
        s.table('table-pipeline-funnel', [
            { key: 'stage', label: s.t('col.oppStage'), value: function (r) { return stageName(r.stage); } },
            { key: 'reached', label: s.t('col.reached'), type: 'count' },
            { key: 'moved_on', label: s.t('col.movedOn'), type: 'count' },
            { key: 'conversion', label: s.t('col.conversion'), type: 'percent' },
            { key: 'avg_days', label: s.t('col.daysInStage'), type: 'count' },
            { key: 'open_now', label: s.t('col.openNow'), type: 'count' },
            { key: 'stalled_now', label: s.t('col.stalledNow'), type: 'count' }
        ], funnelRows, { title: s.t('table.pipelineFunnel'), sortKey: 'order', descending: false });

        s.table('table-pipeline-stalled', [
            { key: 'id', label: s.t('col.opportunity') },
            { key: 'name', label: s.t('col.customer'), wrap: true,
              value: function (r) { return r.name === null ? r.account_id : r.name; } },
            { key: 'region', label: s.t('col.region'), value: function (r) { return s.label('region', r.region); } },
            { key: 'channel', label: s.t('col.channel'), value: function (r) { return s.channelName(r.channel); } },
            { key: 'rep', label: s.t('col.rep') },
            { key: 'stage', label: s.t('col.oppStage'), value: function (r) { return stageName(r.stage); } },
            { key: 'amount', label: s.t('col.amount'), type: 'money' },
            { key: 'weighted', label: s.t('col.weightedPipeline'), type: 'money' },
            { key: 'close_date', label: s.t('col.expectedClose'), type: 'date' },
            { key: 'days_in_stage', label: s.t('col.daysInStage'), type: 'count' }
        ], s.data.pipelineStalled.filter(function (r) { return s.matches(r); }),
            { title: s.t('table.pipelineStalled'), sortKey: 'days_in_stage' });

        s.table('table-pipeline-open', [
            { key: 'stage', label: s.t('col.oppStage'), value: function (r) { return stageName(r.stage); } },
            { key: 'channel', label: s.t('col.channel'), value: function (r) { return s.channelName(r.channel); } },
            { key: 'region', label: s.t('col.region'), value: function (r) { return s.label('region', r.region); } },
            { key: 'rep', label: s.t('col.rep') },
            { key: 'category', label: s.t('col.category'), value: function (r) { return s.label('category', r.category); } },
            { key: 'close_month', label: s.t('col.expectedClose'), value: function (r) { return s.format.date(r.close_month).substring(3); } },
            { key: 'opportunities', label: s.t('col.opportunities'), type: 'count' },
            { key: 'amount', label: s.t('col.amount'), type: 'money' },
            { key: 'weighted', label: s.t('col.weightedPipeline'), type: 'money' }
        ], open, { title: s.t('table.pipelineOpen'), sortKey: 'weighted' });

        s.table('table-pipeline-unworked', [
            { key: 'name', label: s.t('col.customer'), wrap: true,
              href: function (r) { return s.meta.pages.customers + '#region=' + encodeURIComponent(r.region || '')
                  + '&segment=' + encodeURIComponent(r.segment || ''); } },
            { key: 'segment', label: s.t('col.segment'), value: function (r) { return s.label('segment', r.segment); } },
            { key: 'region', label: s.t('col.region'), value: function (r) { return s.label('region', r.region); } },
            { key: 'open_wallet', label: s.t('col.openWallet'), type: 'money' },
            { key: 'revenue', label: s.t('col.revenue'), type: 'money' },
            { key: 'cross_sell_gaps', label: s.t('col.crossSellGaps'), type: 'count' },
            { key: 'last_touch', label: s.t('col.lastTouch'), type: 'date' },
            { key: 'last_opportunity', label: s.t('col.lastOpportunity'), type: 'date' }
        ], s.data.pipelineUnworked.filter(function (r) { return s.matches(r); }),
            { title: s.t('table.pipelineUnworked'), sortKey: 'open_wallet' });
        return { year: year, funnel: funnel, wins: wins, returns: returns, channels: channels, open: open };
    }

    s.page('pipeline', { render: render, charts: [
        { id: 'chart-pipeline-funnel', into: 'panels',
          de: 'Trichter: Opportunities je erreichter Phase',
          en: 'Funnel: opportunities per stage reached',
          draw: function (id, v) {
              var funnelStages = stages(v.funnel.filter(function (r) { return r.status !== 'lost'; }));
              s.bars(id, funnelStages.map(stageName), [{
                  name: s.t('col.reached'),
                  values: funnelStages.map(function (stage) {
                      return s.sum(v.funnel.filter(function (r) { return r.stage === stage; }), 'reached');
                  })
              }], s.format.count, null, true);
          } },
        { id: 'chart-pipeline-coverage', into: 'panels',
          de: 'Abdeckung des Plans: offener Plan und gewichtete Pipeline je Monat',
          en: 'Plan coverage: open plan and weighted pipeline per month',
          draw: function (id) {
              var coverage = s.data.pipelineCoverage.filter(function (r) { return s.matches(r); });
              var months = s.distinct(coverage, 'plan_month').sort();
              s.bars(id, months.map(function (m) { return s.format.date(m).substring(3); }), [
                  { name: s.t('col.openPlan'), values: months.map(function (m) {
                      return s.sum(coverage.filter(function (r) { return r.plan_month === m; }), 'open_plan'); }) },
                  { name: s.t('col.weightedPipeline'), values: months.map(function (m) {
                      return s.sum(coverage.filter(function (r) { return r.plan_month === m; }), 'weighted'); }) }
              ], s.format.money);
          } },
        { id: 'chart-pipeline-win-rate', into: 'panels',
          de: 'Abschlussquote je Kanal (Klick: Kanal-G&V)',
          en: 'Win rate per channel (click: channel P&L)',
          draw: function (id, v) {
              s.bars(id, v.channels.map(s.channelName), [
                  { name: s.t('col.winRateCount'), values: v.channels.map(function (c) {
                      var rows = v.wins.filter(function (r) { return r.channel === c; });
                      return ratio(s.sum(rows, 'won_deals'), s.sum(rows, 'won_deals') + s.sum(rows, 'lost_deals')); }) },
                  { name: s.t('col.winRateValue'), values: v.channels.map(function (c) {
                      var rows = v.wins.filter(function (r) { return r.channel === c; });
                      return ratio(s.sum(rows, 'won_amount'), s.sum(rows, 'won_amount') + s.sum(rows, 'lost_amount')); }) }
              ], s.format.percent, toChannelPage(v));
          } },
        { id: 'chart-pipeline-contribution', into: 'panels',
          de: 'Ergebnis nach Betreuungskosten der gewonnenen Deals je Kanal',
          en: 'Contribution (after cost to serve) of the deals won, per channel',
          draw: function (id, v) {
              s.bars(id, v.channels.map(s.channelName), [{
                  name: s.t('col.contributionAfterCostToServe'),
                  values: v.channels.map(function (c) {
                      return s.sumOrNull(v.returns.filter(function (r) { return r.channel === c; }), 'contribution');
                  })
              }], s.format.money, toChannelPage(v));
          } },
        { id: 'chart-pipeline-open', into: 'panels', wide: true,
          de: 'Gewichtete offene Pipeline nach erwartetem Abschlussmonat und Kanal',
          en: 'Weighted open pipeline by expected close month and channel',
          draw: function (id, v) {
              var closeMonths = s.distinct(v.open, 'close_month').sort();
              var openChannels = s.distinct(v.open, 'channel').sort();
              s.stacked(id, closeMonths.map(function (m) { return s.format.date(m).substring(3); }),
                  openChannels.map(function (c) {
                      return { name: s.channelName(c), values: closeMonths.map(function (m) {
                          return s.sum(v.open.filter(function (r) { return r.close_month === m && r.channel === c; }), 'weighted');
                      }) };
                  }), s.format.money);
          } }
    ] });
})(window.salesbi);

/* salesbi dashboards: the overview page. Headline KPIs repeat the rules of Headlines.java on the filtered data. */
(function (s) {
    'use strict';

    /* the overview inlines the cube without product groups (cubeByChannel) and, for a partial year's comparison
       and the period filter, the months (cubeMonth, pnlMonth) */
    if (!s.data.cube) { s.data.cube = s.data.cubeByChannel || []; }

    function hasYear(rows, year) {
        return rows.some(function (row) { return Number(row.year) === year; });
    }

    /* Per member of `by`: [this year, last year] of value(row). */
    function pairs(rows, year, by, value) {
        var members = new Map();
        rows.forEach(function (row) {
            var rowYear = Number(row.year);
            if (rowYear !== year && rowYear !== year - 1) { return; }
            var key = row[by] === null || row[by] === undefined ? null : String(row[by]);
            var pair = members.get(key) || [0, 0];
            pair[rowYear === year ? 0 : 1] += value(row);
            members.set(key, pair);
        });
        members.forEach(function (pair) { pair[0] = s.cents(pair[0]); pair[1] = s.cents(pair[1]); });
        return members;
    }
    function total(members, index) {
        var sum = 0;
        members.forEach(function (pair) { sum += pair[index]; });
        return s.cents(sum);
    }
    function memberName(by, member) {
        return member === null ? s.t('member.none') : by === 'channel' ? s.channelName(member) : s.label(by, member);
    }

    function sentence(label, direction, changeSize, against, driverText) {
        var key = direction > 0 ? 'move.up' : direction < 0 ? 'move.down' : 'move.flat';
        return s.t(key, label, changeSize, against) + (driverText ? ' ' + driverText : '');
    }

    /* A partial year is compared with the same months of the year before (as Headlines.comparable): the year's
       rows, and in place of the year before the months of the year to date a year earlier (from the monthly rows,
       labelled with the year before by s.periodRows). */
    function spanned(year) {
        var spans = s.meta.priorSpans || {};
        return s.meta.cubePriorSpan && Object.prototype.hasOwnProperty.call(spans, String(year))
            && spans[String(year)] !== null;
    }
    function comparable(rows, monthRows, year) {
        return rows.filter(function (r) { return Number(r.year) === year; }).concat(
            s.periodRows(monthRows, s.span(year, 'ytd'), year).filter(function (r) { return Number(r.year) === year - 1; }));
    }
    function noOrders(year) {
        var spans = s.meta.priorSpans || {};
        return [year, year - 1].some(function (y) {
            return Object.prototype.hasOwnProperty.call(spans, String(y)) && spans[String(y)] === null;
        });
    }

    /* Does a row of the year have no value (a margin without standard cost)? Then the figure is not available. */
    function anyNull(rows, year, value) {
        return rows.some(function (row) { return Number(row.year) === year && value(row) === null; });
    }

    function amount(all, rows, year, by, value) {
        if (anyNull(rows, year, value)) {
            return { value: s.t('value.na'), hasPrevious: false, direction: 0, change: s.meta.format.missing,
                     sentence: s.t('move.notAvailable') };
        }
        var members = pairs(rows, year, by, value);
        var current = total(members, 0);
        var previous = total(members, 1);
        var hasPrevious = hasYear(all, year - 1) && !anyNull(rows, year - 1, value);
        var delta = s.cents(current - previous);
        var ratio = previous !== 0 ? delta / Math.abs(previous) : null;
        var driver = null;
        var driverDelta = 0;
        members.forEach(function (pair, member) {
            var d = s.cents(pair[0] - pair[1]);
            if (driver === null || Math.abs(d) > Math.abs(driverDelta)) { driver = member; driverDelta = d; }
        });
        return {
            value: s.format.compactMoney(current), exact: s.format.money(current), hasPrevious: hasPrevious,
            direction: Math.sign(delta),
            change: hasPrevious && ratio !== null ? s.format.signedPercent(ratio) : s.meta.format.missing,
            changeSize: hasPrevious && ratio !== null ? s.format.percent(Math.abs(ratio)) : s.meta.format.missing,
            driver: driver === null ? null : s.t('move.driver', memberName(by, driver), s.format.signedMoney(driverDelta))
        };
    }

    function ratio(all, rows, year, by, numerator, denominator) {
        var num = pairs(rows, year, by, function (r) { return Number(r[numerator] || 0); });
        var den = pairs(rows, year, by, function (r) { return Number(r[denominator] || 0); });
        function share(n, d) { return d === 0 ? null : n / d; }
        var current = share(total(num, 0), total(den, 0));
        var previous = share(total(num, 1), total(den, 1));
        var hasPrevious = hasYear(all, year - 1) && previous !== null;
        var points = hasPrevious && current !== null ? (current - previous) * 100 : null;
        var driver = null;
        var driverPoints = 0;
        num.forEach(function (pair, member) {
            var now = share(pair[0], den.get(member)[0]);
            var before = share(pair[1], den.get(member)[1]);
            if (now !== null && before !== null && (driver === null || Math.abs(now - before) > Math.abs(driverPoints))) {
                driver = member;
                driverPoints = now - before;
            }
        });
        return {
            value: s.format.percent(current), hasPrevious: hasPrevious,
            direction: points === null ? 0 : Math.sign(Math.round(points * 10)),
            change: hasPrevious ? s.format.points(points) : s.meta.format.missing,
            changeSize: points === null ? s.meta.format.missing : s.format.pointsSize(points),
            driver: driver === null ? null : s.t('move.driver', memberName(by, driver), s.format.points(driverPoints * 100))
        };
    }

    function customers(all, rows, year) {
        var active = 0, gained = 0, lost = 0, previous = 0;
        rows.forEach(function (row) {
            if (Number(row.year) === year) {
                active += row.active; gained += row.gained; lost += row.lost;
            } else if (Number(row.year) === year - 1) {
                previous += row.active;
            }
        });
        var hasPrevious = hasYear(all, year - 1);
        return {
            value: s.format.count(active), hasPrevious: hasPrevious, direction: Math.sign(active - previous),
            change: hasPrevious ? s.format.signedCount(active - previous) : s.meta.format.missing,
            sentence: hasPrevious ? s.t('move.customers', s.format.count(gained), s.format.count(lost), year - 1)
                : s.t('move.noPrevious')
        };
    }

    /* A KPI whose data has no row for the year says so instead of showing 0 (as Headlines.orNoData). */
    function orNoData(all, year, compute) {
        return hasYear(all, year) ? compute() : {
            value: s.meta.format.missing, hasPrevious: false, direction: 0, change: s.meta.format.missing,
            sentence: s.t('move.noData', year)
        };
    }

    /* The cube and P&L rows the page shows for the year: with a period (s.span) the months of the span under the
       year and the same months a year earlier under the year before; else the yearly rows. */
    function periodData(year) {
        var d = {};
        Object.keys(s.data).forEach(function (k) { d[k] = s.data[k]; });
        var sp = s.span(year);
        if (sp) {
            d.cube = s.periodRows(d.cubeMonth, sp, year);
            d.pnl = s.periodRows(d.pnlMonth, sp, year);
        }
        return d;
    }

    function headlines(year) {
        var d = periodData(year);
        if (!s.span(year) && spanned(year)) {
            d.cube = comparable(d.cube, d.cubeMonth, year);
            d.pnl = comparable(d.pnl, d.pnlMonth, year);
        }
        var cube = d.cube.filter(function (r) { return s.matches(r, ['year']); });
        var net = function (r) { return Number(r.net || 0); };
        var margin = function (r) { return r.cogs === null || r.cogs === undefined ? null : Number(r.net || 0) - Number(r.cogs); };
        function others(rows) { return rows.filter(function (r) { return s.matches(r, ['year']); }); }
        return {
            revenue: orNoData(d.cube, year, function () { return amount(d.cube, cube, year, 'segment', net); }),
            grossMargin: orNoData(d.cube, year, function () { return amount(d.cube, cube, year, 'channel', margin); }),
            contribution: orNoData(d.pnl, year, function () {
                return amount(d.pnl, others(d.pnl), year, 'channel', function (r) {
                    return r.contribution === null || r.contribution === undefined ? null : Number(r.contribution);
                });
            }),
            marketShare: orNoData(d.market, year, function () {
                return ratio(d.market, others(d.market), year, 'segment', 'own', 'volume');
            }),
            activeCustomers: orNoData(d.customerFlow, year, function () {
                return customers(d.customerFlow, others(d.customerFlow), year);
            }),
            priceRealization: orNoData(d.cube, year, function () { return ratio(d.cube, cube, year, 'channel', 'net', 'list'); })
        };
    }

    /* A selection (region, segment, channel) without a revenue row in the year is empty: every card says so,
       none shows 0 € next to a customer count the filter does not reach. */
    function emptySelection(year) {
        var filtered = ['region', 'segment', 'channel'].some(function (name) { return s.filters[name]; });
        return filtered && !periodData(year).cube.some(function (r) { return Number(r.year) === year && s.matches(r); });
    }

    function renderHeadlines(year) {
        var computed = headlines(year);
        if (emptySelection(year)) {
            Object.keys(computed).forEach(function (key) {
                computed[key] = { value: s.t('value.noData'), hasPrevious: false, direction: 0,
                                  change: s.meta.format.missing, sentence: s.t('table.empty') };
            });
        }
        Object.keys(computed).forEach(function (key) {
            var card = document.querySelector('.kpi-card[data-kpi="' + key + '"]');
            if (!card) { return; }
            var h = computed[key];
            var label = card.querySelector('.kpi-label').textContent;
            var monthly = ['revenue', 'grossMargin', 'contribution', 'priceRealization'].indexOf(key) >= 0;
            var sp = s.span(year);
            var yearToDate = (sp !== null || spanned(year)) && monthly;
            var against = sp && monthly ? sp.priorLabel : yearToDate ? s.meta.priorSpans[String(year)] : String(year - 1);
            if (noOrders(year) && h.value !== s.meta.format.missing) {
                h = { value: h.value, exact: h.exact, hasPrevious: false, direction: 0, change: s.meta.format.missing,
                      sentence: s.t('move.noOrders') };
            }
            card.querySelector('.kpi-value').textContent = h.value;
            card.querySelector('.kpi-value').title = h.exact || h.value;
            card.querySelector('.kpi-delta').textContent = h.change;
            var change = card.querySelector('.kpi-change');
            change.classList.remove('up', 'down', 'flat');
            change.classList.add(!h.hasPrevious || h.direction === 0 ? 'flat' : h.direction > 0 ? 'up' : 'down');
            var partial = s.meta.partialYears[String(year)] || s.meta.partialYears[String(year - 1)];
            card.querySelector('.kpi-sentence').textContent = (h.sentence !== undefined ? h.sentence
                : !h.hasPrevious ? s.t('move.noPrevious') : sentence(label, h.direction, h.changeSize, against, h.driver))
                + (partial && !yearToDate && !noOrders(year) ? ' ' + s.t('move.partial') : '')
                /* market volumes and active customers are kept per year: with a period they stay the year's */
                + (sp && !monthly ? ' ' + s.t('period.yearOnly', year) : '');
        });
    }

    function render() {
        var year = s.year();
        renderHeadlines(year);
        var sp = s.span(year);
        var d = periodData(year);
        var cube = d.cube.filter(function (r) { return s.matches(r, ['year']); });
        var current = cube.filter(function (r) { return Number(r.year) === year; });
        var previous = cube.filter(function (r) { return Number(r.year) === year - 1; });
        var bySegment = s.sumBy(current, 'segment', 'net');
        var bySegmentPrev = s.sumBy(previous, 'segment', 'net');
        var segments = Array.from(bySegment.keys()).sort(function (a, b) { return bySegment.get(b) - bySegment.get(a); });

        s.table('table-segments', [
            { key: 'segment', label: s.t('col.segment'), value: function (r) { return s.label('segment', r.segment); },
              href: function (r) { return s.meta.pages.customers + '#year=' + year + '&segment=' + encodeURIComponent(r.segment); } },
            { key: 'revenue', label: s.t('col.revenue'), type: 'money' },
            { key: 'revenuePrev', label: s.t('col.revenuePrev'), type: 'money' },
            { key: 'change', label: s.t('col.change'), type: 'signedPercent', tone: true }
        ], segments.map(function (k) {
            var prev = bySegmentPrev.get(k) || 0;
            return { segment: k, revenue: bySegment.get(k), revenuePrev: prev,
                     change: prev ? (bySegment.get(k) - prev) / Math.abs(prev) : null };
        }), { title: s.t('table.segments'), sortKey: 'revenue' });
        return { year: year, now: sp ? sp.label : String(year), before: sp ? sp.priorLabel : String(year - 1), d: d,
                 current: current, previous: previous, bySegment: bySegment, bySegmentPrev: bySegmentPrev,
                 segments: segments };
    }

    s.page('overview', { render: render, charts: [
        { id: 'chart-revenue-segment', into: 'panels',
          de: 'Umsatz nach Branche (Klick: Kunden der Branche)',
          en: 'Revenue by segment (click: the segment\'s customers)',
          draw: function (id, v) {
              s.bars(id, v.segments.map(function (k) { return s.label('segment', k); }), [
                  { name: v.before, values: v.segments.map(function (k) { return v.bySegmentPrev.get(k) || 0; }), color: '#b8cfe0' },
                  { name: v.now, values: v.segments.map(function (k) { return v.bySegment.get(k); }), color: '#2a7ab0' }
              ], s.format.compactMoney, function (p) {
                  location.href = s.meta.pages.customers + '#year=' + v.year + '&segment='
                      + encodeURIComponent(v.segments[p.dataIndex]);
              }, true);
          } },
        { id: 'chart-revenue-channel', into: 'panels',
          de: 'Umsatz nach Kanal (Klick: Kanal-G&V)',
          en: 'Revenue by channel (click: channel P&L)',
          draw: function (id, v) {
              var byChannel = s.sumBy(v.current, 'channel', 'net');
              var byChannelPrev = s.sumBy(v.previous, 'channel', 'net');
              var channels = Array.from(byChannel.keys()).sort(function (a, b) { return byChannel.get(b) - byChannel.get(a); });
              s.bars(id, channels.map(s.channelName), [
                  { name: v.before, values: channels.map(function (k) { return byChannelPrev.get(k) || 0; }), color: '#b8cfe0' },
                  { name: v.now, values: channels.map(function (k) { return byChannel.get(k); }), color: '#2a7ab0' }
              ], s.format.compactMoney, function (p) {
                  var target = s.meta.customersByChannel ? s.meta.pages.customers : s.meta.pages.channels;
                  location.href = target + '#year=' + v.year + '&channel=' + encodeURIComponent(channels[p.dataIndex]);
              }, true);
          } },
        { id: 'chart-share-segment', into: 'panels',
          de: 'Marktanteil nach Branche',
          en: 'Market share by segment',
          draw: function (id, v) {
              var market = s.data.market.filter(function (r) { return s.matches(r) && Number(r.year) === v.year; });
              var own = s.sumBy(market, 'segment', 'own');
              var volume = s.sumBy(market, 'segment', 'volume');
              var marketSegments = Array.from(own.keys()).sort(function (a, b) {
                  return own.get(b) / volume.get(b) - own.get(a) / volume.get(a);
              });
              s.bars(id, marketSegments.map(function (k) { return s.label('segment', k); }), [{
                  name: s.t('kpi.marketShare'),
                  values: marketSegments.map(function (k) { return volume.get(k) ? own.get(k) / volume.get(k) : null; })
              }], s.format.percent, function (p) {
                  location.href = s.meta.pages.market + '#year=' + v.year + '&segment='
                      + encodeURIComponent(marketSegments[p.dataIndex]);
              }, true);
          } },
        { id: 'chart-contribution-channel', into: 'panels',
          de: 'Kanal-Deckungsbeitrag nach Kanal',
          en: 'Channel contribution by channel',
          draw: function (id, v) {
              var pnl = v.d.pnl.filter(function (r) { return s.matches(r) && Number(r.year) === v.year; });
              // a channel whose contribution is not available (no standard cost) has no bar, not a bar of 0
              var contribution = new Map();
              pnl.forEach(function (r) {
                  var before = contribution.has(r.channel) ? contribution.get(r.channel) : 0;
                  contribution.set(r.channel, before === null || r.contribution === null || r.contribution === undefined
                      ? null : s.cents(before + Number(r.contribution)));
              });
              var pnlChannels = Array.from(contribution.keys()).sort(function (a, b) {
                  var x = contribution.get(a), y = contribution.get(b);
                  return x === null ? 1 : y === null ? -1 : y - x;
              });
              s.bars(id, pnlChannels.map(s.channelName), [{
                  name: s.t('kpi.contribution'),
                  values: pnlChannels.map(function (k) {
                      var value = contribution.get(k);
                      return { value: value, itemStyle: { color: value < 0 ? '#c9544b' : '#4e9f76' } };
                  })
              }], s.format.compactMoney, null, true);
          } },
        { id: 'chart-value-potential', into: 'panels',
          de: 'Kundenwert × Potenzial (Anzahl Kunden)',
          en: 'Customer value × potential (number of customers)',
          draw: function (id, v) {
              var matrix = s.data.valueMatrix.filter(function (r) { return s.matches(r) && Number(r.year) === v.year; });
              var levels = ['low', 'high'];
              var cells = [];
              levels.forEach(function (value, x) {
                  levels.forEach(function (potential, y) {
                      cells.push([x, y, s.sum(matrix.filter(function (r) {
                          return r.value_segment === value && r.potential_segment === potential;
                      }), 'customers')]);
                  });
              });
              var levelNames = levels.map(function (l) { return s.t('segment.' + l); });
              s.heatmap(id,
                  levelNames.map(function (l) { return s.t('axis.value') + ': ' + l; }),
                  levelNames.map(function (l) { return s.t('axis.potential') + ': ' + l; }), cells, s.format.count);
          } }
    ] });
})(window.salesbi);

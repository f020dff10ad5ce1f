/* salesbi dashboards: the sales-excellence self-assessment (Standortbestimmung): the four areas per role as a radar,
   the type with its explanation, the largest gaps between self-image and external images, the trend between waves.
   The wave filter picks one wave (the newest by default); without a role the rows pooling every role ('all') count. */
(function (s) {
    'use strict';

    var AREAS = ['sales_strategy', 'sales_management', 'customer_relationship', 'information_management'];
    var ROLES = ['self', 'head_of_sales', 'sales_staff', 'other_department', 'customer_partner'];
    var ALL = 'all';
    var SCALE_MIN = 1;
    var SCALE_MAX = 5;
    var TOP_GAPS = 8;

    function label(prefix, key) {
        if (key === null || key === undefined) { return s.t('member.none'); }
        var text = s.t(prefix + key);
        return text === prefix + key ? String(key) : text;
    }
    function byOrder(order) {
        return function (a, b) {
            var i = order.indexOf(a), j = order.indexOf(b);
            return (i < 0 ? order.length : i) - (j < 0 ? order.length : j) || String(a).localeCompare(String(b));
        };
    }
    function score(rows, wave, role, area) {
        var row = rows.filter(function (r) { return r.wave === wave && r.role === role && r.area === area; })[0];
        return row ? Number(row.score) : null;
    }

    function drawRadar(id, v) {
        var wave = v.wave, role = v.role;
        var scores = s.data.surveyScores;
        var roles = role === ALL
            ? s.distinct(scores.filter(function (r) { return r.wave === wave && r.role !== ALL; }), 'role').sort(byOrder(ROLES))
            : [role, ALL];
        s.radar(id, AREAS.map(function (a) { return label('surveyArea.', a); }), roles.map(function (r) {
            return { name: label('surveyRole.', r), emphasis: r === role,
                     values: AREAS.map(function (a) { return score(scores, wave, r, a); }) };
        }), s.format.ratio, SCALE_MIN, SCALE_MAX);
    }

    function renderType(wave, role) {
        var profile = s.data.surveyProfile.filter(function (r) { return r.wave === wave && r.role === role; })[0];
        var type = profile && profile.type;
        var none = s.data.surveyProfile.length ? s.t('survey.noType') : s.t('survey.noData');
        document.getElementById('survey-type').textContent = type ? label('surveyType.', type) : s.meta.format.missing;
        document.getElementById('survey-type-explanation').textContent = type ? s.t('surveyTypeExplain.' + type) : none;
        document.getElementById('survey-type-rule').textContent = profile && profile.strong_min !== null
            ? s.t('survey.typeRule', s.format.ratio(profile.strong_min), s.format.ratio(profile.max_spread)) : '';
        document.getElementById('survey-type-previous').textContent = profile && profile.prev_type
            ? s.t('survey.previousType', profile.prev_wave, label('surveyType.', profile.prev_type)) : '';
    }

    function renderGaps(wave, role) {
        var gaps = s.data.surveyGap.filter(function (r) {
            return r.wave === wave && (role === ALL || role === 'self' || r.role === role);
        });
        s.table('table-survey-gaps', [
            { key: 'role', label: s.t('col.externalRole'), value: function (r) { return label('surveyRole.', r.role); } },
            { key: 'orientation', label: s.t('col.orientation'), value: function (r) { return label('orientation.', r.orientation); } },
            { key: 'self_score', label: s.t('col.selfImage'), type: 'ratio' },
            { key: 'external_score', label: s.t('col.externalImage'), type: 'ratio' },
            { key: 'gap', label: s.t('col.gap'), type: 'signedRatio' },
            { key: 't', label: s.t('col.tValue'), type: 'ratio' },
            { key: 'significant', label: s.t('col.significant'),
              value: function (r) { return r.significant ? s.t('survey.yes') : s.t('survey.no'); } }
        ], gaps, { title: s.t('table.surveyGaps'), sortKey: 'gap' });
        return gaps;
    }

    function drawGaps(id, v) {
        var largest = v.gaps.slice().sort(function (a, b) { return Math.abs(b.gap) - Math.abs(a.gap); }).slice(0, TOP_GAPS);
        /* two-line labels (orientation, role) in full: the shared bar builder truncates to one line */
        s.chart(id, {
            tooltip: { trigger: 'axis', valueFormatter: s.format.signedRatio },
            grid: { top: 16, right: 24 },
            xAxis: { type: 'value', axisLabel: { formatter: s.format.signedRatio },
                     splitLine: { lineStyle: { color: '#e8edf2' } } },
            yAxis: { type: 'category', inverse: true, axisLabel: { interval: 0, lineHeight: 15, fontSize: 11 },
                     data: largest.map(function (g) {
                         return label('orientation.', g.orientation) + '\n' + label('surveyRole.', g.role);
                     }) },
            series: [{ type: 'bar', name: s.t('col.gap'), barMaxWidth: 28,
                       data: largest.map(function (g) { return Number(g.gap); }) }]
        });
    }

    function drawTrend(id, v) {
        var scores = s.data.surveyScores;
        var waves = s.distinct(scores, 'wave').sort();
        s.bars(id, AREAS.map(function (a) { return label('surveyArea.', a); }), waves.map(function (w) {
            return { name: String(w), values: AREAS.map(function (a) { return score(scores, w, v.role, a); }) };
        }), s.format.ratio);
    }

    function renderScores(wave, role) {
        var scores = s.data.surveyScores;
        s.table('table-survey-scores', [
            { key: 'area', label: s.t('col.area'), value: function (r) { return label('surveyArea.', r.area); } },
            { key: 'score', label: s.t('col.score'), type: 'ratio' },
            { key: 'change', label: s.t('col.scoreChange'), type: 'signedRatio' },
            { key: 'respondents', label: s.t('col.respondents'), type: 'count' },
            { key: 'answers', label: s.t('col.answers'), type: 'count' }
        ], scores.filter(function (r) { return r.wave === wave && r.role === role; })
            .sort(function (a, b) { return AREAS.indexOf(a.area) - AREAS.indexOf(b.area); }),
        { title: s.t('table.surveyScores') });
    }

    /* The Standortbestimmung's 2x2: self-image (x) against the external image (y) of every area and orientation,
       split at the score kpi.survey_position calls strong. Without a role (or with the self-image) the external image
       pools every other role; with a role it is that role's. */
    var QUADRANTS = ['confirmed_strength', 'blind_spot', 'hidden_strength', 'confirmed_weakness'];
    var QUADRANT_COLORS = { confirmed_strength: '#eaf3ee', blind_spot: '#fbeee2', hidden_strength: '#eaf1f8',
                            confirmed_weakness: '#f3f3f3' };
    function dimensionLabel(r) {
        return label(r.kind === 'area' ? 'surveyArea.' : 'orientation.', r.dimension);
    }

    function drawPosition(id, v) {
        var external = v.position.external;
        var rows = v.position.rows;
        var strong = v.position.strong;
        /* points at the same place share one label (the first names them all); a label stands left of a point in
           the right half, so none runs off the chart */
        var names = {};
        rows.forEach(function (r) {
            var at = r.self_score + '/' + r.external_score;
            names[at] = (names[at] ? names[at] + '\n' : '') + dimensionLabel(r);
        });
        function points(kind) {
            return rows.filter(function (r) { return r.kind === kind; }).map(function (r) {
                var at = r.self_score + '/' + r.external_score;
                var text = names[at];
                names[at] = null;
                return { name: dimensionLabel(r), value: [Number(r.self_score), Number(r.external_score)],
                         quadrant: r.quadrant, labelText: text,
                         label: text ? { position: Number(r.self_score) > (SCALE_MIN + SCALE_MAX) / 2 ? 'left' : 'right' }
                             : { show: false } };
            });
        }
        /* the four quadrants as shaded areas named in their corner; split at the strong score */
        var corners = { confirmed_strength: [[strong, strong], [SCALE_MAX, SCALE_MAX], 'insideTopRight'],
                        blind_spot: [[strong, SCALE_MIN], [SCALE_MAX, strong], 'insideBottomRight'],
                        hidden_strength: [[SCALE_MIN, strong], [strong, SCALE_MAX], 'insideTopLeft'],
                        confirmed_weakness: [[SCALE_MIN, SCALE_MIN], [strong, strong], 'insideBottomLeft'] };
        var areas = strong === null ? [] : QUADRANTS.map(function (q) {
            var c = corners[q];
            return [{ name: s.t('surveyQuadrant.' + q), xAxis: c[0][0], yAxis: c[0][1],
                      itemStyle: { color: QUADRANT_COLORS[q] },
                      label: { position: c[2], color: '#5b6b7c', fontSize: 11 } },
                    { xAxis: c[1][0], yAxis: c[1][1] }];
        });
        var axis = function (name) {
            return { type: 'value', min: SCALE_MIN, max: SCALE_MAX, interval: 1, name: name, nameLocation: 'middle',
                     nameGap: 36, axisLabel: { formatter: s.format.ratio }, splitLine: { lineStyle: { color: '#e8edf2' } } };
        };
        /* labels that would overlap a label placed before move up or down a line at a time (ECharts' own shift
           works per series only) */
        var placed = [];
        var host = document.getElementById(id);
        var labelWidth = Math.max(80, Math.round((host ? host.clientWidth : 600) * 0.4));
        function placeLabel(p) {
            if (p.seriesIndex === 0 && placed.length && p.dataIndex === 0) { placed = []; }
            var r = p.labelRect;
            var step = r.height + 2;
            for (var i = 0; i < 12; i++) {
                var dy = (i % 2 ? 1 : -1) * Math.ceil(i / 2) * step;
                var free = placed.every(function (o) {
                    return r.x + r.width <= o.x || o.x + o.width <= r.x || r.y + dy + r.height <= o.y
                        || o.y + o.height <= r.y + dy;
                });
                if (free) {
                    placed.push({ x: r.x, y: r.y + dy, width: r.width, height: r.height });
                    return { dy: dy };
                }
            }
            return { hideOverlap: true };
        }
        var series = [
            { kind: 'area', name: s.t('survey.kindArea'), symbol: 'circle' },
            { kind: 'orientation', name: s.t('survey.kindOrientation'), symbol: 'diamond' }
        ].map(function (serie, i) {
            var option = {
                type: 'scatter', name: serie.name, symbol: serie.symbol, symbolSize: 14, data: points(serie.kind),
                /* at most 40 % of the chart wide (a phone's), broken into lines beyond */
                label: { show: true, formatter: function (p) { return p.data.labelText; }, fontSize: 11,
                         lineHeight: 14, width: labelWidth, overflow: 'break' },
                labelLayout: placeLabel,
                tooltip: { formatter: function (p) {
                    return p.name + ': ' + s.t('col.selfImage') + ' ' + s.format.ratio(p.value[0]) + ', '
                        + s.t('col.externalImage') + ' ' + s.format.ratio(p.value[1]) + ' · '
                        + s.t('surveyQuadrant.' + p.data.quadrant);
                } }
            };
            if (i === 0) { option.markArea = { silent: true, data: areas }; }
            return option;
        });
        s.chart(id, {
            legend: { top: 0 },
            tooltip: { trigger: 'item' },
            grid: { top: 32, left: 28, right: 24, bottom: 40 },
            xAxis: axis(s.t('col.selfImage')),
            yAxis: axis(external === ALL ? s.t('survey.externalImageAll')
                : s.t('survey.externalImageOf', label('surveyRole.', external))),
            series: series
        });
    }

    function renderPosition(wave, role) {
        var external = role === ALL || role === 'self' ? ALL : role;
        var rows = (s.data.surveyPosition || []).filter(function (r) { return r.wave === wave && r.role === external; });
        var strong = rows.length ? Number(rows[0].strong_min) : null;
        document.getElementById('survey-position-rule').textContent = strong === null
            ? s.t('survey.noPosition') : s.t('survey.positionRule', s.format.ratio(strong));
        s.table('table-survey-position', [
            { key: 'dimension', label: s.t('col.dimension'), value: dimensionLabel },
            { key: 'kind', label: s.t('col.dimensionKind'),
              value: function (r) { return s.t(r.kind === 'area' ? 'survey.kindArea' : 'survey.kindOrientation'); } },
            { key: 'self_score', label: s.t('col.selfImage'), type: 'ratio' },
            { key: 'external_score', label: s.t('col.externalImage'), type: 'ratio' },
            { key: 'gap', label: s.t('col.gap'), type: 'signedRatio' },
            { key: 'quadrant', label: s.t('col.quadrant'),
              value: function (r) { return s.t('surveyQuadrant.' + r.quadrant); } }
        ], rows.slice().sort(function (a, b) {
            return (a.kind === b.kind ? 0 : a.kind === 'area' ? -1 : 1)
                || (a.kind === 'area' ? byOrder(AREAS)(a.dimension, b.dimension)
                    : String(a.dimension).localeCompare(String(b.dimension)));
        }), { title: s.t('table.surveyPosition') });
        return { external: external, rows: rows, strong: strong };
    }

    function render() {
        var wave = s.filters.wave || String(s.meta.defaultWave);
        var role = s.filters.role || ALL;
        renderType(wave, role);
        var gaps = renderGaps(wave, role);
        renderScores(wave, role);
        return { wave: wave, role: role, gaps: gaps, position: renderPosition(wave, role) };
    }

    s.page('survey', { render: render, charts: [
        { id: 'chart-survey-radar', into: 'panels',
          de: 'Vier Bereiche je Rolle',
          en: 'Four areas per role',
          draw: drawRadar },
        { id: 'chart-survey-gaps', before: 'table-survey-position',
          de: 'Größte Lücken zwischen Selbstbild und Fremdbild',
          en: 'Largest gaps between self-image and external image',
          draw: drawGaps },
        { id: 'chart-survey-trend', before: 'table-survey-position',
          de: 'Entwicklung zwischen den Wellen',
          en: 'Change between waves',
          draw: drawTrend },
        { id: 'chart-survey-position', before: 'table-survey-position',
          note: { id: 'survey-position-rule' },
          de: 'Selbstbild gegen Fremdbild (2×2)',
          en: 'Self-image against external image (2×2)',
          draw: drawPosition }
    ] });
})(window.salesbi);

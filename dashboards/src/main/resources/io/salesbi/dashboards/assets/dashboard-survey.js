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

    function renderRadar(wave, role) {
        var scores = s.data.surveyScores;
        var roles = role === ALL
            ? s.distinct(scores.filter(function (r) { return r.wave === wave && r.role !== ALL; }), 'role').sort(byOrder(ROLES))
            : [role, ALL];
        s.radar('chart-survey-radar', AREAS.map(function (a) { return label('surveyArea.', a); }), roles.map(function (r) {
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
        var largest = gaps.slice().sort(function (a, b) { return Math.abs(b.gap) - Math.abs(a.gap); }).slice(0, TOP_GAPS);
        /* two-line labels (orientation, role) in full: the shared bar builder truncates to one line */
        s.chart('chart-survey-gaps', {
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
    }

    function renderTrend(wave, role) {
        var scores = s.data.surveyScores;
        var waves = s.distinct(scores, 'wave').sort();
        s.bars('chart-survey-trend', AREAS.map(function (a) { return label('surveyArea.', a); }), waves.map(function (w) {
            return { name: String(w), values: AREAS.map(function (a) { return score(scores, w, role, a); }) };
        }), s.format.ratio);
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

    function render() {
        var wave = s.filters.wave || String(s.meta.defaultWave);
        var role = s.filters.role || ALL;
        renderRadar(wave, role);
        renderType(wave, role);
        renderGaps(wave, role);
        renderTrend(wave, role);
    }

    s.pages = s.pages || {};
    s.pages.survey = render;
})(window.salesbi);

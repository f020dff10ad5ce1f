/* salesbi dashboards, shared core: page data, formats, filters, tables with sort and CSV/XLSX download, charts.
   Rule: data values reach the DOM only through textContent or attribute properties, never innerHTML. */
(function () {
    'use strict';

    var page = JSON.parse(document.getElementById('page-data').textContent);
    var meta = page.meta;
    var fmt = meta.format;

    /* Data: the inlined tables {cols, dict, n, columns} (one array per column, repeating values sent once in dict,
       repeating neighbours as runs [value, count, ...], see DataTable.forScript) become arrays of objects. */
    function column(values, n, dict) {
        if (!Array.isArray(values)) {
            var runs = values.runs;
            values = new Array(n);
            for (var r = 0, at = 0; r < runs.length; r += 2) {
                for (var c = 0; c < runs[r + 1]; c++) { values[at++] = runs[r]; }
            }
        }
        return dict ? values.map(function (v) { return v === null ? null : dict[v]; }) : values;
    }
    var data = {};
    Object.keys(page.data).forEach(function (name) {
        var table = page.data[name];
        var columns = table.cols.map(function (col, i) { return column(table.columns[i], table.n, table.dict[col]); });
        var rows = new Array(table.n);
        for (var r = 0; r < table.n; r++) {
            var record = {};
            for (var i = 0; i < columns.length; i++) { record[table.cols[i]] = columns[i][r]; }
            rows[r] = record;
        }
        data[name] = rows;
    });

    function t(key) {
        var text = Object.prototype.hasOwnProperty.call(meta.messages, key) ? meta.messages[key] : key;
        for (var i = 1; i < arguments.length; i++) {
            text = text.split('{' + (i - 1) + '}').join(String(arguments[i]));
        }
        return text;
    }

    /* Formats: the same rules as Formats.java (half-up rounding, grouping, patterns handed over by the page). */
    function number(value, decimals) {
        if (value === null || value === undefined || isNaN(value)) { return fmt.missing; }
        var factor = Math.pow(10, decimals);
        var rounded = Math.round(Math.abs(value) * factor + 1e-9) / factor;
        var parts = rounded.toFixed(decimals).split('.');
        var integer = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, fmt.group);
        var negative = value < 0 && rounded !== 0;
        return (negative ? '-' : '') + integer + (parts.length > 1 ? fmt.decimal + parts[1] : '');
    }
    function sign(value) { return value > 0 ? '+' : ''; }
    /* Puts a formatted number into a currency pattern with the sign in front: -€5.00, -5,00 €. */
    function pattern(template, formatted) {
        return formatted.charAt(0) === '-' ? '-' + template.replace('#', formatted.substring(1))
            : template.replace('#', formatted);
    }
    function compact(value) {
        if (value === null || value === undefined || isNaN(value)) { return t('value.na'); }
        var size = Math.abs(value);
        if (size >= 1e6) { return pattern(fmt.millions, number(value / 1e6, 1)); }
        if (size >= 1e3) { return pattern(fmt.thousands, number(value / 1e3, size >= 1e4 ? 0 : 1)); }
        return pattern(fmt.money, number(value, 0));
    }
    var format = {
        number: number,
        money: function (v) { return v == null || isNaN(v) ? fmt.missing : pattern(fmt.money, number(v, 2)); },
        signedMoney: function (v) { return v == null || isNaN(v) ? fmt.missing : sign(v) + format.money(v); },
        percent: function (r) { return r == null || isNaN(r) || !isFinite(r) ? fmt.missing : number(r * 100, 1) + fmt.percent; },
        signedPercent: function (r) { return r == null || isNaN(r) || !isFinite(r) ? fmt.missing : sign(r) + format.percent(r); },
        points: function (p) { return p == null || isNaN(p) ? fmt.missing : sign(p) + number(p, 1) + ' ' + fmt.points; },
        compactMoney: compact,
        pointsSize: function (p) { return p == null || isNaN(p) ? fmt.missing : number(Math.abs(p), 1) + ' ' + fmt.points; },
        count: function (v) { return number(v, 0); },
        signedCount: function (v) { return v == null ? fmt.missing : (v > 0 ? '+' : '') + number(v, 0); },
        ratio: function (v) { return number(v, 2); },
        signedRatio: function (v) { return v == null || isNaN(v) ? fmt.missing : sign(v) + number(v, 2); },
        date: function (iso) {
            if (!iso) { return fmt.missing; }
            var d = String(iso).substring(0, 10).split('-');
            return fmt.date.replace('yyyy', d[0]).replace('MM', d[1]).replace('dd', d[2]);
        },
        dateTime: function (iso) {
            return iso ? format.date(iso) + ' ' + String(iso).substring(11, 16) : fmt.missing;
        },
        text: function (v) { return v == null ? '' : String(v); }
    };

    /* Reference data in the page's language (as Messages.label): region, segment (industry), product group
       (category), CRM touchpoint channel, quarantine rule and stage. An empty value reads "(ohne Angabe)" (a product
       group "(ohne Warengruppe)"), lines of unmatched debtors "(keinem Kunden zugeordnet)"; a rule without its own
       text reads "<column>: <problem>"; any other value without a label stays as it is. */
    var LABEL_PREFIX = { region: 'region.', segment: 'industry.', category: 'category.', touchChannel: 'touchChannel.',
                         rule: 'rule.', stage: 'stage.' };
    function has(key) { return Object.prototype.hasOwnProperty.call(meta.messages, key); }
    function label(dimension, value) {
        if (value === null || value === undefined || value === '') {
            return t(dimension === 'category' ? 'member.noCategory' : 'member.none');
        }
        var text = String(value);
        if (text === '(unmapped)') { return t('member.unmapped'); }
        if (has(LABEL_PREFIX[dimension] + text)) { return meta.messages[LABEL_PREFIX[dimension] + text]; }
        var dot = text.lastIndexOf('.');
        if (dimension === 'rule' && dot > 0 && has('ruleProblem.' + text.substring(dot + 1))) {
            return text.substring(0, dot) + ': ' + meta.messages['ruleProblem.' + text.substring(dot + 1)];
        }
        return text;
    }

    /* The customer page of a golden customer: every customer name on every page links there. */
    function customerHref(row) {
        return meta.pages.customer + '#customer=' + encodeURIComponent(row.id);
    }

    function channelName(code) {
        if (code === null || code === undefined) { return t('member.none'); }
        return Object.prototype.hasOwnProperty.call(meta.channelNames, code) ? meta.channelNames[code]
            : (meta.messages['channel.' + code] || label('touchChannel', code));
    }

    /* Filters: state lives in the URL hash (#year=2025&segment=Maschinenbau) so drill-down links can set it. */
    var filterNames = ['year', 'period', 'region', 'segment', 'channel', 'wave', 'role'];
    var defaults = { year: String(meta.defaultYear), wave: String(meta.defaultWave || ''),
        region: String(meta.defaultRegion || ''), period: 'year' };
    var filters = {};
    var listeners = [];
    function readHash() {
        var params = new URLSearchParams(location.hash.replace(/^#/, ''));
        filterNames.forEach(function (name) {
            var select = document.getElementById('filter-' + name);
            if (!select) { return; }
            var wanted = params.has(name) ? params.get(name) : (defaults[name] || '');
            var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
            select.value = known ? wanted : select.value;
            filters[name] = select.value;
        });
    }
    function writeHash() {
        var params = new URLSearchParams();
        filterNames.forEach(function (name) {
            if (filters[name]) { params.set(name, filters[name]); }
        });
        history.replaceState(null, '', '#' + params.toString());
    }
    function onFilterChange(listener) { listeners.push(listener); }
    function refresh() { listeners.forEach(function (listener) { listener(filters); }); }
    function initFilters() {
        readHash();
        filterNames.forEach(function (name) {
            var select = document.getElementById('filter-' + name);
            if (!select) { return; }
            select.addEventListener('change', function () {
                filters[name] = select.value;
                writeHash();
                refresh();
            });
        });
        var reset = document.getElementById('filter-reset');
        if (reset) {
            reset.addEventListener('click', function () {
                history.replaceState(null, '', '#');
                readHash();
                refresh();
            });
        }
        window.addEventListener('hashchange', function () { readHash(); refresh(); });
        var periodSelect = document.getElementById('filter-period');
        var bar = document.getElementById('filters');
        if (periodSelect && bar) {
            var note = el('p', 'note period-note');
            note.id = 'period-note';
            note.setAttribute('aria-live', 'polite');
            bar.insertAdjacentElement('afterend', note);
            listeners.unshift(periodNote);
            periodNote();
        }
    }
    /* Does a row pass the filters? Dimensions the row lacks, or listed in ignore, do not filter it. */
    function matches(row, ignore) {
        return filterNames.every(function (name) {
            var value = filters[name];
            if (!value || (ignore && ignore.indexOf(name) >= 0) || !(name in row)) { return true; }
            return String(row[name]) === value;
        });
    }
    function year() { return filters.year ? Number(filters.year) : Number(meta.defaultYear); }

    /* The period filter: which months of the selected year a page shows (year to date, rolling 12 months ending
       with the year's last month with revenue, a quarter, a month) and the same months a year earlier to compare
       with; null for the whole year, where the pages' yearly figures and partial-year rules apply. Months after the
       year's last month with revenue (meta.monthsCovered) are left out of both spans; a quarter or month cut so is
       incomplete and labelled as such. */
    function span(forYear, period) {
        period = period === undefined ? filters.period : period;
        if (!period || period === 'year') { return null; }
        var covered = meta.monthsCovered || {};
        var last = covered[String(forYear)] ? covered[String(forYear)][1] : (Object.keys(covered).length ? 0 : 12);
        var wanted = [];
        var m;
        if (period === 'ytd') {
            for (m = 1; m <= 12; m++) { wanted.push([forYear, m]); }
        } else if (period === 'r12') {
            for (m = 11; m >= 0; m--) {
                var index = forYear * 12 + (Math.max(last, 1) - 1) - m;
                wanted.push([Math.floor(index / 12), index % 12 + 1]);
            }
        } else if (period.charAt(0) === 'q') {
            var quarter = Number(period.substring(1));
            for (m = 3 * quarter - 2; m <= 3 * quarter; m++) { wanted.push([forYear, m]); }
        } else if (period.charAt(0) === 'm') {
            wanted.push([forYear, Number(period.substring(1))]);
        }
        var months = last === 0 ? [] : wanted.filter(function (ym) { return ym[0] < forYear || ym[1] <= last; });
        var prior = months.map(function (ym) { return [ym[0] - 1, ym[1]]; });
        var incomplete = period !== 'ytd' && months.length > 0 && months.length < wanted.length;
        return { period: period, months: months, prior: prior, incomplete: incomplete,
                 label: describe(months) + (incomplete ? ' ' + t('period.incomplete') : ''),
                 priorLabel: describe(prior) };
    }
    /* "Okt.–Nov. 2026", "Dez. 2025–Nov. 2026", "Nov. 2026". */
    function describe(months) {
        if (!months.length) { return ''; }
        var first = months[0], last = months[months.length - 1];
        function name(ym) { return meta.monthNames ? meta.monthNames[ym[1] - 1] : String(ym[1]); }
        if (months.length === 1) { return name(first) + ' ' + first[0]; }
        return first[0] === last[0] ? name(first) + '–' + name(last) + ' ' + last[0]
            : name(first) + ' ' + first[0] + '–' + name(last) + ' ' + last[0];
    }
    /* Monthly rows ({year, month, …}) of a span, under the selected year, and of its prior span, under the year
       before: the shape of the yearly datasets, so a page computes a period as it computes a year. */
    function periodRows(rows, sp, forYear) {
        var now = {}, before = {};
        sp.months.forEach(function (ym) { now[ym[0] * 100 + ym[1]] = true; });
        sp.prior.forEach(function (ym) { before[ym[0] * 100 + ym[1]] = true; });
        var out = [];
        (rows || []).forEach(function (r) {
            var key = Number(r.year) * 100 + Number(r.month);
            if (now[key]) { out.push(Object.assign({}, r, { year: forYear })); }
            if (before[key]) { out.push(Object.assign({}, r, { year: forYear - 1 })); }
        });
        return out;
    }
    /* The line under the filters saying which months a period shows and what it is compared with. */
    function periodNote() {
        var note = document.getElementById('period-note');
        if (!note) { return; }
        var sp = span(year());
        note.textContent = !sp ? '' : !sp.months.length ? t('period.noMonths')
            : t('period.note', sp.label, sp.priorLabel) + (sp.incomplete ? ' ' + t('period.incompleteNote') : '');
    }

    /* Aggregation helpers. */
    function sumBy(rows, key, value) {
        var sums = new Map();
        rows.forEach(function (row) {
            var k = typeof key === 'function' ? key(row) : row[key];
            var v = typeof value === 'function' ? value(row) : Number(row[value] || 0);
            sums.set(k, (sums.get(k) || 0) + v);
        });
        sums.forEach(function (v, k) { sums.set(k, cents(v)); });
        return sums;
    }
    /* Sums of decimal(18,2) amounts, rounded back to cents so float noise never shows as a change. */
    function cents(value) { return Math.round(value * 100) / 100; }
    function sum(rows, value) {
        return cents(rows.reduce(function (acc, row) {
            return acc + (typeof value === 'function' ? value(row) : Number(row[value] || 0));
        }, 0));
    }
    /* As sum, but null ("not available", e.g. a margin without standard cost) as soon as one row has no value. */
    function sumOrNull(rows, key) {
        return rows.some(function (row) { return row[key] === null || row[key] === undefined; }) ? null : sum(rows, key);
    }
    function distinct(rows, key) {
        var seen = [];
        rows.forEach(function (row) { if (seen.indexOf(row[key]) < 0) { seen.push(row[key]); } });
        return seen;
    }
    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined && text !== null) { node.textContent = text; }
        return node;
    }

    window.salesbi = {
        meta: meta, data: data, t: t, format: format, channelName: channelName, customerHref: customerHref, label: label, filters: filters,
        initFilters: initFilters, onFilterChange: onFilterChange, refresh: refresh, matches: matches, year: year,
        span: span, periodRows: periodRows,
        sumBy: sumBy, sum: sum, sumOrNull: sumOrNull, cents: cents, distinct: distinct, el: el, tables: {}, charts: {}
    };
})();

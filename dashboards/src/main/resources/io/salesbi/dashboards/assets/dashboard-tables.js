/* salesbi dashboards: sortable tables with CSV and XLSX download, built with DOM calls and textContent only. */
(function (s) {
    'use strict';

    var NUMERIC = ['money', 'signedMoney', 'percent', 'signedPercent', 'points', 'count', 'signedCount', 'ratio', 'signedRatio', 'number'];

    /* A column: {key, label, type (a format name), value(row) optional, href(row) optional, wrap optional,
       na optional: an empty value reads "not available" (k. A.), not a dash;
       flag(row) optional: a warning text for the cell, shown as a marker with the text as tooltip}. */
    function cellValue(column, row) {
        return column.value ? column.value(row) : row[column.key];
    }
    function cellText(column, row) {
        var value = cellValue(column, row);
        if (column.na && (value === null || value === undefined)) { return s.t('value.na'); }
        var formatter = s.format[column.type || 'text'] || s.format.text;
        return formatter(value);
    }
    function compare(a, b) {
        if (a === b) { return 0; }
        if (a === null || a === undefined || a === '') { return 1; }
        if (b === null || b === undefined || b === '') { return -1; }
        if (typeof a === 'number' && typeof b === 'number') { return a - b; }
        return String(a).localeCompare(String(b), s.meta.lang);
    }

    /* Renders (or re-renders) the table into host; rows beyond limit are left to the downloads. */
    function table(hostId, columns, rows, options) {
        options = options || {};
        var host = document.getElementById(hostId);
        if (!host) { return; } /* a panel the page left out, e.g. one a regional page set does not show */
        var state = s.tables[hostId] || { sortKey: options.sortKey || null, descending: options.descending !== false };
        state.columns = columns;
        state.rows = rows;
        state.title = options.title || hostId;
        state.limit = options.limit || 200;
        s.tables[hostId] = state;

        var sorted = rows.slice();
        var sortColumn = columns.filter(function (c) { return c.key === state.sortKey; })[0];
        if (sortColumn) {
            sorted.sort(function (a, b) {
                var order = compare(cellValue(sortColumn, a), cellValue(sortColumn, b));
                return state.descending ? -order : order;
            });
        }
        state.sorted = sorted;

        host.replaceChildren();
        var tools = s.el('div', 'table-tools');
        tools.appendChild(s.el('span', 'hint', s.t('table.sortHint')));
        var csv = s.el('button', 'button-quiet download-csv', s.t('download.csv'));
        csv.type = 'button';
        csv.addEventListener('click', function () { download(hostId, 'csv'); });
        var xlsx = s.el('button', 'button-quiet download-xlsx', s.t('download.xlsx'));
        xlsx.type = 'button';
        xlsx.addEventListener('click', function () { download(hostId, 'xlsx'); });
        tools.appendChild(csv);
        tools.appendChild(xlsx);
        host.appendChild(tools);

        if (!rows.length) {
            host.appendChild(s.el('p', 'table-empty', s.t('table.empty')));
            return state;
        }
        var scroll = s.el('div', 'table-scroll');
        var tableNode = s.el('table', 'data');
        var head = s.el('thead');
        var headRow = s.el('tr');
        columns.forEach(function (column) {
            var th = s.el('th', NUMERIC.indexOf(column.type) >= 0 ? 'num' : '');
            th.scope = 'col';
            if (column.key === state.sortKey) { th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending'); }
            var button = s.el('button', null, column.label);
            button.type = 'button';
            button.addEventListener('click', function () {
                state.descending = state.sortKey === column.key ? !state.descending : NUMERIC.indexOf(column.type) >= 0;
                state.sortKey = column.key;
                table(hostId, state.columns, state.rows, options);
            });
            th.appendChild(button);
            headRow.appendChild(th);
        });
        head.appendChild(headRow);
        tableNode.appendChild(head);
        var body = s.el('tbody');
        sorted.slice(0, state.limit).forEach(function (row) {
            var tr = s.el('tr');
            columns.forEach(function (column) {
                var classes = (NUMERIC.indexOf(column.type) >= 0 ? 'num' : '') + (column.wrap ? ' wrap' : '');
                var td = s.el('td', classes.trim() || null);
                var text = cellText(column, row);
                if (column.href) {
                    var link = s.el('a', null, text);
                    link.href = column.href(row);
                    td.appendChild(link);
                } else {
                    td.textContent = text;
                }
                var flag = column.flag ? column.flag(row) : null;
                if (flag) {
                    td.classList.add('flagged');
                    td.title = flag;
                    td.appendChild(s.el('span', 'flag-mark', ' \u26a0'));
                }
                if (column.tone) {
                    var value = cellValue(column, row);
                    if (value > 0) { td.classList.add('pos'); } else if (value < 0) { td.classList.add('neg'); }
                }
                tr.appendChild(td);
            });
            body.appendChild(tr);
        });
        tableNode.appendChild(body);
        scroll.appendChild(tableNode);
        host.appendChild(scroll);
        if (sorted.length > state.limit) {
            host.appendChild(s.el('p', 'table-more', s.t('table.more', s.format.count(sorted.length - state.limit))));
        } else if (options.total > rows.length) {
            /* a list of the first rows of more than the page carries: where the others are */
            host.appendChild(s.el('p', 'table-more',
                s.t('table.moreInWarehouse', s.format.count(options.total - rows.length), options.source)));
        }
        return state;
    }

    /* Export: raw numbers stay numbers; text cells starting with = + - @ (or tab, CR) get a leading apostrophe so
       a spreadsheet never runs them as formulas. */
    function neutralize(text) {
        return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
    }
    function exportRows(hostId) {
        var state = s.tables[hostId];
        var header = state.columns.map(function (c) { return { text: c.label }; });
        var body = state.sorted.map(function (row) {
            return state.columns.map(function (column) {
                var value = cellValue(column, row);
                if (typeof value === 'number' && NUMERIC.indexOf(column.type) >= 0) {
                    return { number: value, format: column.type };
                }
                if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}/.test(String(value || ''))) {
                    return { date: String(value).substring(0, 10), text: cellText(column, row) };
                }
                if (column.type && column.type !== 'text') { return { text: cellText(column, row) }; }
                return { text: value == null ? '' : String(value) };
            });
        });
        return [header].concat(body);
    }
    function toCsv(hostId) {
        var separator = s.meta.format.decimal === ',' ? ';' : ',';
        return '\ufeff' + exportRows(hostId).map(function (cells) {
            return cells.map(function (cell) {
                var text = cell.number !== undefined
                    ? String(cell.number).replace('.', s.meta.format.decimal) : neutralize(cell.text);
                var needsQuotes = text.indexOf(separator) >= 0 || /["\r\n]/.test(text);
                return needsQuotes ? '"' + text.replace(/"/g, '""') + '"' : text;
            }).join(separator);
        }).join('\r\n') + '\r\n';
    }
    function toXlsx(hostId) {
        return s.xlsx(exportRows(hostId).map(function (cells) {
            return cells.map(function (cell) {
                return cell.number !== undefined || cell.date !== undefined ? cell : { text: neutralize(cell.text) };
            });
        }), s.tables[hostId].title);
    }
    function download(hostId, kind) {
        var name = (s.tables[hostId].title || hostId).replace(/[^\w\u00c0-\u017f-]+/g, '_') + '.' + kind;
        var blob = kind === 'csv'
            ? new Blob([toCsv(hostId)], { type: 'text/csv;charset=utf-8' })
            : new Blob([toXlsx(hostId)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = name;
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }

    s.table = table;
    s.toCsv = toCsv;
    s.toXlsx = toXlsx;
})(window.salesbi);

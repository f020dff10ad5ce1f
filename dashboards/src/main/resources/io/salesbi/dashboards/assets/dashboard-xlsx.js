/* salesbi dashboards: a minimal XLSX writer (one sheet, inline strings, stored zip), so tables download as Excel
   files without any library or network. Rows are arrays of {text}, {number, format} or {date: 'yyyy-MM-dd'} cells;
   the first row is the header: bold, frozen, with an autofilter; amounts, percentages, counts and dates carry number
   formats, and each column is as wide as its longest value. */
(function (s) {
    'use strict';

    var CRC_TABLE = (function () {
        var table = new Uint32Array(256);
        for (var n = 0; n < 256; n++) {
            var c = n;
            for (var k = 0; k < 8; k++) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
            table[n] = c >>> 0;
        }
        return table;
    })();
    function crc32(bytes) {
        var crc = 0xffffffff;
        for (var i = 0; i < bytes.length; i++) { crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8); }
        return (crc ^ 0xffffffff) >>> 0;
    }

    /* A zip archive with stored (uncompressed) entries; enough for Excel, LibreOffice and POI. */
    function zip(files) {
        var encoder = new TextEncoder();
        var chunks = [];
        var central = [];
        var offset = 0;
        files.forEach(function (file) {
            var name = encoder.encode(file.name);
            var content = encoder.encode(file.content);
            var crc = crc32(content);
            var local = new DataView(new ArrayBuffer(30));
            local.setUint32(0, 0x04034b50, true);
            local.setUint16(4, 20, true);
            local.setUint16(6, 0x0800, true);
            local.setUint16(8, 0, true);
            local.setUint16(10, 0, true);
            local.setUint16(12, 0x21, true);
            local.setUint32(14, crc, true);
            local.setUint32(18, content.length, true);
            local.setUint32(22, content.length, true);
            local.setUint16(26, name.length, true);
            local.setUint16(28, 0, true);
            chunks.push(new Uint8Array(local.buffer), name, content);
            var entry = new DataView(new ArrayBuffer(46));
            entry.setUint32(0, 0x02014b50, true);
            entry.setUint16(4, 20, true);
            entry.setUint16(6, 20, true);
            entry.setUint16(8, 0x0800, true);
            entry.setUint16(10, 0, true);
            entry.setUint16(12, 0, true);
            entry.setUint16(14, 0x21, true);
            entry.setUint32(16, crc, true);
            entry.setUint32(20, content.length, true);
            entry.setUint32(24, content.length, true);
            entry.setUint16(28, name.length, true);
            entry.setUint32(42, offset, true);
            central.push(new Uint8Array(entry.buffer), name);
            offset += 30 + name.length + content.length;
        });
        var centralSize = central.reduce(function (acc, c) { return acc + c.length; }, 0);
        var end = new DataView(new ArrayBuffer(22));
        end.setUint32(0, 0x06054b50, true);
        end.setUint16(8, files.length, true);
        end.setUint16(10, files.length, true);
        end.setUint32(12, centralSize, true);
        end.setUint32(16, offset, true);
        var all = chunks.concat(central, [new Uint8Array(end.buffer)]);
        var out = new Uint8Array(all.reduce(function (acc, c) { return acc + c.length; }, 0));
        var at = 0;
        all.forEach(function (c) { out.set(c, at); at += c.length; });
        return out;
    }

    function xml(text) {
        return String(text)
            .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
            .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    }
    function columnName(index) {
        var name = '';
        for (index += 1; index > 0; index = Math.floor((index - 1) / 26)) {
            name = String.fromCharCode(65 + (index - 1) % 26) + name;
        }
        return name;
    }

    /* Number formats (styles.xml cellXfs index): money, percent, count, ratio, points, date; 1 is the header. */
    var STYLE = { money: 2, signedMoney: 2, percent: 3, signedPercent: 3, count: 4, signedCount: 4, ratio: 5,
                  signedRatio: 5, points: 6, number: 6, date: 7 };
    function styles() {
        var en = s.meta.lang === 'en';
        var formats = [
            [164, en ? '"€"#,##0.00;-"€"#,##0.00' : '#,##0.00 "€";-#,##0.00 "€"'],
            [165, '0.0%'], [166, '#,##0'], [167, '0.00'], [168, '0.0'], [169, en ? 'yyyy-mm-dd' : 'dd.mm.yyyy']];
        var xf = function (numFmtId) {
            return '<xf numFmtId="' + numFmtId + '" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>';
        };
        return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + '<numFmts count="' + formats.length + '">' + formats.map(function (f) {
                return '<numFmt numFmtId="' + f[0] + '" formatCode="' + xml(f[1]) + '"/>';
            }).join('') + '</numFmts>'
            + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
            + '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
            + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            + '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
            + xf(164) + xf(165) + xf(166) + xf(167) + xf(168) + xf(169) + '</cellXfs>'
            + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            + '</styleSheet>';
    }
    /* Days since 1899-12-30, Excel's date serial. */
    function serial(isoDate) {
        var d = isoDate.split('-').map(Number);
        return Math.round((Date.UTC(d[0], d[1] - 1, d[2]) - Date.UTC(1899, 11, 30)) / 86400000);
    }
    /* The shown width of a cell in characters: text as it is, numbers as the format shows them (about). */
    function shownLength(cell) {
        if (cell.date !== undefined) { return 10; }
        if (cell.number !== undefined) {
            var text = (s.format[cell.format] || s.format.text)(cell.number);
            return String(text).length;
        }
        return String(cell.text || '').length;
    }

    function xlsx(rows, sheetTitle) {
        var columns = rows.reduce(function (n, cells) { return Math.max(n, cells.length); }, 0);
        var widths = [];
        rows.forEach(function (cells, r) {
            cells.forEach(function (cell, c) {
                widths[c] = Math.max(widths[c] || 0, shownLength(cell) + (r === 0 ? 3 : 1));
            });
        });
        var sheetRows = rows.map(function (cells, r) {
            return '<row r="' + (r + 1) + '">' + cells.map(function (cell, c) {
                var ref = columnName(c) + (r + 1);
                if (r === 0) {
                    return '<c r="' + ref + '" s="1" t="inlineStr"><is><t xml:space="preserve">' + xml(cell.text) + '</t></is></c>';
                }
                if (cell.number !== undefined && isFinite(cell.number)) {
                    return '<c r="' + ref + '"' + (STYLE[cell.format] ? ' s="' + STYLE[cell.format] + '"' : '')
                        + '><v>' + cell.number + '</v></c>';
                }
                if (cell.date !== undefined) {
                    return '<c r="' + ref + '" s="' + STYLE.date + '"><v>' + serial(cell.date) + '</v></c>';
                }
                return '<c r="' + ref + '" t="inlineStr"><is><t xml:space="preserve">' + xml(cell.text) + '</t></is></c>';
            }).join('') + '</row>';
        }).join('');
        var range = 'A1:' + columnName(Math.max(columns, 1) - 1) + Math.max(rows.length, 1);
        var main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
        var rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
        var pkg = 'http://schemas.openxmlformats.org/package/2006/';
        var title = String(sheetTitle || 'Data').replace(/[\\\/?*\[\]:]/g, ' ').substring(0, 31);
        var name = xml(title);
        var absolute = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
        return zip([
            { name: '[Content_Types].xml', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<Types xmlns="' + pkg + 'content-types">'
                + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                + '<Default Extension="xml" ContentType="application/xml"/>'
                + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                + '</Types>' },
            { name: '_rels/.rels', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<Relationships xmlns="' + pkg + 'relationships">'
                + '<Relationship Id="rId1" Type="' + rel + '/officeDocument" Target="xl/workbook.xml"/>'
                + '</Relationships>' },
            { name: 'xl/workbook.xml', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<workbook xmlns="' + main + '" xmlns:r="' + rel + '"><sheets>'
                + '<sheet name="' + name + '" sheetId="1" r:id="rId1"/></sheets>'
                + '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
                + xml("'" + title.replace(/'/g, "''") + "'!" + absolute) + '</definedName></definedNames></workbook>' },
            { name: 'xl/_rels/workbook.xml.rels', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<Relationships xmlns="' + pkg + 'relationships">'
                + '<Relationship Id="rId1" Type="' + rel + '/worksheet" Target="worksheets/sheet1.xml"/>'
                + '<Relationship Id="rId2" Type="' + rel + '/styles" Target="styles.xml"/>'
                + '</Relationships>' },
            { name: 'xl/styles.xml', content: styles() },
            { name: 'xl/worksheets/sheet1.xml', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<worksheet xmlns="' + main + '">'
                + '<sheetViews><sheetView workbookViewId="0">'
                + '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
                + (columns ? '<cols>' + widths.map(function (w, c) {
                    return '<col min="' + (c + 1) + '" max="' + (c + 1) + '" width="' + Math.min(Math.max(w, 8), 60)
                        + '" customWidth="1"/>';
                }).join('') + '</cols>' : '')
                + '<sheetData>' + sheetRows + '</sheetData>'
                + '<autoFilter ref="' + range + '"/></worksheet>' }
        ]);
    }

    s.xlsx = xlsx;
})(window.salesbi);

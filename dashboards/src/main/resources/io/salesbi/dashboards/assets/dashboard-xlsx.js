/* salesbi dashboards: a minimal XLSX writer (one sheet, inline strings, stored zip), so tables download as Excel
   files without any library or network. Rows are arrays of {text} or {number} cells. */
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

    function xlsx(rows, sheetTitle) {
        var sheetRows = rows.map(function (cells, r) {
            return '<row r="' + (r + 1) + '">' + cells.map(function (cell, c) {
                var ref = columnName(c) + (r + 1);
                if (cell.number !== undefined && isFinite(cell.number)) {
                    return '<c r="' + ref + '"><v>' + cell.number + '</v></c>';
                }
                return '<c r="' + ref + '" t="inlineStr"><is><t xml:space="preserve">' + xml(cell.text) + '</t></is></c>';
            }).join('') + '</row>';
        }).join('');
        var main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
        var rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
        var pkg = 'http://schemas.openxmlformats.org/package/2006/';
        var name = xml(String(sheetTitle || 'Data').replace(/[\\\/?*\[\]:]/g, ' ').substring(0, 31));
        return zip([
            { name: '[Content_Types].xml', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<Types xmlns="' + pkg + 'content-types">'
                + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                + '<Default Extension="xml" ContentType="application/xml"/>'
                + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                + '</Types>' },
            { name: '_rels/.rels', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<Relationships xmlns="' + pkg + 'relationships">'
                + '<Relationship Id="rId1" Type="' + rel + '/officeDocument" Target="xl/workbook.xml"/>'
                + '</Relationships>' },
            { name: 'xl/workbook.xml', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<workbook xmlns="' + main + '" xmlns:r="' + rel + '"><sheets>'
                + '<sheet name="' + name + '" sheetId="1" r:id="rId1"/></sheets></workbook>' },
            { name: 'xl/_rels/workbook.xml.rels', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<Relationships xmlns="' + pkg + 'relationships">'
                + '<Relationship Id="rId1" Type="' + rel + '/worksheet" Target="worksheets/sheet1.xml"/>'
                + '</Relationships>' },
            { name: 'xl/worksheets/sheet1.xml', content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                + '<worksheet xmlns="' + main + '"><sheetData>' + sheetRows + '</sheetData></worksheet>' }
        ]);
    }

    s.xlsx = xlsx;
})(window.salesbi);

/* salesbi dashboards: ECharts option builders in one visual style. Canvas rendering and rich-text tooltips, so no
   data value is ever parsed as HTML inside a chart. */
(function (s) {
    'use strict';

    /* Okabe & Ito's colour-blind-safe palette (blue, orange, bluish green, vermillion, sky blue, reddish purple,
       yellow, grey): series stay apart with any colour vision (ChartPaletteTest checks it under simulated
       protanopia, deuteranopia and tritanopia). */
    var PALETTE = ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#56b4e9', '#cc79a7', '#f0e442', '#5b6b7c'];
    /* Waterfall steps: totals, increases, decreases; also apart without red-green vision. */
    var TOTAL = '#0072b2', UP = '#009e73', DOWN = '#d55e00';
    var TEXT = { fontFamily: '"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif', color: '#1d2733' };

    function chart(id, option, onClick) {
        var node = document.getElementById(id);
        if (!node) { return null; } /* a panel the page left out, e.g. one a regional page set does not show */
        var instance = echarts.getInstanceByDom(node);
        if (!instance) {
            instance = echarts.init(node, null, { renderer: 'canvas' });
            var caption = node.closest('figure') && node.closest('figure').querySelector('figcaption');
            node.setAttribute('role', 'img');
            node.setAttribute('aria-label', caption ? caption.textContent : id);
        }
        var format = option.valueText || (option.tooltip && option.tooltip.valueFormatter) || s.format.text;
        if (format === s.format.compactMoney) { format = s.format.money; } /* the table gives the exact amount */
        delete option.valueText;
        var scatterSize = option.scatterSize;
        delete option.scatterSize;
        option.animation = false;
        option.color = option.color || PALETTE;
        option.textStyle = TEXT;
        option.tooltip = Object.assign({ renderMode: 'richText', confine: true }, option.tooltip || {});
        option.grid = Object.assign({ left: 8, right: 16, top: 36, bottom: 8, containLabel: true }, option.grid || {});
        fit(node, option);
        options[id] = option;
        instance.setOption(option, true);
        dataTable(node, Object.assign({ scatterSize: scatterSize }, option), format);
        instance.off('click');
        if (onClick) {
            instance.on('click', onClick);
            node.style.cursor = 'pointer';
        }
        s.charts[id] = instance;
        return instance;
    }

    /* Text widths as the chart draws them (12 px, the charts' font). */
    var measure = document.createElement('canvas').getContext('2d');
    function textWidth(text, size) {
        measure.font = (size || 12) + 'px ' + TEXT.fontFamily;
        return String(text).split('\n').reduce(function (w, line) { return Math.max(w, measure.measureText(line).width); }, 0);
    }

    /* Keeps a chart's texts apart at any width (issue #17: no overlapping labels at 1280 px or on a 390 px phone):
       category labels along x that do not fit their slot are turned (40°, or upright where even that is too
       narrow) and cut to 110 px; value axes drop the labels that would collide; legends scroll instead of
       wrapping over the plot; a heat map's cell values shrink or, where no value fits its cell, are left to the
       tooltip and the data table. Every value stays in the chart's data table. */
    function fit(node, option) {
        var width = node.clientWidth || 600;
        var height = node.clientHeight || 320;
        var heat = (option.series || []).some(function (serie) { return serie.type === 'heatmap'; });
        if (option.legend) { option.legend.type = 'scroll'; }
        /* points named beside them: labels that would still overlap after moving are hidden (tooltip and data table
           name every point); on a phone-wide chart the names are left to them altogether */
        (option.series || []).forEach(function (serie) {
            if (serie.type !== 'scatter' || !serie.label || !serie.label.show) { return; }
            if (width < 600) {
                serie.label.show = false;
            } else if (typeof serie.labelLayout !== 'function') {
                serie.labelLayout = Object.assign({}, serie.labelLayout || {}, { hideOverlap: true });
            }
        });
        /* the plot's width: the chart's less the grid's margins and the y axis' labels (a category axis' longest
           label, cut where the axis cuts it; about 70 px of values) */
        var yAxis = [].concat(option.yAxis || [])[0];
        var yLabels = 70;
        if (yAxis && yAxis.type === 'category') {
            yLabels = Math.min((yAxis.axisLabel && yAxis.axisLabel.width) || 1e9, yAxis.data.reduce(function (w, label) {
                return Math.max(w, textWidth(label, yAxis.axisLabel && yAxis.axisLabel.fontSize));
            }, 0));
        }
        var plot = Math.max(40, width - 8 - 16 - yLabels - 12);
        [].concat(option.xAxis || []).forEach(function (axis) {
            axis.axisLabel = axis.axisLabel || {};
            if (axis.type !== 'category') {
                axis.axisLabel.hideOverlap = true;
                return;
            }
            var slot = plot / Math.max(1, axis.data.length);
            (option.series || []).forEach(function (serie) {
                /* bar values above bars narrower than the value: left to the tooltip and the data table */
                if (serie.type !== 'bar' || !serie.label || !serie.label.show || !serie.label.formatter) { return; }
                var widest = (serie.data || []).reduce(function (w, item) {
                    return Math.max(w, textWidth(serie.label.formatter({ data: item, value: valueOf(item) })));
                }, 0);
                if (widest > slot - 4) { serie.label.show = false; }
            });
            var longest = axis.data.reduce(function (w, label) {
                return Math.max(w, textWidth(axis.axisLabel.formatter ? axis.axisLabel.formatter(label) : label,
                    axis.axisLabel.fontSize));
            }, 0);
            if (longest <= slot - 6) {
                axis.axisLabel.rotate = 0;
                return;
            }
            axis.axisLabel.formatter = null;
            axis.axisLabel.lineHeight = null;
            axis.axisLabel.rotate = slot >= 26 ? 40 : 90;
            axis.axisLabel.width = Math.min(110, height / 3);
            axis.axisLabel.overflow = 'truncate';
            if (slot < 15) {
                axis.axisLabel.interval = 'auto';
                axis.axisLabel.hideOverlap = true;
            }
        });
        [].concat(option.yAxis || []).forEach(function (axis) {
            axis.axisLabel = axis.axisLabel || {};
            if (axis.type !== 'category') { axis.axisLabel.hideOverlap = true; }
        });
        (option.series || []).forEach(function (serie) {
            if (serie.type === 'bar' && serie.label && serie.label.show) { serie.labelLayout = { hideOverlap: true }; }
        });
        if (heat) {
            var x = [].concat(option.xAxis)[0];
            var y = [].concat(option.yAxis)[0];
            var cellWidth = plot / Math.max(1, x.data.length);
            var cellHeight = (height - 90) / Math.max(1, y.data.length);
            option.series.forEach(function (serie) {
                if (!serie.label || !serie.label.show) { return; }
                var widest = serie.data.reduce(function (w, cell) {
                    var v = Array.isArray(cell) ? cell : cell.value;
                    return Math.max(w, v[2] === null ? 0 : textWidth(serie.label.formatter({ value: v })));
                }, 0);
                if (widest <= cellWidth - 6 && cellHeight >= 16) { return; }
                if (widest * 10 / 12 <= cellWidth - 4 && cellHeight >= 13) {
                    serie.label.fontSize = 10;
                } else {
                    serie.label.show = false;
                }
            });
        }
    }

    /* The chart's values as a table, the alternative to the picture for screen readers and keyboard users: in a
       closed <details> below the chart, named by the chart's caption and linked by aria-describedby. Rows are the
       categories (a heat map's rows, a radar's axes), columns the series (a heat map's columns). */
    function dataTable(node, option, format) {
        var grid = tableOf(option);
        var id = node.id + '-data';
        var details = document.getElementById(id + '-details');
        if (!details) {
            details = s.el('details', 'chart-data');
            details.id = id + '-details';
            details.appendChild(s.el('summary', null, s.t('chart.dataTable')));
            node.parentNode.insertBefore(details, node.nextSibling);
            node.setAttribute('aria-describedby', id);
        }
        var table = s.el('table', 'data');
        table.id = id;
        table.appendChild(s.el('caption', null, node.getAttribute('aria-label')));
        var head = s.el('tr');
        [s.t('chart.dataTableCategory')].concat(grid.columns).forEach(function (name, i) {
            var th = s.el('th', i ? 'num' : '', name);
            th.scope = 'col';
            head.appendChild(th);
        });
        table.appendChild(s.el('thead')).appendChild(head);
        var body = s.el('tbody');
        grid.rows.forEach(function (row) {
            var tr = s.el('tr');
            var th = s.el('th', null, row.label);
            th.scope = 'row';
            tr.appendChild(th);
            row.values.forEach(function (value, i) {
                var f = (grid.formatters && grid.formatters[i]) || format;
                tr.appendChild(s.el('td', 'num', value === null || value === undefined ? '' : f(value)));
            });
            body.appendChild(tr);
        });
        table.appendChild(body);
        var old = document.getElementById(id);
        if (old) { old.replaceWith(table); } else { details.appendChild(table); }
    }

    function valueOf(item) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
            return 'raw' in item ? item.raw : item.value;
        }
        return item;
    }

    function tableOf(option) {
        var series = (option.series || []).filter(function (serie) { return !serie.silent; });
        var x = [].concat(option.xAxis || [])[0] || {};
        var y = [].concat(option.yAxis || [])[0] || {};
        if (option.radar) {
            return {
                columns: series[0].data.map(function (d) { return d.name; }),
                rows: option.radar.indicator.map(function (indicator, i) {
                    return { label: indicator.name, values: series[0].data.map(function (d) { return d.value[i]; }) };
                })
            };
        }
        if (series.length && series.every(function (serie) { return serie.type === 'scatter'; })) {
            /* points: one row each (named by its series too when there are several), its x and y (and size) */
            var size = option.scatterSize;
            return {
                columns: [x.name || 'x', y.name || 'y'].concat(size ? [size.name] : []),
                formatters: [x.axisLabel && x.axisLabel.formatter, y.axisLabel && y.axisLabel.formatter]
                    .concat(size ? [size.format] : []),
                rows: [].concat.apply([], series.map(function (serie) {
                    return (serie.data || []).map(function (point) {
                        var v = Array.isArray(point) ? point : point.value;
                        var name = (point && point.name) || '';
                        return { label: series.length > 1 ? serie.name + ': ' + name : name,
                                 values: v.slice(0, size ? 3 : 2) };
                    });
                }))
            };
        }
        if (x.type === 'category' && y.type === 'category') {
            var cells = {};
            series[0].data.forEach(function (cell) {
                var v = Array.isArray(cell) ? cell : cell.value;
                cells[v[1] + ',' + v[0]] = v[2];
            });
            return {
                columns: x.data.slice(),
                rows: y.data.map(function (label, row) {
                    return { label: label, values: x.data.map(function (ignored, col) { return cells[row + ',' + col]; }) };
                })
            };
        }
        var categories = (x.type === 'category' ? x : y).data || [];
        return {
            columns: series.map(function (serie) { return serie.name || ''; }),
            rows: categories.map(function (label, i) {
                return { label: String(label).split('\n').join(' '), values: series.map(function (serie) {
                    return valueOf((serie.data || [])[i]);
                }) };
            })
        };
    }

    function valueAxis(formatter) {
        return {
            type: 'value', axisLabel: { formatter: formatter }, splitLine: { lineStyle: { color: '#e8edf2' } },
            minInterval: formatter === s.format.count ? 1 : 0
        };
    }

    /* Bars per category; series: [{name, values}], values aligned with categories. */
    function bars(id, categories, series, formatter, onClick, horizontal) {
        var categoryAxis = { type: 'category', data: categories, axisLabel: { interval: 0, width: 120, overflow: 'truncate' } };
        return chart(id, {
            legend: series.length > 1 ? { top: 0 } : undefined,
            tooltip: { trigger: 'axis', valueFormatter: formatter },
            xAxis: horizontal ? valueAxis(formatter) : categoryAxis,
            yAxis: horizontal ? Object.assign({ inverse: true }, categoryAxis) : valueAxis(formatter),
            series: series.map(function (serie) {
                return {
                    type: 'bar', name: serie.name, data: serie.values, barMaxWidth: 36,
                    itemStyle: serie.color ? { color: serie.color } : undefined
                };
            })
        }, onClick);
    }

    /* A heat map: cells [[xIndex, yIndex, value]], labelled with the formatted value; range [min, max] optional
       (a diverging scale centred on 0 passes a symmetric one), else the values' own. */
    function heatmap(id, xLabels, yLabels, cells, formatter, colors, firstRowOnTop, range) {
        var values = range || cells.map(function (c) { return c[2]; }).filter(function (v) { return v !== null; });
        return chart(id, {
            valueText: formatter,
            tooltip: { formatter: function (p) { return yLabels[p.value[1]] + ' · ' + xLabels[p.value[0]] + ': ' + formatter(p.value[2]); } },
            grid: { top: 8, bottom: 40 },
            xAxis: {
                type: 'category', data: xLabels, splitArea: { show: true },
                axisLabel: { interval: 0, width: 110, overflow: 'truncate', rotate: xLabels.length > 4 ? 25 : 0 }
            },
            yAxis: { type: 'category', data: yLabels, splitArea: { show: true }, inverse: !!firstRowOnTop },
            visualMap: {
                min: values.length ? Math.min.apply(null, values) : 0,
                max: values.length ? Math.max.apply(null, values) : 1,
                calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
                inRange: { color: colors || ['#eef4f9', '#2a7ab0'] }, formatter: formatter, textStyle: TEXT
            },
            series: [{
                type: 'heatmap', data: cells,
                label: { show: true, formatter: function (p) { return formatter(p.value[2]); } },
                itemStyle: { borderColor: '#fff', borderWidth: 2 }
            }]
        });
    }

    /* Lines over categories (years); series: [{name, values}]. */
    function lines(id, categories, series, formatter) {
        return chart(id, {
            legend: { top: 0, type: 'scroll' },
            tooltip: { trigger: 'axis', valueFormatter: formatter },
            xAxis: { type: 'category', data: categories, boundaryGap: false },
            yAxis: valueAxis(formatter),
            series: series.map(function (serie) {
                return {
                    type: 'line', name: serie.name, data: serie.values, symbolSize: 7, connectNulls: true,
                    lineStyle: serie.emphasis ? { width: 4 } : undefined, z: serie.emphasis ? 3 : 2
                };
            })
        });
    }

    /* Stacked bars; series: [{name, values}] stacked per category. */
    function stacked(id, categories, series, formatter, horizontal) {
        var categoryAxis = { type: 'category', data: categories, axisLabel: { interval: 0, width: 110, overflow: 'truncate' } };
        return chart(id, {
            legend: { top: 0, type: 'scroll' },
            grid: { top: 40 },
            tooltip: { trigger: 'axis', valueFormatter: formatter },
            xAxis: horizontal ? valueAxis(formatter) : categoryAxis,
            yAxis: horizontal ? Object.assign({ inverse: true }, categoryAxis) : valueAxis(formatter),
            series: series.map(function (serie) {
                return { type: 'bar', name: serie.name, stack: 'total', data: serie.values, barMaxWidth: 48 };
            })
        });
    }

    /* A radar (spider) chart on a fixed scale; indicators: labels, series: [{name, values}] aligned with them. */
    function radar(id, indicators, series, formatter, min, max) {
        return chart(id, {
            valueText: formatter,
            legend: { top: 0, type: 'scroll' },
            tooltip: { trigger: 'item' },
            radar: {
                center: ['50%', '56%'], radius: '68%', splitNumber: max - min,
                indicator: indicators.map(function (name) { return { name: name, min: min, max: max }; }),
                axisName: { color: TEXT.color }, splitLine: { lineStyle: { color: '#e8edf2' } }
            },
            series: [{
                type: 'radar', symbolSize: 5,
                tooltip: { valueFormatter: formatter },
                data: series.map(function (serie) {
                    return { name: serie.name, value: serie.values, lineStyle: { width: serie.emphasis ? 3 : 1.5 } };
                })
            }]
        });
    }

    /* A waterfall: steps [{label, value, total}] where totals stand on the axis and the others float. */
    function waterfall(id, steps, formatter) {
        var base = [];
        var bar = [];
        var running = 0;
        steps.forEach(function (step) {
            if (step.value === null || running === null) {
                // not available (no standard cost): no bar, and nothing after it can be stacked on it
                base.push(null);
                bar.push({ value: null, raw: null });
                running = step.total ? step.value : null;
            } else if (step.total) {
                base.push(Math.min(0, step.value));
                bar.push({ value: Math.abs(step.value), itemStyle: { color: step.value >= 0 ? TOTAL : DOWN }, raw: step.value });
                running = step.value;
            } else {
                var next = running + step.value;
                base.push(Math.min(running, next));
                bar.push({ value: Math.abs(step.value), itemStyle: { color: step.value >= 0 ? UP : DOWN }, raw: step.value });
                running = next;
            }
        });
        return chart(id, {
            valueText: formatter,
            tooltip: {
                trigger: 'axis',
                formatter: function (params) {
                    var p = params.filter(function (x) { return x.seriesIndex === 1; })[0];
                    return p.name + ': ' + (p.data.raw === null ? s.t('value.na') : formatter(p.data.raw));
                }
            },
            grid: { bottom: 16 },
            xAxis: {
                type: 'category', data: steps.map(function (step) { return step.label; }),
                axisLabel: { interval: 0, fontSize: 11, lineHeight: 14, formatter: function (v) { return v.split(' ').join('\n'); } }
            },
            yAxis: valueAxis(s.format.compactMoney),
            series: [
                { type: 'bar', stack: 'wf', data: base, itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, silent: true },
                {
                    type: 'bar', stack: 'wf', data: bar, barMaxWidth: 56,
                    label: { show: true, position: 'top', formatter: function (p) { return s.format.compactMoney(p.data.raw); } }
                }
            ]
        });
    }

    /* A page and its charts (issue #19: a chart is one declaration in its page script and its test). The page script
       calls s.page(key, { charts: [...], render: function (filters) { ...; return view; } }); each chart is
         { id: 'chart-my-chart',                       the chart's element id, unique on the page
           de: 'Deutsche Bildunterschrift', en: 'English caption',
           into: 'panels' | before: 'table-my-table', where its panel goes: at the top of the container with that id
                                                       (after the charts placed there before it), or before the
                                                       panel holding that element; left out when that is absent
           wide: true, tall: true,                     optional: across both columns; 420 px high
           note: { de: '…', en: '…', id: '…' },        optional: a note under the chart (with an id: the script fills it)
           when: function () { return …; },            optional: the panel only where this holds (the page's data)
           draw: function (id, view) { s.bars(id, …); } }
       s.panels builds every panel once, before the first render: figure, figcaption in the page's language, chart
       element, note; the chart helpers add the accessible name and the data table. render draws the page's
       headlines and tables and returns what the charts draw from; after it every chart's draw runs. */
    var DECLARED = ['id', 'de', 'en', 'draw'];
    function page(key, spec) {
        var ids = {};
        (spec.charts || []).forEach(function (declared, i) {
            var missing = DECLARED.filter(function (name) { return !declared[name]; })
                .concat(declared.into || declared.before ? [] : ['into or before']);
            if (missing.length || ids[declared.id]) {
                throw new Error('dashboard-' + key + '.js: chart ' + (declared.id || '#' + (i + 1))
                    + (ids[declared.id] ? ' is declared twice' : ' declares no ' + missing.join(', ')));
            }
            ids[declared.id] = true;
        });
        s.pages = s.pages || {};
        s.pages[key] = { charts: spec.charts || [], render: spec.render };
    }

    function panels(charts) {
        var lang = s.meta.lang === 'en' ? 'en' : 'de';
        var top = {};
        charts.forEach(function (declared) {
            var anchor = document.getElementById(declared.into || declared.before);
            if (!anchor || (declared.when && !declared.when())) { return; }
            var figure = s.el('figure', declared.wide ? 'panel wide' : 'panel');
            figure.appendChild(s.el('figcaption', null, declared[lang]));
            var node = s.el('div', declared.tall ? 'chart tall' : 'chart');
            node.id = declared.id;
            figure.appendChild(node);
            if (declared.note) {
                var note = figure.appendChild(s.el('p', 'note', declared.note[lang]));
                if (declared.note.id) { note.id = declared.note.id; }
            }
            if (declared.into) {
                var last = top[declared.into];
                anchor.insertBefore(figure, last ? last.nextSibling : anchor.firstChild);
                top[declared.into] = figure;
            } else {
                var panel = anchor.closest('.panel') || anchor;
                panel.parentNode.insertBefore(figure, panel);
            }
        });
    }

    /* Renders the page for the filters: its headlines and tables, then every chart that has its panel. */
    function draw(spec, filters) {
        var view = spec.render ? spec.render(filters) : undefined;
        spec.charts.forEach(function (declared) {
            if (document.getElementById(declared.id)) { declared.draw(declared.id, view); }
        });
    }

    /* A chart's caption as the page shows it (e.g. as the name of its only series). */
    function caption(id) {
        var node = document.getElementById(id);
        var figcaption = node && node.closest('figure') && node.closest('figure').querySelector('figcaption');
        return figcaption ? figcaption.textContent : id;
    }

    /* The options last drawn, so that a new width (a phone turned) fits the labels anew. */
    var options = {};
    window.addEventListener('resize', function () {
        Object.keys(s.charts).forEach(function (id) {
            s.charts[id].resize();
            fit(document.getElementById(id), options[id]);
            s.charts[id].setOption(options[id], true);
        });
    });

    s.page = page;
    s.panels = panels;
    s.drawPage = draw;
    s.caption = caption;
    s.chart = chart;
    s.bars = bars;
    s.heatmap = heatmap;
    s.lines = lines;
    s.stacked = stacked;
    s.waterfall = waterfall;
    s.radar = radar;
})(window.salesbi);

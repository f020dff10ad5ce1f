/* salesbi dashboards: ECharts option builders in one visual style. Canvas rendering and rich-text tooltips, so no
   data value is ever parsed as HTML inside a chart. */
(function (s) {
    'use strict';

    var PALETTE = ['#2a7ab0', '#9bbfd8', '#e08e3c', '#4e9f76', '#8c6bb1', '#c9544b', '#5b6b7c', '#d4b13f'];
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
        option.animation = false;
        option.color = option.color || PALETTE;
        option.textStyle = TEXT;
        option.tooltip = Object.assign({ renderMode: 'richText', confine: true }, option.tooltip || {});
        option.grid = Object.assign({ left: 8, right: 16, top: 36, bottom: 8, containLabel: true }, option.grid || {});
        instance.setOption(option, true);
        instance.off('click');
        if (onClick) {
            instance.on('click', onClick);
            node.style.cursor = 'pointer';
        }
        s.charts[id] = instance;
        return instance;
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
                bar.push({ value: Math.abs(step.value), itemStyle: { color: step.value >= 0 ? '#2a7ab0' : '#c9544b' }, raw: step.value });
                running = step.value;
            } else {
                var next = running + step.value;
                base.push(Math.min(running, next));
                bar.push({ value: Math.abs(step.value), itemStyle: { color: step.value >= 0 ? '#4e9f76' : '#e08e3c' }, raw: step.value });
                running = next;
            }
        });
        return chart(id, {
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

    window.addEventListener('resize', function () {
        Object.keys(s.charts).forEach(function (id) { s.charts[id].resize(); });
    });

    s.chart = chart;
    s.bars = bars;
    s.heatmap = heatmap;
    s.lines = lines;
    s.stacked = stacked;
    s.waterfall = waterfall;
    s.radar = radar;
})(window.salesbi);

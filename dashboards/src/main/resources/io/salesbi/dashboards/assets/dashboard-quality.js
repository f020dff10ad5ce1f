/* salesbi dashboards: data quality and last run page (rows per source, quarantine by rule, files, freshness). */
(function (s) {
    'use strict';

    function render() {
        var loads = s.data.fileLoads;
        var sources = s.distinct(loads, 'source').sort();
        var quarantine = s.data.quarantine;
        var fileColumns = [
            { key: 'source', label: s.t('col.source') },
            { key: 'file_name', label: s.t('col.file'), wrap: true },
            { key: 'status', label: s.t('col.status') },
            { key: 'rows_delivered', label: s.t('col.delivered'), type: 'count' },
            { key: 'rows_loaded', label: s.t('col.loaded'), type: 'count' },
            { key: 'rows_rejected', label: s.t('col.rejected'), type: 'count' },
            { key: 'reason_code', label: s.t('col.reason') },
            { key: 'message', label: s.t('col.message'), wrap: true },
            { key: 'finished_at', label: s.t('col.finishedAt'), type: 'dateTime' }
        ];
        s.table('table-failed-files', fileColumns, loads.filter(function (r) {
            return String(r.status).toUpperCase() === 'FAILED';
        }), { title: s.t('table.failedFiles'), sortKey: 'finished_at' });

        var freshness = sources.map(function (src) {
            var files = loads.filter(function (r) { return r.source === src; });
            var loaded = files.filter(function (r) { return String(r.status).toUpperCase() === 'LOADED' && r.finished_at; });
            return {
                source: src, files: files.length,
                failed: files.filter(function (r) { return String(r.status).toUpperCase() === 'FAILED'; }).length,
                last_load: loaded.reduce(function (max, r) { return !max || r.finished_at > max ? r.finished_at : max; }, null)
            };
        });
        s.table('table-freshness', [
            { key: 'source', label: s.t('col.source') },
            { key: 'last_load', label: s.t('col.lastLoad'), type: 'dateTime' },
            { key: 'files', label: s.t('col.files'), type: 'count' },
            { key: 'failed', label: s.t('dq.files_failed'), type: 'count' }
        ], freshness, { title: s.t('table.freshness'), sortKey: 'last_load', descending: false });

        s.table('table-steps', [
            { key: 'step_name', label: s.t('col.step') },
            { key: 'status', label: s.t('col.status') },
            { key: 'rows_read', label: s.t('col.read'), type: 'count' },
            { key: 'rows_written', label: s.t('col.written'), type: 'count' },
            { key: 'rows_rejected', label: s.t('col.rejected'), type: 'count' },
            { key: 'started_at', label: s.t('col.startedAt'), type: 'dateTime' },
            { key: 'seconds', label: s.t('col.duration'), type: 'count' },
            { key: 'message', label: s.t('col.message'), wrap: true }
        ], s.data.steps, { title: s.t('table.steps'), sortKey: 'started_at', descending: false });

        s.table('table-quarantine', [
            { key: 'source', label: s.t('col.source') },
            { key: 'stage', label: s.t('col.stage'), value: function (r) { return s.label('stage', r.stage); } },
            { key: 'rule', label: s.t('col.rule'), value: function (r) { return s.label('rule', r.rule); }, wrap: true },
            { key: 'rows', label: s.t('col.rows'), type: 'count' }
        ], quarantine, { title: s.t('table.quarantine'), sortKey: 'rows' });

        s.table('table-file-loads', fileColumns, loads, { title: s.t('table.fileLoads'), sortKey: 'finished_at' });
        return { loads: loads, sources: sources, quarantine: quarantine };
    }

    s.page('quality', { render: render, charts: [
        /* files and runs are hidden from regional managers by their row policy */
        { id: 'chart-rows-source', into: 'panels',
          when: function () { return !s.meta.regionScope; },
          de: 'Zeilen je Quelle: geliefert, geladen, abgewiesen',
          en: 'Rows per source: delivered, loaded, rejected',
          draw: function (id, v) {
              var sources = v.sources;
              s.bars(id, sources, [
                  { name: s.t('col.delivered'), values: sources.map(function (src) { return s.sum(v.loads.filter(function (r) { return r.source === src; }), 'rows_delivered'); }), color: '#9bbfd8' },
                  { name: s.t('col.loaded'), values: sources.map(function (src) { return s.sum(v.loads.filter(function (r) { return r.source === src; }), 'rows_loaded'); }), color: '#2a7ab0' },
                  { name: s.t('col.rejected'), values: sources.map(function (src) { return s.sum(v.loads.filter(function (r) { return r.source === src; }), 'rows_rejected'); }), color: '#c9544b' }
              ], s.format.count, null, true);
          } },
        { id: 'chart-quarantine-rule', into: 'panels',
          de: 'Zeilen in Quarantäne nach Regel',
          en: 'Quarantined rows by rule',
          draw: function (id, v) {
              var byRule = s.sumBy(v.quarantine, 'rule', 'rows');
              var rules = Array.from(byRule.keys()).sort(function (a, b) { return byRule.get(b) - byRule.get(a); });
              s.bars(id, rules.map(function (rule) { return s.label('rule', rule); }), [{ name: s.t('col.rows'),
                  values: rules.map(function (rule) { return byRule.get(rule); }), color: '#e08e3c' }], s.format.count, null, true);
          } },
        { id: 'chart-quarantine-stage', into: 'panels',
          de: 'Zeilen in Quarantäne je Quelle und Schritt',
          en: 'Quarantined rows per source and step',
          draw: function (id, v) {
              var quarantineSources = s.distinct(v.quarantine, 'source').sort();
              var stages = s.distinct(v.quarantine, 'stage').sort();
              s.stacked(id, quarantineSources, stages.map(function (stage) {
                  return { name: s.label('stage', stage), values: quarantineSources.map(function (src) {
                      return s.sum(v.quarantine.filter(function (r) { return r.source === src && r.stage === stage; }), 'rows');
                  }) };
              }), s.format.count, true);
          } },
        { id: 'chart-completeness', into: 'panels', tall: true,
          when: function () { return (s.data.completeness || []).length > 0; },
          de: 'Vollständigkeit der Kundenfelder je Quelle',
          en: 'Completeness of customer fields by source',
          draw: function (id) {
              var completeness = s.data.completeness;
              var fields = s.distinct(completeness, 'field').sort();
              var systems = s.distinct(completeness, 'source').sort();
              s.heatmap(id, systems, fields, completeness.map(function (r) {
                  return [systems.indexOf(r.source), fields.indexOf(r.field), r.completeness];
              }), s.format.percent, ['#c9544b', '#f3efe0', '#4e9f76'], true);
          } }
    ] });
})(window.salesbi);

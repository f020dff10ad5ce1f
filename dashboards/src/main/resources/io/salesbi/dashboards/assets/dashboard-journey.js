/* salesbi dashboards: buying center and customer journey page (role coverage, touchpoints by phase and channel). */
(function (s) {
    'use strict';

    var ROLES = ['decision_maker', 'purchaser', 'user', 'influencer'];
    var PHASES = ['need_recognition', 'preselection', 'purchase', 'usage', 'new_demand'];

    function label(prefix, key) {
        if (key === null || key === undefined) { return s.t('member.none'); }
        var text = s.t(prefix + key);
        return text === prefix + key ? key : text;
    }

    function render() {
        var centre = s.data.buyingCenter.filter(function (r) { return s.matches(r); });
        var accounts = new Map();
        centre.forEach(function (r) {
            var account = accounts.get(r.id) || { id: r.id, name: r.name, segment: r.segment, region: r.region,
                                                  last_touch: null };
            account[r.role] = (account[r.role] || 0) + Number(r.contacts || 0);
            if (r.last_touch && (!account.last_touch || r.last_touch > account.last_touch)) { account.last_touch = r.last_touch; }
            accounts.set(r.id, account);
        });
        var list = Array.from(accounts.values());
        list.forEach(function (account) {
            var missing = ROLES.filter(function (role) { return !(account[role] > 0); });
            account.covered = ROLES.length - missing.length;
            account.missing = missing.map(function (role) { return label('role.', role); }).join(', ');
        });
        var year = s.year();
        var touch = s.data.touchpoints.filter(function (r) { return s.matches(r) && Number(r.year) === year; });
        s.table('table-buying-center', [
            { key: 'name', label: s.t('col.customer'), wrap: true, href: s.customerHref },
            { key: 'segment', label: s.t('col.segment'), value: function (r) { return s.label('segment', r.segment); } },
            { key: 'region', label: s.t('col.region'), value: function (r) { return s.label('region', r.region); } }
        ].concat(ROLES.map(function (role) {
            return { key: role, label: label('role.', role), type: 'count', value: function (r) { return r[role] || 0; } };
        })).concat([
            { key: 'covered', label: s.t('col.rolesCovered'), type: 'count' },
            { key: 'missing', label: s.t('col.missingRoles'), wrap: true },
            { key: 'last_touch', label: s.t('col.lastTouch'), type: 'date' }
        ]), list, { title: s.t('table.buyingCenter'), sortKey: 'covered', descending: false });

        s.table('table-touchpoints', [
            { key: 'phase', label: s.t('col.phase'), value: function (r) { return label('phase.', r.phase); } },
            { key: 'channel', label: s.t('col.channel'), value: function (r) { return s.channelName(r.channel); } },
            { key: 'touchpoints', label: s.t('col.touchpoints'), type: 'count' }
        ], touch, { title: s.t('table.touchpoints'), sortKey: 'touchpoints' });
        return { accounts: list, touch: touch };
    }

    s.page('journey', { render: render, charts: [
        { id: 'chart-role-coverage', into: 'panels',
          de: 'Rollenabdeckung der Key Accounts',
          en: 'Role coverage of key accounts',
          draw: function (id, v) {
              s.bars(id, ROLES.map(function (role) { return label('role.', role); }), [{
                  name: s.caption(id),
                  values: ROLES.map(function (role) {
                      return v.accounts.length ? v.accounts.filter(function (a) { return a[role] > 0; }).length / v.accounts.length : 0;
                  })
              }], s.format.percent, null, true);
          } },
        { id: 'chart-touchpoints', into: 'panels',
          de: 'Kontaktpunkte nach Phase und Kanal',
          en: 'Touchpoints by phase and channel',
          draw: function (id, v) {
              var phases = PHASES.concat(s.distinct(v.touch, 'phase').filter(function (p) { return PHASES.indexOf(p) < 0; }));
              var channels = s.distinct(v.touch, 'channel').sort();
              s.stacked(id, phases.map(function (p) { return label('phase.', p); }), channels.map(function (channel) {
                  return { name: s.channelName(channel), values: phases.map(function (phase) {
                      return s.sum(v.touch.filter(function (r) { return r.phase === phase && r.channel === channel; }), 'touchpoints');
                  }) };
              }), s.format.count);
          } }
    ] });
})(window.salesbi);

/* salesbi dashboards: one customer (picked, or named in the hash: customer.html#customer=<golden customer id>):
   revenue and DB II by year, share of wallet, buying-center coverage, touchpoints by journey phase, cross-sell gaps
   and the source records the golden customer was formed from. */
(function (s) {
    'use strict';

    var ROLES = ['decision_maker', 'purchaser', 'user', 'influencer'];
    var PHASES = ['need_recognition', 'preselection', 'purchase', 'usage', 'new_demand'];

    function wanted() {
        return new URLSearchParams(location.hash.replace(/^#/, '')).get('customer');
    }

    /* The picker lists every customer once, by name (then id), with the newest name. */
    function fillPicker(picker) {
        if (picker.options.length) { return; }
        var names = new Map();
        s.data.customerYears.forEach(function (r) { names.set(r.id, r.name); });
        Array.from(names.keys()).sort(function (a, b) {
            return String(names.get(a) || '').localeCompare(String(names.get(b) || ''), s.meta.lang) || (a < b ? -1 : 1);
        }).forEach(function (id) {
            var option = s.el('option', null, (names.get(id) || id) + ' (' + id + ')');
            option.value = id;
            picker.appendChild(option);
        });
        picker.addEventListener('change', function () {
            history.replaceState(null, '', '#customer=' + encodeURIComponent(picker.value));
            render();
        });
    }

    function card(key, value, exact, sentence) {
        var node = document.querySelector('#customer-cards [data-kpi="' + key + '"]');
        node.querySelector('.kpi-value').textContent = value;
        node.querySelector('.kpi-value').title = exact;
        node.querySelector('.kpi-sentence').textContent = sentence || '';
    }

    /* A large warehouse's page carries the customers the customers page lists, not all of them: say so. */
    function coverage() {
        var note = document.getElementById('customer-coverage');
        var listed = s.meta.customersListed, total = s.meta.customersTotal;
        if (!note || !(total > listed)) { return; }
        note.textContent = s.t('customer.coverage', s.format.count(listed), s.format.count(total));
        note.hidden = false;
    }

    function render() {
        var picker = document.getElementById('customer-picker');
        fillPicker(picker);
        coverage();
        var id = wanted();
        if (!id || !Array.prototype.some.call(picker.options, function (o) { return o.value === id; })) {
            // none asked for: the largest customer of the newest year (ties: the first by id, the dataset's order)
            var newest = s.data.customerYears.reduce(function (y, r) { return Math.max(y, Number(r.year)); }, -Infinity);
            var largest = null;
            s.data.customerYears.forEach(function (r) {
                if (Number(r.year) === newest && r.revenue !== null
                        && (largest === null || Number(r.revenue) > Number(largest.revenue))) { largest = r; }
            });
            id = largest ? largest.id : (s.data.customerYears.length ? s.data.customerYears[0].id : null);
        }
        picker.value = id || '';
        var years = s.data.customerYears.filter(function (r) { return r.id === id; })
            .sort(function (a, b) { return Number(a.year) - Number(b.year); });
        var latest = years.length ? years[years.length - 1] : null;
        var sources = s.data.customerSources.filter(function (r) { return r.id === id; });

        document.getElementById('customer-name').textContent = latest ? latest.name : s.t('value.noData');
        document.getElementById('customer-facts').textContent = latest ? [
            s.t('col.customerId') + ' ' + id, s.label('segment', latest.segment), s.label('region', latest.region),
            s.t('customer.sourceCount', sources.length)].join(' · ') : '';

        var f = s.format;
        if (latest) {
            card('revenue', f.compactMoney(latest.revenue), f.money(latest.revenue), String(latest.year));
            card('contribution', latest.contribution == null ? s.t('value.na') : f.compactMoney(latest.contribution),
                latest.contribution == null ? s.t('value.na') : f.money(latest.contribution), String(latest.year));
            card('shareOfWallet', f.percent(latest.share_of_wallet), f.percent(latest.share_of_wallet),
                latest.wallet == null ? '' : s.t('customer.ofWallet', f.compactMoney(latest.wallet)));
        } else {
            ['revenue', 'contribution', 'shareOfWallet'].forEach(function (k) { card(k, s.t('value.noData'), s.t('value.noData')); });
        }

        var contacts = {};
        s.data.customerContacts.filter(function (r) { return r.id === id; }).forEach(function (r) {
            contacts[r.role] = (contacts[r.role] || 0) + Number(r.contacts || 0);
        });
        var covered = ROLES.filter(function (role) { return contacts[role] > 0; });
        var missing = ROLES.filter(function (role) { return !(contacts[role] > 0); });
        card('rolesCovered', covered.length + ' / ' + ROLES.length, covered.map(function (r) { return s.t('role.' + r); }).join(', '),
            missing.length ? s.t('customer.missingRoles', missing.map(function (r) { return s.t('role.' + r); }).join(', ')) : '');
        s.table('table-customer-buying-center', [
            { key: 'role', label: s.t('col.role'), value: function (r) { return s.t('role.' + r.role); } },
            { key: 'contacts', label: s.t('col.contacts'), type: 'count' }
        ], ROLES.map(function (role) { return { role: role, contacts: contacts[role] || 0 }; }),
            { title: s.t('table.customerBuyingCenter') });

        s.table('table-customer-years', [
            { key: 'year', label: s.t('col.year') },
            { key: 'revenue', label: s.t('col.revenue'), type: 'money' },
            { key: 'cost_to_serve', label: s.t('col.costToServe'), type: 'money' },
            { key: 'contribution', label: s.t('col.contribution'), type: 'money', tone: true, na: true },
            { key: 'wallet', label: s.t('col.wallet'), type: 'money' },
            { key: 'share_of_wallet', label: s.t('col.shareOfWallet'), type: 'percent' },
            { key: 'abc_revenue', label: s.t('col.abcRevenue') },
            { key: 'last_order_date', label: s.t('col.lastOrder'), type: 'date' }
        ], years, { title: s.t('table.customerYears'), sortKey: 'year' });

        s.table('table-customer-cross-sell', [
            { key: 'category', label: s.t('col.category'), value: function (r) { return s.label('category', r.category); } },
            { key: 'peer_share', label: s.t('col.peerShare'), type: 'percent' }
        ], s.data.crossSell.filter(function (r) { return r.id === id; }),
            { title: s.t('table.customerCrossSell'), sortKey: 'peer_share' });

        s.table('table-customer-sources', [
            { key: 'src', label: s.t('col.sourceSystem'), value: function (r) { return s.t('system.' + r.src); } },
            { key: 'src_key', label: s.t('col.sourceKey') },
            { key: 'name', label: s.t('col.deliveredName'), wrap: true },
            { key: 'postcode', label: s.t('col.postcode') },
            { key: 'city', label: s.t('col.city') },
            { key: 'probability', label: s.t('col.matchProbability'), type: 'percent' }
        ], sources, { title: s.t('table.customerSources'), sortKey: 'src', descending: false });
        return { customer: id, years: years };
    }

    s.page('customer', { render: render, charts: [
        { id: 'chart-customer-history', into: 'panels',
          de: 'Umsatz und Deckungsbeitrag II je Jahr',
          en: 'Revenue and contribution II by year',
          draw: function (chartId, v) {
              s.bars(chartId, v.years.map(function (r) { return String(r.year); }), [
                  { name: s.t('col.revenue'), values: v.years.map(function (r) { return r.revenue; }), color: '#2a7ab0' },
                  { name: s.t('col.contribution'), values: v.years.map(function (r) { return r.contribution; }), color: '#e08e3c' }
              ], s.format.compactMoney);
          } },
        { id: 'chart-customer-touch', into: 'panels',
          de: 'Kontaktpunkte je Phase und Jahr',
          en: 'Touchpoints by phase and year',
          draw: function (chartId, v) {
              var touch = s.data.customerTouch.filter(function (r) { return r.id === v.customer; });
              var touchYears = s.distinct(touch, 'year').map(Number).sort();
              var phases = PHASES.concat(s.distinct(touch, 'phase').filter(function (p) { return PHASES.indexOf(p) < 0; }));
              s.stacked(chartId, touchYears.map(String), phases.map(function (phase) {
                  return { name: phase ? s.t('phase.' + phase) : s.t('member.none'), values: touchYears.map(function (y) {
                      return s.sum(touch.filter(function (r) { return Number(r.year) === y && r.phase === phase; }), 'touchpoints');
                  }) };
              }), s.format.count);
          } }
    ] });
})(window.salesbi);

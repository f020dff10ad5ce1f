/* salesbi dashboards: builds the current page's chart panels from its declarations, wires the filters to its
   renderer and draws it once. */
(function (s) {
    'use strict';
    var page = s.pages && s.pages[s.meta.page];
    s.initFilters();
    if (page) {
        s.panels(page.charts);
        s.onFilterChange(function (filters) { s.drawPage(page, filters); });
        s.drawPage(page, s.filters);
    }
    document.body.setAttribute('data-rendered', 'true');
})(window.salesbi);

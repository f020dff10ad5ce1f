/* salesbi dashboards: wires the filters to the renderer of the current page and draws it once. */
(function (s) {
    'use strict';
    var render = s.pages && s.pages[s.meta.page];
    s.initFilters();
    if (render) {
        s.onFilterChange(render);
        render(s.filters);
    }
    document.body.setAttribute('data-rendered', 'true');
})(window.salesbi);

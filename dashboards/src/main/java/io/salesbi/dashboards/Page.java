package io.salesbi.dashboards;

import java.util.List;

/**
 * The dashboard pages: file name, template, the datasets it inlines and the filters it offers. A filter is offered
 * only where the page's data has that dimension (market volumes have no channel, the data quality page no filter;
 * the self-assessment page filters by survey wave and respondent role; the pipeline page by the year deals closed,
 * region and channel).
 */
enum Page {
    OVERVIEW(
            "index.html",
            "overview",
            List.of("cubeByChannel", "market", "pnl", "customerFlow", "valueMatrix", "cubeMonth", "pnlMonth"),
            List.of(Filter.YEAR, Filter.PERIOD, Filter.REGION, Filter.SEGMENT, Filter.CHANNEL)),
    MARKET(
            "market-share.html",
            "market",
            List.of("market", "revenueMonth"),
            List.of(Filter.YEAR, Filter.PERIOD, Filter.REGION, Filter.SEGMENT)),
    CHANNELS(
            "channels.html",
            "channels",
            List.of("pnl", "cube", "mix", "migration", "pnlMonth"),
            List.of(Filter.YEAR, Filter.PERIOD, Filter.REGION, Filter.SEGMENT, Filter.CHANNEL)),
    PLAN(
            "plan-vs-actual.html",
            "plan",
            List.of("plan"),
            List.of(Filter.YEAR, Filter.PERIOD, Filter.REGION, Filter.CHANNEL)),
    CUSTOMERS(
            "customers.html",
            "customers",
            List.of("customers", "crossSell", "customerChannels", "customerCounts"),
            List.of(Filter.YEAR, Filter.REGION, Filter.SEGMENT, Filter.CHANNEL)),
    CUSTOMER(
            "customer.html",
            "customer",
            List.of("customerYears", "crossSell", "customerContacts", "customerTouch", "customerSources"),
            List.of()),
    JOURNEY(
            "buying-center.html",
            "journey",
            List.of("buyingCenter", "touchpoints"),
            List.of(Filter.YEAR, Filter.REGION, Filter.SEGMENT, Filter.CHANNEL)),
    SURVEY(
            "survey.html",
            "survey",
            List.of("surveyScores", "surveyProfile", "surveyGap", "surveyPosition"),
            List.of(Filter.WAVE, Filter.ROLE)),
    QUALITY(
            "data-quality.html",
            "quality",
            List.of("quarantine", "fileLoads", "summary", "steps", "completeness", "walletCheck"),
            List.of()),
    PIPELINE(
            "pipeline.html",
            "pipeline",
            List.of(
                    "pipelineOpen",
                    "pipelineFunnel",
                    "pipelineWinRate",
                    "pipelineReturn",
                    "pipelineCoverage",
                    "pipelineStalled",
                    "pipelineUnworked"),
            List.of(Filter.YEAR, Filter.REGION, Filter.CHANNEL));

    /** The filter dimensions; {@code column} is the name the datasets give that dimension. */
    enum Filter {
        YEAR("year"),
        /**
         * The span of the selected year: the whole year (preselected), year to date, rolling 12 months, a quarter or
         * a month, each compared with the same span a year earlier; offered where a dataset carries a month.
         */
        PERIOD("period"),
        REGION("region"),
        SEGMENT("segment"),
        CHANNEL("channel"),
        /** Survey wave of the self-assessment; like the year, one wave is always selected (the newest first). */
        WAVE("wave"),
        /** Respondent role of the self-assessment; the pooled role 'all' is what "all" shows, not an option. */
        ROLE("role");

        final String column;

        Filter(String column) {
            this.column = column;
        }
    }

    final String fileName;
    final String template;
    final List<String> datasets;
    final List<Filter> filters;

    Page(String fileName, String template, List<String> datasets, List<Filter> filters) {
        this.fileName = fileName;
        this.template = template;
        this.datasets = datasets;
        this.filters = filters;
    }

    String key() {
        return template;
    }
}

package io.salesbi.match;

/** One change of customer ids, as written to core.customer_id_history. */
record IdEvent(String event, String customerId, String relatedCustomerId, int recordCount) {

    static final String NEW = "new";
    static final String MERGE = "merge";
    static final String SPLIT = "split";
    static final String RETIRE = "retire";
}

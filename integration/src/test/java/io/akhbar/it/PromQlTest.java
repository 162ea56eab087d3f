package io.akhbar.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {
    @Test
    void functionsAggregationsLabelsDurationsAndKeywordsAreNotMetricNames() {
        assertThat(PromQl.metricNames("""
                deriv((sum by (group) (max by (group, topic, partition) (akhbar_consumer_lag_records{backfill="false"})))[10m:1m]) > 0
                and on (group) sum without (instance) (rate(akhbar_sink_documents_total{outcome=~"index(ed)?"}[5m])) > bool 0.5
                or histogram_quantile(0.95, sum by (le) (rate(akhbar_sink_freshness_seconds_bucket[15m])))
                unless akhbar_deadletters_total offset 15m
                """)).containsExactly("akhbar_consumer_lag_records", "akhbar_deadletters_total",
                "akhbar_sink_documents_total", "akhbar_sink_freshness_seconds_bucket");
    }

    @Test
    void anExpositionNamesItsSamples() {
        assertThat(PromQl.exposedNames("""
                # HELP akhbar_sink_documents_total Records the sink settled
                # TYPE akhbar_sink_documents_total counter
                akhbar_sink_documents_total{outcome="indexed",service="sink"} 6.0
                jvm_threads_live_threads 31.0
                """)).containsExactly("akhbar_sink_documents_total", "jvm_threads_live_threads");
    }
}

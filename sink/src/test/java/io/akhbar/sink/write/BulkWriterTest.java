package io.akhbar.sink.write;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkWriterTest {

    @Test
    void createdAndUpdatedAreIndexed() {
        assertThat(BulkWriter.outcome(item(201, null)).kind()).isEqualTo(DocumentOutcome.Kind.INDEXED);
        assertThat(BulkWriter.outcome(item(200, null)).kind()).isEqualTo(DocumentOutcome.Kind.INDEXED);
    }

    @Test
    void aVersionConflictMeansANewerVersionIsIndexed() {
        DocumentOutcome outcome = BulkWriter.outcome(item(409, error("version_conflict_engine_exception",
                "[x]: version conflict, current version [5] is higher or equal to the one provided [3]")));

        assertThat(outcome.kind()).isEqualTo(DocumentOutcome.Kind.STALE);
    }

    @Test
    void overloadServerErrorsAndAMissingAliasAreRetried() {
        assertThat(BulkWriter.outcome(item(429, error("es_rejected_execution_exception", "queue full"))).kind())
                .isEqualTo(DocumentOutcome.Kind.RETRY);
        assertThat(BulkWriter.outcome(item(503, error("unavailable_shards_exception", "primary shard is not active"))).kind())
                .isEqualTo(DocumentOutcome.Kind.RETRY);
    }

    @Test
    void anUnavailableIndexIsRetriedNotBlamedOnTheDocument() {
        assertThat(BulkWriter.outcome(item(404, error("index_not_found_exception", "no such index [news]"))).kind())
                .isEqualTo(DocumentOutcome.Kind.RETRY);
        assertThat(BulkWriter.outcome(item(400, error("index_closed_exception", "closed"))).kind())
                .isEqualTo(DocumentOutcome.Kind.RETRY);
        assertThat(BulkWriter.outcome(item(403, error("cluster_block_exception", "index [news-000001] blocked by: [FORBIDDEN/8/index write (api)]"))).kind())
                .isEqualTo(DocumentOutcome.Kind.RETRY);
    }

    @Test
    void otherClientErrorsRejectTheDocumentWithElasticsearchsReason() {
        ErrorCause error = ErrorCause.of(e -> e
                .type("document_parsing_exception")
                .reason("[1:20] failed to parse field [publishedAt] of type [date]")
                .causedBy(c -> c.type("illegal_argument_exception").reason("failed to parse date field [yesterday]")));

        DocumentOutcome outcome = BulkWriter.outcome(item(400, error));

        assertThat(outcome.kind()).isEqualTo(DocumentOutcome.Kind.REJECTED);
        assertThat(outcome.errorType()).isEqualTo("document_parsing_exception");
        assertThat(outcome.reason()).isEqualTo("[1:20] failed to parse field [publishedAt] of type [date]"
                + " (caused by illegal_argument_exception: failed to parse date field [yesterday])");
        assertThat(outcome.describe()).startsWith("document_parsing_exception: [1:20]");
    }

    private static ErrorCause error(String type, String reason) {
        return ErrorCause.of(e -> e.type(type).reason(reason));
    }

    private static BulkResponseItem item(int status, ErrorCause error) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("news-000001").id("x").status(status).error(error));
    }
}

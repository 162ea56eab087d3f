package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.EnrichService;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.DeadLetter;
import io.akhbar.model.TopicSetup;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record enrich cannot read ends in the dead-letter topic, with its bytes and reason, and the records after it
 * flow on. Needs the real broker: Kafka's test driver drops the records an exception handler produces.
 */
class EnrichDeadLetterIT {
    private final Stack stack = Stacks.shared();

    @Test
    void aPoisonArticleBecomesADeadLetterAndTheArticlesAfterItFlow(@TempDir Path workDir) {
        AkhbarConfig config = TestPipelines.config(stack, workDir);
        TopicSetup.ensure(config.kafka());
        String articles = config.kafka().topics().articles();
        byte[] poison = "not an article".getBytes(StandardCharsets.UTF_8);
        List<Article> after = IntStream.range(0, 4).mapToObj(i -> TestRecords.article(200 + i, Instant.now())).toList();
        // Under the key of an article that follows, so that it sits before that article in the same partition.
        String poisonKey = after.get(0).getId();
        TestRecords.produce(config, articles, List.of(new ProducerRecord<>(articles, poisonKey, poison)));
        TestRecords.produceArticles(config, after);

        try (EnrichService enrich = new EnrichService(config).start()) {
            StageWaits.awaitConsumed(config, EnrichService.applicationId(config), EnrichService.inputTopics(config),
                    Duration.ofSeconds(2), Duration.ofMinutes(2));
        }

        List<ConsumerRecord<String, byte[]>> letters = TestRecords.readAll(config, config.kafka().topics().deadLetters());
        assertThat(letters).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(poisonKey);
            DeadLetter letter = AkhbarSerdes.DEAD_LETTER.decode(record.value());
            assertThat(letter.getStage()).isEqualTo(EnrichService.STAGE);
            assertThat(letter.getOriginalTopic()).isEqualTo(articles);
            assertThat(letter.getOriginalOffset()).isZero();
            assertThat(letter.getOriginalValue()).isEqualTo(ByteBuffer.wrap(poison));
            assertThat(letter.getErrorClass()).contains("SerializationException");
            assertThat(letter.getErrorMessage()).isNotBlank();
        });
        assertThat(TestRecords.readAll(config, config.kafka().topics().enriched()))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(after.stream().map(Article::getId).toList());
    }
}

package io.akhbar.ingest.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class HostPartitionsTest {

    @Test
    void aHostGoesWhereKafkaPutsARecordKeyedByIt() {
        for (String host : new String[] {"taifpost.com", "www.aljazeera.net", "127.0.0.2", "xn--mgbh0fb.example"}) {
            assertThat(HostPartitions.of(host, 12))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(host.getBytes(StandardCharsets.UTF_8), 12));
        }
    }

    @Test
    void theHostOfAUrlIsTakenInLowerCase() {
        assertThat(HostPartitions.hostOf("https://Example.COM:8080/a?b=1")).isEqualTo("example.com");
        assertThat(HostPartitions.ofUrl("https://example.com/a", 7)).isEqualTo(HostPartitions.of("EXAMPLE.com", 7));
    }
}

package io.akhbar.enrich.story;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Answers the probes that articles of other partitions send to this partition's band buckets ({@link BandLookup});
 * an article's own partition answers it in place.
 */
public final class BandProcessor implements Processor<String, BandProbe, String, BandReply> {
    private final EnrichSettings settings;
    private final int partitions;
    private ProcessorContext<String, BandReply> context;
    private BandLookup lookup;

    public BandProcessor(EnrichSettings settings, int partitions) {
        this.settings = settings;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, BandReply> context) {
        this.context = context;
        this.lookup = new BandLookup(settings, partitions, context);
    }

    @Override
    public void process(Record<String, BandProbe> record) {
        lookup.answer(record.value(),
                (articleId, reply) -> context.forward(record.withKey(articleId).withValue(reply)));
    }
}

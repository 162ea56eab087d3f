package io.akhbar.model;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Avro single-object encoding (magic bytes, schema fingerprint, body) without a schema registry: the reader
 * resolves the writer's fingerprint against every published version of the record's schema.
 *
 * <p>The bytes are those of Avro's {@code BinaryMessageEncoder}; the header is handled here so that the body is read
 * from the array and written through a buffer. Avro's message classes go through a byte-at-a-time stream, which made
 * serialisation about half of the enrich stream's CPU time (records cross several topics and stores).
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private static final byte MAGIC_0 = (byte) 0xC3;
    private static final byte MAGIC_1 = (byte) 0x01;
    /** Magic bytes and schema fingerprint, before the body. */
    static final int HEADER_BYTES = 10;
    private static final ThreadLocal<EncodingBuffer> BUFFERS = ThreadLocal.withInitial(EncodingBuffer::new);

    private final Class<T> type;
    private final Schema schema;
    private final byte[] header;
    private final DatumWriter<T> writer;
    private final SchemaStore writerSchemas;
    private final Map<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();

    public AvroSerde(Class<T> type) {
        this.type = type;
        this.schema = SpecificData.get().getSchema(type);
        this.header = header(SchemaNormalization.parsingFingerprint64(schema));
        this.writer = new SpecificDatumWriter<>(schema);
        this.writerSchemas = PublishedSchemas.storeFor(schema.getName());
    }

    public byte[] encode(T value) {
        EncodingBuffer buffer = BUFFERS.get();
        try {
            buffer.out.reset();
            buffer.out.writeBytes(header);
            buffer.encoder = EncoderFactory.get().binaryEncoder(buffer.out, buffer.encoder);
            writer.write(value, buffer.encoder);
            buffer.encoder.flush();
            return buffer.out.toByteArray();
        } catch (IOException | RuntimeException e) {
            buffer.encoder = null;
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        } finally {
            buffer.shrinkAfterLargeRecord();
        }
    }

    public T decode(byte[] bytes) {
        try {
            if (bytes.length < HEADER_BYTES || bytes[0] != MAGIC_0 || bytes[1] != MAGIC_1) {
                throw new IOException("not Avro single-object encoding (no C3 01 header)");
            }
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES, null);
            return readerFor(fingerprint(bytes)).read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " (" + bytes.length
                    + " bytes): " + e.getMessage(), e);
        }
    }

    /** The header of this record's current schema, with which every encoding of it by this serde starts. */
    byte[] header() {
        return header.clone();
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    private DatumReader<T> readerFor(long fingerprint) throws IOException {
        DatumReader<T> reader = readers.get(fingerprint);
        if (reader != null) {
            return reader;
        }
        Schema writerSchema = writerSchemas.findByFingerprint(fingerprint);
        if (writerSchema == null) {
            throw new IOException("unknown schema fingerprint " + Long.toHexString(fingerprint)
                    + ": not a published version of " + schema.getFullName());
        }
        return readers.computeIfAbsent(fingerprint, f -> new SpecificDatumReader<>(writerSchema, schema));
    }

    /** The fingerprint is stored little-endian after the two magic bytes. */
    private static long fingerprint(byte[] bytes) {
        long fingerprint = 0;
        for (int i = HEADER_BYTES - 1; i >= 2; i--) {
            fingerprint = fingerprint << 8 | (bytes[i] & 0xFF);
        }
        return fingerprint;
    }

    private static byte[] header(long fingerprint) {
        byte[] header = new byte[HEADER_BYTES];
        header[0] = MAGIC_0;
        header[1] = MAGIC_1;
        for (int i = 2; i < HEADER_BYTES; i++) {
            header[i] = (byte) (fingerprint >>> (8 * (i - 2)));
        }
        return header;
    }

    /**
     * One per thread, shared by every serde: an article is encoded several times on its way through enrich (its
     * store, the enriched topic), and a fresh stream growing to its size and a fresh encoder buffer each time cost
     * a few percent of the stream's CPU.
     */
    private static final class EncodingBuffer {
        private static final int INITIAL_BYTES = 16 * 1024;
        private static final int RETAINED_BYTES = 1024 * 1024;
        private ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BYTES);
        private BinaryEncoder encoder;

        /** A rare huge record (a page of several megabytes) should not pin its buffer to the thread. */
        void shrinkAfterLargeRecord() {
            if (out.size() > RETAINED_BYTES) {
                out = new ByteArrayOutputStream(INITIAL_BYTES);
                encoder = null;
            }
        }
    }
}

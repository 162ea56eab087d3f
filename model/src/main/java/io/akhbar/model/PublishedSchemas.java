package io.akhbar.model;

import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every schema version ever published for a record type, kept as {@code schemas/<Name>/v<N>.avsc} resources in
 * this module. Single-object encoding puts the writer schema's fingerprint in every record; this store resolves
 * it, so records written under any published version stay readable on replay.
 */
public final class PublishedSchemas {
    private static final int MAX_VERSIONS = 1000;

    private PublishedSchemas() {
    }

    public static List<Schema> of(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; v < MAX_VERSIONS; v++) {
            String resource = resourceName(recordName, v);
            try (InputStream in = PublishedSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    break;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read published schema " + resource, e);
            }
        }
        return versions;
    }

    public static SchemaStore.Cache storeFor(String recordName) {
        SchemaStore.Cache store = new SchemaStore.Cache();
        of(recordName).forEach(store::addSchema);
        return store;
    }

    static String resourceName(String recordName, int version) {
        return "schemas/" + recordName + "/v" + version + ".avsc";
    }
}

package io.akhbar.sink.write;

/**
 * One news document ready for the bulk API.
 *
 * @param id      the article key, used as {@code _id}
 * @param version the article's document version, used as external version
 * @param url     where the article came from, for log lines and dead letters
 * @param json    the document source as UTF-8 JSON
 */
public record VersionedDocument(String id, long version, String url, byte[] json) {
}

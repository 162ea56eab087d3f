package io.akhbar.localstack.site;

/** One outlet of the running sample site: its source id and where it answers, {@code http://127.0.0.1:PORT}. */
public record Outlet(String id, String baseUrl) {
}

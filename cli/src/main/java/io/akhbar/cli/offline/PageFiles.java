package io.akhbar.cli.offline;

import io.akhbar.model.RawPage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Saved pages read as if they had just been fetched: the file's bytes, its time, and the URL it stands for. */
public final class PageFiles {
    private PageFiles() {
    }

    public static RawPage read(Path file, String url, String contentType) throws IOException {
        String pageUrl = url != null ? url : file.toAbsolutePath().toUri().toString();
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return RawPage.newBuilder()
                .setUrl(pageUrl)
                .setFinalUrl(pageUrl)
                .setStatus(200)
                .setHeaders(headers)
                .setFetchedAt(Files.getLastModifiedTime(file).toInstant())
                .setBody(ByteBuffer.wrap(Files.readAllBytes(file)))
                .build();
    }
}

package io.akhbar.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the end of a server's log, to explain in an exception why the server did not start. */
final class ProcessLogs {

    private static final int MAX_BYTES = 64 * 1024;

    private ProcessLogs() {}

    /** The last {@code lines} lines of {@code log}, or a note saying why there are none. */
    static String tail(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "(no log at " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "last lines of " + log + ":\n" + String.join("\n", last);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}

package io.akhbar.enrich.tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The layout both tagger data files share: UTF-8, one record a line, tab-separated columns, # comments. */
final class DataFile {
    private DataFile() {
    }

    /** One record, with where it came from so that a mistake in the data is reported where it can be fixed. */
    record Line(String source, int number, List<String> columns) {
        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(source + ":" + number + ": " + message);
        }
    }

    static List<Line> readResource(String name) {
        InputStream stream = DataFile.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("Bundled tagger data " + name + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return parse(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled tagger data " + name, e);
        }
    }

    static List<Line> read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tagger data " + file, e);
        }
    }

    static List<Line> parse(BufferedReader reader, String source) throws IOException {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            String content = text.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (String column : content.split("\t", -1)) {
                columns.add(column.strip());
            }
            lines.add(new Line(source, number, List.copyOf(columns)));
        }
        return lines;
    }
}

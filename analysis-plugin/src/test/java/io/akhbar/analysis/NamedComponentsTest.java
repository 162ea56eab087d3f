package io.akhbar.analysis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Elasticsearch finds components only through named_components.json, so it has to agree with the code. */
class NamedComponentsTest {
    private static final Path NAMED_COMPONENTS = Path.of("src/main/plugin-descriptor/named_components.json");

    @Test
    void listsEveryNamedComponentUnderItsAnnotatedNameAndExtensionPoint() throws Exception {
        Map<String, Map<String, String>> listed = new ObjectMapper().readValue(NAMED_COMPONENTS.toFile(),
                new TypeReference<Map<String, Map<String, String>>>() { });

        assertThat(listed).isEqualTo(namedComponentsInCode());
    }

    private static Map<String, Map<String, String>> namedComponentsInCode() throws IOException, URISyntaxException {
        Path classes = Path.of(ArabicAnalyzerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Map<String, String>> components = new HashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> loadClass(classes.relativize(file)))
                    .filter(type -> type.isAnnotationPresent(NamedComponent.class))
                    .forEach(type -> {
                        String name = type.getAnnotation(NamedComponent.class).value();
                        for (Class<?> extensionPoint : type.getInterfaces()) {
                            components.computeIfAbsent(extensionPoint.getName(), point -> new HashMap<>())
                                    .put(name, type.getName());
                        }
                    });
        }
        return components;
    }

    private static Class<?> loadClass(Path classFile) {
        String className = classFile.toString().replace(classFile.getFileSystem().getSeparator(), ".")
                .replaceFirst("\\.class$", "");
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A compiled class must load", e);
        }
    }
}

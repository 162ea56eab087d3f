package io.akhbar.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unpacked Elasticsearch distribution with our analysis plugin installed, shared by every local stack on the
 * machine.
 *
 * <p>Each installation is keyed on the hash of the distribution and the plugin, so a rebuilt plugin gets a fresh
 * installation while an unchanged one is reused: unpacking and installing take several seconds.
 */
final class ElasticsearchInstallation {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchInstallation.class);
    private static final Duration PLUGIN_INSTALL_TIMEOUT = Duration.ofMinutes(2);

    private ElasticsearchInstallation() {}

    /** The home directory of an installation matching the current distribution and plugin, made if missing. */
    static Path ensure(LocalArtifacts artifacts, ElasticsearchUser user) {
        Path distribution = artifacts.elasticsearchZip();
        Optional<Path> plugin = artifacts.analysisPluginZip();
        if (plugin.isEmpty()) {
            LOG.warn("Arabic analysis plugin not found at {}: Elasticsearch runs without the akhbar_arabic analyzer "
                    + "(build module analysis-plugin to get it)", artifacts.analysisPluginLocation());
        }
        Path root = user.installationsRoot();
        Path home = root.resolve(artifacts.elasticsearchVersion() + "-" + hash(distribution, plugin));
        // Threads of this JVM are serialised by the monitor, other JVMs by the file lock (which is per process).
        synchronized (ElasticsearchInstallation.class) {
            try {
                Files.createDirectories(root);
                try (FileChannel lockFile = FileChannel.open(root.resolve(".lock"),
                                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = lockFile.lock()) {
                    if (!Files.isDirectory(home)) {
                        install(distribution, plugin, home, user);
                    }
                    removeUnused(root, home);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install Elasticsearch in " + home, e);
            }
        }
        return home;
    }

    private static void install(Path distribution, Optional<Path> plugin, Path home, ElasticsearchUser user)
            throws IOException {
        long started = System.nanoTime();
        // Prepared aside and renamed at the end, so that a half-made installation is never taken for a finished one.
        Path staging = home.resolveSibling(home.getFileName() + ".partial");
        Directories.deleteRecursively(staging);
        unzip(distribution, staging);
        plugin.ifPresent(zip -> installPlugin(staging, zip));
        user.own(staging);
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Installed Elasticsearch{} in {} in {} ms",
                plugin.isPresent() ? " with the Arabic analysis plugin" : "", home,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void installPlugin(Path home, Path zip) {
        String installer = home.resolve("bin/elasticsearch-plugin").toString();
        Commands.run(List.of(installer, "install", "--batch", zip.toUri().toString()),
                Map.of("ES_JAVA_HOME", System.getProperty("java.home")), PLUGIN_INSTALL_TIMEOUT);
    }

    /**
     * Unpacks the distribution without its top directory. java.util.zip drops the Unix modes, so the scripts in bin/
     * are made executable by hand.
     */
    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                String relative = name.substring(slash + 1);
                Path path = target.resolve(relative).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("zip entry escapes its directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, path);
                }
                if (relative.startsWith("bin/")) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    /** Deletes installations of earlier plugin builds that no running Elasticsearch uses any more. */
    private static void removeUnused(Path root, Path current) throws IOException {
        List<Path> others;
        try (Stream<Path> children = Files.list(root)) {
            others = children.filter(Files::isDirectory).filter(dir -> !dir.equals(current)).toList();
        }
        for (Path other : others) {
            String location = other.toString();
            boolean inUse = ProcessHandle.allProcesses()
                    .anyMatch(p -> p.info().commandLine().map(line -> line.contains(location)).orElse(false));
            if (!inUse) {
                LOG.info("Removing unused Elasticsearch installation {}", other);
                Directories.deleteRecursively(other);
            }
        }
    }

    private static String hash(Path distribution, Optional<Path> plugin) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : plugin.map(zip -> List.of(distribution, zip)).orElse(List.of(distribution))) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + distribution + " or " + plugin, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** --config and --print-config, shared by the commands that read settings. */
final class ConfigOptions {
    static final Path DEFAULT_FILE = Path.of("akhbar.yaml");

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Settings file (YAML); default: ./akhbar.yaml if it exists. "
                    + "Environment variables AKHBAR_<SECTION>_<SETTING> override it (see the README).")
    Path file;

    @Option(names = "--print-config", description = "Print the effective settings (secrets masked) and exit")
    boolean print;

    AkhbarConfig load() {
        Path chosen = file != null ? file : Files.exists(DEFAULT_FILE) ? DEFAULT_FILE : null;
        return AkhbarConfig.load(chosen, System.getenv());
    }
}

package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
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

    /** Whether --print-config asked only to see the settings; if so, they have been printed to {@code out}. */
    boolean printedOnly(AkhbarConfig config, PrintWriter out) {
        if (print) {
            out.print(config.toYaml());
            out.flush();
        }
        return print;
    }

    /** {@link #printedOnly(AkhbarConfig, PrintWriter)} to standard output. */
    boolean printedOnly(AkhbarConfig config) {
        if (print) {
            System.out.print(config.toYaml());
        }
        return print;
    }

    AkhbarConfig load() {
        Path chosen = file != null ? file : Files.exists(DEFAULT_FILE) ? DEFAULT_FILE : null;
        return AkhbarConfig.load(chosen, System.getenv());
    }
}

package io.akhbar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

@Command(name = "akhbar",
        mixinStandardHelpOptions = true,
        versionProvider = Akhbar.Version.class,
        description = {
                "Akhbar (أخبار): Arabic news sites into a clean, deduplicated, tagged, searchable Elasticsearch index.",
                "",
                "Services (long-running, joined by Kafka topics): crawl, enrich, sink. Offline tools (no Kafka): extract, analyze. The whole pipeline on a local stack: demo."},
        subcommands = {
                DemoCommand.class,
                ExtractCommand.class,
                AnalyzeCommand.class,
                CrawlCommand.class,
                ImportWarcCommand.class,
                EnrichCommand.class,
                SinkCommand.class,
                SearchCommand.class,
                LagCommand.class,
                ReplayCommand.class,
                ReindexCommand.class,
                RedriveCommand.class,
                CommandLine.HelpCommand.class})
public final class Akhbar implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Arabic output must not depend on the terminal's locale, which is often POSIX in containers and CI.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Akhbar()).setCaseInsensitiveEnumValuesAllowed(true).setUsageHelpAutoWidth(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Akhbar.class.getPackage().getImplementationVersion();
            return new String[] {"akhbar " + (version == null ? "0.1.0-SNAPSHOT" : version)};
        }
    }
}

package io.akhbar.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account Elasticsearch runs as, and where that account may keep files.
 *
 * <p>Elasticsearch refuses to run as root and has no override. Under root the node therefore runs as the
 * unprivileged system user {@value #SERVICE_ACCOUNT}, with its installation and data under {@value #ROOT_STATE},
 * which that user can reach (a directory under /root, or a JUnit temporary directory, it could not traverse).
 */
final class ElasticsearchUser {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchUser.class);
    static final String SERVICE_ACCOUNT = "akhbar";
    private static final String ROOT_STATE = "/var/tmp/akhbar";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final boolean separateAccount;

    private ElasticsearchUser(boolean separateAccount) {
        this.separateAccount = separateAccount;
    }

    /** The current user, or the service account (created if missing) when the current user is root. */
    static synchronized ElasticsearchUser forCurrentProcess() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return new ElasticsearchUser(false);
        }
        if (!accountExists()) {
            LOG.info("Creating system user '{}' to run Elasticsearch, which refuses to run as root", SERVICE_ACCOUNT);
            try {
                Commands.run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        SERVICE_ACCOUNT), Map.of(), COMMAND_TIMEOUT);
            } catch (IllegalStateException e) {
                // Another JVM may have created it in the meantime.
                if (!accountExists()) {
                    throw e;
                }
            }
        }
        return new ElasticsearchUser(true);
    }

    /** Where Elasticsearch installations are unpacked, shared by every stack on this machine. */
    Path installationsRoot() {
        Path base = separateAccount
                ? Path.of(ROOT_STATE)
                : Path.of(System.getProperty("user.home"), ".cache", "akhbar");
        return base.resolve("elasticsearch");
    }

    /** Where the node of the stack working in {@code workDir} keeps its data, logs and configuration. */
    Path nodeDir(Path workDir) {
        if (!separateAccount) {
            return workDir.resolve("elasticsearch");
        }
        // Keyed on the work directory so that a stack restarted on the same work directory finds its data again.
        return Path.of(ROOT_STATE, "nodes", sha256(workDir.toString()).substring(0, 16));
    }

    /** Hands {@code dir} and everything in it to this user. */
    void own(Path dir) {
        if (separateAccount) {
            Commands.run(List.of("chown", "-R", SERVICE_ACCOUNT + ":" + SERVICE_ACCOUNT, dir.toString()),
                    Map.of(), COMMAND_TIMEOUT);
        }
    }

    /** {@code command}, to be run as this user. */
    List<String> runAs(List<String> command) {
        if (!separateAccount) {
            return command;
        }
        // setpriv executes the command in place, so the process started is Elasticsearch itself, not a wrapper.
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + SERVICE_ACCOUNT,
                "--regid=" + SERVICE_ACCOUNT, "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean accountExists() {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(SERVICE_ACCOUNT);
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot look up user " + SERVICE_ACCOUNT, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.akhbar.localstack.site;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** One outlet listening on its own loopback port, as a separate site would be on its own host. */
final class OutletServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutletServer.class);
    /** Enough for a crawler fetching a few pages of one host at once; HttpServer alone serves one at a time. */
    private static final int THREADS = 4;
    /**
     * HttpServer writes a response's headers and body separately; with Nagle's algorithm on, the body then waits for
     * the client's delayed ACK, some 40 ms a page. HttpServer reads this property once, when the first one starts.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final OutletDefinition definition;
    private final String baseUrl;
    private final HttpServer server;
    private final ExecutorService executor;

    private OutletServer(OutletDefinition definition, String baseUrl, HttpServer server, ExecutorService executor) {
        this.definition = definition;
        this.baseUrl = baseUrl;
        this.server = server;
        this.executor = executor;
    }

    static OutletServer start(OutletDefinition definition, SiteResources resources, Instant lastModified)
            throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        // The literal address, not "localhost", so the base URL names exactly where the socket listens.
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "sample-site-" + definition.id() + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new ResourceHandler(definition.id(), baseUrl, resources, lastModified));
        server.start();
        log.info("Sample outlet {} serving at {}", definition.id(), baseUrl);
        return new OutletServer(definition, baseUrl, server, executor);
    }

    OutletDefinition definition() {
        return definition;
    }

    Outlet outlet() {
        return new Outlet(definition.id(), baseUrl);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

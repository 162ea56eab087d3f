package io.akhbar.it;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * HTTPS on loopback in front of a plain HTTP server (the test Elasticsearch, which runs without TLS), with a
 * certificate for 127.0.0.1 made for the occasion by the JDK's keytool: what a client configured with a CA
 * certificate file meets in production. Keeps the head of the first request on each connection, so a test can see
 * what was sent inside the TLS tunnel.
 */
final class TlsProxy implements AutoCloseable {
    private static final String STORE_PASSWORD = "proxy-store";
    private static final int HEAD_BYTES = 8192;

    private final ServerSocket server;
    private final URI target;
    private final Path caCertificate;
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TlsProxy(ServerSocket server, URI target, Path caCertificate) {
        this.server = server;
        this.target = target;
        this.caCertificate = caCertificate;
        this.acceptor = new Thread(this::accept, "tls-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @param target the plain {@code http://host:port} to forward to */
    static TlsProxy start(Path directory, String target) throws Exception {
        Path keyStore = directory.resolve("proxy.p12");
        Path certificate = directory.resolve("proxy-ca.pem");
        keytool("-genkeypair", "-alias", "proxy", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "proxy", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD, "-file", certificate.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new TlsProxy(server, URI.create(target), certificate);
    }

    String url() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    Path caCertificate() {
        return caCertificate;
    }

    List<String> requestHeads() {
        return List.copyOf(requestHeads);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getHost(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean keepHead) {
        Thread thread = new Thread(() -> {
            ByteArrayOutputStream head = keepHead ? new ByteArrayOutputStream() : null;
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (head != null) {
                        head.write(buffer, 0, Math.min(n, HEAD_BYTES));
                        String text = head.toString(StandardCharsets.ISO_8859_1);
                        if (text.contains("\r\n\r\n") || head.size() >= HEAD_BYTES) {
                            requestHeads.add(text.split("\r\n\r\n", 2)[0]);
                            head = null;
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException connectionEnded) {
                // Either side hung up; the other side is closed with it below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tls-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // Nothing left to release.
        }
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sockets.forEach(TlsProxy::closeQuietly);
    }
}

package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free TCP ports on the loopback interface. */
final class FreePorts {

    /**
     * The kernel may hand a port out again as soon as the probing socket closes, before the server that was given it
     * binds it; remembering the ports given out keeps two servers of this JVM from being given the same one.
     */
    private static final Set<Integer> GIVEN_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    static int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (GIVEN_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a socket on the loopback interface", e);
            }
        }
        throw new IllegalStateException("no free loopback port found in 100 attempts");
    }
}

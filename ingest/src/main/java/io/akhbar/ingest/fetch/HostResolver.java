package io.akhbar.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The DNS step of the address policy, replaceable so that tests can say what a name resolves to. */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}

package io.sluice.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1, where all embedded processes listen. */
final class LoopbackPorts {
    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /** The given port, or a port that is free right now when it is 0. */
    static int resolve(int port) {
        return port != 0 ? port : findFree();
    }

    static int findFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        }
    }

    /** Fails with a message naming the setting when something already listens on {@code port}. */
    static void requireFree(int port, String user, String setting) {
        if (accepts(port)) {
            throw new EmbeddedProcessException("Port " + port + " on " + HOST + " is already in use, so " + user
                    + " cannot listen there; stop the other process or choose another " + setting + " (0 picks a free one)");
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        }
        catch (IOException notListeningYet) {
            return false;
        }
    }
}

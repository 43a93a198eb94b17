package io.originwatch.lab;

import java.io.IOException;
import java.net.Socket;

/** How one lab origin treats a connection it accepted. Runs on its own virtual thread. */
@FunctionalInterface
interface Behaviour {

    void serve(Socket socket) throws IOException, InterruptedException;
}

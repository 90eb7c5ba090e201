package com.premiumledger.platform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-JVM MongoDB-compatible server, spoken to over the wire protocol by the real driver. Memory
 * backend for tests; an H2 file for the local stack so that a restart keeps the data.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** {@code h2File} null means memory; {@code port} 0 picks a free port. */
    public static EmbeddedMongoServer start(Path h2File, int port) {
        MongoBackend backend = h2File == null ? new MemoryBackend() : h2Backend(h2File);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongoServer(server, address);
    }

    private static MongoBackend h2Backend(Path h2File) {
        try {
            Path parent = h2File.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new H2Backend(h2File.toAbsolutePath().toString());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}

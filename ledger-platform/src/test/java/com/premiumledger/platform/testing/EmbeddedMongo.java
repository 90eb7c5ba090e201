package com.premiumledger.platform.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.premiumledger.platform.embedded.EmbeddedMongoServer;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-JVM MongoDB-compatible server and a driver client for one test class:
 * {@code @RegisterExtension static final EmbeddedMongo MONGO = new EmbeddedMongo();}, then
 * {@link #freshDatabase} per test (field initializers may call it: the server starts before the first instance).
 */
public final class EmbeddedMongo implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedMongoServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedMongoServer.start(null, 0);
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    /** A database no other test uses, named {@code prefix} plus a random suffix. */
    public MongoDatabase freshDatabase(String prefix) {
        return client.getDatabase(prefix + UUID.randomUUID());
    }

    public MongoClient client() {
        return client;
    }
}

package com.premiumledger.notification.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.BsonValue;

/**
 * A database of its own on the test store (so a test's calendar and accounts are its own), reached through a
 * client that counts store round trips by collection, as the benchmark counts them.
 */
public final class CountingMongo implements AutoCloseable {

    private final Map<String, Long> counts = new TreeMap<>();
    private final MongoClient client;
    private final MongoDatabase database;

    public CountingMongo(String connectionString) {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonValue target = event.getCommand().get(event.getCommandName());
                String collection = target != null && target.isString() ? target.asString().getValue() : "?";
                synchronized (counts) {
                    counts.merge(collection, 1L, Long::sum);
                }
            }
        };
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString)).addCommandListener(listener).build());
        this.database = client.getDatabase("test-" + UUID.randomUUID());
    }

    public MongoDatabase database() {
        return database;
    }

    /** The round trips by collection since the last call. */
    public Map<String, Long> roundTrips() {
        synchronized (counts) {
            Map<String, Long> since = new TreeMap<>(counts);
            counts.clear();
            return since;
        }
    }

    @Override
    public void close() {
        database.drop();
        client.close();
    }
}

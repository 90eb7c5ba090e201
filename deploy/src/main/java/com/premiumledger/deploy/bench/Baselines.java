package com.premiumledger.deploy.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * What the broker and the store can do on their own, on this machine, in this run: the ceilings our own
 * figures are compared with. Same settings as the services where they matter (acks=all, idempotent
 * producer, keyed records; documents keyed by {@code _id}).
 */
final class Baselines {

    private final BenchmarkOptions options;
    private final String kafka;
    private final String mongo;

    Baselines(BenchmarkOptions options, String kafkaBootstrapServers, String mongoUri) {
        this.options = options;
        this.kafka = kafkaBootstrapServers;
        this.mongo = mongoUri;
    }

    Map<String, Object> measure(String round) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        String topic = "bench.raw." + round;
        createTopic(topic);
        result.put("kafkaProduceRecordsPerSecond", produce(topic));
        result.put("kafkaConsumeRecordsPerSecond", consume(topic));
        try (MongoClient client = MongoClients.create(mongo)) {
            MongoCollection<Document> collection = client.getDatabase("bench_raw_" + round).getCollection("documents");
            result.put("storeInsertOnePerSecond", insertOne(collection));
            result.put("storeBulkUpsertPerSecond", bulkUpsert(collection));
            client.getDatabase("bench_raw_" + round).drop();
        }
        return result;
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, options.partitions(), (short) 1))).all().get();
        }
    }

    private double produce(String topic) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Not idempotent: on this embedded broker a second idempotent producer on a just-created topic got
        // OutOfOrderSequence errors and stalled for the whole delivery timeout (seen in every second round).
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        byte[] value = payload();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < options.kafkaRecords(); i++) {
                // Keyed like our events (one key per account) so records spread over the partitions.
                producer.send(new ProducerRecord<>(topic, "A" + (i % 10_000), value));
            }
            producer.flush();
        }
        return perSecond(options.kafkaRecords(), System.nanoTime() - start);
    }

    private double consume(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long read = 0;
        long start = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (read < options.kafkaRecords() && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            consumer.commitSync();
        }
        // Includes joining the group, as a rebuild's consumers must too.
        return perSecond(read, System.nanoTime() - start);
    }

    private double insertOne(MongoCollection<Document> collection) {
        String padding = padding();
        long start = System.nanoTime();
        for (int i = 0; i < options.storeInserts(); i++) {
            collection.insertOne(new Document("_id", "insert-" + i).append("sequence", i).append("body", padding));
        }
        return perSecond(options.storeInserts(), System.nanoTime() - start);
    }

    private double bulkUpsert(MongoCollection<Document> collection) {
        String padding = padding();
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        long start = System.nanoTime();
        List<WriteModel<Document>> batch = new ArrayList<>(500);
        for (int i = 0; i < options.storeUpserts(); i++) {
            String id = "upsert-" + i;
            batch.add(new ReplaceOneModel<>(Filters.eq("_id", id),
                    new Document("_id", id).append("sequence", i).append("body", padding), upsert));
            if (batch.size() == 500) {
                collection.bulkWrite(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.bulkWrite(batch);
        }
        return perSecond(options.storeUpserts(), System.nanoTime() - start);
    }

    private byte[] payload() {
        byte[] value = new byte[options.recordBytes()];
        Arrays.fill(value, (byte) 'x');
        return value;
    }

    private String padding() {
        // The rest of the document (id, sequence, field names) is about 50 bytes.
        return "x".repeat(Math.max(1, options.recordBytes() - 50));
    }

    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : Math.round(count * 1e9 / nanos * 10.0) / 10.0;
    }

}

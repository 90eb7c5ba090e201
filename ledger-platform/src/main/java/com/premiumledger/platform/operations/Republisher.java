package com.premiumledger.platform.operations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import com.premiumledger.platform.eventstore.StoredCommit;
import com.premiumledger.platform.outbox.KafkaCommitPublisher;
import com.premiumledger.platform.web.ApiProblem;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Sends stored events to Kafka again, for a lost or truncated topic. Consumers drop what they already
 * applied, so republishing is always safe. One aggregate is read by {@code _id}; "everything stored since"
 * is the one operation that scans the commit collection, an operator's repair tool bounded by a limit.
 */
public class Republisher {

    private final MongoEventStorageEngine storage;
    private final KafkaCommitPublisher publisher;
    private final MongoCollection<Document> commits;
    private final int commitsMax;

    public Republisher(MongoEventStorageEngine storage, KafkaCommitPublisher publisher, MongoDatabase database,
                       int commitsMax) {
        this.storage = storage;
        this.publisher = publisher;
        this.commits = database.getCollection("event_commits");
        this.commitsMax = commitsMax;
    }

    public record Result(long commits, long events) {
    }

    public Result aggregate(String aggregateId) {
        List<StoredCommit> chain = storage.readCommits(aggregateId);
        if (chain.isEmpty()) {
            throw ApiProblem.notFound("stream-not-found", "no events stored for " + aggregateId);
        }
        long events = 0;
        for (StoredCommit commit : chain) {
            events += publishOrFail(commit);
        }
        return new Result(chain.size(), events);
    }

    public Result since(Instant since) {
        long count = commits.countDocuments(Filters.gte("storedAt", Date.from(since)));
        if (count > commitsMax) {
            throw ApiProblem.badRequest("republish-too-large", count + " commits were stored since " + since
                    + "; at most " + commitsMax + " per request (premium.operations.republish-commits-max)");
        }
        long commitCount = 0;
        long events = 0;
        for (Document document : commits.find(Filters.gte("storedAt", Date.from(since)))) {
            StoredCommit commit = storage.findCommit(document.getString("_id")).orElseThrow();
            events += publishOrFail(commit);
            commitCount++;
        }
        return new Result(commitCount, events);
    }

    private long publishOrFail(StoredCommit commit) {
        try {
            publisher.publishAndWait(commit);
            return commit.events().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while republishing " + commit.commitId(), e);
        } catch (Exception e) {
            throw new IllegalStateException("republishing " + commit.commitId() + " failed: " + e.getMessage(), e);
        }
    }
}

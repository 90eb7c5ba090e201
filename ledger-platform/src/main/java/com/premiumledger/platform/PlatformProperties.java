package com.premiumledger.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The platform's settings, {@code premium.*}; each part has its defaults, a service sets only what differs. */
@Validated
@ConfigurationProperties("premium")
public record PlatformProperties(
        @NotNull @Valid Outbox outbox,
        @Valid @DefaultValue Consumer consumer,
        @Valid @DefaultValue Command command,
        @Valid @DefaultValue History history,
        @Valid @DefaultValue Metrics metrics,
        @Valid @DefaultValue Rebuild rebuild,
        @Valid @DefaultValue EventStore eventstore,
        @Valid @DefaultValue Operations operations) {

    /**
     * Where a service publishes its stored events, and how the sweeper recovers those a crash left
     * unpublished.
     *
     * @param topic the service's own topic
     * @param source the CloudEvents {@code ce_source} of its events
     * @param sweepInterval how often the sweeper looks for unpublished commits
     * @param sweepMinAge a marker younger than this is still in the hands of its writer
     * @param abandonAfter a marker whose commit is missing after this long belongs to a writer that died
     *     before storing; it is removed (the command was never accepted)
     * @param sweepBatchMax markers handled per sweep
     * @param sendTimeout how long the sweeper waits for Kafka to acknowledge one commit
     * @param predecessorWait how long a writer waits for Kafka to acknowledge its aggregate's previous commit before
     *     it publishes that commit itself (commit N+1 is stored only after N was acknowledged)
     * @param releaseLinger how long the outbox gathers acknowledged commits to remove their markers in one bulk write
     * @param producerMaxBlock how long a send may block on a broker that is away (the marker stays for the sweeper)
     */
    public record Outbox(
            @NotBlank String topic,
            @NotBlank String source,
            @NotNull @DefaultValue("2s") Duration sweepInterval,
            @NotNull @DefaultValue("10s") Duration sweepMinAge,
            @NotNull @DefaultValue("5m") Duration abandonAfter,
            @Min(1) @DefaultValue("500") int sweepBatchMax,
            @NotNull @DefaultValue("30s") Duration sendTimeout,
            @NotNull @DefaultValue("2s") Duration predecessorWait,
            @NotNull @DefaultValue("20ms") Duration releaseLinger,
            @NotNull @DefaultValue("2s") Duration producerMaxBlock) {
    }

    /**
     * Limits of event consumption.
     *
     * @param concurrency consumer threads per handler (at most the partition count is useful)
     * @param retryAttempts attempts at one record before it goes to the dead-letter topic
     * @param retryBackoff first wait between attempts, doubled each time
     * @param processingGroupsMax processing groups (Kafka consumer groups) a service may run; each one polls,
     *     decodes and commits on its own, so every group more costs every event of its topics one more delivery
     * @param replayOnly run only the pure projections ({@code EventStreamHandler#replayable()}):
     *     a copy of a service that builds its views from the topics into its own database and decides, sends and
     *     publishes nothing (a fresh start to compare with, and the rebuild benchmark)
     * @param partitions partitions of each topic a service creates
     * @param replicationFactor replicas of each topic (1 for the embedded broker)
     */
    public record Consumer(
            @Min(1) @DefaultValue("1") int concurrency,
            @Min(1) @DefaultValue("4") int retryAttempts,
            @NotNull @DefaultValue("200ms") Duration retryBackoff,
            @Min(1) @DefaultValue("2") int processingGroupsMax,
            @DefaultValue("false") boolean replayOnly,
            @Min(1) @DefaultValue("4") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor) {
    }

    /**
     * How commands are sent ({@code LedgerCommands}).
     *
     * @param timeout how long a caller (an HTTP request or a consumer) waits for a command's answer
     * @param retryAfter what a 503 for a timed-out command tells the client to wait ({@code Retry-After})
     * @param concurrencyRetries how often a command that lost an optimistic-concurrency race is sent again
     */
    public record Command(
            @NotNull @DefaultValue("10s") Duration timeout,
            @NotNull @DefaultValue("5s") Duration retryAfter,
            @Min(0) @Max(20) @DefaultValue("3") int concurrencyRetries) {

        public Command {
            positive("premium.command", timeout);
            if (retryAfter.toSeconds() < 1) {
                throw new IllegalArgumentException("premium.command.retry-after must be at least 1s; got " + retryAfter);
            }
        }
    }

    /**
     * Limits of the history-as-of queries, which read one aggregate's stored events and fold them.
     *
     * @param eventsMax events one history may fold and list; a longer stream is refused (400), never cut short,
     *     because a partial fold would show a wrong state
     * @param idLengthMax characters of an aggregate id a history request may name
     * @param summaryLengthMax characters of each event's one-line summary
     */
    public record History(
            @Min(1) @DefaultValue("10000") int eventsMax,
            @Min(1) @DefaultValue("100") int idLengthMax,
            @Min(20) @DefaultValue("300") int summaryLengthMax) {
    }

    /**
     * How the platform's computed gauges are kept current.
     *
     * @param refreshInterval how often consumer lag (and a service's own computed gauges) are measured again
     * @param lagTimeout how long one lag measurement may wait for the broker before it is skipped
     */
    public record Metrics(
            @NotNull @DefaultValue("5s") Duration refreshInterval,
            @NotNull @DefaultValue("5s") Duration lagTimeout) {

        public Metrics {
            positive("premium.metrics", refreshInterval, lagTimeout);
        }
    }

    /**
     * Limits of projection rebuilds.
     *
     * @param concurrentMax rebuilds of this service's projections that may run at once (each reads every
     *     topic it needs from offset zero, beside the live consumers)
     * @param progressSampleInterval how often a running rebuild's progress is measured (end offsets against the
     *     rebuild group's positions) and whether it caught up is checked
     * @param switchRemainingMax events still to read at which a rebuild counts as caught up and the switch starts
     * @param switchTimeout how long the switch may wait, with the live consumer stopped, for the fresh copy to
     *     reach the live copy's positions before the rebuild fails and the live consumer resumes
     * @param adminTimeout how long one offsets request to the broker may take
     * @param paceWindow how far back the events/s figure (and the time left) looks: the rebuild's consumer commits
     *     once per poll (up to 500 records), so its progress moves in steps, and a pace taken over one sample
     *     interval would read 0 between steps; over a window spanning several steps it reads the real pace
     */
    public record Rebuild(
            @Min(1) @DefaultValue("1") int concurrentMax,
            @NotNull @DefaultValue("1s") Duration progressSampleInterval,
            @Min(0) @DefaultValue("100") long switchRemainingMax,
            @NotNull @DefaultValue("60s") Duration switchTimeout,
            @NotNull @DefaultValue("10s") Duration adminTimeout,
            @NotNull @DefaultValue("20s") Duration paceWindow) {

        public Rebuild {
            positive("premium.rebuild", progressSampleInterval, switchTimeout, adminTimeout, paceWindow);
        }
    }

    /**
     * The event store.
     *
     * @param readBatchSize commits read per round trip when an aggregate is loaded
     * @param eventsPerCommitMax events one command may append
     */
    public record EventStore(
            @Min(1) @DefaultValue("64") int readBatchSize,
            @Min(1) @DefaultValue("1000") int eventsPerCommitMax) {
    }

    /**
     * Operators' tools.
     *
     * @param deadLettersMax dead letters one listing shows
     * @param republishCommitsMax commits one "republish since" request may send again
     */
    public record Operations(
            @Min(1) @DefaultValue("500") int deadLettersMax,
            @Min(1) @DefaultValue("100000") int republishCommitsMax) {
    }

    private static void positive(String prefix, Duration... durations) {
        for (Duration duration : durations) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException(prefix + " durations must be positive; got " + duration);
            }
        }
    }
}

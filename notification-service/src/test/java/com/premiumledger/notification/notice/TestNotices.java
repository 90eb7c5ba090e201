package com.premiumledger.notification.notice;

import com.premiumledger.platform.PlatformProperties;
import com.mongodb.client.MongoDatabase;
import com.premiumledger.notification.NotificationProperties;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import com.premiumledger.platform.command.LedgerCommands;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.mockito.Mockito;

/**
 * Notice facts on a database of a test's own, and an issuer whose gateway stands in for the Notice aggregates: it
 * records every command sent and refuses a second notice with the same id, as the event store does.
 */
public final class TestNotices {

    private final List<IssueNoticeCommand> sent = new ArrayList<>();
    private final Set<String> issued = new LinkedHashSet<>();
    private final NoticeIssuer issuer;

    public TestNotices(NotificationProperties properties) {
        CommandGateway gateway = Mockito.mock(CommandGateway.class);
        Mockito.when(gateway.send(Mockito.any(CommandMessage.class))).thenAnswer(invocation -> {
            IssueNoticeCommand command = (IssueNoticeCommand) ((CommandMessage<?>) invocation.getArgument(0))
                    .getPayload();
            synchronized (this) {
                sent.add(command);
                if (!issued.add(command.noticeId())) {
                    return CompletableFuture.failedFuture(
                            new AggregateStreamCreationException("notice " + command.noticeId() + " exists"));
                }
            }
            return CompletableFuture.completedFuture(null);
        });
        this.issuer = new NoticeIssuer(new LedgerCommands(gateway,
                new PlatformProperties.Command(Duration.ofSeconds(10), Duration.ofSeconds(5), 0)));
    }

    public static NoticeFacts facts(MongoDatabase database) {
        return new NoticeFacts(database);
    }

    public NoticeIssuer issuer() {
        return issuer;
    }

    /** Every command sent so far, refused ones included. */
    public synchronized List<IssueNoticeCommand> sent() {
        return List.copyOf(sent);
    }

    /** The ids of the notices created, in order. */
    public synchronized List<String> issued() {
        return List.copyOf(issued);
    }
}

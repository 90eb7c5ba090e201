package com.premiumledger.platform.testapp;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class TestAccount {

    public record Open(@TargetAggregateIdentifier String accountId, String holderName) {
        public Open(String accountId) {
            this(accountId, "Test Holder");
        }
    }

    public record Bill(@TargetAggregateIdentifier String accountId, String month) {
    }

    @AggregateIdentifier
    private String accountId;
    private int bills;

    TestAccount() {
    }

    @CommandHandler
    TestAccount(Open command) {
        apply(new AccountOpened(command.accountId(), command.holderName(), "APTC", LocalDate.of(2027, 1, 1), "en",
                null, "test"));
    }

    @CommandHandler
    int handle(Bill command) {
        apply(new BillIssued(accountId, accountId + ":" + command.month(), command.month(),
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "test"));
        return bills;
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(BillIssued event) {
        bills++;
    }
}

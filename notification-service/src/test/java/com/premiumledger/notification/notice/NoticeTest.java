package com.premiumledger.notification.notice;

import com.premiumledger.events.NoticeIssued;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NoticeTest {

    static final LocalDate DUE = LocalDate.of(2027, 1, 23);

    AggregateTestFixture<Notice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notice.class);
    }

    static IssueNoticeCommand billReady(long amountCents, LocalDate payBy) {
        return new IssueNoticeCommand("BILL_READY:A1:2027-02", "A1", NoticeType.BILL_READY, NoticeChannel.EMAIL,
                amountCents, payBy, "event-1");
    }

    @Test
    void aBillReadyNoticeIsIssued() {
        fixture.givenNoPriorActivity()
                .when(billReady(20_000, DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NoticeIssued("BILL_READY:A1:2027-02", "A1", "BILL_READY", "EMAIL", 20_000, DUE,
                        "event-1"));
    }

    @Test
    void aPaymentReceivedNoticeHasNoPayByDate() {
        fixture.givenNoPriorActivity()
                .when(new IssueNoticeCommand("PAYMENT_RECEIVED:P1", "A1", NoticeType.PAYMENT_RECEIVED,
                        NoticeChannel.LETTER, 15_000, null, "event-2"))
                .expectEvents(new NoticeIssued("PAYMENT_RECEIVED:P1", "A1", "PAYMENT_RECEIVED", "LETTER", 15_000,
                        null, "event-2"));
    }

    @Test
    void aZeroAmountIsAllowed() {
        fixture.givenNoPriorActivity()
                .when(billReady(0, DUE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNegativeAmountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(billReady(-1, DUE))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a notice amount is never negative")
                .expectNoEvents();
    }

    @Test
    void aNoticeAskingForPaymentNeedsAPayByDate() {
        fixture.givenNoPriorActivity()
                .when(billReady(20_000, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aPaymentReceivedNoticeMustNotCarryAPayByDate() {
        fixture.givenNoPriorActivity()
                .when(new IssueNoticeCommand("PAYMENT_RECEIVED:P1", "A1", NoticeType.PAYMENT_RECEIVED,
                        NoticeChannel.EMAIL, 15_000, DUE, "event-2"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theIdMustBeDerivedFromTheNoticeType() {
        fixture.givenNoPriorActivity()
                .when(new IssueNoticeCommand("PAYMENT_RECEIVED:P1", "A1", NoticeType.BILL_READY, NoticeChannel.EMAIL,
                        20_000, DUE, "event-1"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anIdWithoutTriggerIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new IssueNoticeCommand("BILL_READY:", "A1", NoticeType.BILL_READY, NoticeChannel.EMAIL,
                        20_000, DUE, "event-1"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theAccountAndTriggerEventAreRequired() {
        fixture.givenNoPriorActivity()
                .when(new IssueNoticeCommand("BILL_READY:B1", " ", NoticeType.BILL_READY, NoticeChannel.EMAIL,
                        20_000, DUE, "event-1"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new IssueNoticeCommand("BILL_READY:B1", "A1", NoticeType.BILL_READY, NoticeChannel.EMAIL,
                        20_000, DUE, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aChannelIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new IssueNoticeCommand("BILL_READY:B1", "A1", NoticeType.BILL_READY, null, 20_000, DUE,
                        "event-1"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}

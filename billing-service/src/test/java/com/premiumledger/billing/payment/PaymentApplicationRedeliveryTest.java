package com.premiumledger.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.premiumledger.billing.Redeliveries;
import com.premiumledger.billing.TestEvents;
import com.premiumledger.billing.calendar.BusinessDates;
import com.premiumledger.billing.support.TestAxon;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No gate: payment events that come again, also a payment after its own reversal, send commands the account
 * refuses, so its stream gains nothing the second time.
 */
class PaymentApplicationRedeliveryTest {

    private static final LocalDate DAY = LocalDate.of(2027, 1, 10);

    private final TestAxon axon = TestAxon.withAccounts();
    private final PaymentApplication application = new PaymentApplication(axon.commands(), noBusinessDate());

    @Test
    void aRedeliveredBatchOrAPaymentRepeatedAfterItsReversalAppliesNothingTwice() {
        axon.given("BillingAccount", "A", new AccountOpened("A", "Ana", "APTC", LocalDate.of(2027, 1, 1), "en",
                null, "service"), new BillIssued("A", "A-2027-01", "2027-01", LocalDate.of(2027, 1, 23), 50_000,
                30_000, 20_000, LocalDate.of(2026, 12, 1), "service"));
        List<ReceivedEvent> batch = List.of(
                TestEvents.received("P1", 0, new PaymentRecorded("P1", "A", 10_000, "CHECK", "MAIL", DAY, null, null,
                        "chk-1", "key-1", "clerk")),
                TestEvents.received("P2", 1, new PaymentAssigned("P2", "A", 5_000, "CHECK", "MAIL", DAY, "clerk",
                        "found it")),
                TestEvents.received("R1", 0, new RefundRequested("R1", "P1", "A", 1_000, "CHECK", DAY, "member")),
                TestEvents.received("P1", 1, new PaymentReversed("P1", "A", 10_000, "CHECK", "RETURNED_CHECK",
                        DAY.plusDays(2), "bank")));

        List<Object> stream = Redeliveries.assertIdempotent(batch, application::handleAll, application::handle,
                () -> axon.stream("A"));

        assertThat(stream).map(event -> event.getClass().getSimpleName()).containsExactly("AccountOpened",
                "BillIssued", PaymentApplied.class.getSimpleName(), PaymentApplied.class.getSimpleName(),
                RefundRejected.class.getSimpleName(), PaymentReversalApplied.class.getSimpleName());
    }

    @Test
    void declaresThePaymentEventsItActsOn() {
        assertThat(application.eventTypes()).containsExactlyInAnyOrder(PaymentRecorded.class, PaymentAssigned.class,
                PaymentReversed.class, RefundRequested.class);
    }

    private static BusinessDates noBusinessDate() {
        BusinessDates businessDates = mock(BusinessDates.class);
        when(businessDates.current()).thenReturn(Optional.empty());
        return businessDates;
    }
}

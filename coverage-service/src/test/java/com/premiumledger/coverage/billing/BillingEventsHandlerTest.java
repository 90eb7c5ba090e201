package com.premiumledger.coverage.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.premiumledger.coverage.CoverageProperties;
import com.premiumledger.coverage.lifecycle.RecordBillPaymentCommand;
import com.premiumledger.coverage.lifecycle.RecordMissedPaymentCommand;
import com.premiumledger.coverage.lifecycle.StartCoverageCommand;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class BillingEventsHandlerTest {

    final CommandGateway gateway = mock(CommandGateway.class);
    final BillingEventsHandler handler =
            new BillingEventsHandler(new CoverageCommands(gateway, CoverageProperties.defaults()));

    static ReceivedEvent received(String eventId, LedgerEvent payload) {
        return new ReceivedEvent(new EventEnvelope(eventId, EventTypes.typeOf(payload.getClass()), "/test", "A-1",
                Instant.now(), "A-1", 0, null, null, payload), Topics.BILLING, 0, 0);
    }

    CommandMessage<?> sent() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ArgumentCaptor<CommandMessage<?>> captor = (ArgumentCaptor) ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway).sendAndWait(captor.capture(), eq(10_000L), eq(TimeUnit.MILLISECONDS));
        return captor.getValue();
    }

    @Test
    void anOpenedAccountStartsCoverageWithTheEventAsCause() {
        handler.handle(received("e-1", new AccountOpened("A-1", "Ada", "APTC", LocalDate.of(2027, 1, 1), "en", null,
                "service")));
        CommandMessage<?> message = sent();
        assertThat(message.getPayload()).isEqualTo(new StartCoverageCommand("A-1", "APTC", LocalDate.of(2027, 1, 1),
                "e-1"));
        assertThat(message.getMetaData()).containsEntry("issuedBy", "coverage-service");
    }

    @Test
    void coverageThatAlreadyExistsIsTreatedAsStarted() {
        when(gateway.sendAndWait(any(), anyLong(), any())).thenThrow(new AggregateStreamCreationException("exists"));
        handler.handle(received("e-1", new AccountOpened("A-1", "Ada", "APTC", LocalDate.of(2027, 1, 1), "en", null,
                "service")));
        sent();
    }

    @Test
    void paymentsAndMissedPaymentsBecomeTheirCommands() {
        List<BillAllocation> allocations = List.of(new BillAllocation("B-1", 20_000, 0));
        handler.handle(received("e-2", new PaymentApplied("A-1", "P-1", 20_000, LocalDate.of(2027, 1, 5), allocations,
                0, 0)));
        assertThat(sent().getPayload()).isEqualTo(new RecordBillPaymentCommand("A-1", allocations, 0,
                LocalDate.of(2027, 1, 5), "e-2"));
    }

    @Test
    void aMissedPaymentBecomesItsCommand() {
        handler.handle(received("e-3", new PaymentMissed("A-1", "B-1", "2027-02", LocalDate.of(2027, 1, 23), 20_000,
                LocalDate.of(2027, 1, 24), "calendar")));
        assertThat(sent().getPayload()).isEqualTo(new RecordMissedPaymentCommand("A-1", "B-1",
                LocalDate.of(2027, 1, 24), "e-3"));
    }

    @Test
    void otherBillingEventsAreIgnored() {
        handler.handle(received("e-4", new BillIssued("A-1", "B-1", "2027-02", LocalDate.of(2027, 1, 23), 50_000,
                30_000, 20_000, "service")));
        verify(gateway, never()).sendAndWait(any(), anyLong(), any());
    }
}

package com.premiumledger.billing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.billing.Redeliveries;
import com.premiumledger.billing.TestEvents;
import com.premiumledger.billing.support.TestAxon;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No gate: a DayClosed that comes again, also after later days, misses no bill twice (the account refuses). */
class MissedPaymentDecisionsRedeliveryTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static final LocalDate DUE = LocalDate.of(2027, 1, 23);

    private final TestAxon axon = TestAxon.withAccounts();
    private final DueIndex dueIndex = new DueIndex(MONGO.freshDatabase("missed-redelivery-"));
    private final MissedPaymentDecisions decisions = new MissedPaymentDecisions(dueIndex, axon.commands(),
            BillingProperties.defaults());

    @Test
    void aRedeliveredBatchOrAnOldDayAfterLaterOnesMissesNothingTwice() {
        for (String account : List.of("A", "B")) {
            dueIndex.add(DUE, account);
            axon.given("BillingAccount", account, new AccountOpened(account, "Ana", "APTC",
                    LocalDate.of(2027, 1, 1), "en", null, "service"), new BillIssued(account, account + "-2027-01",
                    "2027-01", DUE, 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"));
        }
        List<ReceivedEvent> days = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            days.add(TestEvents.received(DayClosed.STREAM_KEY, day, new DayClosed(DUE.minusDays(1).plusDays(day),
                    DUE.minusDays(2).plusDays(day), "operator")));
        }

        record Streams(List<Object> a, List<Object> b) {
        }
        Streams streams = Redeliveries.assertIdempotent(days, decisions::handleAll, decisions::handle,
                () -> new Streams(axon.stream("A"), axon.stream("B")));

        assertThat(streams.a()).hasSize(3).last().isInstanceOf(PaymentMissed.class);
        assertThat(((PaymentMissed) streams.b().get(2)).businessDate()).isEqualTo(DUE.plusDays(1));
    }
}

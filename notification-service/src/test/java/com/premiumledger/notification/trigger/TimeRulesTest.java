package com.premiumledger.notification.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.account.AccountState;
import com.premiumledger.notification.account.AccountState.Autopay;
import com.premiumledger.notification.account.AccountState.BillFact;
import com.premiumledger.notification.account.AccountState.CoverageFact;
import com.premiumledger.notification.notice.NoticeChannel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar rules: due-soon reminders and termination warnings, as functions of state and the closed day. */
class TimeRulesTest {

    static final NotificationProperties RULES = NotificationProperties.defaults();
    static final LocalDate DUE = LocalDate.of(2027, 1, 23);
    static final CoverageFact APTC_GRACE = new CoverageFact("GRACE", LocalDate.of(2027, 1, 24),
            LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30), null);

    static AccountState account(String program, long openCents, Autopay autopay, CoverageFact coverage) {
        return new AccountState("A1", program, List.of(new BillFact("A1-2027-02", "2027-02", DUE, 20_000, openCents)),
                autopay, coverage);
    }

    static List<String> due(AccountState state, LocalDate closed) {
        return TimeRules.due(state, closed, NoticeChannel.EMAIL, "day", RULES).stream()
                .map(NoticeDecision::noticeId).toList();
    }

    @Test
    void dueSoonFromSevenDaysBeforeUntilTheDayBeforeTheDueDate() {
        AccountState open = account("APTC", 20_000, Autopay.NONE, null);
        assertThat(due(open, DUE.minusDays(8))).isEmpty();
        assertThat(due(open, DUE.minusDays(7))).containsExactly("PAYMENT_DUE_SOON:A1-2027-02");
        assertThat(due(open, DUE.minusDays(1))).containsExactly("PAYMENT_DUE_SOON:A1-2027-02");
        assertThat(due(open, DUE)).isEmpty();
        assertThat(due(open, null)).isEmpty();
    }

    @Test
    void noReminderForAPaidBillOrAnAccountOnAutopay() {
        assertThat(due(account("APTC", 0, Autopay.NONE, null), DUE.minusDays(3))).isEmpty();
        assertThat(due(account("APTC", 20_000, new Autopay(true, "ACH", "6789"), null), DUE.minusDays(3))).isEmpty();
    }

    @Test
    void aReminderStatesWhatIsStillOpen() {
        NoticeDecision reminder = TimeRules.due(account("APTC", 7_500, Autopay.NONE, null), DUE.minusDays(2),
                NoticeChannel.SMS, "day", RULES).get(0);
        assertThat(reminder.command().amountCents()).isEqualTo(7_500);
        assertThat(reminder.command().payByDate()).isEqualTo(DUE);
    }

    @Test
    void aptcGetsTwoTerminationWarningsThirtyAndTenDaysBeforeTheGraceEnd() {
        AccountState grace = account("APTC", 20_000, Autopay.NONE, APTC_GRACE);
        assertThat(due(grace, LocalDate.of(2027, 3, 30))).isEmpty();
        assertThat(due(grace, LocalDate.of(2027, 3, 31))).containsExactly("TERMINATION_WARNING:A1:2027-02-01:30d");
        assertThat(due(grace, LocalDate.of(2027, 4, 19))).containsExactly("TERMINATION_WARNING:A1:2027-02-01:30d");
        assertThat(due(grace, LocalDate.of(2027, 4, 20))).containsExactly("TERMINATION_WARNING:A1:2027-02-01:10d");
        assertThat(due(grace, LocalDate.of(2027, 4, 30))).containsExactly("TERMINATION_WARNING:A1:2027-02-01:10d");
        assertThat(due(grace, LocalDate.of(2027, 5, 1))).isEmpty();
    }

    @Test
    void theStateRuleGetsOneWarning() {
        CoverageFact stateGrace = new CoverageFact("GRACE", LocalDate.of(2027, 1, 24), LocalDate.of(2027, 1, 24),
                LocalDate.of(2027, 2, 22), null);
        AccountState grace = account("UNSUBSIDIZED", 20_000, Autopay.NONE, stateGrace);
        assertThat(due(grace, LocalDate.of(2027, 2, 11))).isEmpty();
        assertThat(due(grace, LocalDate.of(2027, 2, 12))).containsExactly("TERMINATION_WARNING:A1:2027-01-24:10d");
        assertThat(TimeRules.wakeDays(grace, RULES)).contains(LocalDate.of(2027, 2, 12));
    }

    @Test
    void noWarningOnceTheAccountLeftGrace() {
        CoverageFact active = new CoverageFact("ACTIVE", LocalDate.of(2027, 3, 15), null, null, null);
        assertThat(due(account("APTC", 0, Autopay.NONE, active), LocalDate.of(2027, 4, 20))).isEmpty();
        CoverageFact terminated = new CoverageFact("TERMINATED", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 4, 30), LocalDate.of(2027, 2, 28));
        assertThat(due(account("APTC", 20_000, Autopay.NONE, terminated), LocalDate.of(2027, 4, 20))).isEmpty();
    }

    @Test
    void theWarningStatesWhatIsPastDueOnTheClosedDay() {
        AccountState grace = new AccountState("A1", "APTC", List.of(
                new BillFact("A1-2027-02", "2027-02", DUE, 20_000, 20_000),
                new BillFact("A1-2027-03", "2027-03", LocalDate.of(2027, 2, 23), 20_000, 20_000),
                new BillFact("A1-2027-04", "2027-04", LocalDate.of(2027, 3, 23), 20_000, 20_000),
                new BillFact("A1-2027-05", "2027-05", LocalDate.of(2027, 4, 23), 20_000, 20_000)),
                Autopay.NONE, APTC_GRACE);
        NoticeDecision warning = TimeRules.due(grace, LocalDate.of(2027, 3, 31), NoticeChannel.EMAIL, "day", RULES)
                .stream().filter(decision -> decision.noticeId().startsWith("TERMINATION")).findFirst().orElseThrow();
        assertThat(warning.command().amountCents()).isEqualTo(60_000);
        assertThat(warning.command().payByDate()).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(warning.facts()).containsEntry("daysBefore", "30");
    }

    @Test
    void wakeDaysAreEachOpenBillsReminderDayAndEachWarningDay() {
        AccountState grace = account("APTC", 20_000, Autopay.NONE, APTC_GRACE);
        assertThat(TimeRules.wakeDays(grace, RULES)).containsExactly(DUE.minusDays(7), LocalDate.of(2027, 3, 31),
                LocalDate.of(2027, 4, 20));
        assertThat(TimeRules.wakeDays(account("APTC", 0, Autopay.NONE, null), RULES)).isEmpty();
    }
}

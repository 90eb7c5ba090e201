package com.premiumledger.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoticeIdsTest {

    @Test
    void idsNameTheTypeAndTheTrigger() {
        assertThat(NoticeIds.billReady("A123-2027-02")).isEqualTo("BILL_READY:A123-2027-02");
        assertThat(NoticeIds.pastDueWarning("A123", java.time.LocalDate.of(2027, 2, 1)))
                .isEqualTo("PAST_DUE_WARNING:A123:2027-02-01");
        assertThat(NoticeIds.terminationWarning("A123", java.time.LocalDate.of(2027, 2, 1), 30))
                .isEqualTo("TERMINATION_WARNING:A123:2027-02-01:30d");
        assertThat(NoticeIds.dueSoon("A123-2027-02")).isEqualTo("PAYMENT_DUE_SOON:A123-2027-02");
        assertThat(NoticeIds.paymentReceived("P-9")).isEqualTo("PAYMENT_RECEIVED:P-9");
    }

    @Test
    void theSameTriggerAlwaysGivesTheSameId() {
        assertThat(NoticeIds.billReady("B1")).isEqualTo(NoticeIds.of(NoticeType.BILL_READY, "B1"));
    }

    @Test
    void differentTypesForOneTriggerGiveDifferentIds() {
        assertThat(NoticeIds.billReady("B1")).isNotEqualTo(NoticeIds.dueSoon("B1"));
    }

    @Test
    void aMissingTriggerIdIsRefused() {
        assertThatThrownBy(() -> NoticeIds.billReady(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoticeIds.paymentReceived(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoticeIds.suspension("A1", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeCheck() {
        assertThat(NoticeIds.isOfType("BILL_READY:B1", NoticeType.BILL_READY)).isTrue();
        assertThat(NoticeIds.isOfType("BILL_READY:B1", NoticeType.PAST_DUE_WARNING)).isFalse();
        assertThat(NoticeIds.isOfType("BILL_READY:", NoticeType.BILL_READY)).isFalse();
        assertThat(NoticeIds.isOfType("BILL_READYB1", NoticeType.BILL_READY)).isFalse();
        assertThat(NoticeIds.isOfType(null, NoticeType.BILL_READY)).isFalse();
    }
}

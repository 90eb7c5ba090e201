package com.premiumledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsSubtractsAndCompares() {
        Money bill = Money.ofCents(20_000);
        Money paid = Money.ofCents(7_550);

        assertThat(bill.plus(paid)).isEqualTo(Money.ofCents(27_550));
        assertThat(bill.minus(paid)).isEqualTo(Money.ofCents(12_450));
        assertThat(bill.minus(bill)).isEqualTo(Money.ZERO);
        assertThat(bill.min(paid)).isSameAs(paid);
        assertThat(paid.min(bill)).isSameAs(paid);
        assertThat(bill.compareTo(paid)).isPositive();
        assertThat(paid.compareTo(bill)).isNegative();
        assertThat(bill.compareTo(Money.ofCents(20_000))).isZero();
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.ofCents(1).isPositive()).isTrue();
        assertThat(Money.ofCents(1).isZero()).isFalse();
        assertThat(new Money(5)).isEqualTo(Money.ofCents(5)).hasSameHashCodeAs(Money.ofCents(5));

        List<Money> amounts = new ArrayList<>(List.of(bill, Money.ZERO, paid));
        Collections.sort(amounts);
        assertThat(amounts).containsExactly(Money.ZERO, paid, bill);
    }

    @Test
    void isNeverNegative() {
        assertThatThrownBy(() -> Money.ofCents(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new Money(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToGoBelowZero() {
        assertThatThrownBy(() -> Money.ofCents(100).minus(Money.ofCents(101)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ZERO.minus(Money.ofCents(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void printsAsDollarsAndCents() {
        assertThat(Money.ZERO).hasToString("$0.00");
        assertThat(Money.ofCents(5)).hasToString("$0.05");
        assertThat(Money.ofCents(99)).hasToString("$0.99");
        assertThat(Money.ofCents(100)).hasToString("$1.00");
        assertThat(Money.ofCents(12_345)).hasToString("$123.45");
        assertThat(Money.ofCents(123_456_789)).hasToString("$1234567.89");
        assertThat(Money.ofCents(Long.MAX_VALUE)).hasToString("$92233720368547758.07");
    }
}

package com.premiumledger.events;

/**
 * An amount of US dollars in cents. Never negative: the direction of a movement comes from the entry
 * type, not from a sign, so a negative amount is always a bug upstream.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public Money {
        if (cents < 0) {
            throw new IllegalArgumentException("money is never negative, got " + cents + " cents");
        }
    }

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    /** Subtracts; fails rather than going below zero. */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money min(Money other) {
        return cents <= other.cents ? this : other;
    }

    public boolean isZero() {
        return cents == 0;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    @Override
    public String toString() {
        return String.format("$%d.%02d", cents / 100, cents % 100);
    }
}

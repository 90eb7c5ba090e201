package com.premiumledger.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberDetectorTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "378282246310005",
            "6011 0009 9013 9424", "5555555555554444", "4222222222222", "1234567890123456789", "ref 4111111111111111",
            "12345678901234567890123", "4111--1111--1111--1111", "4111  1111  1111  1111",
            "12345678-1234-1234-1234-123456789012 4111111111111111"})
    void seesFullNumbers(String value) {
        assertThat(CardNumberDetector.looksLikeFullNumber(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242", "123456789012", "1042", "A000000001", "2027-01-15", "MO-12345678901",
            "4111 1111 1111", "4111/1111/1111/1111", "4111.1111.1111.1111", "12345678-1234-1234-1234-123456789012",
            "key-5f0c8a34-0000-4000-8000-000000000001", ""})
    void letsShortOrBrokenRunsPass(String value) {
        assertThat(CardNumberDetector.looksLikeFullNumber(value)).isFalse();
    }

    @Test
    void nullIsNotANumber() {
        assertThat(CardNumberDetector.looksLikeFullNumber(null)).isFalse();
    }

    @Test
    void findsNumbersAnywhereInAJsonBodyEvenEscaped() {
        assertThat(CardNumberDetector.jsonContainsFullNumber("{\"checkNumber\":\"4111111111111111\"}")).isTrue();
        assertThat(CardNumberDetector.jsonContainsFullNumber("{\"amountCents\":4111111111111111}")).isTrue();
        assertThat(CardNumberDetector.jsonContainsFullNumber(
                "{\"checkNumber\":\"\\u00341111111111111111\"}")).isTrue();
        assertThat(CardNumberDetector.jsonContainsFullNumber("{\"4111111111111111\":1}")).isTrue();
        assertThat(CardNumberDetector.jsonContainsFullNumber("{not json 4111 1111 1111 1111")).isTrue();
    }

    @Test
    void anOrdinaryBodyPasses() {
        assertThat(CardNumberDetector.jsonContainsFullNumber("{\"accountId\":\"A000000001\",\"amountCents\":20000,"
                + "\"method\":\"CARD\",\"channel\":\"ONLINE\",\"receivedDate\":\"2027-01-15\","
                + "\"card\":{\"brand\":\"VISA\",\"lastFour\":\"4242\"}}")).isFalse();
        assertThat(CardNumberDetector.jsonContainsFullNumber("{broken")).isFalse();
        assertThat(CardNumberDetector.jsonContainsFullNumber(
                "{\"accountId\":\"12345678-1234-1234-1234-123456789012\"}")).isFalse();
    }
}

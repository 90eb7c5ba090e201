package com.premiumledger.billing.account;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/** Account numbers members quote on checks: "A" and nine digits, unguessable so they cannot be enumerated. */
@Component
class AccountIdGenerator {

    private static final int NUMBER_BOUND = 1_000_000_000;

    private final RandomGenerator random;

    AccountIdGenerator() {
        this(new SecureRandom());
    }

    AccountIdGenerator(RandomGenerator random) {
        this.random = random;
    }

    String next() {
        return String.format("A%09d", random.nextInt(NUMBER_BOUND));
    }
}

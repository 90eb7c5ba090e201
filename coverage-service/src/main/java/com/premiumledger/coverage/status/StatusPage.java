package com.premiumledger.coverage.status;

import java.util.List;

/** One page of the accounts whose coverage is in {@code status}, ordered by account id; {@code total} counts all. */
record StatusPage(String status, int page, int size, long total, List<String> accountIds) {

    StatusPage {
        accountIds = List.copyOf(accountIds);
    }
}

package com.premiumledger.notification.history;

import java.util.List;

/** One page of an account's notices, oldest first. */
record AccountNotices(String accountId, List<NoticeView> notices) {
}

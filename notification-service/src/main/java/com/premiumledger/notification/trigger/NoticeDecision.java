package com.premiumledger.notification.trigger;

import com.premiumledger.notification.notice.IssueNoticeCommand;
import java.util.Map;

/** A notice a trigger decided to issue, with the facts its text needs. */
record NoticeDecision(IssueNoticeCommand command, Map<String, String> facts) {

    NoticeDecision {
        facts = Map.copyOf(facts);
    }

    String noticeId() {
        return command.noticeId();
    }
}

package com.premiumledger.notification.delivery;

import com.premiumledger.notification.member.Member;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Everything a notice's text is made from: the issued notice, the facts its trigger kept, and the member. */
record NoticeContent(String noticeId, String accountId, String type, long amountCents, LocalDate payByDate,
                     Map<String, String> facts, Optional<Member> member) {

    NoticeContent {
        facts = Map.copyOf(facts);
    }
}

package com.premiumledger.notification.trigger;

import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.notice.NoticeChannel;
import java.util.Optional;

/**
 * Email when the member gave an address; otherwise a letter, because a letter reaches every member billing
 * knows of (and a member not yet known here still has a mailing address on file with the exchange).
 */
final class ChannelChoice {

    private ChannelChoice() {
    }

    static NoticeChannel forMember(Optional<Member> member) {
        return member.filter(Member::hasEmail).isPresent() ? NoticeChannel.EMAIL : NoticeChannel.LETTER;
    }
}

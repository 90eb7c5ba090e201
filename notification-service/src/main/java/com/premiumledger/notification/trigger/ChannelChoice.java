package com.premiumledger.notification.trigger;

import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.notice.NoticeChannel;
import java.util.Optional;

/**
 * The member's preference when it can be honoured: EMAIL needs an email, SMS a phone, MAIL is a letter. With no
 * preference, email when there is one. Otherwise a letter, because a letter reaches every member (a member not
 * yet known here still has a mailing address on file with the exchange).
 */
final class ChannelChoice {

    private ChannelChoice() {
    }

    static NoticeChannel forMember(Optional<Member> found) {
        if (found.isEmpty()) {
            return NoticeChannel.LETTER;
        }
        Member member = found.get();
        String preference = member.noticePreference();
        if ("SMS".equals(preference) && member.hasPhone()) {
            return NoticeChannel.SMS;
        }
        if ("MAIL".equals(preference)) {
            return NoticeChannel.LETTER;
        }
        if ((preference == null || "EMAIL".equals(preference)) && member.hasEmail()) {
            return NoticeChannel.EMAIL;
        }
        return NoticeChannel.LETTER;
    }
}

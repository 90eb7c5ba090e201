package com.premiumledger.notification.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.events.MailingAddress;
import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.notice.NoticeChannel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelChoiceTest {

    static final MailingAddress ADDRESS = new MailingAddress("1 Main St", null, "Boston", "MA", "02108");

    static Optional<Member> member(String email, String phone, String preference) {
        return Optional.of(new Member("A1", "Ada", email, phone, ADDRESS, "en", preference));
    }

    @Test
    void theStatedPreferenceIsFollowedWhenItCanBe() {
        assertThat(ChannelChoice.forMember(member("ada@example.org", "+16175550100", "EMAIL")))
                .isEqualTo(NoticeChannel.EMAIL);
        assertThat(ChannelChoice.forMember(member("ada@example.org", "+16175550100", "SMS")))
                .isEqualTo(NoticeChannel.SMS);
        assertThat(ChannelChoice.forMember(member("ada@example.org", "+16175550100", "MAIL")))
                .isEqualTo(NoticeChannel.LETTER);
    }

    @Test
    void withoutAPreferenceAnEmailIsUsedWhenThereIsOne() {
        assertThat(ChannelChoice.forMember(member("ada@example.org", null, null))).isEqualTo(NoticeChannel.EMAIL);
        assertThat(ChannelChoice.forMember(member(null, "+16175550100", null))).isEqualTo(NoticeChannel.LETTER);
    }

    @Test
    void aPreferenceWithoutItsContactFallsBackToALetter() {
        assertThat(ChannelChoice.forMember(member(null, "+16175550100", "EMAIL"))).isEqualTo(NoticeChannel.LETTER);
        assertThat(ChannelChoice.forMember(member("ada@example.org", null, "SMS"))).isEqualTo(NoticeChannel.LETTER);
        assertThat(ChannelChoice.forMember(member("  ", " ", null))).isEqualTo(NoticeChannel.LETTER);
    }

    @Test
    void anUnknownMemberGetsALetter() {
        assertThat(ChannelChoice.forMember(Optional.empty())).isEqualTo(NoticeChannel.LETTER);
    }
}

package com.premiumledger.notification.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.notice.NoticeChannel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelChoiceTest {

    @Test
    void aMemberWithAnEmailGetsEmail() {
        assertThat(ChannelChoice.forMember(Optional.of(new Member("A1", "Ada", "ada@example.org", "en"))))
                .isEqualTo(NoticeChannel.EMAIL);
    }

    @Test
    void aMemberWithoutAnEmailGetsALetter() {
        assertThat(ChannelChoice.forMember(Optional.of(new Member("A1", "Ada", null, "en"))))
                .isEqualTo(NoticeChannel.LETTER);
        assertThat(ChannelChoice.forMember(Optional.of(new Member("A1", "Ada", "  ", "en"))))
                .isEqualTo(NoticeChannel.LETTER);
    }

    @Test
    void anUnknownMemberGetsALetter() {
        assertThat(ChannelChoice.forMember(Optional.empty())).isEqualTo(NoticeChannel.LETTER);
    }
}

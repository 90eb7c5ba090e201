package com.premiumledger.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.events.MailingAddress;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeType;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every notice type has a template per channel and language, and each renders everything a notice must say. */
class NoticeTemplatesTest {

    static final NotificationProperties PROPERTIES = NotificationProperties.defaults();
    static final NoticeRenderer RENDERER = new NoticeRenderer(PROPERTIES);
    static final Map<String, String> FACTS = Map.ofEntries(Map.entry("billId", "A1-2027-02"),
            Map.entry("coverageMonth", "2027-02"), Map.entry("dueDate", "2027-01-23"),
            Map.entry("paymentId", "P-1"), Map.entry("receivedDate", "2027-01-20"),
            Map.entry("reversedDate", "2027-01-21"), Map.entry("reason", "NSF"), Map.entry("method", "ACH"),
            Map.entry("lastFour", "6789"), Map.entry("graceStart", "2027-02-01"), Map.entry("graceEnd", "2027-04-30"),
            Map.entry("effectiveDate", "2027-03-01"), Map.entry("terminationEffectiveDate", "2027-02-28"),
            Map.entry("daysBefore", "30"), Map.entry("owedCents", "40000"), Map.entry("owedByDate", "2027-01-23"));

    static Stream<Arguments> everyTemplate() {
        List<Arguments> all = new ArrayList<>();
        for (String language : PROPERTIES.languages()) {
            for (NoticeChannel channel : NoticeChannel.values()) {
                for (NoticeType type : NoticeType.values()) {
                    all.add(Arguments.of(language, channel, type));
                }
            }
        }
        return all.stream();
    }

    static NoticeContent content(NoticeType type, String language) {
        Member member = new Member("A100000001", "Ana Silva", "ana@example.org", "+16175550100",
                new MailingAddress("1 Main St", "Apt 2", "Boston", "MA", "02108"), language, null);
        return new NoticeContent(type.name() + ":A100000001", "A100000001", type.name(), 20_000,
                type.asksForPayment() ? LocalDate.of(2027, 4, 30) : null, FACTS, Optional.of(member));
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void everyTypeChannelAndLanguageHasATemplateThatRendersTheEssentials(String language, NoticeChannel channel,
                                                                         NoticeType type) {
        assertThat(NoticeTemplatesTest.class.getClassLoader()
                .getResource(NoticeRenderer.path(language, channel, type.name()))).isNotNull();
        RenderedNotice rendered = RENDERER.render(content(type, language), channel);
        assertThat(rendered.language()).isEqualTo(language);
        assertThat(rendered.body()).doesNotContain("{{").doesNotContain("}}").contains("A100000001")
                .contains(PROPERTIES.howToPay().onlineUrl()).contains(PROPERTIES.howToPay().phone());
        if (type.asksForPayment()) {
            assertThat(rendered.body()).contains("$200.00")
                    .contains(language.equals("en") ? "April 30, 2027" : "30 de abril de 2027");
        }
        if (channel == NoticeChannel.EMAIL) {
            assertThat(rendered.subject()).isNotBlank().doesNotContain("{{");
        } else {
            assertThat(rendered.subject()).isNull();
        }
        if (channel == NoticeChannel.SMS) {
            assertThat(rendered.body().length()).isLessThanOrEqualTo(PROPERTIES.sms().bodyLengthMax() + 1);
        } else {
            // What happens if not paid (its heading on a line of its own), and every way to pay, including the
            // mailing address for checks.
            assertThat(rendered.body()).contains(language.equals("en") ? "What happens if you do not pay:\n"
                            : "Qué pasa si no paga:\n")
                    .contains(PROPERTIES.howToPay().checkPayee()).contains("PO Box 1000");
        }
    }

    @Test
    void anEnglishPastDueWarningSaysWhatIsOwedByWhenAndWhatFollows() {
        RenderedNotice email = RENDERER.render(content(NoticeType.PAST_DUE_WARNING, "en"), NoticeChannel.EMAIL);
        assertThat(email.subject()).isEqualTo("Past due: pay $200.00 by April 30, 2027 to keep your coverage");
        assertThat(email.body()).contains("Dear Ana Silva,").contains("Account number: A100000001")
                .contains("Amount to pay: $200.00").contains("Pay by: April 30, 2027")
                .contains("runs from February 1, 2027 to April 30, 2027").contains("coverage is terminated");
    }

    @Test
    void aNoticeThatAsksForNothingStatesWhatIsStillOwed() {
        RenderedNotice email = RENDERER.render(content(NoticeType.REINSTATEMENT, "es"), NoticeChannel.EMAIL);
        assertThat(email.body()).contains("Monto a pagar: $400.00").contains("Pagar a más tardar: 23 de enero de 2027")
                .contains("1 de marzo de 2027");
    }

    @Test
    void aLetterPrintsAsAPdfWithItsTextAndAddress() throws IOException {
        RenderedNotice letter = RENDERER.render(content(NoticeType.TERMINATION_WARNING, "es"), NoticeChannel.LETTER);
        assertThat(letter.body()).contains("1 Main St").contains("Boston, MA 02108");
        byte[] pdf = new LetterPrinter().print(letter.body());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Último aviso").contains("30 de abril de 2027").contains("A100000001")
                    .contains("Boston, MA 02108");
        }
    }

    @Test
    void anUnknownLanguageFallsBackToTheFirstConfigured() {
        NoticeContent content = new NoticeContent("BILL_READY:B1", "A1", "BILL_READY", 100, LocalDate.of(2027, 1, 23),
                Map.of(), Optional.of(new Member("A1", "X", null, null, null, "fr", null)));
        assertThat(RENDERER.render(content, NoticeChannel.SMS).language()).isEqualTo("en");
    }

    @Test
    void theMessageIdIsStableAndValidForEveryNoticeId() {
        assertThat(EmailChannel.messageId("BILL_READY:A1-2027-02", "n.example"))
                .isEqualTo("<BILL_READY/A1-2027-02@n.example>");
        assertThat(EmailChannel.messageId("TERMINATION_WARNING:A1:2027-02-01:30d", "n.example"))
                .isEqualTo("<TERMINATION_WARNING/A1/2027-02-01/30d@n.example>");
        assertThat(EmailChannel.messageId("BILL_READY:a b@c", "n.example")).isEqualTo("<BILL_READY/a=20b=40c@n.example>");
    }
}

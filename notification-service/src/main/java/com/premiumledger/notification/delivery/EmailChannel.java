package com.premiumledger.notification.delivery;

import com.premiumledger.notification.NotificationProperties;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP (Spring Mail; the server is {@code spring.mail.host}/{@code port}). The Message-ID is derived
 * from the notice id, so a notice sent again after a crash (sent, but not yet marked sent) is the same
 * message to every mail system that deduplicates by it.
 */
@Component
class EmailChannel {

    static final String NOTICE_ID_HEADER = "X-Premium-Notice-Id";

    private final JavaMailSenderImpl mail;
    private final NotificationProperties.EmailSender sender;

    EmailChannel(JavaMailSenderImpl mail, NotificationProperties properties) {
        this.mail = mail;
        this.sender = properties.email();
    }

    void send(Delivery delivery) throws MessagingException {
        if (delivery.recipient() == null) {
            throw new MessagingException("no email address on file for account " + delivery.accountId());
        }
        String messageId = messageId(delivery.noticeId(), sender.messageIdDomain());
        MimeMessage message = new MimeMessage(mail.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        // Plain JavaMail rather than MimeMessageHelper, which builds and parses a MIME type map for every message
        // (measured: most of this service's CPU when notices flow).
        message.setFrom(new InternetAddress(sender.from(), true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(delivery.recipient(), true));
        message.setSubject(delivery.subject(), StandardCharsets.UTF_8.name());
        message.setText(delivery.body(), StandardCharsets.UTF_8.name());
        message.setHeader(NOTICE_ID_HEADER, delivery.noticeId());
        mail.send(message);
    }

    /**
     * {@code <TYPE/trigger@domain>}: the notice id with its separators as slashes, and anything outside the
     * characters a Message-ID may hold written as =XX, so two notices never share one.
     */
    static String messageId(String noticeId, String domain) {
        StringBuilder local = new StringBuilder();
        for (byte b : noticeId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == ':') {
                local.append('/');
            } else if (Character.isLetterOrDigit(c) && c < 128 || "-_.+".indexOf(c) >= 0) {
                local.append(c);
            } else {
                local.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        return "<" + local + "@" + domain + ">";
    }
}

package com.premiumledger.notification.delivery;

import com.premiumledger.events.MailingAddress;
import com.premiumledger.events.Money;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeType;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Renders notices from the Mustache templates under {@code templates/notices/<language>/<channel>/<TYPE>.mustache}
 * (shared pieces in {@code templates/notices/<language>/partials/}). An email template's first line is
 * {@code Subject: ...}. Text is plain (no HTML escaping): emails are text/plain, letters become PDF.
 */
@Component
class NoticeRenderer {

    static final String ROOT = "templates/notices/";
    static final String SUBJECT_PREFIX = "Subject:";

    private static final Map<String, DateTimeFormatter> DATE_FORMATS = Map.of(
            "en", DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US),
            "es", DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es")));

    private final NotificationProperties properties;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    NoticeRenderer(NotificationProperties properties) {
        this.properties = properties;
    }

    RenderedNotice render(NoticeContent content, NoticeChannel channel) {
        String language = language(content);
        Template template = templates.computeIfAbsent(path(language, channel, content.type()), this::compile);
        String text = template.execute(model(content, language)).strip();
        if (channel == NoticeChannel.EMAIL) {
            int lineEnd = text.indexOf('\n');
            String first = lineEnd < 0 ? text : text.substring(0, lineEnd);
            if (!first.startsWith(SUBJECT_PREFIX)) {
                throw new IllegalStateException("email template " + path(language, channel, content.type())
                        + " must start with a " + SUBJECT_PREFIX + " line");
            }
            return new RenderedNotice(language, first.substring(SUBJECT_PREFIX.length()).strip(),
                    lineEnd < 0 ? "" : text.substring(lineEnd + 1).strip() + "\n");
        }
        if (channel == NoticeChannel.SMS && text.length() > properties.sms().bodyLengthMax()) {
            text = text.substring(0, properties.sms().bodyLengthMax());
        }
        return new RenderedNotice(language, null, text + "\n");
    }

    static String path(String language, NoticeChannel channel, String type) {
        return ROOT + language + "/" + channel.name().toLowerCase(Locale.ROOT) + "/" + type + ".mustache";
    }

    /** The member's language when templates exist for it, else the first configured one. */
    private String language(NoticeContent content) {
        String wanted = content.member().map(Member::language).orElse(null);
        return wanted != null && properties.languageSet().contains(wanted) ? wanted : properties.languages().get(0);
    }

    private Template compile(String path) {
        String language = path.substring(ROOT.length(), path.indexOf('/', ROOT.length()));
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).strictSections(false)
                .emptyStringIsFalse(true)
                .defaultValue("").withLoader(name -> reader(ROOT + language + "/partials/" + name + ".mustache"));
        try (Reader reader = reader(path)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(String path) {
        InputStream in = NoticeRenderer.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("no notice template " + path);
        }
        try (in) {
            return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> model(NoticeContent content, String language) {
        DateTimeFormatter dates = DATE_FORMATS.getOrDefault(language, DATE_FORMATS.get("en"));
        Map<String, Object> model = new HashMap<>();
        content.facts().forEach((name, value) -> model.put(name, format(name, value, dates)));
        model.put("noticeId", content.noticeId());
        model.put("accountNumber", content.accountId());
        model.put("holderName", content.member().map(Member::holderName).orElse(null));
        model.put("amount", Money.ofCents(content.amountCents()).toString());
        model.put("payBy", content.payByDate() == null ? null : dates.format(content.payByDate()));
        boolean asks = NoticeType.valueOf(content.type()).asksForPayment();
        long toPayCents = asks ? content.amountCents() : parseCents(content.facts().get("owedCents"));
        String toPayBy = asks ? (String) model.get("payBy") : (String) model.get("owedByDate");
        model.put("hasToPay", toPayCents > 0);
        model.put("toPay", Money.ofCents(toPayCents).toString());
        model.put("toPayBy", toPayBy);
        content.member().map(Member::mailingAddress).ifPresent(address -> model.put("address", lines(address)));
        NotificationProperties.HowToPay howToPay = properties.howToPay();
        model.put("payOnlineUrl", howToPay.onlineUrl());
        model.put("payPhone", howToPay.phone());
        model.put("checkPayee", howToPay.checkPayee());
        model.put("checkAddress", String.join(", ", howToPay.checkAddressLines()));
        model.put("checkAddressLines", howToPay.checkAddressLines());
        // A missing value renders as nothing and a section over it is skipped; null would be ambiguous.
        model.values().removeIf(java.util.Objects::isNull);
        return model;
    }

    private static List<String> lines(MailingAddress address) {
        String line2 = address.line2() == null ? "" : address.line2();
        return java.util.stream.Stream.of(address.line1(), line2,
                address.city() + ", " + address.state() + " " + address.postalCode())
                .filter(line -> !line.isBlank()).toList();
    }

    /** Dates read as dates and cents as dollars in the member's language; other facts as they are. */
    private static Object format(String name, String value, DateTimeFormatter dates) {
        if (value == null) {
            return null;
        }
        if (name.endsWith("Cents")) {
            return Money.ofCents(parseCents(value)).toString();
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return dates.format(LocalDate.parse(value));
        }
        return value;
    }

    private static long parseCents(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}

package com.premiumledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stack's inbox: where notification-service's email and SMS go on one machine, and where an operator
 * reads what members would have received. An SMTP server (GreenMail) takes the mail; a small JDK HTTP server is
 * the SMS gateway ({@code POST /sms} with JSON {@code {to, body}} and an {@code Idempotency-Key}, answered 202) and
 * lists what arrived: {@code GET /mail?to=} and {@code GET /sms?to=}. Every SMS is kept as it came, repeats
 * included, so a notice sent twice shows as two. Nothing leaves the machine; everything is in memory until the
 * stack stops. Both servers listen on 127.0.0.1 only. The benchmark starts one too: notification-service's health
 * includes its SMTP server.
 */
public final class LocalInbox implements AutoCloseable {

    /**
     * The inbox's bounds: SMS kept (the oldest is dropped beyond it), entries one listing returns (the newest),
     * bytes one request to it may carry, and characters of one SMS text.
     */
    public record Limits(int smsKeptMax, int listedMax, int requestBytesMax, int smsBodyCharsMax) {

        public static final Limits DEFAULT = new Limits(10_000, 1_000, 64 * 1024, 2_000);

        public Limits {
            if (smsKeptMax < 1 || listedMax < 1 || requestBytesMax < 1 || smsBodyCharsMax < 1) {
                throw new IllegalArgumentException("every inbox limit must be at least 1: " + this);
            }
        }
    }

    /** One email as the SMTP server received it; {@code noticeId} is the X-Premium-Notice-Id header, if any. */
    record Mail(String to, String from, String subject, String messageId, String noticeId, Instant sentDate,
                String text) {
    }

    /** One SMS as the gateway received it. */
    record Sms(String to, String body, String idempotencyKey, Instant receivedAt) {
    }

    static final String NOTICE_ID_HEADER = "X-Premium-Notice-Id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LISTED_DEFAULT = 100;

    private final GreenMail smtp;
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final Limits limits;
    private final Clock clock;
    private final Deque<Sms> sms = new ArrayDeque<>();

    private LocalInbox(GreenMail smtp, HttpServer http, ExecutorService httpThreads, Limits limits, Clock clock) {
        this.smtp = smtp;
        this.http = http;
        this.httpThreads = httpThreads;
        this.limits = limits;
        this.clock = clock;
    }

    /** Starts both servers; port 0 takes a free one (see {@link #smtpPort()} and {@link #httpPort()}). */
    public static LocalInbox start(int smtpPort, int httpPort, Limits limits) throws IOException {
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(smtpPort == 0 ? setup.dynamicPort() : setup);
        smtp.start();
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-inbox-http");
            thread.setDaemon(true);
            return thread;
        });
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        } catch (IOException e) {
            smtp.stop();
            threads.shutdownNow();
            throw new IOException("the inbox cannot listen on 127.0.0.1:" + httpPort + ": " + e.getMessage(), e);
        }
        LocalInbox inbox = new LocalInbox(smtp, http, threads, limits, Clock.systemUTC());
        http.createContext("/sms", inbox::handleSms);
        http.createContext("/mail", inbox::handleMail);
        http.setExecutor(threads);
        http.start();
        return inbox;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    int httpPort() {
        return http.getAddress().getPort();
    }

    /** Where notification-service posts SMS ({@code premium.notification.sms.gateway-url}). */
    public String smsGatewayUrl() {
        return url() + "/sms";
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort();
    }

    /** The Spring arguments that point notification-service at this inbox. */
    public List<String> notificationServiceArguments() {
        return List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort(),
                "--premium.notification.sms.gateway-url=" + smsGatewayUrl());
    }

    /** Every email received for {@code to} (every email when null), oldest first. */
    List<Mail> mails(String to) {
        List<StoredMessage> received = new ArrayList<>(smtp.getManagers().getImapHostManager().getAllMessages());
        // GreenMail lists by mailbox; the inbox lists in the order the messages arrived.
        received.sort(Comparator.comparing(StoredMessage::getReceivedDate));
        List<Mail> mails = new ArrayList<>();
        for (StoredMessage message : received) {
            Mail mail = mail(message.getMimeMessage());
            if (to == null || Arrays.stream(mail.to().split(",\\s*")).anyMatch(to::equalsIgnoreCase)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** Every SMS received for {@code to} (every SMS when null), oldest first. */
    synchronized List<Sms> sms(String to) {
        return sms.stream().filter(message -> to == null || message.to().equals(to)).toList();
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        smtp.stop();
    }

    private static Mail mail(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            String to = recipients == null ? "" : String.join(", ",
                    Arrays.stream(recipients).map(Address::toString).toList());
            Address[] from = message.getFrom();
            return new Mail(to, from == null || from.length == 0 ? null : from[0].toString(), message.getSubject(),
                    message.getMessageID(), message.getHeader(NOTICE_ID_HEADER, null),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(), text(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received message: " + e.getMessage(), e);
        }
    }

    /** The plain-text body: the message itself, or the first text/plain part of a multipart one. */
    private static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text.replace("\r\n", "\n");
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return part.getContent().toString().replace("\r\n", "\n");
                }
            }
        }
        return null;
    }

    private void handleSms(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/sms".equals(exchange.getRequestURI().getPath())) {
                problem(exchange, 404, "not-found", "no such path");
            } else if ("POST".equals(exchange.getRequestMethod())) {
                receiveSms(exchange);
            } else if ("GET".equals(exchange.getRequestMethod())) {
                Map<String, String> query = query(exchange);
                Integer listed = listed(exchange, query);
                if (listed != null) {
                    List<Sms> found = sms(query.get("to"));
                    respond(exchange, 200, listing("sms", found.size(), newest(found, listed)));
                }
            } else {
                problem(exchange, 405, "method-not-allowed", "GET or POST");
            }
        }
    }

    private void handleMail(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/mail".equals(exchange.getRequestURI().getPath())) {
                problem(exchange, 404, "not-found", "no such path");
            } else if ("GET".equals(exchange.getRequestMethod())) {
                Map<String, String> query = query(exchange);
                Integer listed = listed(exchange, query);
                if (listed != null) {
                    List<Mail> found = mails(query.get("to"));
                    respond(exchange, 200, listing("mails", found.size(), newest(found, listed)));
                }
            } else {
                problem(exchange, 405, "method-not-allowed", "GET only");
            }
        }
    }

    /** Accepts {to, body} as the gateway would; a malformed or oversized request is a 400 and keeps nothing. */
    private void receiveSms(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            problem(exchange, 415, "unsupported-media-type", "send application/json");
            return;
        }
        byte[] request = readAtMost(exchange.getRequestBody(), limits.requestBytesMax());
        if (request == null) {
            problem(exchange, 413, "request-too-large", "at most " + limits.requestBytesMax() + " bytes");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(request);
        } catch (IOException e) {
            problem(exchange, 400, "malformed-json", "the body is not JSON");
            return;
        }
        String to = body == null ? "" : body.path("to").asText("");
        String text = body == null ? "" : body.path("body").asText("");
        if (to.isBlank() || text.isBlank()) {
            problem(exchange, 400, "validation", "to and body are required");
            return;
        }
        if (text.length() > limits.smsBodyCharsMax()) {
            problem(exchange, 400, "sms-too-long", "body has at most " + limits.smsBodyCharsMax() + " characters");
            return;
        }
        keep(new Sms(to, text, exchange.getRequestHeaders().getFirst("Idempotency-Key"), clock.instant()));
        respond(exchange, 202, Map.of("status", "accepted"));
    }

    private synchronized void keep(Sms message) {
        sms.addLast(message);
        while (sms.size() > limits.smsKeptMax()) {
            sms.removeFirst();
        }
    }

    /** The {@code limit} asked for (default 100), or null after answering 400 for a bad one. */
    private Integer listed(HttpExchange exchange, Map<String, String> query) throws IOException {
        String limit = query.get("limit");
        int listed;
        try {
            listed = limit == null ? Math.min(LISTED_DEFAULT, limits.listedMax()) : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            listed = -1;
        }
        if (listed < 1 || listed > limits.listedMax()) {
            problem(exchange, 400, "limit", "limit must be between 1 and " + limits.listedMax());
            return null;
        }
        return listed;
    }

    private static <T> List<T> newest(List<T> all, int listed) {
        return all.subList(Math.max(0, all.size() - listed), all.size());
    }

    private static Map<String, Object> listing(String field, int count, List<?> entries) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", count);
        body.put(field, entries.stream().map(LocalInbox::entry).toList());
        return body;
    }

    private static Map<String, Object> entry(Object entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (entry instanceof Mail mail) {
            fields.put("to", mail.to());
            fields.put("from", mail.from());
            fields.put("subject", mail.subject());
            fields.put("messageId", mail.messageId());
            fields.put("noticeId", mail.noticeId());
            fields.put("sentDate", mail.sentDate() == null ? null : mail.sentDate().toString());
            fields.put("text", mail.text());
        } else if (entry instanceof Sms message) {
            fields.put("to", message.to());
            fields.put("body", message.body());
            fields.put("idempotencyKey", message.idempotencyKey());
            fields.put("receivedAt", message.receivedAt().toString());
        }
        return fields;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value.isEmpty() ? null : value);
        }
        return query;
    }

    /** The whole stream, or null when it holds more than {@code bytesMax}. */
    private static byte[] readAtMost(InputStream in, int bytesMax) throws IOException {
        byte[] bytes = in.readNBytes(bytesMax + 1);
        return bytes.length > bytesMax ? null : bytes;
    }

    private static void problem(HttpExchange exchange, int status, String type, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:premium-ledger:local-inbox:" + type);
        body.put("title", type);
        body.put("status", status);
        body.put("detail", detail);
        write(exchange, status, "application/problem+json", body);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json", body);
    }

    private static void write(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

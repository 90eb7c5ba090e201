package com.premiumledger.notification.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local SMS gateway (JDK HTTP server): records every {@code POST /sms} with its JSON {to, body} and
 * Idempotency-Key, answers 202, or 503 for numbers told to fail.
 */
public final class TestSmsGateway {

    /** One SMS as the gateway received it. */
    public record Sms(String to, String body, String idempotencyKey) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Sms> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    private static final HttpServer SERVER = started();

    private TestSmsGateway() {
    }

    public static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/sms";
    }

    public static List<Sms> received(String to) {
        return RECEIVED.stream().filter(sms -> sms.to().equals(to)).toList();
    }

    public static void failFor(String to) {
        FAILING.add(to);
    }

    private static HttpServer started() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/sms", TestSmsGateway::handle);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String to = body.path("to").asText();
            int status;
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestHeaders()
                    .getFirst("Content-Type").startsWith("application/json")) {
                status = 400;
            } else if (FAILING.contains(to)) {
                status = 503;
            } else {
                RECEIVED.add(new Sms(to, body.path("body").asText(),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key")));
                status = 202;
            }
            byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}

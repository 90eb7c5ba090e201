package com.premiumledger.deploy.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local JDK HTTP server answering with recorded responses, and remembering what it was asked. */
final class RecordedService implements AutoCloseable {

    record Answer(int status, String contentType, String body) {
    }

    record Request(String method, String pathAndQuery, String authorization, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> inTurn = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    RecordedService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            requests.add(new Request(exchange.getRequestMethod(), pathAndQuery,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String key = exchange.getRequestMethod() + " " + pathAndQuery;
            Queue<Answer> turns = inTurn.get(key);
            if (turns != null && turns.size() > 1) {
                answers.put(key, turns.poll());
            } else if (turns != null && !turns.isEmpty()) {
                answers.put(key, turns.peek());
            }
            Answer answer = answers.getOrDefault(key,
                    new Answer(404, "application/problem+json", """
                            {"type":"https://premium-ledger.example/problems/http-404","title":"Not Found",\
                            "status":404,"detail":"no recorded answer"}"""));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    RecordedService answer(String methodAndPath, int status, String contentType, String body) {
        answers.put(methodAndPath, new Answer(status, contentType, body));
        return this;
    }

    /** Answers one request after another with {@code bodies} (all 200 JSON); the last one then stays. */
    RecordedService answerInTurn(String methodAndPath, String... bodies) {
        Queue<Answer> turns = new ConcurrentLinkedQueue<>();
        for (String body : bodies) {
            turns.add(new Answer(200, "application/json", body));
        }
        inTurn.put(methodAndPath, turns);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

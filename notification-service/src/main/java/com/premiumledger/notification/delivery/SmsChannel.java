package com.premiumledger.notification.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.premiumledger.notification.NotificationProperties;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SMS through a pluggable HTTP gateway: POST {@code {"to": "+1...", "body": "..."}} as JSON to the configured
 * URL, with the notice id as {@code Idempotency-Key} so a gateway that honours it sends a retried notice once.
 * Any 2xx is success; anything else, or no answer within the timeout, is a failed attempt.
 */
@Component
class SmsChannel {

    private final NotificationProperties.SmsGateway gateway;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    SmsChannel(NotificationProperties properties) {
        this.gateway = properties.sms();
        this.client = HttpClient.newBuilder().connectTimeout(gateway.timeout()).build();
    }

    void send(Delivery delivery) throws IOException, InterruptedException {
        if (delivery.recipient() == null) {
            throw new IOException("no phone number on file for account " + delivery.accountId());
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", delivery.recipient());
        body.put("body", delivery.body().strip());
        HttpRequest request = HttpRequest.newBuilder(gateway.gatewayUrl()).timeout(gateway.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", delivery.noticeId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("SMS gateway answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }
}

package com.premiumledger.deploy;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A small JSON-over-HTTP client for the end-to-end flow, with the local stack's users. */
final class Http {

    static final String SERVICE = "service";
    static final String OPERATOR = "operator";
    static final String AUDITOR = "auditor";

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    record Response(int status, Map<String, Object> body) {
    }

    private final RestClient client = RestClient.builder()
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
            .build();

    Response post(String user, String url, Object body, Map<String, String> headers) {
        var spec = client.post().uri(url).headers(h -> {
            h.setBasicAuth(user, user + "-local-only");
            headers.forEach(h::add);
        }).contentType(MediaType.APPLICATION_JSON);
        var entity = (body == null ? spec : spec.body(body)).retrieve().toEntity(JSON);
        return new Response(entity.getStatusCode().value(), entity.getBody());
    }

    Response post(String user, String url, Object body) {
        return post(user, url, body, Map.of());
    }

    Response get(String user, String url) {
        var entity = client.get().uri(url).headers(h -> h.setBasicAuth(user, user + "-local-only"))
                .retrieve().toEntity(JSON);
        return new Response(entity.getStatusCode().value(), entity.getBody());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }
}

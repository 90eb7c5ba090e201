package com.premiumledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code premium.http.max-request-bytes} before anything reads them:
 * a declared length over the limit, or a body without a declared length (chunked), gets 413.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;
    private final ObjectMapper objectMapper;

    public RequestSizeLimitFilter(long maxRequestBytes, ObjectMapper objectMapper) {
        this.maxRequestBytes = maxRequestBytes;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxRequestBytes || (chunked && length < 0)) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                    "request-too-large", "Request too large",
                    "request bodies are limited to " + maxRequestBytes + " bytes and must declare their length"));
            return;
        }
        chain.doFilter(request, response);
    }
}

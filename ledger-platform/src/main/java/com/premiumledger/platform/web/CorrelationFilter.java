package com.premiumledger.platform.web;

import com.premiumledger.platform.command.LedgerCommands;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it is a plain token, else a new
 * one. It is in the MDC (every log line of the request), on the response, and on every command the request sends,
 * so it becomes {@code ce_correlationid} of every event down the chain, up to the last notice.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlation = given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(LedgerCommands.MDC_CORRELATION, correlation);
        response.setHeader(HEADER, correlation);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LedgerCommands.MDC_CORRELATION);
        }
    }
}

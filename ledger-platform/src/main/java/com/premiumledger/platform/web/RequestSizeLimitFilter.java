package com.premiumledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code premium.http.max-request-bytes}: a declared length over the
 * limit gets 413 before anything reads the body; a chunked body is counted while it is read and fails
 * with {@link RequestTooLargeException} (answered 413 by {@link ProblemHandler}) at the first byte over.
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
        if (request.getContentLengthLong() > maxRequestBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), tooLarge(maxRequestBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxRequestBytes), response);
    }

    static org.springframework.http.ProblemDetail tooLarge(long maxRequestBytes) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "Request too large",
                "request bodies are limited to " + maxRequestBytes + " bytes");
    }

    /** Thrown while reading a body that turns out larger than the limit. */
    public static final class RequestTooLargeException extends IOException {
        private final long maxRequestBytes;

        RequestTooLargeException(long maxRequestBytes) {
            super("request body larger than " + maxRequestBytes + " bytes");
            this.maxRequestBytes = maxRequestBytes;
        }

        long maxRequestBytes() {
            return maxRequestBytes;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxRequestBytes;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxRequestBytes) {
            super(request);
            this.maxRequestBytes = maxRequestBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxRequestBytes);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxRequestBytes;
        private long readBytes;

        LimitedInputStream(ServletInputStream delegate, long maxRequestBytes) {
            this.delegate = delegate;
            this.maxRequestBytes = maxRequestBytes;
        }

        @Override
        public int read() throws IOException {
            int value = delegate.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = delegate.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int bytes) throws RequestTooLargeException {
            readBytes += bytes;
            if (readBytes > maxRequestBytes) {
                throw new RequestTooLargeException(maxRequestBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}

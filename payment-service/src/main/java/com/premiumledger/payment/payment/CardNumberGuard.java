package com.premiumledger.payment.payment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Looks at a payment request body before JSON binding sees it, because binding errors can quote the value
 * they choke on (and then reach a log or a problem detail). A body holding what looks like a full card or
 * account number is refused here, and its content goes nowhere. The platform's request size limit bounds
 * what is read.
 */
@ControllerAdvice(assignableTypes = PaymentController.class)
class CardNumberGuard extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == PaymentRequests.RecordPaymentRequest.class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body;
        try (InputStream in = message.getBody()) {
            body = in.readAllBytes();
        }
        if (CardNumberDetector.jsonContainsFullNumber(new String(body, StandardCharsets.UTF_8))) {
            throw PaymentRules.fullNumberRejected();
        }
        HttpHeaders headers = message.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}

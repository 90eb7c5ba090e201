package com.premiumledger.notification.delivery;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Read access to deliveries and letters, for the notice history. */
@Component
public class NoticeDeliveries {

    private final Deliveries deliveries;

    NoticeDeliveries(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    public Optional<Delivery> find(String noticeId) {
        return deliveries.find(noticeId);
    }

    public Map<String, Delivery> findAll(Collection<String> noticeIds) {
        return deliveries.findAll(noticeIds);
    }

    public Optional<byte[]> letter(String noticeId) {
        return deliveries.letter(noticeId);
    }
}

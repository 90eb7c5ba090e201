package com.premiumledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * BillIssued v1 to v2. Version 1 did not say on which business date the bill was issued, and billing's ledger,
 * balance as of a date and trial balance dated such a bill by the UTC date of the instant it was recorded; the
 * upcaster writes exactly that date as {@code issuedDate}, so figures derived from old records do not move.
 * It therefore needs the recorded instant (the stored event's timestamp, its {@code ce_time}); without it the
 * payload is refused rather than dated by guess. Pure: the same payload and instant always give the same v2
 * payload.
 */
public final class BillIssuedV1ToV2 implements EventUpcaster {

    public static final String V1 = "com.premiumledger.billing.BillIssued.v1";
    public static final String V2 = "com.premiumledger.billing.BillIssued.v2";

    @Override
    public String fromType() {
        return V1;
    }

    @Override
    public String toType() {
        return V2;
    }

    @Override
    public ObjectNode upcast(ObjectNode old) {
        return upcast(old, null);
    }

    @Override
    public ObjectNode upcast(ObjectNode old, Instant recordedAt) {
        if (recordedAt == null) {
            throw new EnvelopeException(V1 + " is upcast with the instant it was recorded, and none was given");
        }
        ObjectNode next = old.objectNode();
        for (String field : new String[] {"accountId", "billId", "coverageMonth", "dueDate", "grossPremiumCents",
                "subsidyCents", "amountDueCents"}) {
            EventUpcaster.copy(old, field, next);
        }
        next.put("issuedDate", LocalDate.ofInstant(recordedAt, ZoneOffset.UTC).toString());
        EventUpcaster.copy(old, "issuedBy", next);
        return next;
    }
}

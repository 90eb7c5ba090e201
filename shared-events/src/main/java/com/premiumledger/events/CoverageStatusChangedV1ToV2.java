package com.premiumledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CoverageStatusChanged v1 to v2. Version 1 knew neither the program nor the grace dates, so they stay null;
 * a v1 termination took effect on its effective date, which is therefore its termination effective date.
 * Pure: the same v1 payload always gives the same v2 payload.
 */
public final class CoverageStatusChangedV1ToV2 implements EventUpcaster {

    public static final String V1 = "com.premiumledger.coverage.CoverageStatusChanged.v1";
    public static final String V2 = "com.premiumledger.coverage.CoverageStatusChanged.v2";

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
        ObjectNode next = old.objectNode();
        EventUpcaster.copy(old, "accountId", next, "accountId");
        next.putNull("program");
        EventUpcaster.copy(old, "fromStatus", next, "fromStatus");
        EventUpcaster.copy(old, "toStatus", next, "toStatus");
        EventUpcaster.copy(old, "reason", next, "reason");
        EventUpcaster.copy(old, "effectiveDate", next, "effectiveDate");
        next.putNull("graceStart");
        next.putNull("graceEnd");
        next.putNull("paidThroughDate");
        if ("TERMINATED".equals(old.path("toStatus").asText(null))) {
            EventUpcaster.copy(old, "effectiveDate", next, "terminationEffectiveDate");
        } else {
            next.putNull("terminationEffectiveDate");
        }
        EventUpcaster.copy(old, "causeEventId", next, "causeEventId");
        return next;
    }
}

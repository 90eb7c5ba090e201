package com.premiumledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * AccountOpened v1 to v2. Version 1 knew only the email, so the phone, mailing address and notice preference
 * stay null (notices then go by email when there is one, else by letter). Pure: the same v1 payload always
 * gives the same v2 payload.
 */
public final class AccountOpenedV1ToV2 implements EventUpcaster {

    public static final String V1 = "com.premiumledger.billing.AccountOpened.v1";
    public static final String V2 = "com.premiumledger.billing.AccountOpened.v2";

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
        EventUpcaster.copy(old, "accountId", next);
        EventUpcaster.copy(old, "holderName", next);
        EventUpcaster.copy(old, "program", next);
        EventUpcaster.copy(old, "coverageStart", next);
        EventUpcaster.copy(old, "language", next);
        EventUpcaster.copy(old, "email", next);
        next.putNull("phone");
        next.putNull("mailingAddress");
        next.putNull("noticePreference");
        EventUpcaster.copy(old, "openedBy", next);
        return next;
    }

    /** Copies only what is there, so a v1 payload missing a field is still refused when it binds. */
}

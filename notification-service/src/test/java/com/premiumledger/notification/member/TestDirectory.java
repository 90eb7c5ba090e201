package com.premiumledger.notification.member;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.notification.NotificationProperties;

/** A member directory on a database of a test's own. */
public final class TestDirectory {

    private TestDirectory() {
    }

    public static MemberDirectory on(MongoDatabase database, NotificationProperties properties) {
        return new MemberDirectory(database, properties);
    }
}

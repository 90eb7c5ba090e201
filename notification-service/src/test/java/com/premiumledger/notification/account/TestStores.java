package com.premiumledger.notification.account;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.notification.NotificationProperties;

/** The account package's stores on a database of a test's own. */
public final class TestStores {

    private TestStores() {
    }

    public static AccountStates states(MongoDatabase database, NotificationProperties properties) {
        return new AccountStates(database, properties);
    }

    public static BusinessCalendar calendar(MongoDatabase database) {
        return new BusinessCalendar(database);
    }

    public static Wakeups wakeups(MongoDatabase database, NotificationProperties properties) {
        return new Wakeups(database, properties);
    }
}

package com.premiumledger.notification.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.MailingAddress;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemberDirectoryTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private final MongoDatabase database = MONGO.freshDatabase("members_");

    @Test
    void aMemberFoundOnceIsServedFromMemoryAfterwards() {
        MemberDirectory directory = new MemberDirectory(database, withCache(10));
        directory.record(opened("ACC-1"));
        assertThat(directory.find("ACC-1")).get().extracting(Member::email).isEqualTo("acc-1@example.org");

        // Gone from the store (which nothing in the service ever does): the kept copy still answers, which shows
        // the second lookup did not read the store.
        database.getCollection(MemberDirectory.COLLECTION).deleteOne(Filters.eq("_id", "ACC-1"));

        assertThat(directory.find("ACC-1")).get().extracting(Member::holderName).isEqualTo("Holder ACC-1");
        assertThat(directory.exists("ACC-1")).isTrue();
    }

    @Test
    void anAbsenceIsNeverKept() {
        MemberDirectory directory = new MemberDirectory(database, withCache(10));
        assertThat(directory.find("ACC-2")).isEmpty();
        assertThat(directory.exists("ACC-2")).isFalse();

        directory.record(opened("ACC-2"));

        assertThat(directory.find("ACC-2")).isPresent();
        assertThat(directory.exists("ACC-2")).isTrue();
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedMembersAndNoneWithSizeZero() {
        MemberDirectory one = new MemberDirectory(database, withCache(1));
        one.record(opened("ACC-3"));
        one.record(opened("ACC-4"));
        one.find("ACC-3");
        one.find("ACC-4");
        database.getCollection(MemberDirectory.COLLECTION).deleteMany(Filters.in("_id", "ACC-3", "ACC-4"));
        assertThat(one.find("ACC-3")).as("pushed out by ACC-4").isEmpty();
        assertThat(one.find("ACC-4")).isPresent();

        MemberDirectory none = new MemberDirectory(database, withCache(0));
        none.record(opened("ACC-5"));
        assertThat(none.find("ACC-5")).isPresent();
        database.getCollection(MemberDirectory.COLLECTION).deleteOne(Filters.eq("_id", "ACC-5"));
        assertThat(none.find("ACC-5")).isEmpty();
    }

    private static NotificationProperties withCache(int size) {
        NotificationProperties d = NotificationProperties.defaults();
        return new NotificationProperties(d.dueSoonDays(), d.terminationWarningDays(), d.terminationWarningDaysDefault(),
                d.payWithinDays(), d.wakeupBuckets(), d.wakeupScanDaysMax(), d.billsPerAccountMax(), size,
                d.pageSizeDefault(), d.pageSizeMax(), d.idLengthMax(), d.languages(), d.howToPay(),
                d.delivery(), d.email(), d.sms());
    }

    private static AccountOpened opened(String accountId) {
        return new AccountOpened(accountId, "Holder " + accountId, "APTC", LocalDate.of(2027, 1, 1), "en",
                accountId.toLowerCase() + "@example.org", "+16175550100",
                new MailingAddress("1 Main St", null, "Boston", "MA", "02100"), "EMAIL", "test");
    }
}

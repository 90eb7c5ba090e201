package com.premiumledger.billing.calendar;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.config.annotation.SpringBeanParameterResolverFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business calendar's own repository, which loads it from its head ({@link CalendarRepository}). */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    static final String REPOSITORY = "businessCalendarRepository";

    @Bean(REPOSITORY)
    Repository<BusinessCalendar> businessCalendarRepository(EventStore eventStore, MongoEventStorageEngine storage,
                                                            MongoDatabase database, ApplicationContext context) {
        // Command handlers take Spring beans as parameters (BillingProperties), as with Axon's own repositories.
        return new CalendarRepository(eventStore, storage, new CalendarHeads(database),
                MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(BusinessCalendar.class),
                        new SpringBeanParameterResolverFactory(context)));
    }
}

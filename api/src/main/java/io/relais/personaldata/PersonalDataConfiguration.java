package io.relais.personaldata;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.relais.database.EmbeddedDatabaseProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;

/** Personal data stored encrypted per person, erasable by deleting the person's key (ADR 013). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataConfiguration {

    static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    /** The master key the embedded database's data folder keeps when none is configured. */
    public static final String GENERATED_MASTER_KEY = "relais-master.key";

    @Bean
    MasterKeys masterKeys(PersonalDataProperties properties, ObjectProvider<EmbeddedPostgres> embedded,
                          ObjectProvider<EmbeddedDatabaseProperties> embeddedProperties) {
        Optional<Path> generated = Optional.ofNullable(embedded.getIfAvailable())
                .flatMap(started -> Optional.ofNullable(embeddedProperties.getIfAvailable()))
                .map(database -> database.dataDirectory().resolve(GENERATED_MASTER_KEY));
        return MasterKeys.load(properties, generated);
    }

    @Bean
    V16__Encrypt_stored_personal_data encryptStoredPersonalData(MasterKeys masterKeys, PersonalDataProperties properties,
                                                                JacksonSerializer serializer) {
        return new V16__Encrypt_stored_personal_data(masterKeys, properties, serializer);
    }

    @Bean
    public SubjectKeys subjectKeys(JdbcTemplate jdbc, MasterKeys masterKeys, PersonalDataProperties properties) {
        return new SubjectKeys(jdbc, masterKeys, properties.keyCacheTtl());
    }

    @Bean
    public PersonalDataProtection personalDataProtection(SubjectKeys keys, JacksonSerializer serializer) {
        return new PersonalDataProtection(PersonalData.CATALOGUE, keys, serializer.getObjectMapper());
    }

    /** The daily erasure of the people past their retention period, on one node of the cluster at a time. */
    @Bean
    RecurringTask<Void> retentionTask(PersonalDataProperties properties, Retention retention) {
        return Tasks.recurring("personal-data-retention", Schedules.daily(ZoneOffset.UTC,
                        properties.retention().dailyAt()))
                .execute((instance, context) -> {
                    try {
                        int erased = retention.eraseDue();
                        if (erased > 0) {
                            Retention.log.info("Retention erased the personal data of {} people", erased);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("The retention erasure failed", e);
                    }
                });
    }

    /** Keys still wrapped by a master key being rotated out are rewrapped by the current one. */
    @EventListener(ApplicationReadyEvent.class)
    void rewrapKeys(ApplicationReadyEvent ready) {
        SubjectKeys keys = ready.getApplicationContext().getBean(SubjectKeys.class);
        Integer rewrapped = ready.getApplicationContext().getBean(TransactionTemplate.class)
                .execute(status -> keys.rewrapWithCurrentMasterKey());
        if (rewrapped != null && rewrapped > 0) {
            log.info("Rewrapped {} data subjects' keys with the current master key", rewrapped);
        }
    }
}

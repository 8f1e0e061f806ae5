package io.relais.personaldata;

import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The events stored before personal data was encrypted are rewritten encrypted, once (ADR 013). A Flyway
 * migration, so that it runs exactly once per store, in order, before anything else reads or chains them.
 * The name follows Flyway's convention for Java migrations.
 */
public class V16__Encrypt_stored_personal_data extends BaseJavaMigration {

    private final MasterKeys masterKeys;
    private final PersonalDataProperties properties;
    private final JacksonSerializer serializer;

    V16__Encrypt_stored_personal_data(MasterKeys masterKeys, PersonalDataProperties properties,
                                      JacksonSerializer serializer) {
        this.masterKeys = masterKeys;
        this.properties = properties;
        this.serializer = serializer;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        PersonalDataProtection protection = new PersonalDataProtection(PersonalData.CATALOGUE,
                new SubjectKeys(jdbc, masterKeys, properties.keyCacheTtl()), serializer.getObjectMapper());
        int rewritten = new StoredPersonalData(jdbc, protection, serializer, serializer.getObjectMapper()).encrypt();
        if (rewritten > 0) {
            PersonalDataConfiguration.log.info("Encrypted the personal data of {} events stored before encryption",
                    rewritten);
        }
    }
}

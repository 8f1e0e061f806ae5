package io.relais.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.eventstore.StoredEvent;
import io.relais.support.ApiTestSupport;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The V16 migration encrypts the personal values of a store written before encryption: here the golden
 * samples, the rows the current release's events were stored as, in a schema of their own, once per revision
 * (see {@link StoredEvent#storesByRevision()}).
 */
@NeedsPostgreSqlEventStore
class StoredPersonalDataTest extends ApiTestSupport {

    @Autowired
    private MasterKeys masterKeys;

    @Autowired
    private JacksonSerializer plain;

    @Test
    void theStoredEventsAreEncryptedOnceAndReadBackAsTheyWereStored() {
        StoredEvent.storesByRevision().forEach(this::encryptsOnceAndReadsBack);
    }

    private void encryptsOnceAndReadsBack(List<StoredEvent> samples) {
        String schema = "v16_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
                for (String table : List.of("domainevententry", "data_subject_key", "data_subject_record")) {
                    statement.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
                }
                statement.execute("set search_path to " + schema);
                store(connection, samples);
                JdbcTemplate store = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                PersonalDataProtection protection = new PersonalDataProtection(PersonalData.CATALOGUE,
                        new SubjectKeys(store, masterKeys, Duration.ofMinutes(1)), plain.getObjectMapper());
                StoredPersonalData migration = new StoredPersonalData(store, protection, plain, plain.getObjectMapper());

                int rewritten = migration.encrypt();

                List<String> payloads = store.queryForList("select payload from domainevententry order by globalindex",
                        String.class);
                assertThat(rewritten).isEqualTo(13);
                assertThat(String.join("\n", payloads)).doesNotContain("Jeanne", "jeanne.martin@atelier-martin.fr",
                        "Préfère être appelée le matin").contains("Atelier Martin");
                for (int i = 0; i < samples.size(); i++) {
                    assertThat(protection.reveal(tree(payloads.get(i))))
                            .as(samples.get(i).payloadType() + " revision " + samples.get(i).payloadRevision())
                            .isEqualTo(tree(samples.get(i).payload()));
                }
                assertThat(store.queryForObject("select count(*) from data_subject_key", Integer.class)).isPositive();
                assertThat(migration.encrypt()).as("a second run").isZero();
                assertThat(store.queryForList("select payload from domainevententry order by globalindex", String.class))
                        .isEqualTo(payloads);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("reset search_path");
                    statement.execute("drop schema " + schema + " cascade");
                }
            }
            return null;
        });
    }

    private static void store(Connection connection, List<StoredEvent> samples) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into domainevententry (globalindex, "
                + "aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, "
                + "payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < samples.size(); i++) {
                StoredEvent sample = samples.get(i);
                insert.setLong(1, i + 1);
                insert.setString(2, sample.aggregateIdentifier());
                insert.setLong(3, sample.sequenceNumber());
                insert.setString(4, sample.type());
                insert.setString(5, sample.eventIdentifier());
                insert.setString(6, sample.metaData());
                insert.setString(7, sample.payload());
                insert.setString(8, sample.payloadRevision());
                insert.setString(9, sample.payloadType());
                insert.setString(10, sample.timeStamp());
                insert.executeUpdate();
            }
        }
    }

    private JsonNode tree(String json) {
        try {
            return plain.getObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

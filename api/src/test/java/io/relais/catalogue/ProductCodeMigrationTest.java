package io.relais.catalogue;

import io.relais.common.FieldChange;
import io.relais.support.ApiTestSupport;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The V14 migration fills the product code lookup from the events already stored, keeping each code for the
 * product that has had it the longest. It runs here on a store of its own, in a schema of its own.
 */
@NeedsPostgreSqlEventStore
class ProductCodeMigrationTest extends ApiTestSupport {

    @Autowired
    private Serializer serializer;

    @Test
    void eachCodeGoesToTheProductThatHasHadItTheLongest() throws Exception {
        List<Object> events = List.of(
                created("first", "DUP"),
                created("second", "dup"),
                created("renamed-to-taken", "X-1"),
                updated("renamed-to-taken", "DUP-2"),
                created("late", "DUP-2"),
                created("older-product", "Y-1"),
                created("earlier-holder", "Z-1"),
                updated("older-product", "Z-1"),
                created("renamed-only", "W-1"),
                new ProductUpdated("renamed-only", new ProductDetails("W-1", "Autre nom", null, ProductKind.PRODUCT,
                        "pièce", null), List.of(new FieldChange("name", "Produit W-1", "Autre nom"))),
                created("recoded", "OLD-1"),
                updated("recoded", "NEW-1"),
                new ProductDiscontinued("recoded"));

        Map<String, String> codes = migrated(events);

        assertThat(codes).isEqualTo(Map.of(
                "dup", "first",
                "dup-2", "renamed-to-taken",
                "z-1", "earlier-holder",
                "w-1", "renamed-only",
                "new-1", "recoded"));
    }

    /** Runs the migration over a store holding {@code events} alone; answers the codes it claimed. */
    private Map<String, String> migrated(List<Object> events) throws Exception {
        String schema = "v14_" + UUID.randomUUID().toString().replace("-", "");
        String migration = new ClassPathResource("db/read-models/V14__product_codes.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        return jdbc.execute((ConnectionCallback<Map<String, String>>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
                // its own positions: a copied default would take them from the real store's sequence
                statement.execute("create table " + schema + ".domainevententry (like public.domainevententry)");
                statement.execute("set search_path to " + schema);
                try (PreparedStatement insert = connection.prepareStatement("insert into domainevententry "
                        + "(globalindex, aggregateidentifier, sequencenumber, eventidentifier, payload, payloadtype, "
                        + "timestamp) values (?, ?, (select count(*) from domainevententry where aggregateidentifier "
                        + "= ?), ?, ?, ?, '2026-01-01T00:00:00Z')")) {
                    for (int i = 0; i < events.size(); i++) {
                        Object event = events.get(i);
                        String productId = productId(event);
                        insert.setLong(1, i + 1);
                        insert.setString(2, productId);
                        insert.setString(3, productId);
                        insert.setString(4, UUID.randomUUID().toString());
                        insert.setString(5, serializer.serialize(event, String.class).getData());
                        insert.setString(6, event.getClass().getName());
                        insert.executeUpdate();
                    }
                }
                statement.execute(migration);
                Map<String, String> codes = new HashMap<>();
                try (var rows = statement.executeQuery("select code_key, product_id from product_code")) {
                    while (rows.next()) {
                        codes.put(rows.getString(1), rows.getString(2));
                    }
                }
                return codes;
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("reset search_path");
                    statement.execute("drop schema " + schema + " cascade");
                }
            }
        });
    }

    private static String productId(Object event) {
        if (event instanceof ProductCreated created) {
            return created.productId();
        }
        if (event instanceof ProductUpdated updated) {
            return updated.productId();
        }
        return ((ProductDiscontinued) event).productId();
    }

    private static ProductCreated created(String productId, String code) {
        return new ProductCreated(productId, details(code));
    }

    private static ProductUpdated updated(String productId, String code) {
        return new ProductUpdated(productId, details(code), List.of(new FieldChange("code", null, code)));
    }

    private static ProductDetails details(String code) {
        return new ProductDetails(code, "Produit " + code, null, ProductKind.PRODUCT, "pièce", null);
    }
}

package io.relais.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.FieldChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule by which the audit view tells what each event changed, from the record's earlier events. */
class FieldHistoryTest {

    /** Amounts are BigDecimals in events, so decimals in their trees. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final FieldHistory history = new FieldHistory();

    @Test
    void aFirstEventListsWhatItFillsAndALaterOneWhatDiffersWithTheValueBefore() {
        assertThat(apply("{\"leadId\": \"l-1\", \"details\": {\"city\": \"Lyon\", \"phone\": null}}")).containsExactly(
                new FieldChange("leadId", null, "l-1"), new FieldChange("details.city", null, "Lyon"));

        assertThat(apply("{\"leadId\": \"l-1\", \"details\": {\"city\": \"Paris\", \"phone\": \"+33 1 00 00 00 00\"}, "
                + "\"changes\": [{\"field\": \"city\"}]}")).containsExactly(
                new FieldChange("details.city", "Lyon", "Paris"), new FieldChange("details.phone", null,
                        "+33 1 00 00 00 00"));
        assertThat(apply("{\"leadId\": \"l-1\", \"details\": {\"city\": null}}")).containsExactly(
                new FieldChange("details.city", "Paris", null));
    }

    @Test
    void aPreviousValueStatedByTheEventStandsInForAHistoryThatLacksIt() {
        assertThat(apply("{\"ownerId\": \"bob\", \"previousOwnerId\": \"alice\"}")).containsExactly(
                new FieldChange("ownerId", "alice", "bob"));
        assertThat(apply("{\"ownerId\": \"carol\", \"previousOwnerId\": \"somebody else\"}")).containsExactly(
                new FieldChange("ownerId", "bob", "carol"));
        assertThat(apply("{\"previousStatus\": \"NEW\"}")).containsExactly(new FieldChange("previousStatus", null, "NEW"));
    }

    @Test
    void amountsListsAndObjectsInListsReadAsText() {
        assertThat(apply("{\"amount\": 4.8E+4, \"emails\": [\"a@example.fr\", \"b@example.fr\"], \"tags\": [], "
                + "\"links\": [{\"kind\": \"MANAGER\"}]}")).containsExactly(
                new FieldChange("amount", null, "48000"), new FieldChange("emails", null, "a@example.fr, b@example.fr"),
                new FieldChange("links", null, "[{\"kind\":\"MANAGER\"}]"));
    }

    private List<FieldChange> apply(String payload) {
        try {
            JsonNode tree = JSON.readTree(payload);
            return history.apply(tree);
        } catch (Exception e) {
            throw new IllegalArgumentException(payload, e);
        }
    }
}

package io.relais.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangesTest {

    @Test
    void listsOnlyTheFieldsWhoseTextDiffers() {
        List<FieldChange> changes = new ArrayList<>();
        Changes.add(changes, "city", "Lyon", "Lyon");
        Changes.add(changes, "amount", new BigDecimal("1E+3"), new BigDecimal("1000"));
        Changes.add(changes, "emails", List.of(), null);
        Changes.add(changes, "phone", null, "0102030405");
        Changes.add(changes, "leadTimeDays", 5, 7);

        assertThat(changes).containsExactly(new FieldChange("phone", null, "0102030405"),
                new FieldChange("leadTimeDays", "5", "7"));
    }

    @Test
    void writesAmountsWithoutExponentAndListsCommaSeparated() {
        assertThat(Changes.text(new BigDecimal("1.2E+3"))).isEqualTo("1200");
        assertThat(Changes.text(List.of("a@x.fr", "b@x.fr"))).isEqualTo("a@x.fr, b@x.fr");
        assertThat(Changes.text(List.of())).isNull();
        assertThat(Changes.text(null)).isNull();
    }
}

package io.relais.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API's mapper reads any text made of characters PostgreSQL stores as it is, and refuses any text holding
 * an unpaired surrogate or a NUL wherever it stands, whether the JSON escapes it or not, bound to a record or read
 * as a tree.
 */
class UnstorableTextProperties {

    private static final ObjectMapper MAPPER = apiMapper();

    record Named(String name) {
    }

    @Property
    void textMadeOfCharactersIsReadAsItIs(@ForAll("text") String text, @ForAll boolean escaped) throws Exception {
        String value = json(text, escaped);

        assertThat(MAPPER.readValue("{\"name\": " + value + "}", Named.class).name()).isEqualTo(text);
        assertThat(MAPPER.readValue("{\"a\": [" + value + "]}", JsonNode.class).get("a").get(0).textValue())
                .isEqualTo(text);
    }

    @Property
    void textWithAnUnpairedSurrogateIsRefused(@ForAll("text") String before, @ForAll("surrogates") char lone,
                                              @ForAll("text") String after, @ForAll boolean escaped) {
        String value = json(before + lone + after, escaped);

        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": " + value + "}", Named.class))
                .isInstanceOf(UnstorableTextException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"a\": [" + value + "]}", JsonNode.class))
                .isInstanceOf(UnstorableTextException.class);
    }

    @Property
    void textWithANulIsRefused(@ForAll("text") String before, @ForAll("text") String after) {
        String value = json(before + '\u0000' + after, false);

        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": " + value + "}", Named.class))
                .isInstanceOf(UnstorableTextException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> MAPPER.readValue("{\"a\": {\"b\": " + value + "}}", JsonNode.class))
                .isInstanceOf(UnstorableTextException.class).hasMessageContaining("NUL");
    }

    /** Any code points but NUL and the surrogates' range: characters, those beyond the BMP as surrogate pairs. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                .list().ofMaxSize(12)
                .map(codePoints -> new String(codePoints.stream().mapToInt(Integer::intValue).toArray(), 0,
                        codePoints.size()));
    }

    @Provide
    Arbitrary<Character> surrogates() {
        return Arbitraries.chars().range(Character.MIN_SURROGATE, Character.MAX_SURROGATE);
    }

    /** A JSON string of {@code text}, with every non-ASCII UTF-16 unit escaped or left as it is. */
    private static String json(String text, boolean escaped) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || (escaped && c > 0x7e)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static ObjectMapper apiMapper() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        new StrictJson().strictJsonReading().customize(builder);
        return builder.build();
    }
}

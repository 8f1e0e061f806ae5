package io.relais.duplicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Similar names are found through the rarest keys they share (V25), among more records holding the common words
 * than a search reads the postings of: a name one typing slip away (two letters swapped, one dropped, added or
 * changed, a word split) is found, and so is a name made of words hundreds of others hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NameKeyMatchingTest extends ApiTestSupport {

    /** More than the postings a search reads (KEY_POSTINGS), so that the common words' keys are never read alone. */
    private static final int SHARING_TWO_WORDS = 150;

    private final Random random = new Random(16);
    /** Words no other test writes: the trade every name here holds, and the surnames. */
    private final String trade = "Fournil" + word(4);
    private final String common = word(7);
    private final String surname = "Lefevrau" + word(3);
    private String target;
    private String commonOnly;

    @BeforeAll
    void accountsSharingTheirWords() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < SHARING_TWO_WORDS; i++) {
            names.add(trade + " " + common + " " + word(9));
        }
        AtomicInteger next = new AtomicInteger();
        concurrently(8, () -> {
            for (int i = next.getAndIncrement(); i < names.size(); i = next.getAndIncrement()) {
                account(names.get(i));
            }
            return null;
        });
        target = account(trade + " " + surname + " SARL");
        commonOnly = account(trade + " " + common);
        awaitCaughtUp(processor(DuplicateProjection.PROCESSING_GROUP));
    }

    @Test
    void aNameOneTypingSlipAwayIsFoundAmongHundredsSharingItsCommonWord() {
        String swapped = surname.charAt(0) + "" + surname.charAt(2) + surname.charAt(1) + surname.substring(3);
        List<String> slips = List.of(
                trade + " " + swapped,
                trade + " " + surname.substring(0, surname.length() - 1),
                trade + " " + surname.substring(0, 4) + "b" + surname.substring(4),
                trade + " " + surname.substring(0, 3) + "a" + surname.substring(4),
                trade + " " + surname.substring(0, 3) + "è" + surname.substring(4),
                trade.toUpperCase() + " " + surname.substring(0, 2) + " " + surname.substring(2) + " S.A.R.L.");

        for (String slip : slips) {
            assertThat(possibleDuplicates(slip)).as(slip).contains(target);
        }
    }

    @Test
    void aNameMadeOfWordsHundredsOfOthersHoldIsFoundWithAWordMore() {
        assertThat(possibleDuplicates(trade + " " + common + " Lyon")).contains(commonOnly);
    }

    @Test
    void aNameSharingOnlyTheCommonWordIsNoDuplicate() {
        assertThat(possibleDuplicates(trade + " " + word(8))).doesNotContain(target, commonOnly);
    }

    @Test
    void anyWordAndTheSameWordWithOneSlipShareAKey() {
        for (int i = 0; i < 300; i++) {
            String word = word(2 + random.nextInt(6));
            int at = random.nextInt(word.length() - 1);
            String slipped = switch (i % 4) {
                case 0 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
                case 1 -> word.substring(0, at) + word.substring(at + 1);
                case 2 -> word.substring(0, at) + "x" + word.substring(at);
                default -> word.substring(0, at) + "q" + word.substring(at + 1);
            };
            assertThat(jdbc.queryForObject("select relais_name_keys(relais_match_name(?)) "
                    + "&& relais_name_keys(relais_match_name(?))", Boolean.class, "Maison " + word, "Maison " + slipped))
                    .as(word + " / " + slipped).isTrue();
        }
    }

    /** The ids of the likely duplicates a new account of that name is answered with. */
    private List<String> possibleDuplicates(String legalName) {
        Response created = api().post("/api/v1/accounts", "{\"legalName\": \"" + legalName + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        for (JsonNode match : created.body().get("possibleDuplicates")) {
            ids.add(match.get("id").asText());
        }
        return ids;
    }

    private String account(String legalName) {
        return created(api().post("/api/v1/accounts", "{\"legalName\": \"" + legalName + "\"}"));
    }

    /** A made-up word: consonants and vowels in turn, starting with a capital. */
    private String word(int pairs) {
        String consonants = "bcdfghjklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            word.append(consonants.charAt(random.nextInt(consonants.length())));
            word.append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

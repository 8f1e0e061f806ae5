package io.relais.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.account.AccountDetailsBuilder;
import io.relais.account.AccountMergedInto;
import io.relais.account.AccountStatus;
import io.relais.account.ContactDetails;
import io.relais.account.ContactTransfer;
import io.relais.activity.ActivityCompleted;
import io.relais.activity.ActivityKind;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ActivityLogged;
import io.relais.eventstore.StoredEvent;
import io.relais.lead.ConsentChannel;
import io.relais.lead.LeadCaptured;
import io.relais.lead.LeadDetails;
import io.relais.lead.LeadDetailsBuilder;
import io.relais.lead.LeadSource;
import io.relais.lead.MarketingConsent;
import io.relais.support.ApiTestSupport;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Personal values are stored encrypted per person and read back as given, or as null once erased (ADR 013). */
class PersonalDataProtectionTest extends ApiTestSupport {

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer events;

    @Autowired
    private JacksonSerializer plain;

    @Autowired
    private SubjectKeys keys;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void everyEventIsStoredWithItsPersonalValuesReplacedByNullAndReadsBackAsGiven() {
        Set<String> withPersonalValues = new TreeSet<>();
        List<StoredEvent> samples = StoredEvent.samples().stream()
                .sorted(Comparator.comparing(StoredEvent::aggregateIdentifier).thenComparing(StoredEvent::sequenceNumber))
                .toList();
        for (StoredEvent sample : samples) {
            Object event = plain.deserialize(new SimpleSerializedObject<>(sample.payload(), String.class,
                    sample.payloadType(), sample.payloadRevision()));
            String stored = events.serialize(event, String.class).getData();

            assertThat((Object) read(stored, event.getClass())).as(sample.payloadType()).isEqualTo(event);
            List<String> cleared = differences(tree(plain.serialize(event, String.class).getData()),
                    withoutEnvelopes(tree(stored)), "");
            assertThat(cleared).as(sample.payloadType() + " differs from what it was given only by nulls")
                    .allMatch(difference -> difference.endsWith("-> null"));
            if (!cleared.isEmpty()) {
                withPersonalValues.add(event.getClass().getSimpleName());
            }
        }

        assertThat(withPersonalValues).containsExactly("AccountMergedInto", "ActivityCompleted", "ActivityLogged",
                "ActivityScheduled", "ContactAdded", "ContactMovedIn", "ContactMovedOut", "ContactUpdated",
                "LeadCaptured", "LeadConsentWithdrawn", "LeadDetailsUpdated", "LeadDisqualified", "LeadMergedInto");
    }

    @Test
    void aLeadsPersonalValuesAreInNoClearTextAndTheRestIsAsGiven() {
        LeadCaptured captured = lead(UUID.randomUUID().toString());

        String stored = events.serialize(captured, String.class).getData();

        assertThat(stored).doesNotContain("Éloïse", "Martin", "eloise.martin@example.fr", "+33 6 12 34 56 78",
                        "Directrice", "2026-11-20")
                .contains("\"company\":\"Durand SA\"", "\"postalCode\":\"69002\"", "\"source\":\"WEB_FORM\"",
                        "\"subject\":\"LEAD/" + captured.leadId() + "\"");
    }

    @Test
    void onceErasedTheSubjectsValuesReadAsNullAndNoneIsStoredAgain() {
        String leadId = UUID.randomUUID().toString();
        String stored = events.serialize(lead(leadId), String.class).getData();
        // read once before: the event decrypted then is not what is read after
        assertThat(read(stored, LeadCaptured.class).details().firstName()).isEqualTo("Éloïse");

        assertThat(keys.erase(new DataSubject(DataSubjectKind.LEAD, leadId))).isTrue();

        LeadCaptured read = read(stored, LeadCaptured.class);
        assertThat(read.details()).isEqualTo(new LeadDetailsBuilder().company("Durand SA").postalCode("69002")
                .country("FR").build());
        assertThat(read.consent()).isNull();
        assertThat(read.source()).isEqualTo(LeadSource.WEB_FORM);
        String storedAfter = events.serialize(lead(leadId), String.class).getData();
        assertThat(storedAfter).doesNotContain("Éloïse", "$personal");
        assertThat(read(storedAfter, LeadCaptured.class)).isEqualTo(read);
        assertThat(keys.erase(new DataSubject(DataSubjectKind.LEAD, leadId))).isFalse();
    }

    /** With Axon Server a processor may read an event before the command's transaction, which made the key, commits. */
    @Test
    void anEventReadBeforeItsPersonsKeyIsCommittedIsReadOnceItIs() throws Exception {
        String leadId = UUID.randomUUID().toString();
        CompletableFuture<String> stored = new CompletableFuture<>();
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(transaction -> {
                    stored.complete(events.serialize(lead(leadId), String.class).getData());
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));

        CompletableFuture<LeadCaptured> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> read.complete(read(stored.join(), LeadCaptured.class)));
        reader.start();
        // the reader waits for the key (between two looks) while its transaction is still open
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.getState() == Thread.State.TIMED_WAITING
                && stored.isDone());
        assertThat(read).isNotDone();
        commit.countDown();

        assertThat(read.get(30, TimeUnit.SECONDS).details().firstName()).isEqualTo("Éloïse");
        writer.get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAlteredCiphertextOrAnEnvelopeMovedToAnotherPersonDoesNotRead() {
        String leadId = UUID.randomUUID().toString();
        String otherId = UUID.randomUUID().toString();
        events.serialize(lead(otherId), String.class);
        ObjectNode stored = (ObjectNode) tree(events.serialize(lead(leadId), String.class).getData());
        ObjectNode envelope = (ObjectNode) stored.get(PersonalDataProtection.ENVELOPE);
        String data = envelope.get("data").asText();

        envelope.put("data", data.substring(0, 20) + (data.charAt(20) == 'A' ? 'B' : 'A') + data.substring(21));
        assertThatThrownBy(() -> read(stored.toString(), LeadCaptured.class))
                .hasStackTraceContaining("The personal data of LEAD/" + leadId + " in a stored event does not decrypt");

        envelope.put("data", data).put("subject", "LEAD/" + otherId);
        assertThatThrownBy(() -> read(stored.toString(), LeadCaptured.class))
                .hasStackTraceContaining("The personal data of LEAD/" + otherId + " in a stored event does not decrypt");
    }

    @Test
    void anActivityAboutAContactKeepsItsTextUnderTheContactsKeyOneAboutNobodyInClear() {
        String contactId = UUID.randomUUID().toString();
        String aboutContact = UUID.randomUUID().toString();
        String aboutNobody = UUID.randomUUID().toString();
        events.serialize(activity(aboutContact, contactId), String.class);
        events.serialize(activity(aboutNobody, null), String.class);

        String completed = events.serialize(completed(aboutContact), String.class).getData();
        String completedAboutNobody = events.serialize(completed(aboutNobody), String.class).getData();

        assertThat(completed).doesNotContain("Devis signé").contains("\"subject\":\"CONTACT/" + contactId + "\"");
        assertThat(completedAboutNobody).contains("Devis signé").doesNotContain("$personal");
        keys.erase(new DataSubject(DataSubjectKind.CONTACT, contactId));
        assertThat(read(completed, ActivityCompleted.class).outcome()).isNull();
        assertThat(read(completedAboutNobody, ActivityCompleted.class).outcome()).isEqualTo("Devis signé");
    }

    @Test
    void eachContactOfAMergedAccountIsEncryptedForItselfAndAmountsKeepTheirScale() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        AccountMergedInto merged = new AccountMergedInto(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                List.of(transfer(first, "Jeanne"), transfer(second, "Paul")), List.of(),
                new AccountDetailsBuilder().legalName("Durand SA").annualRevenue(new BigDecimal("48000.00")).build(),
                AccountStatus.MERGED, null);

        String stored = events.serialize(merged, String.class).getData();
        keys.erase(new DataSubject(DataSubjectKind.CONTACT, first));

        assertThat(stored).contains("\"annualRevenue\":48000.00", "CONTACT/" + first, "CONTACT/" + second)
                .doesNotContain("Jeanne", "Paul");
        AccountMergedInto read = read(stored, AccountMergedInto.class);
        assertThat(read.contacts()).extracting(contact -> contact.details().firstName()).containsExactly(null, "Paul");
        assertThat(read.details().annualRevenue()).isEqualTo(new BigDecimal("48000.00"));
    }

    private <T> T read(String stored, Class<T> type) {
        return events.deserialize(new SimpleSerializedObject<>(stored, String.class, type.getName(), null));
    }

    private static LeadCaptured lead(String leadId) {
        LeadDetails details = new LeadDetailsBuilder().firstName("Éloïse").lastName("Martin")
                .email("eloise.martin@example.fr").phone("+33 6 12 34 56 78").company("Durand SA")
                .jobTitle("Directrice des achats").postalCode("69002").country("FR").build();
        return new LeadCaptured(leadId, details, LeadSource.WEB_FORM, null,
                new MarketingConsent(true, LocalDate.parse("2026-11-20"), ConsentChannel.WEB_FORM, null), "alice");
    }

    private static ActivityLogged activity(String activityId, String contactId) {
        return new ActivityLogged(activityId, ActivityKind.CALL, "Appel de suivi", "Rappeler jeudi",
                new ActivityLinks(UUID.randomUUID().toString(), contactId, null), Instant.parse("2026-11-20T10:00:00Z"),
                "alice");
    }

    private static ActivityCompleted completed(String activityId) {
        return new ActivityCompleted(activityId, "Devis signé", Instant.parse("2026-11-21T10:00:00Z"), false);
    }

    private static ContactTransfer transfer(String contactId, String firstName) {
        return new ContactTransfer(contactId, new ContactDetails(firstName, "Durand", null, List.of(), List.of(), null,
                null, null), null, List.of());
    }

    private JsonNode tree(String json) {
        try {
            return plain.getObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode withoutEnvelopes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(PersonalDataProtection.ENVELOPE);
        }
        node.forEach(PersonalDataProtectionTest::withoutEnvelopes);
        return node;
    }

    /** The paths where {@code stored} differs from {@code given}, each as "path: given -> stored". */
    private static List<String> differences(JsonNode given, JsonNode stored, String path) {
        List<String> found = new ArrayList<>();
        if (given.isObject() && stored.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = given.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                found.addAll(differences(field.getValue(), stored.path(field.getKey()), path + "/" + field.getKey()));
            }
        } else if (given.isArray() && stored.isArray() && given.size() == stored.size()) {
            for (int i = 0; i < given.size(); i++) {
                found.addAll(differences(given.get(i), stored.get(i), path + "/" + i));
            }
        } else if (!given.equals(stored)) {
            found.add(path + ": " + given + " -> " + stored);
        }
        return found;
    }
}

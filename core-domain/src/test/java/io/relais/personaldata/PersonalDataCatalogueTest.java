package io.relais.personaldata;

import io.relais.common.FieldChange;
import io.relais.personaldata.PersonalDataCatalogue.ChangeList;
import io.relais.personaldata.PersonalDataCatalogue.RecordRegistration;
import io.relais.personaldata.PersonalDataCatalogue.Scope;
import io.relais.personaldata.PersonalDataCatalogue.SubjectAt;
import io.relais.personaldata.PersonalDataCatalogue.SubjectOfRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCatalogueTest {

    record Person(String name, String email, String city) {
    }

    record Member(String memberId, Person person, String role) {
    }

    record TeamFormed(String teamId, String teamName, List<Member> members, List<FieldChange> changes) {
    }

    record PersonNoted(String personId, Person person, String note, List<FieldChange> changes) {
    }

    record Role(String title) {
    }

    record NoteTaken(String noteId, String text) {
    }

    private static PersonalDataCatalogue.Builder people() {
        return PersonalDataCatalogue.builder()
                .type(Person.class, fields -> fields.personal("name", "email").plain("city"))
                .type(Member.class, fields -> fields.subject(DataSubjectKind.CONTACT, "memberId")
                        .nested("person").plain("role"));
    }

    @Test
    void aSubjectsPersonalFieldsAreFoundBelowTheRecordThatNamesIt() {
        PersonalDataCatalogue catalogue = people()
                .event(PersonNoted.class, fields -> fields.subject(DataSubjectKind.LEAD, "personId")
                        .nested("person").personal("note").changes("changes", Person.class))
                .build();

        assertThat(catalogue.scopes(PersonNoted.class)).containsExactly(new Scope(List.of(),
                new SubjectAt(DataSubjectKind.LEAD, List.of("personId")), Optional.empty(),
                List.of(List.of("person", "name"), List.of("person", "email"), List.of("note")),
                List.of(new ChangeList(List.of("changes"), Set.of("name", "email")))));
    }

    @Test
    void eachElementOfAListNamingItsOwnSubjectIsAScopeOfItsOwn() {
        PersonalDataCatalogue catalogue = people()
                .type(Role.class, fields -> fields.plain("title"))
                .event(TeamFormed.class, fields -> fields.plain("teamId", "teamName").nested("members")
                        .changes("changes", Role.class))
                .build();

        assertThat(catalogue.scopes(TeamFormed.class)).containsExactly(new Scope(List.of("members", "*"),
                new SubjectAt(DataSubjectKind.CONTACT, List.of("memberId")), Optional.empty(),
                List.of(List.of("person", "name"), List.of("person", "email")), List.of()));
    }

    @Test
    void aRecordAboutASubjectCanBeRegisteredAndLaterEventsOfItFindTheSubjectThroughIt() {
        record ActivityNoted(String activityId, String contactId, String text) {
        }
        PersonalDataCatalogue catalogue = PersonalDataCatalogue.builder()
                .event(ActivityNoted.class, fields -> fields.subject(DataSubjectKind.CONTACT, "contactId")
                        .registers("ACTIVITY", "activityId").plain("activityId").personal("text"))
                .event(NoteTaken.class, fields -> fields.subjectOfRecord("ACTIVITY", "noteId").personal("text"))
                .build();

        assertThat(catalogue.scopes(ActivityNoted.class)).singleElement()
                .extracting(Scope::registers).isEqualTo(Optional.of(new RecordRegistration("ACTIVITY", List.of("activityId"))));
        assertThat(catalogue.scopes(NoteTaken.class)).singleElement()
                .extracting(Scope::subject).isEqualTo(new SubjectOfRecord("ACTIVITY", List.of("noteId")));
    }

    @Test
    void anEventWithoutPersonalDataHasNoScope() {
        PersonalDataCatalogue catalogue = people()
                .event(NoteTaken.class, fields -> fields.plain("noteId", "text"))
                .build();

        assertThat(catalogue.scopes(NoteTaken.class)).isEmpty();
        assertThat(catalogue.unclassified(NoteTaken.class)).isEmpty();
    }

    @Test
    void aFieldLeftOutOrARecordTakenAsPlainIsReported() {
        PersonalDataCatalogue catalogue = PersonalDataCatalogue.builder()
                .type(Person.class, fields -> fields.personal("name").plain("city"))
                .event(PersonNoted.class, fields -> fields.subject(DataSubjectKind.LEAD, "personId").nested("person"))
                .event(TeamFormed.class, fields -> fields.plain("teamId", "teamName", "members", "changes"))
                .build();

        assertThat(catalogue.unclassified(PersonNoted.class))
                .containsExactly("Person.email is not classified", "PersonNoted.note is not classified",
                        "PersonNoted.changes is not classified");
        assertThat(catalogue.unclassified(TeamFormed.class)).containsExactly(
                "TeamFormed.members is a record: classify it as nested (its fields one by one) or as personal",
                "TeamFormed.changes is a record: classify it as nested (its fields one by one) or as personal");
        assertThat(catalogue.unclassified(NoteTaken.class))
                .containsExactly(NoteTaken.class.getName() + " is not classified as an event");
    }

    @Test
    void aNestedRecordMustBeClassifiedOnItsOwn() {
        PersonalDataCatalogue catalogue = PersonalDataCatalogue.builder()
                .event(NoteTaken.class, fields -> fields.plain("noteId", "text"))
                .type(Member.class, fields -> fields.plain("memberId", "role").nested("person"))
                .build();

        assertThat(catalogue.unclassified(NoteTaken.class)).isEmpty();
        assertThatThrownBy(() -> PersonalDataCatalogue.builder()
                .event(Member.class, fields -> fields.plain("memberId", "role").nested("person")).build())
                .hasMessageContaining(Person.class.getName() + " is used as a nested record but is not classified");
    }

    @Test
    void personalDataWithoutASubjectIsRefused() {
        assertThatThrownBy(() -> PersonalDataCatalogue.builder()
                .event(NoteTaken.class, fields -> fields.plain("noteId").personal("text")).build())
                .hasMessage("NoteTaken.text holds personal data but no record above it names its data subject");
    }

    @Test
    void aNameThatIsNoFieldOrAFieldClassifiedTwiceIsRefused() {
        assertThatThrownBy(() -> PersonalDataCatalogue.builder()
                .event(NoteTaken.class, fields -> fields.plain("noteId", "txt")))
                .hasMessageContaining("has no field txt");
        assertThatThrownBy(() -> PersonalDataCatalogue.builder()
                .event(NoteTaken.class, fields -> fields.plain("noteId", "text").personal("text")))
                .hasMessageContaining("NoteTaken.text is classified twice");
    }
}

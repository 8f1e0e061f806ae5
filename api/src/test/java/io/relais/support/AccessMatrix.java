package io.relais.support;

import io.relais.organisation.TestOrganisation;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the access-matrix tests share: the organisation, registered over HTTP once per class, and every
 * relationship a caller may have to a record of its owner; each test declares its own cells. The organisation is
 * {@link TestOrganisation#salesTeam()} with someone in each relationship and nobody else, the other team's
 * manager reporting to nobody (so that only the administrator is above both teams): director > manager > {owner
 * (the rep), peer}; another team's manager; an auditor, an analyst, a data steward and the administrator; and an
 * anonymous caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AccessMatrix extends ApiTestSupport {

    public enum Relationship {
        OWNER(TestOrganisation.REP),
        MANAGER(TestOrganisation.MANAGER),
        MANAGERS_MANAGER(TestOrganisation.DIRECTOR),
        PEER_REP(TestOrganisation.PEER),
        OTHER_TEAMS_MANAGER(TestOrganisation.OTHER_MANAGER),
        AUDITOR(TestOrganisation.AUDITOR),
        ANALYST(TestOrganisation.ANALYST),
        DATA_STEWARD(TestOrganisation.STEWARD),
        ADMINISTRATOR(TestOrganisation.ADMIN),
        ANONYMOUS(null);

        /** Who has the relationship, in the organisation's description; null for nobody. */
        private final String member;

        Relationship(String member) {
            this.member = member;
        }
    }

    /** What a relationship gets: the status of a read, whether a list shows the record, the status of a change. */
    protected record Rights(int read, boolean listed, int change) {
    }

    protected static final Rights FULL = new Rights(200, true, 200);
    protected static final Rights READ_ONLY = new Rights(200, true, 403);
    protected static final Rights NONE = new Rights(404, false, 404);
    protected static final Rights UNAUTHENTICATED = new Rights(401, false, 401);

    /** What each relationship gets on a sales record (lead, deal, activity) of the owner's. */
    protected static Rights onTheOwnersRecord(Relationship relationship) {
        return switch (relationship) {
            case OWNER, MANAGER, MANAGERS_MANAGER, ADMINISTRATOR -> FULL;
            case AUDITOR, ANALYST, DATA_STEWARD -> READ_ONLY;
            case PEER_REP, OTHER_TEAMS_MANAGER -> NONE;
            case ANONYMOUS -> UNAUTHENTICATED;
        };
    }

    /** Names this class's records, so that a list filtered on it shows them alone. */
    protected final String tag = "matrix" + UUID.randomUUID().toString().substring(0, 8);
    private Map<String, TestUser> users;

    @BeforeAll
    void registerOrganisation() {
        users = register(TestOrganisation.salesTeam().move(TestOrganisation.OTHER_MANAGER, null)
                .without(TestOrganisation.FORMER_ADMIN, TestOrganisation.FORMER, TestOrganisation.OTHER_REP));
    }

    /** The user who has the relationship. */
    protected TestUser user(Relationship relationship) {
        if (relationship == Relationship.ANONYMOUS) {
            throw new IllegalArgumentException("An anonymous caller is nobody");
        }
        return users.get(relationship.member);
    }

    /** The id of the user who has the relationship. */
    protected String id(Relationship relationship) {
        return user(relationship).id();
    }

    /** The API as the caller who has the relationship. */
    protected HttpApi as(Relationship relationship) {
        return relationship == Relationship.ANONYMOUS ? anonymous() : user(relationship).api();
    }

    /**
     * Asserts that a read of a record of the owner's answers as {@code rights} say: the record to whoever may read
     * it, a not-found or unauthenticated problem to the others.
     */
    protected void assertRead(Response read, Rights rights) {
        assertThat(read.status()).as(read.toString()).isEqualTo(rights.read());
        switch (read.status()) {
            case 200 -> assertThat(read.body().get("ownerId").asText()).isEqualTo(id(Relationship.OWNER));
            case 404 -> assertThat(read.body().get("type").asText()).isEqualTo("urn:relais:problem:not-found");
            default -> assertThat(read.body().get("type").asText()).isEqualTo("urn:relais:problem:unauthenticated");
        }
    }

    /** Asserts that a list filtered down to {@code record} shows it to whoever {@code rights} list, nothing else. */
    protected static void assertListed(Response list, Rights rights, String record) {
        if (rights == UNAUTHENTICATED) {
            assertThat(list.status()).isEqualTo(401);
            return;
        }
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("content").forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).isEqualTo(rights.listed() ? List.of(record) : List.of());
        assertThat(list.body().get("totalElements").asLong()).isEqualTo(ids.size());
    }

    /** The cells of {@code actions} by each relationship that {@code has}, as (relationship, action) arguments. */
    protected static Stream<Arguments> cells(Predicate<Relationship> has, List<String> actions) {
        return Stream.of(Relationship.values()).filter(has)
                .flatMap(relationship -> actions.stream().map(action -> Arguments.of(relationship, action)));
    }
}

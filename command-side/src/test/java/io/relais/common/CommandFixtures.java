package io.relais.common;

import io.relais.organisation.InMemoryOrganisationDirectory;
import io.relais.organisation.TestOrganisation;
import io.relais.personaldata.DataSubjectKeys;
import io.relais.personaldata.InMemoryDataSubjectKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.util.Map;

/** What every aggregate's fixture tests share: an organisation to decide over and who sends the commands. */
public final class CommandFixtures {

    private CommandFixtures() {
    }

    /**
     * A fixture of {@code aggregate} whose {@link io.relais.organisation.Authorization} decides over
     * {@code organisation}, sending commands as {@code defaultActor} unless a test names the actor with {@link #as}.
     */
    public static <T> FixtureConfiguration<T> fixture(Class<T> aggregate, TestOrganisation organisation,
                                                      String defaultActor) {
        return fixture(aggregate, organisation, defaultActor, new InMemoryDataSubjectKeys());
    }

    /** The same, where {@code keys} tells which persons' keys are erased. */
    public static <T> FixtureConfiguration<T> fixture(Class<T> aggregate, TestOrganisation organisation,
                                                      String defaultActor, DataSubjectKeys keys) {
        FixtureConfiguration<T> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory(organisation).authorization());
        fixture.registerInjectableResource(keys);
        fixture.registerCommandDispatchInterceptor(messages -> (index, message) ->
                message.getMetaData().containsKey(AuditMetadata.USER_ID)
                        ? message
                        : message.andMetaData(Map.of(AuditMetadata.USER_ID, defaultActor)));
        return fixture;
    }

    /** The metadata of a command sent by {@code actorId}. */
    public static Map<String, Object> as(String actorId) {
        return Map.of(AuditMetadata.USER_ID, actorId);
    }
}

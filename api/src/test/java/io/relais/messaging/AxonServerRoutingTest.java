package io.relais.messaging;

import io.relais.support.ApiTestSupport;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@code AXON_SERVER} is set, every end-to-end test runs with commands, events and queries routed through that
 * Axon Server (README, "Against Axon Server"); this makes sure they really did.
 */
@EnabledIfEnvironmentVariable(named = "AXON_SERVER", matches = ".+", disabledReason = "AXON_SERVER is not set: the "
        + "end-to-end tests ran on the PostgreSQL event store; set it to a development-mode Axon Server (host:port) "
        + "to run them through Axon Server")
class AxonServerRoutingTest extends ApiTestSupport {

    @Autowired
    private CommandBus commandBus;

    @Autowired
    private QueryBus queryBus;

    @Autowired
    private EventStore eventStore;

    @Test
    void commandsEventsAndQueriesGoThroughAxonServer() {
        assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
        assertThat(queryBus).isInstanceOf(AxonServerQueryBus.class);
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
        assertThat(api().get("/actuator/health").body().at("/components/axonServer/status").asText()).isEqualTo("UP");
    }
}

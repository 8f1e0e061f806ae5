package io.relais.security;

import io.relais.messaging.ActingContext;
import io.relais.messaging.RefusingCommandBus;
import io.relais.organisation.FindUser;
import io.relais.organisation.FoundOrganisation;
import io.relais.organisation.OrganisationIds;
import io.relais.organisation.UserView;
import io.relais.web.ReadYourWrites;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * On the first start with an empty database, founds the organisation with the administrator {@code admin}.
 * With HTTP Basic, {@code admin} gets the password from {@code RELAIS_ADMIN_PASSWORD}, or a generated one
 * that is logged once; later starts leave an existing password alone.
 * <p>
 * Part of readiness: Spring Boot reports the application ready (readiness, and so health, {@code UP}) only
 * once every {@link ApplicationRunner} has returned, and this one returns once {@code admin} can sign in.
 * The command-line tools ({@code relais.tool}) serve no one: they neither found nor sign in.
 */
@Component
@ConditionalOnProperty(name = "relais.tool", havingValue = "false", matchIfMissing = true)
class AdministratorBootstrap implements ApplicationRunner {

    static final String ADMINISTRATOR_ID = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final CredentialStore credentials;
    private final SecurityProperties properties;
    private final String configuredPassword;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    AdministratorBootstrap(CommandGateway commands, EventStore eventStore, CredentialStore credentials,
                           SecurityProperties properties,
                           @Value("${relais.admin.password:}") String configuredPassword,
                           QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.commands = commands;
        this.eventStore = eventStore;
        this.credentials = credentials;
        this.properties = properties;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (eventStore.lastSequenceNumberFor(OrganisationIds.ORGANISATION_ID).isEmpty()) {
            foundOrganisation();
            awaitAdministratorInReadModel();
        }
        if (properties.mode() == SecurityProperties.Mode.BASIC && credentials.passwordHash(ADMINISTRATOR_ID).isEmpty()) {
            boolean generated = configuredPassword.isBlank();
            String password = generated ? generatePassword() : PasswordPolicy.validated("RELAIS_ADMIN_PASSWORD",
                    configuredPassword);
            credentials.setPassword(ADMINISTRATOR_ID, password);
            if (generated) {
                log.warn("Created the administrator '{}' with the generated password {} (shown only once; "
                        + "set RELAIS_ADMIN_PASSWORD before the first start to choose it)", ADMINISTRATOR_ID, password);
            } else {
                log.info("Created the administrator '{}' with the password from RELAIS_ADMIN_PASSWORD",
                        ADMINISTRATOR_ID);
            }
        }
    }

    private void foundOrganisation() throws Exception {
        ActingContext system = new ActingContext(OrganisationIds.SYSTEM_PREFIX + "bootstrap", null,
                UUID.randomUUID().toString());
        try {
            system.call(() -> commands.sendAndWait(new FoundOrganisation(ADMINISTRATOR_ID, "Administrator")));
        } catch (CommandExecutionException e) {
            if (!RefusingCommandBus.madeBefore(e)) {
                throw e;
            }
            log.info("Another node founded the organisation first");
        }
    }

    /** Sign-in reads the user from the organisation read model: until it shows admin, admin cannot sign in. */
    private void awaitAdministratorInReadModel() {
        while (readYourWrites.await(() -> queries.query(new FindUser(ADMINISTRATOR_ID),
                ResponseTypes.optionalInstanceOf(UserView.class)).join(), user -> true).isEmpty()
                && !Thread.currentThread().isInterrupted()) {
            log.info("Waiting for the organisation read model to show the administrator '{}'", ADMINISTRATOR_ID);
        }
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

package io.relais.webhook;

import io.relais.common.AuditMetadata;
import io.relais.common.Changes;
import io.relais.common.ExpectedVersion;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.InvalidTransitionException;
import io.relais.common.Updates;
import io.relais.organisation.Authorization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A webhook subscription: an address that receives the events it names, signed with a secret kept sealed outside
 * the event store. Administrators manage subscriptions; the system ({@code system:webhooks}) suspends one that
 * keeps failing, and an administrator resumes it.
 */
@Aggregate
public class Webhook {

    private static final String MANAGE_WEBHOOKS = "manage webhooks";
    private static final Map<String, Function<WebhookSettings, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("url", WebhookSettings::url);
        FIELDS.put("eventTypes", WebhookSettings::eventTypes);
        FIELDS.put("recordTypes", WebhookSettings::recordTypes);
        FIELDS.put("description", WebhookSettings::description);
    }

    @AggregateIdentifier
    private String webhookId;
    private WebhookSettings settings;
    private WebhookStatus status;

    protected Webhook() {
    }

    @CommandHandler
    public Webhook(RegisterWebhook command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                   Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_WEBHOOKS);
        Fields.exactIdentifier("webhookId", command.webhookId());
        WebhookSettings valid = Fields.present("settings", command.settings()).validated();
        apply(new WebhookRegistered(command.webhookId(), valid, Fields.exactIdentifier("secretId", command.secretId())));
    }

    @CommandHandler
    public long handle(ChangeWebhook command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_WEBHOOKS);
        ExpectedVersion.require(command.expectedVersion());
        requireNotRetired("change a webhook");
        WebhookSettings changed = Fields.present("settings", command.settings()).validated();
        Updates.record(changes(settings, changed), changes -> new WebhookChanged(webhookId, changed, changes));
        if (command.secretId() != null) {
            apply(new WebhookSecretRotated(webhookId, Fields.exactIdentifier("secretId", command.secretId())));
        }
        return getVersion();
    }

    /** Suspending a suspended subscription changes nothing. */
    @CommandHandler
    public long handle(SuspendWebhook command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_WEBHOOKS);
        requireNotRetired("suspend a webhook");
        String reason = Fields.required("reason", command.reason(), 500);
        if (status == WebhookStatus.ACTIVE) {
            apply(new WebhookSuspended(webhookId, reason));
        }
        return getVersion();
    }

    /** Resuming an active subscription changes nothing. */
    @CommandHandler
    public long handle(ResumeWebhook command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_WEBHOOKS);
        requireNotRetired("resume a webhook");
        if (status == WebhookStatus.SUSPENDED) {
            apply(new WebhookResumed(webhookId));
        }
        return getVersion();
    }

    /** Retiring a retired subscription changes nothing. */
    @CommandHandler
    public long handle(RetireWebhook command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_WEBHOOKS);
        if (status != WebhookStatus.RETIRED) {
            apply(new WebhookRetired(webhookId));
        }
        return getVersion();
    }

    private void requireNotRetired(String task) {
        if (status == WebhookStatus.RETIRED) {
            throw new InvalidTransitionException(task, WebhookStatus.RETIRED.name());
        }
    }

    private static List<FieldChange> changes(WebhookSettings before, WebhookSettings after) {
        List<FieldChange> changes = new ArrayList<>();
        FIELDS.forEach((field, getter) -> Changes.add(changes, field, getter.apply(before), getter.apply(after)));
        return changes;
    }

    @EventSourcingHandler
    void on(WebhookRegistered event) {
        webhookId = event.webhookId();
        settings = event.settings();
        status = WebhookStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(WebhookChanged event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(WebhookSuspended event) {
        status = WebhookStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(WebhookResumed event) {
        status = WebhookStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(WebhookRetired event) {
        status = WebhookStatus.RETIRED;
    }
}

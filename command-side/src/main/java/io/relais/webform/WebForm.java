package io.relais.webform;

import io.relais.common.AuditMetadata;
import io.relais.common.Changes;
import io.relais.common.ExpectedVersion;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.Updates;
import io.relais.organisation.Authorization;
import io.relais.organisation.OrganisationIds;
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
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A web form whose submissions become leads, captured by the system ({@code system:web-form}) on behalf of the
 * form. Administrators register, change and retire forms; a form's leads go to its owner, who must be able to
 * own records, or to the territory rules.
 */
@Aggregate
public class WebForm {

    private static final String MANAGE_WEB_FORMS = "manage web forms";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    private static final Map<String, Function<WebFormSettings, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", WebFormSettings::name);
        FIELDS.put("allowedOrigins", WebFormSettings::allowedOrigins);
        FIELDS.put("sourceDetail", WebFormSettings::sourceDetail);
        FIELDS.put("ownerId", WebFormSettings::ownerId);
        FIELDS.put("consentText", WebFormSettings::consentText);
        FIELDS.put("consentTextVersion", WebFormSettings::consentTextVersion);
        FIELDS.put("redirectUrl", WebFormSettings::redirectUrl);
    }

    @AggregateIdentifier
    private String formId;
    private WebFormSettings settings;
    private boolean retired;

    protected WebForm() {
    }

    @CommandHandler
    public WebForm(RegisterWebForm command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                   Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_WEB_FORMS);
        Fields.exactIdentifier("formId", command.formId());
        if (command.key() == null || !KEY.matcher(command.key()).matches()) {
            throw new InvalidFieldException("key", "invalid-key",
                    "A web form's key is 20 to 64 letters, digits, '-' or '_'");
        }
        apply(new WebFormRegistered(command.formId(), command.key(), valid(command.settings(), authorization)));
    }

    @CommandHandler
    public long handle(ChangeWebForm command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_WEB_FORMS);
        ExpectedVersion.require(command.expectedVersion());
        if (retired) {
            throw new InvalidTransitionException("change a web form", "RETIRED");
        }
        WebFormSettings changed = valid(command.settings(), authorization);
        Updates.record(changes(settings, changed), changes -> new WebFormChanged(formId, changed, changes));
        return getVersion();
    }

    /** Retiring a retired form changes nothing. */
    @CommandHandler
    public long handle(RetireWebForm command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_WEB_FORMS);
        if (!retired) {
            apply(new WebFormRetired(formId));
        }
        return getVersion();
    }

    /** The settings by today's rules, their owner one who may receive the leads the system captures. */
    private static WebFormSettings valid(WebFormSettings settings, Authorization authorization) {
        WebFormSettings valid = Fields.present("settings", settings).validated();
        if (valid.ownerId() != null) {
            authorization.requireNewOwner(OrganisationIds.WEB_FORM, valid.ownerId());
        }
        return valid;
    }

    private static List<FieldChange> changes(WebFormSettings before, WebFormSettings after) {
        List<FieldChange> changes = new ArrayList<>();
        FIELDS.forEach((field, getter) -> Changes.add(changes, field, getter.apply(before), getter.apply(after)));
        return changes;
    }

    @EventSourcingHandler
    void on(WebFormRegistered event) {
        formId = event.formId();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(WebFormChanged event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(WebFormRetired event) {
        retired = true;
    }
}

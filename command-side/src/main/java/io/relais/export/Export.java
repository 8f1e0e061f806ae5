package io.relais.export;

import io.relais.common.AuditMetadata;
import io.relais.common.Fields;
import io.relais.organisation.Authorization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One export of a list: the record an auditor finds of records leaving the CRM as a file (EXPORT in the audit
 * view), one event each, so that every export shows whole in its history. Any active user may export what they
 * may see; what they see is the read side's business.
 */
@Aggregate
public class Export {

    @AggregateIdentifier
    private String exportId;

    protected Export() {
    }

    @CommandHandler
    public Export(RecordListExport command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                      Authorization authorization) {
        authorization.requireActiveUser(actorId, "export lists");
        apply(new ListExported(Fields.identifier("exportId", command.exportId()), actorId,
                Fields.required("list", command.list(), 50), Fields.required("format", command.format(), 10),
                Fields.text("filters", command.filters(), 4000)));
    }

    @EventSourcingHandler
    void on(ListExported event) {
        exportId = event.exportId();
    }
}

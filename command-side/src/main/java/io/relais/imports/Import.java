package io.relais.imports;

import io.relais.common.AuditMetadata;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.organisation.Authorization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One import of a file: the record an auditor finds of records entering the CRM in bulk (IMPORT in the audit
 * view), from who started it to how it ended. Its rows' records are captured by their own commands, sent by the
 * system on behalf of the importer under the rules that apply to each.
 */
@Aggregate
public class Import {

    private static final Pattern SHA_256 = Pattern.compile("^[0-9a-f]{64}$");

    @AggregateIdentifier
    private String importId;
    private boolean finished;

    protected Import() {
    }

    @CommandHandler
    public Import(StartImport command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                  Authorization authorization) {
        String owner = authorization.requireImporter(actorId, command.ownerId());
        if (command.fileSha256() == null || !SHA_256.matcher(command.fileSha256()).matches()) {
            throw new InvalidFieldException("fileSha256", "invalid-digest", "fileSha256 must be 64 lower-case hex digits");
        }
        apply(new ImportStarted(Fields.identifier("importId", command.importId()), actorId,
                Fields.present("kind", command.kind()), Fields.required("fileName", command.fileName(), 255),
                command.fileSha256(), Fields.integer("rows", command.rows(), 0, ImportCounts.MAX_ROWS), Fields.text("source", command.source(), 200), owner));
    }

    @CommandHandler
    public void handle(FinishImport command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireSystem(actorId);
        if (!finished) {
            apply(new ImportFinished(importId, Fields.present("counts", command.counts()).validated(),
                    Fields.text("failure", command.failure(), 4000)));
        }
    }

    @EventSourcingHandler
    void on(ImportStarted event) {
        importId = event.importId();
    }

    @EventSourcingHandler
    void on(ImportFinished event) {
        finished = true;
    }
}

package io.relais.imports;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record how an import ended; only the import's runner (the system) sends it. */
public record FinishImport(@TargetAggregateIdentifier String importId, ImportCounts counts, String failure) {
}

package io.relais.opportunity;

import io.relais.common.InvalidFieldException;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stages an open deal moves through, in order (configurable); closed won and closed lost come after
 * them and are not configured.
 */
public final class SalesStages {

    private final List<SalesStage> open;

    public SalesStages(List<SalesStage> open) {
        if (open == null || open.isEmpty()) {
            throw new IllegalArgumentException("At least one open sales stage is needed");
        }
        Set<String> names = new HashSet<>();
        for (SalesStage stage : open) {
            if (stage.name() == null || !stage.name().matches("[A-Z][A-Z0-9_]{0,49}")) {
                throw new IllegalArgumentException("A sales stage's name is 1 to 50 of A-Z, 0-9 and _: " + stage.name());
            }
            if (!names.add(stage.name()) || stage.name().equals(SalesStage.CLOSED_WON.name())
                    || stage.name().equals(SalesStage.CLOSED_LOST.name())) {
                throw new IllegalArgumentException("Sales stage " + stage.name() + " is given twice or is a closed one");
            }
            if (stage.probability() < 0 || stage.probability() > 100) {
                throw new IllegalArgumentException("Sales stage " + stage.name() + " has a probability out of 0-100");
            }
            if (stage.category() == null || stage.category() == ForecastCategory.CLOSED) {
                throw new IllegalArgumentException("Sales stage " + stage.name() + " needs an open forecast category");
            }
        }
        this.open = List.copyOf(open);
    }

    /** Prospecting 10 %, qualification 20 % (pipeline), proposal 50 % (best case), negotiation 80 % (commit). */
    public static SalesStages defaults() {
        return new SalesStages(List.of(
                new SalesStage("PROSPECTING", 10, ForecastCategory.PIPELINE),
                new SalesStage("QUALIFICATION", 20, ForecastCategory.PIPELINE),
                new SalesStage("PROPOSAL", 50, ForecastCategory.BEST_CASE),
                new SalesStage("NEGOTIATION", 80, ForecastCategory.COMMIT)));
    }

    public List<SalesStage> open() {
        return open;
    }

    public SalesStage first() {
        return open.get(0);
    }

    /** The open stage of that name (any case), or a refusal naming {@code field}. */
    public SalesStage open(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException(field, "required", field + " is required");
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return open.stream().filter(stage -> stage.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidFieldException(field, "unknown-stage", field + " must be one of "
                        + open.stream().map(SalesStage::name).toList()
                        + " (closing is done with close-won and close-lost)"));
    }
}

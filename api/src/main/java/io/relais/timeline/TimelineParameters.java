package io.relais.timeline;

import io.relais.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The filters both timelines take, as query parameters. */
record TimelineParameters(
        @Parameter(description = "ACCOUNT, CONTACT, LEAD, OPPORTUNITY or ACTIVITY; repeat the parameter or "
                + "separate with commas")
        List<TimelineKind> kind,
        @Parameter(description = "Entries at or after: " + QueryParameters.INSTANT)
        String from,
        @Parameter(description = "Entries before: " + QueryParameters.INSTANT)
        String to,
        @Parameter(description = "desc (newest first, the default) or asc", schema = @Schema(defaultValue = "desc"))
        String order) {

    TimelineFilter filter() {
        // an empty value (kind=, or kind=LEAD,) converts to null: it names no kind
        Set<TimelineKind> kinds = kind == null ? Set.of() : kind.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TimelineKind.class)));
        return new TimelineFilter(kinds, QueryParameters.instant("from", from).orElse(null),
                QueryParameters.instant("to", to).orElse(null), QueryParameters.oldestFirst(order));
    }
}

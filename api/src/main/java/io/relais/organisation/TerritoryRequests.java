package io.relais.organisation;

import io.relais.common.CompanySize;
import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of the territory and lead routing endpoints. */
final class TerritoryRequests {

    private TerritoryRequests() {
    }

    record Create(@Schema(example = "south-east", requiredMode = Schema.RequiredMode.REQUIRED) String territoryId,
                  @Schema(example = "South-East", requiredMode = Schema.RequiredMode.REQUIRED) String name) {
    }

    record AddRule(
            @Schema(description = "Generated when absent") String ruleId,
            @Schema(description = "0-10000; of several matching rules the highest wins", example = "100") int priority,
            @Schema(example = "FR") String country,
            @Schema(example = "69") String postalCodePrefix,
            @Schema(example = "62") String nafCodePrefix,
            CompanySize companySize) {
    }

    record DefaultOwner(@Schema(description = "null: unmatched leads stay unassigned") String ownerId) {
    }
}

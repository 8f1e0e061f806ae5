package io.relais.opportunity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code relais.opportunities.stages}: the open sales stages in order, each with its probability (percent)
 * and forecast category; the defaults when none are configured.
 */
@ConfigurationProperties("relais.opportunities")
public record SalesStageProperties(List<SalesStage> stages) {

    SalesStages salesStages() {
        return stages == null || stages.isEmpty() ? SalesStages.defaults() : new SalesStages(stages);
    }
}

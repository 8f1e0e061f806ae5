package io.relais.duplicate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How similar names must be to count as a match (pg_trgm similarity of the normalised names, 0 to 1), and
 * how many likely duplicates are kept per record. Changing them applies to new checks at once, and to the
 * duplicates list after a rebuild of the {@code duplicates} projection.
 */
@ConfigurationProperties("relais.duplicates")
public record DuplicateProperties(@DefaultValue("0.6") double companyNameThreshold,
                                  @DefaultValue("0.6") double personNameThreshold,
                                  @DefaultValue("20") int maxPairsPerRecord) {

    public DuplicateProperties {
        for (double threshold : new double[] {companyNameThreshold, personNameThreshold}) {
            if (threshold <= 0 || threshold > 1) {
                throw new IllegalArgumentException("relais.duplicates thresholds must be above 0 and at most 1");
            }
        }
        if (maxPairsPerRecord < 1) {
            throw new IllegalArgumentException("relais.duplicates.max-pairs-per-record must be at least 1");
        }
    }

    DuplicateScoring.Thresholds thresholds() {
        return new DuplicateScoring.Thresholds(companyNameThreshold, personNameThreshold);
    }

    /** The similarity a candidate name must reach: the lower threshold, the other is applied on top by the scoring. */
    double candidateThreshold() {
        return Math.min(companyNameThreshold, personNameThreshold);
    }
}

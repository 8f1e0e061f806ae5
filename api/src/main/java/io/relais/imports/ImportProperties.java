package io.relais.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * @param senders      how many of an import's rows are sent at once: the command bus handles each on its
 *                     sender's thread
 * @param batchSize    rows counted in (with their refusals) in one transaction; an import resumed after a stop
 *                     sends at most this many rows again
 * @param dryRunShown  the refused rows a dry run lists, the first ones
 * @param keepFiles    how long an import's file and refused rows (personal data) are kept once it has ended,
 *                     for its list of errors; then they are deleted, its counts kept
 */
@ConfigurationProperties("relais.imports")
public record ImportProperties(@DefaultValue("8") int senders, @DefaultValue("500") int batchSize,
                               @DefaultValue("1000") int dryRunShown, @DefaultValue("P30D") Period keepFiles) {
}

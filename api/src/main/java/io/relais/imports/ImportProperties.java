package io.relais.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param senders      how many of an import's rows are sent at once: the command bus handles each on its
 *                     sender's thread
 * @param batchSize    rows counted in (with their refusals) in one transaction; an import resumed after a stop
 *                     sends at most this many rows again
 * @param dryRunShown  the refused rows a dry run lists, the first ones
 */
@ConfigurationProperties("relais.imports")
public record ImportProperties(@DefaultValue("4") int senders, @DefaultValue("500") int batchSize,
                               @DefaultValue("1000") int dryRunShown) {
}

package io.relais.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize   the largest request body accepted; a larger one is refused with 413
 * @param maxUploadSize the same for a multipart form, which carries a file (an import's)
 */
@ConfigurationProperties("relais.api")
public record RequestLimitsProperties(@DefaultValue("1MB") DataSize maxBodySize,
                                      @DefaultValue("50MB") DataSize maxUploadSize) {
}

package io.relais.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;

/**
 * Where the master key that wraps the data subjects' keys comes from (ADR 013). One of {@code masterKey}
 * (Base64 of 32 random bytes, e.g. from an environment variable) or {@code masterKeyFile} (a file holding
 * that text); with neither, the embedded database's data folder keeps a key generated on first start.
 *
 * @param previousMasterKeyFiles master keys being rotated out: subjects' keys wrapped by one of them are
 *                               rewrapped by the current master key at start
 * @param keyCacheTtl            how long a node keeps a subject's key in memory; another node's erasure is
 *                               honoured here at the latest after this long
 * @param retention              how long people are kept without contact, and when the daily erasure runs
 */
@ConfigurationProperties("relais.personal-data")
public record PersonalDataProperties(String masterKey, Path masterKeyFile, List<Path> previousMasterKeyFiles,
                                     @DefaultValue("60s") Duration keyCacheTtl, @DefaultValue Retention retention) {

    /**
     * @param leads               how long a lead is kept after its last contact (converted leads follow their contact)
     * @param contactsOfProspects how long a contact of a prospect account is kept after its last contact
     * @param dailyAt             when (UTC) the daily retention erasure runs
     */
    public record Retention(@DefaultValue("P3Y") Period leads, @DefaultValue("P3Y") Period contactsOfProspects,
                            @DefaultValue("03:00") LocalTime dailyAt) {
    }

    public PersonalDataProperties {
        masterKey = masterKey == null || masterKey.isBlank() ? null : masterKey.strip();
        masterKeyFile = masterKeyFile == null || masterKeyFile.toString().isBlank() ? null : masterKeyFile;
        previousMasterKeyFiles = previousMasterKeyFiles == null ? List.of() : List.copyOf(previousMasterKeyFiles);
    }
}

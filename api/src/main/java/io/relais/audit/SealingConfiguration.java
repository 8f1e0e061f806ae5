package io.relais.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.database.EmbeddedDatabaseProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The seals of the event store (ADR 013): the signing keys, the sealer and its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SealingConfiguration.SealingProperties.class)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class SealingConfiguration {

    static final Logger log = LoggerFactory.getLogger(SealingConfiguration.class);

    /**
     * @param signingKeyFile the Ed25519 private key (PKCS#8 PEM) that signs the seals
     * @param publicKeyFile  its public key (X.509 PEM)
     * @param sealInterval   how often the sealer seals what has become stable
     */
    @ConfigurationProperties("relais.audit")
    public record SealingProperties(Path signingKeyFile, Path publicKeyFile,
                                    @DefaultValue("10s") Duration sealInterval) {

        public SealingProperties {
            signingKeyFile = signingKeyFile == null || signingKeyFile.toString().isBlank() ? null : signingKeyFile;
            publicKeyFile = publicKeyFile == null || publicKeyFile.toString().isBlank() ? null : publicKeyFile;
        }
    }

    @Bean
    SealingKeys sealingKeys(SealingProperties properties, ObjectProvider<EmbeddedPostgres> embedded,
                            ObjectProvider<EmbeddedDatabaseProperties> embeddedProperties) {
        Optional<Path> generated = Optional.ofNullable(embedded.getIfAvailable())
                .flatMap(started -> Optional.ofNullable(embeddedProperties.getIfAvailable()))
                .map(EmbeddedDatabaseProperties::dataDirectory);
        SealingKeys keys = SealingKeys.load(properties.signingKeyFile(), properties.publicKeyFile(), generated);
        log.info("The event store's seals are signed by the Ed25519 key whose public key is\n{}", keys.publicKeyPem());
        return keys;
    }

    /** Seals what has become stable, on one node of a cluster at a time. */
    @Bean
    RecurringTask<Void> sealingTask(SealingProperties properties, EventSealer sealer) {
        return Tasks.recurring("event-store-sealing", Schedules.fixedDelay(properties.sealInterval()))
                .execute((instance, context) -> sealer.sealStable());
    }

    @Bean
    Gauge sealedPosition(MeterRegistry registry, EventSealer sealer) {
        return Gauge.builder("relais.audit.sealed.position", sealer, s -> s.latest().map(Seal::toPosition).orElse(0L))
                .description("The store position up to which the event store is sealed")
                .register(registry);
    }
}

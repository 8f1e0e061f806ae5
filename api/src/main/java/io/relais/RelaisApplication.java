package io.relais;

import io.relais.audit.OfflineVerifier;
import io.relais.tools.Tools;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The engine. Axon's JPA auto-configuration stays out: it would move Axon's event, token, saga and dead-letter
 * stores onto JPA, where only operational state belongs (ADR 017).
 */
@SpringBootApplication(excludeName = {
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
        "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration"})
@ConfigurationPropertiesScan
public class RelaisApplication {

    public static void main(String[] args) {
        if (OfflineVerifier.asked(args)) {
            System.exit(OfflineVerifier.run(args, System.out));
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (Tools.asked(args)) {
            System.exit(Tools.runFromCommandLine(args));
        }
        SpringApplication.run(RelaisApplication.class, args);
    }
}

package io.relais;

import io.relais.audit.OfflineVerifier;
import io.relais.tools.Tools;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
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

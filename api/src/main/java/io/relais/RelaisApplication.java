package io.relais;

import io.relais.bench.BenchmarkCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RelaisApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(BenchmarkCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(RelaisApplication.class, args);
    }
}

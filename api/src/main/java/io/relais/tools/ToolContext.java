package io.relais.tools;

import io.relais.RelaisApplication;
import io.relais.audit.SealingKeys;
import io.relais.database.RunningEngine;
import io.relais.observability.Processors;
import io.relais.personaldata.PersonalDataConfiguration;
import io.relais.projection.ProjectionTransactions;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The engine as the command-line tools run it: the same configuration (settings, environment variables, the
 * embedded data folder or the external database), without the web server, the deadline scheduler, the sealer, the
 * administrator's first start, and without processing events, except for the projections a tool rebuilds. Every
 * other processor subscribes to events published in this process, which publishes none.
 */
final class ToolContext implements AutoCloseable {

    /** Every event processor of the engine, by name. */
    static final List<String> PROCESSORS = Stream.concat(ProjectionTransactions.PROJECTIONS.stream(),
            Processors.PROCESS_MANAGERS.stream().sorted()).toList();

    private final ConfigurableApplicationContext context;
    private final Path embeddedDataDirectory;

    private ToolContext(ConfigurableApplicationContext context, Path embeddedDataDirectory) {
        this.context = context;
        this.embeddedDataDirectory = embeddedDataDirectory;
    }

    /**
     * Starts the engine for a tool. With {@code alongsideRunningEngine}, the database of an engine running on the
     * embedded data folder is used as it runs; otherwise the tool starts the embedded database itself, which
     * refuses a folder an engine runs on.
     */
    static ToolContext start(ToolArguments arguments, Set<String> processing, boolean alongsideRunningEngine,
                             String... settings) {
        List<String> args = new ArrayList<>(arguments.engineSettings());
        args.addAll(List.of(settings));
        args.addAll(List.of("--spring.main.web-application-type=none",
                "--relais.tool=true"));
        PROCESSORS.stream().filter(processor -> !processing.contains(processor)).forEach(processor -> {
            args.add("--axon.eventhandling.processors." + processor + ".mode=subscribing");
            args.add("--axon.eventhandling.processors." + processor + ".source=eventBus");
        });
        SpringApplication application = new SpringApplication(RelaisApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        DatabaseChoice database = new DatabaseChoice(alongsideRunningEngine);
        application.addListeners(database);
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        return new ToolContext(context, database.embeddedDataDirectory);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** Refuses a tool that reads or writes PostgreSQL's event table when Axon Server stores the events. */
    void requireEventsInPostgreSql(String tool) {
        if (context.getEnvironment().getProperty("axon.axonserver.enabled", Boolean.class, false)) {
            throw new UsageException(tool + " works on the events in PostgreSQL; with Axon Server as the event store "
                    + "(the axonserver profile) use Axon Server's own backup and event export");
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The embedded database's data folder, unless the engine is configured with an external database. */
    Path embeddedDataDirectory() {
        return embeddedDataDirectory;
    }

    @Override
    public void close() {
        context.close();
    }

    /** Picks the database once the settings are known, before any bean is made. */
    private static final class DatabaseChoice implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        private final boolean alongsideRunningEngine;
        private Path embeddedDataDirectory;

        DatabaseChoice(boolean alongsideRunningEngine) {
            this.alongsideRunningEngine = alongsideRunningEngine;
        }

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent prepared) {
            embeddedDataDirectory = database(prepared.getEnvironment(), alongsideRunningEngine);
        }
    }

    private static Path database(ConfigurableEnvironment environment, boolean alongsideRunningEngine) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return null;
        }
        Path directory = Path.of(environment.getRequiredProperty("relais.embedded-db.data-directory"))
                .toAbsolutePath().normalize();
        OptionalInt running = alongsideRunningEngine ? RunningEngine.port(directory) : OptionalInt.empty();
        if (running.isPresent()) {
            Map<String, Object> settings = new HashMap<>();
            settings.put("spring.datasource.url", "jdbc:postgresql://localhost:" + running.getAsInt() + "/postgres");
            settings.put("spring.datasource.username", "postgres");
            if (blank(environment, "relais.personal-data.master-key")
                    && blank(environment, "relais.personal-data.master-key-file")) {
                settings.put("relais.personal-data.master-key-file",
                        existing(directory.resolve(PersonalDataConfiguration.GENERATED_MASTER_KEY)));
            }
            if (blank(environment, "relais.audit.signing-key-file") && blank(environment, "relais.audit.public-key-file")) {
                settings.put("relais.audit.signing-key-file",
                        existing(directory.resolve(SealingKeys.GENERATED_SIGNING_KEY)));
                settings.put("relais.audit.public-key-file", existing(directory.resolve(SealingKeys.GENERATED_PUBLIC_KEY)));
            }
            environment.getPropertySources().addFirst(new MapPropertySource("relais-running-engine", settings));
        }
        return directory;
    }

    private static boolean blank(ConfigurableEnvironment environment, String property) {
        String value = environment.getProperty(property);
        return value == null || value.isBlank();
    }

    private static String existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The running engine's data folder has no " + file.getFileName()
                    + ": give the keys it runs with in the same settings as the engine's");
        }
        return file.toString();
    }
}

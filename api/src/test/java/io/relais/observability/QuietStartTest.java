package io.relais.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.relais.RelaisApplication;
import io.relais.support.TestDataDirectories;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A normal first start, as the README's run command makes it, logs no WARN or ERROR: a warning at every start
 * teaches operators to skip warnings. Only this start is listened to (from the moment its logging is set up
 * until it is ready), not the engines other tests run in this JVM.
 */
class QuietStartTest {

    @Test
    void aFirstStartLogsNoWarning() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> start = new ListAppender<>();
        start.start();
        ConfigurableApplicationContext engine;
        try {
            engine = new SpringApplicationBuilder(RelaisApplication.class)
                    .listeners(event -> {
                        // after Spring Boot has set logging up from the configuration, which may reset it
                        if (event instanceof ApplicationEnvironmentPreparedEvent) {
                            root.addAppender(start);
                        }
                    })
                    .run("--server.port=0", "--relais.embedded-db.data-directory="
                            + TestDataDirectories.fresh("quiet"), "--relais.admin.password=a-first-admin-password");
        } finally {
            root.detachAppender(start);
        }
        engine.close();

        assertThat(start.list).as("lines logged during the start").isNotEmpty();
        assertThat(start.list)
                .filteredOn(line -> line.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(line -> line.getLoggerName() + ": " + line.getFormattedMessage())
                .isEmpty();
    }
}

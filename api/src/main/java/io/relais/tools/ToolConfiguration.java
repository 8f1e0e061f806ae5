package io.relais.tools;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine as a tool runs it ({@link ToolContext}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "relais.tool", havingValue = "true")
class ToolConfiguration {

    /**
     * The deadline scheduler is configured (the deadline manager needs it) but never started: a tool fires no
     * deadline and runs no recurring task (sealing, retention).
     */
    @Bean
    DbSchedulerStarter schedulerLeftStopped() {
        return () -> {
        };
    }
}

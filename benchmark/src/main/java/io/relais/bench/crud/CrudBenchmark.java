package io.relais.bench.crud;

import com.zaxxer.hikari.HikariDataSource;
import io.relais.lead.LeadDetails;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

import java.util.function.Supplier;

/**
 * A plain Spring Data JPA CRUD service ({@link CrudLeadService}) on the engine's own PostgreSQL, in an application
 * context of its own (Spring Boot's data source, Hibernate and transaction configuration, nothing of Relais or
 * Axon), with a connection pool the size of the engine's: what the same capture and update cost without events,
 * projections or authorisation.
 */
public final class CrudBenchmark implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final CrudLeadService service;

    private CrudBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.service = context.getBean(CrudLeadService.class);
    }

    /** Starts the CRUD service on the database of {@code engine} (its table is made now and dropped at close). */
    public static CrudBenchmark on(HikariDataSource engine) {
        return new CrudBenchmark(new SpringApplicationBuilder(CrudApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--spring.config.name=relais-crud-benchmark",
                        "--spring.datasource.url=" + engine.getJdbcUrl(),
                        "--spring.datasource.username=" + engine.getUsername(),
                        "--spring.datasource.password=" + (engine.getPassword() == null ? "" : engine.getPassword()),
                        "--spring.datasource.hikari.maximum-pool-size=" + engine.getMaximumPoolSize(),
                        "--spring.datasource.hikari.pool-name=crud-benchmark",
                        "--spring.jpa.hibernate.ddl-auto=create-drop",
                        "--spring.jpa.open-in-view=false",
                        "--logging.level.root=WARN"));
    }

    /** Captures {@code count} leads and changes each once: two operations per lead, as the commands do. */
    public void captureAndUpdate(int count, Supplier<LeadDetails> details, String actor) {
        for (int i = 0; i < count; i++) {
            String id = service.capture(details.get(), "WEB_FORM", "benchmark", actor);
            service.moveTo(id, "Lyon", 0L);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** Not a stereotype: the engine's component scan, which covers this package, must not pick it up. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
            TransactionAutoConfiguration.class})
    @EnableJpaRepositories(basePackageClasses = CrudLeads.class)
    @EntityScan(basePackageClasses = CrudLead.class)
    static class CrudApplication {

        @Bean
        CrudLeadService crudLeadService(CrudLeads leads) {
            return new CrudLeadService(leads);
        }
    }
}

package io.relais.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/** PostgreSQL 17 alongside the application when no external database is configured ({@link EmbeddedDatabaseStart}). */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
public class EmbeddedDatabaseConfiguration {

    /** The server begun by {@link EarlyEmbeddedDatabaseStart}, once it has started. */
    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseStart start) throws IOException {
        return start.take();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }
}

package io.relais.database;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Operational state (import jobs and their refused rows, web forms' counts, the company register's tables, what
 * users follow and how far they read their alerts) is kept with Spring Data JPA in its own transactions; the
 * event store, Axon's token, saga and dead-letter stores and the read models stay on JDBC, under the transaction
 * manager Axon and the projections use (ADR 001, ADR 017). JPA would otherwise make its own
 * transaction manager everyone's, opening an EntityManager for every command and every projection batch.
 * Entities and repositories are looked for in the packages named here only.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan({"io.relais.imports", "io.relais.webform", "io.relais.register", "io.relais.alert"})
@EnableJpaRepositories(basePackages = {"io.relais.imports", "io.relais.webform", "io.relais.register",
        "io.relais.alert"},
        transactionManagerRef = "operationalTransactionManager")
public class OperationalState {

    public static final String TRANSACTIONS = "operationalTransactions";
    private static final String TRANSACTION_MANAGER = "operationalTransactionManager";

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /** Everyone's, as Spring Boot would make it were there no second one. */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(JdbcTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean(TRANSACTION_MANAGER)
    JpaTransactionManager operationalTransactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    @Bean(TRANSACTIONS)
    TransactionTemplate operationalTransactions(@Qualifier(TRANSACTION_MANAGER) JpaTransactionManager manager) {
        return new TransactionTemplate(manager);
    }
}

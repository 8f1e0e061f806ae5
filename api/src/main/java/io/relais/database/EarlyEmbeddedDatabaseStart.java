package io.relais.database;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Begins the embedded database's start once the engine's settings are final (every initializer has run, a test's
 * dynamic properties included) and before any bean is made: the {@code embeddedPostgres} bean takes the server
 * when the first bean needs the database. Registered in {@code META-INF/spring.factories}.
 */
class EarlyEmbeddedDatabaseStart implements ApplicationListener<ApplicationContextInitializedEvent> {

    static final String BEAN = "embeddedDatabaseStart";

    @Override
    public void onApplicationEvent(ApplicationContextInitializedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (!NoExternalDatabaseCondition.embedded(context.getEnvironment())) {
            return;
        }
        EmbeddedDatabaseProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("relais.embedded-db", EmbeddedDatabaseProperties.class);
        EmbeddedDatabaseStart start = new EmbeddedDatabaseStart(properties);
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(BEAN, start);
        beans.registerDisposableBean(BEAN, start);
    }
}

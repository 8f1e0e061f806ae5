package io.relais.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The limit Spring Boot has no property for: a request refused with 413 has its connection closed once the
 * answer is sent, instead of Tomcat first reading (up to {@code server.tomcat.max-swallow-size} of) the body it
 * was refused for, or waiting {@code server.tomcat.connection-timeout} for a body that never comes.
 */
@Component
class TomcatLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(false));
    }
}

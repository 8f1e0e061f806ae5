package io.relais.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console: static pages and scripts under {@code /console/} that work on the public API with the browser's
 * session (io.relais.security.BrowserSessions). Its own page at {@code /}, its sign-in page at {@code /sign-in}.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/console/index.html");
        registry.addViewController("/sign-in").setViewName("forward:/console/sign-in.html");
    }
}

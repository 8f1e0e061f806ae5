package io.relais.console;

import io.relais.support.ApiTestSupport;
import io.relais.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleBrowserTest extends ApiTestSupport {

    @Test
    void signs_in() {
        try (Browser browser = Browser.open(port, Browser.WIDE)) {
            browser.go("/");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/sign-in"));
            browser.signIn("admin", ADMIN_PASSWORD);
            assertThat(browser.text(By.id("who"))).contains("Administrator");
            browser.screenshot("home");
        }
    }
}

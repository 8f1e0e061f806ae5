package io.relais.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Path;

/**
 * End-to-end tests over HTTP against the real application on the embedded PostgreSQL. All subclasses share
 * one application context (and one database in a temporary folder), so tests must not assume an empty
 * database: each creates its own records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
public abstract class ApiTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA_DIRECTORY = createDataDirectory();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("relais.embedded-db.data-directory", DATA_DIRECTORY::toString);
    }

    protected HttpApi api() {
        return new HttpApi(port);
    }

    protected long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    protected static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    private static Path createDataDirectory() {
        return TestDataDirectories.fresh("e2e");
    }
}

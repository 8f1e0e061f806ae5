package io.relais.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** The password hashes for HTTP Basic sign-in, kept apart from the event store (see V3 migration). */
@Component
public class CredentialStore {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    public CredentialStore(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public Optional<String> passwordHash(String userId) {
        return jdbc.query("select password_hash from user_credential where user_id = ?",
                (rs, n) -> rs.getString(1), userId).stream().findFirst();
    }

    /** Stores the password's hash, replacing any earlier one. */
    public void setPassword(String userId, String password) {
        jdbc.update("insert into user_credential (user_id, password_hash, updated_at) values (?, ?, ?) "
                        + "on conflict (user_id) do update set password_hash = excluded.password_hash, "
                        + "updated_at = excluded.updated_at",
                userId, passwordEncoder.encode(password), Timestamp.from(clock.instant()));
    }
}

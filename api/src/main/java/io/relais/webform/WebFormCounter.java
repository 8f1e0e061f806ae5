package io.relais.webform;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** What one web form received on one day (UTC); written only by {@link WebFormCounters#count}. */
@Entity
@Table(name = "web_form_counter")
class WebFormCounter {

    @EmbeddedId
    private Day id;
    private long captured;
    private long refused;
    private long spam;
    @Column(name = "last_received_at")
    private Instant lastReceivedAt;

    protected WebFormCounter() {
    }

    LocalDate day() {
        return id.day;
    }

    long captured() {
        return captured;
    }

    long refused() {
        return refused;
    }

    long spam() {
        return spam;
    }

    Instant lastReceivedAt() {
        return lastReceivedAt;
    }

    @Embeddable
    record Day(@Column(name = "form_id") String formId, LocalDate day) implements Serializable {
    }
}

package io.relais.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How far a user read their alerts: up to a store position; written only by {@link AlertReadMarks#markRead}. */
@Entity
@Table(name = "alert_read_mark")
class AlertReadMark {

    @Id
    @Column(name = "user_id")
    private String userId;
    @Column(name = "read_up_to")
    private long readUpTo;

    protected AlertReadMark() {
    }

    long readUpTo() {
        return readUpTo;
    }
}

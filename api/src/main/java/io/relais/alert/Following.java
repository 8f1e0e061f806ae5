package io.relais.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A user following a record, or a user's records. */
@Entity
@Table(name = "following")
class Following {

    @EmbeddedId
    private Key id;
    @Column(name = "followed_at")
    private Instant followedAt;

    protected Following() {
    }

    Following(Key id, Instant followedAt) {
        this.id = id;
        this.followedAt = followedAt;
    }

    Follow follow() {
        return new Follow(id.kind(), id.followedId(), followedAt);
    }

    @Embeddable
    record Key(@Column(name = "user_id") String userId, @Enumerated(EnumType.STRING) FollowedKind kind,
               @Column(name = "followed_id") String followedId) implements Serializable {
    }
}

package io.relais.alert;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface AlertReadMarks extends JpaRepository<AlertReadMark, String> {

    /** Moves a user's mark up to {@code position}, never back: two clients marking at once leave the furthest. */
    @Modifying
    @Transactional("operationalTransactionManager")
    @Query(nativeQuery = true, value = """
            insert into alert_read_mark (user_id, read_up_to) values (:userId, :position)
            on conflict (user_id)
            do update set read_up_to = greatest(alert_read_mark.read_up_to, excluded.read_up_to)""")
    void markRead(@Param("userId") String userId, @Param("position") long position);
}

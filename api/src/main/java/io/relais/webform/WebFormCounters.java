package io.relais.webform;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

interface WebFormCounters extends JpaRepository<WebFormCounter, WebFormCounter.Day> {

    /** Adds to a form's counts of the day, in one statement: concurrent submissions lose no count. */
    @Modifying
    @Transactional("operationalTransactionManager")
    @Query(nativeQuery = true, value = """
            insert into web_form_counter (form_id, day, captured, refused, spam, last_received_at)
            values (:formId, :day, :captured, :refused, :spam, :at)
            on conflict (form_id, day) do update set captured = web_form_counter.captured + excluded.captured,
                refused = web_form_counter.refused + excluded.refused, spam = web_form_counter.spam + excluded.spam,
                last_received_at = greatest(web_form_counter.last_received_at, excluded.last_received_at)""")
    void count(@Param("formId") String formId, @Param("day") LocalDate day, @Param("captured") int captured,
               @Param("refused") int refused, @Param("spam") int spam, @Param("at") Instant at);

    List<WebFormCounter> findByIdFormIdAndIdDayGreaterThanEqualOrderByIdDayDesc(String formId, LocalDate from);

    /** What a form received since it was registered. */
    @Query("select coalesce(sum(c.captured), 0) as captured, coalesce(sum(c.refused), 0) as refused, "
            + "coalesce(sum(c.spam), 0) as spam, max(c.lastReceivedAt) as lastReceivedAt "
            + "from WebFormCounter c where c.id.formId = :formId")
    Totals totals(@Param("formId") String formId);

    interface Totals {

        long getCaptured();

        long getRefused();

        long getSpam();

        Instant getLastReceivedAt();
    }
}

package io.relais.personaldata;

import io.relais.common.PageRequest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/**
 * Who is past their retention period (docs/personal-data.md), from the read models: a lead's last contact is
 * the last change to it; a contact's, the later of the last change to it and the last activity about them (done,
 * logged or planned). Converted leads are left to the rule of the contact they became, customers' contacts are
 * kept, and people already erased are left out.
 */
@Repository
class RetentionReadRepository {

    private static final String CANDIDATES = """
            select 'LEAD' as kind, l.id, l.updated_at as last_contact_at, l.company
              from lead_view l
             where l.status <> 'CONVERTED' and l.updated_at < :leadsBefore and not l.personal_data_erased
            union all
            select 'CONTACT', c.id, greatest(c.updated_at, a.last_activity_at), acc.legal_name
              from contact_view c
              join account_view acc on acc.id = c.account_id and acc.status = 'PROSPECT'
              left join lateral (select max(greatest(a.created_at, a.occurred_at, a.completed_at, a.due_at))
                                        as last_activity_at
                                   from activity_view a where a.contact_id = c.id) a on true
             where greatest(c.updated_at, a.last_activity_at) < :contactsBefore and not c.personal_data_erased
            """;

    private final NamedParameterJdbcTemplate jdbc;

    RetentionReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    RetentionCandidatePage find(FindRetentionCandidates query) {
        PageRequest page = query.page();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("leadsBefore", Timestamp.from(query.leadsBefore()))
                .addValue("contactsBefore", Timestamp.from(query.contactsBefore()))
                .addValue("limit", page.size()).addValue("offset", page.offset());
        long total = jdbc.queryForObject("select count(*) from (" + CANDIDATES + ") candidates", params, Long.class);
        List<RetentionCandidate> content = jdbc.query("select * from (" + CANDIDATES + ") candidates "
                        + "order by last_contact_at, kind, id limit :limit offset :offset", params,
                (rs, row) -> new RetentionCandidate(DataSubjectKind.valueOf(rs.getString("kind")), rs.getString("id"),
                        rs.getTimestamp("last_contact_at").toInstant(), rs.getString("company")));
        return new RetentionCandidatePage(content, page.page(), page.size(), total);
    }
}

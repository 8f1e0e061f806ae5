package io.relais.organisation;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Reads the current reporting lines from the organisation read model. */
@Component
public class ReportingLinesReader {

    private final NamedParameterJdbcTemplate jdbc;

    ReportingLinesReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ReportingLines current() {
        return new ReportingLines(jdbc.query("select id, display_name, manager_id, profile from org_user order by id",
                Map.of(), (rs, row) -> new ReportingLines.Member(rs.getString("id"), rs.getString("display_name"),
                        rs.getString("manager_id"), Profile.valueOf(rs.getString("profile")))));
    }
}

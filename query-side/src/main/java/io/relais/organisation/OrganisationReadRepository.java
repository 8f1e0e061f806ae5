package io.relais.organisation;

import io.relais.common.CompanySize;
import io.relais.common.PageRequest;
import io.relais.common.SearchText;
import io.relais.projection.RecordRows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation read model's tables (users, territories with rules and members, the routing default), and the
 * queries they answer.
 */
@Repository
class OrganisationReadRepository {

    private static final String USER_COLUMNS =
            "id, version, display_name, email, profile, manager_id, active, registered_at, updated_at";

    private final NamedParameterJdbcTemplate jdbc;

    OrganisationReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRow> findUserRow(String userId) {
        return jdbc.query("select " + USER_COLUMNS + ", last_sequence from org_user where id = :id",
                Map.of("id", userId), (rs, rowNum) -> userRow(rs, rs.getLong("last_sequence"))).stream().findFirst();
    }

    /** Writes the users' rows the batch changed, and how far in the organisation's stream it went. */
    void write(OrganisationBatch batch) {
        List<UserRow> users = batch.changedUsers();
        if (!users.isEmpty()) {
            jdbc.getJdbcTemplate().batchUpdate(RecordRows.upsert("org_user", USER_COLUMNS + ", last_sequence"), users,
                    users.size(), (ps, user) -> {
                        ps.setString(1, user.userId);
                        ps.setLong(2, user.version);
                        ps.setString(3, user.displayName);
                        ps.setString(4, user.email);
                        ps.setString(5, user.profile.name());
                        ps.setString(6, user.managerId);
                        ps.setBoolean(7, user.active);
                        ps.setTimestamp(8, Timestamp.from(user.registeredAt));
                        ps.setTimestamp(9, Timestamp.from(user.updatedAt));
                        ps.setLong(10, user.lastSequence);
                    });
        }
        if (batch.reached() >= 0) {
            advanceTo(batch.reached());
        }
    }

    void insertTerritory(TerritoryCreated event, Instant at) {
        jdbc.update("insert into territory (id, name, created_at) values (:id, :name, :at) on conflict (id) do nothing",
                new MapSqlParameterSource("id", event.territoryId()).addValue("name", event.name())
                        .addValue("at", Timestamp.from(at)));
    }

    void insertRule(TerritoryRuleAdded event, long sequence) {
        TerritoryCriteria criteria = event.criteria();
        jdbc.update("insert into territory_rule (territory_id, rule_id, priority, country, postal_code_prefix, "
                        + "naf_code_prefix, company_size, added_sequence) values (:territory, :rule, :priority, "
                        + ":country, :postal, :naf, :size, :sequence) on conflict do nothing",
                new MapSqlParameterSource("territory", event.territoryId()).addValue("rule", event.ruleId())
                        .addValue("priority", event.priority()).addValue("country", criteria.country())
                        .addValue("postal", criteria.postalCodePrefix()).addValue("naf", criteria.nafCodePrefix())
                        .addValue("size", criteria.companySize() == null ? null : criteria.companySize().name())
                        .addValue("sequence", sequence));
    }

    void deleteRule(String territoryId, String ruleId) {
        jdbc.update("delete from territory_rule where territory_id = :territory and rule_id = :rule",
                Map.of("territory", territoryId, "rule", ruleId));
    }

    void insertMember(String territoryId, String userId, long sequence) {
        jdbc.update("insert into territory_member (territory_id, user_id, added_sequence) "
                        + "values (:territory, :user, :sequence) on conflict do nothing",
                Map.of("territory", territoryId, "user", userId, "sequence", sequence));
    }

    void deleteMember(String territoryId, String userId) {
        jdbc.update("delete from territory_member where territory_id = :territory and user_id = :user",
                Map.of("territory", territoryId, "user", userId));
    }

    /** Records that the projection has applied the organisation's events up to {@code version}. */
    void advanceTo(long version) {
        jdbc.update("insert into organisation_state (id, version) values (1, :version) on conflict (id) "
                + "do update set version = greatest(organisation_state.version, excluded.version)",
                Map.of("version", version));
    }

    void setDefaultLeadOwner(String ownerId) {
        jdbc.update("update organisation_state set default_lead_owner_id = :owner where id = 1",
                new MapSqlParameterSource("owner", ownerId));
    }

    @QueryHandler
    Long version(FindOrganisationVersion query) {
        return jdbc.query("select version from organisation_state where id = 1", Map.of(),
                rs -> rs.next() ? rs.getLong(1) : -1L);
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate org_user, territory, territory_rule, territory_member, "
                + "organisation_state");
    }

    @QueryHandler
    Optional<UserView> findUser(FindUser query) {
        return jdbc.query("select " + USER_COLUMNS + " from org_user where id = :id", Map.of("id", query.userId()),
                this::mapUser).stream().findFirst();
    }

    @QueryHandler
    UserPage findUsers(FindUsers query) {
        StringBuilder where = new StringBuilder(" where true");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.profile() != null) {
            where.append(" and profile = :profile");
            params.addValue("profile", query.profile().name());
        }
        if (query.managerId() != null) {
            where.append(" and manager_id = :manager");
            params.addValue("manager", query.managerId());
        }
        if (query.active() != null) {
            where.append(" and active = :active");
            params.addValue("active", query.active());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (id ilike :text escape '\\' or display_name ilike :text escape '\\')");
            params.addValue("text", SearchText.containing(query.text().strip()));
        }
        PageRequest page = query.page();
        long total = jdbc.queryForObject("select count(*) from org_user" + where, params, Long.class);
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<UserView> items = jdbc.query("select " + USER_COLUMNS + " from org_user" + where
                + " order by id limit :limit offset :offset", params, this::mapUser);
        return new UserPage(items, page.page(), page.size(), total);
    }

    @QueryHandler
    UserList findAllUsers(FindAllUsers query) {
        return new UserList(jdbc.query("select " + USER_COLUMNS + " from org_user order by id", Map.of(),
                this::mapUser));
    }

    @QueryHandler
    LeadRoutingView findLeadRouting(FindLeadRouting query) {
        String defaultOwner = jdbc.query("select default_lead_owner_id from organisation_state where id = 1",
                Map.of(), rs -> rs.next() ? rs.getString(1) : null);
        return new LeadRoutingView(territories("order by id", new MapSqlParameterSource()), defaultOwner);
    }

    @QueryHandler
    Optional<TerritoryView> findTerritory(FindTerritory query) {
        return territories("where id = :id", new MapSqlParameterSource("id", query.territoryId())).stream()
                .findFirst();
    }

    @QueryHandler
    TerritoryPage findTerritories(FindTerritories query) {
        PageRequest page = query.page();
        long total = jdbc.queryForObject("select count(*) from territory", Map.of(), Long.class);
        List<TerritoryView> items = territories("order by id limit :limit offset :offset",
                new MapSqlParameterSource("limit", page.size()).addValue("offset", page.offset()));
        return new TerritoryPage(items, page.page(), page.size(), total);
    }

    /** The territories {@code clause} selects from {@code territory}, in its order, with their rules and members. */
    private List<TerritoryView> territories(String clause, MapSqlParameterSource params) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("select id, name from territory " + clause, params,
                rs -> {
                    names.put(rs.getString("id"), rs.getString("name"));
                });
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> ids = Map.of("ids", List.copyOf(names.keySet()));
        Map<String, List<TerritoryRuleView>> rules = new LinkedHashMap<>();
        jdbc.query("select * from territory_rule where territory_id in (:ids) order by priority desc, added_sequence",
                ids, rs -> {
                    rules.computeIfAbsent(rs.getString("territory_id"), id -> new ArrayList<>())
                            .add(new TerritoryRuleView(rs.getString("rule_id"), rs.getInt("priority"),
                                    new TerritoryCriteria(rs.getString("country"), rs.getString("postal_code_prefix"),
                                            rs.getString("naf_code_prefix"), companySize(rs.getString("company_size")))));
                });
        Map<String, List<String>> members = new LinkedHashMap<>();
        jdbc.query("select territory_id, user_id from territory_member where territory_id in (:ids) "
                        + "order by added_sequence", ids, rs -> {
                    members.computeIfAbsent(rs.getString("territory_id"), id -> new ArrayList<>())
                            .add(rs.getString("user_id"));
                });
        return names.entrySet().stream().map(territory -> new TerritoryView(territory.getKey(), territory.getValue(),
                rules.getOrDefault(territory.getKey(), List.of()),
                members.getOrDefault(territory.getKey(), List.of()))).toList();
    }

    private UserView mapUser(ResultSet rs, int rowNum) throws SQLException {
        return userRow(rs, -1).toView();
    }

    private static UserRow userRow(ResultSet rs, long lastSequence) throws SQLException {
        UserRow row = new UserRow(rs.getString("id"), rs.getLong("version"), lastSequence,
                rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        row.displayName = rs.getString("display_name");
        row.email = rs.getString("email");
        row.profile = Profile.valueOf(rs.getString("profile"));
        row.managerId = rs.getString("manager_id");
        row.active = rs.getBoolean("active");
        return row;
    }

    private static CompanySize companySize(String value) {
        return value == null ? null : CompanySize.valueOf(value);
    }
}

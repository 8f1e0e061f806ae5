package io.relais.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.SearchText;
import io.relais.organisation.Viewer;
import io.relais.organisation.Visibility;
import io.relais.projection.RecordRows;
import io.relais.projection.StorePosition;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account read model's tables (accounts, their contacts and the links between contacts), and the queries they
 * answer.
 */
@Repository
class AccountReadRepository {

    private static final String COLUMNS = "id, version, status, details, owner_id, erp_id, created_at, created_by, "
            + "updated_at, merged_into, merged_ids";
    private static final String ACCOUNT_ORDER = "legal_name, id";
    private static final String UPSERT = RecordRows.upsert("account_view", "id, version, status, legal_name, siren, "
            + "siret, owner_id, erp_id, details, created_at, created_by, updated_at, merged_into, merged_ids, "
            + "search_text");
    /** A contact's insert, to finish with what it changes when the contact has a row already. */
    private static final String PLACE_CONTACT = "insert into contact_view (id, account_id, version, details, "
            + "created_at, updated_at, search_text, lead_id, placed_at) values (:id, :account, :version, "
            + "cast(:details as jsonb), :at, :at, :search, :lead, " + StorePosition.of(":eventId", ":position")
            + ") on conflict (id) do update set ";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    AccountReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AccountRow> findAll(Collection<String> ids) {
        return RecordRows.select(jdbc.getJdbcTemplate(), "select " + COLUMNS + " from account_view where id = any(?)",
                ids, this::mapRow);
    }

    /**
     * Writes a batch of the projection. A contact's writes are applied in this order: creations, moves, changes
     * and links. It gives what the events' order gives: a contact is created before it moves, a change applies
     * only while the contact is in the account that made it and at a newer version, and a move that takes the
     * contact sets everything a change sets.
     */
    void write(AccountBatch batch) {
        List<AccountRow> accounts = batch.accounts.changed();
        if (!accounts.isEmpty()) {
            jdbc.getJdbcTemplate().batchUpdate(UPSERT, accounts, accounts.size(), (ps, row) -> {
                AccountDetails details = row.details;
                ps.setString(1, row.id());
                ps.setLong(2, row.version());
                ps.setString(3, row.status.name());
                ps.setString(4, details.legalName());
                ps.setString(5, details.siren());
                ps.setString(6, details.siret());
                ps.setString(7, row.ownerId);
                ps.setString(8, row.erpId);
                ps.setObject(9, write(details), Types.OTHER);
                ps.setTimestamp(10, Timestamp.from(row.createdAt));
                ps.setString(11, row.createdBy);
                ps.setTimestamp(12, Timestamp.from(row.updatedAt()));
                ps.setString(13, row.mergedIntoId);
                ps.setArray(14, ps.getConnection().createArrayOf("varchar", row.mergedAccountIds.toArray()));
                ps.setString(15, SearchText.of(details.legalName(), details.tradeName()));
            });
        }
        // a replay may place a moved contact before the event that created it: only its date is kept
        jdbc.batchUpdate(PLACE_CONTACT + "created_at = least(contact_view.created_at, excluded.created_at)",
                placements(batch.added));
        // moves are ordered by the position of their event in the store, not by account versions, since each
        // account's stream counts its own: a replay that meets an older move after a newer one leaves the newer
        jdbc.batchUpdate(PLACE_CONTACT + "account_id = excluded.account_id, version = excluded.version, "
                + "details = excluded.details, "
                + "updated_at = excluded.updated_at, search_text = excluded.search_text, "
                + "placed_at = excluded.placed_at where contact_view.placed_at < excluded.placed_at",
                placements(batch.movedIn));
        jdbc.batchUpdate("update contact_view set details = coalesce(cast(:details as jsonb), details), "
                + "search_text = coalesce(:search, search_text), version = :version, updated_at = :at, "
                + "personal_data_erased = personal_data_erased or :erased "
                + "where id = :id and account_id = :account and version < :version",
                batch.contactChanges.stream().map(change -> contactColumns(change.details())
                        .addValue("erased", change.erased()).addValue("id", change.contactId()).addValue("account", change.accountId())
                        .addValue("version", change.version()).addValue("at", Timestamp.from(change.at())))
                        .toArray(SqlParameterSource[]::new));
        // links travel with moved contacts; whichever event a replay meets first, the link keeps its first date
        jdbc.batchUpdate("insert into contact_link (contact_id, linked_contact_id, kind, linked_at) "
                        + "values (:contact, :linked, :kind, :at) on conflict (contact_id, linked_contact_id, kind) "
                        + "do update set linked_at = least(contact_link.linked_at, excluded.linked_at)",
                batch.links.stream().map(link -> new MapSqlParameterSource("contact", link.contactId())
                        .addValue("linked", link.link().linkedContactId()).addValue("kind", link.link().kind().name())
                        .addValue("at", Timestamp.from(link.at()))).toArray(SqlParameterSource[]::new));
    }

    private SqlParameterSource[] placements(List<AccountBatch.Placement> placements) {
        return placements.stream().map(placement -> contactColumns(placement.details())
                .addValue("id", placement.contactId()).addValue("account", placement.accountId())
                .addValue("version", placement.version()).addValue("at", Timestamp.from(placement.at()))
                .addValue("lead", placement.leadId(), Types.VARCHAR).addValue("eventId", placement.eventId())
                .addValue("position", placement.position())).toArray(SqlParameterSource[]::new);
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate account_view, contact_view, contact_link");
    }

    @QueryHandler
    Optional<AccountView> find(FindAccount query) {
        return Listing.select(jdbc, COLUMNS, "account_view").visibleTo(query.viewer(), "owner_id")
                .byId(query.accountId(), this::mapAccount);
    }

    @QueryHandler
    AccountPage findPage(FindAccounts query) {
        return accounts(query).page(ACCOUNT_ORDER, query.page(), this::mapAccount, AccountPage::new);
    }

    /** The whole list the query filters, whatever its page: an export. */
    @QueryHandler
    Flux<AccountView> export(FindAccounts query) {
        return accounts(query).rows(ACCOUNT_ORDER, this::mapAccount);
    }

    private Listing accounts(FindAccounts query) {
        return Listing.select(jdbc, COLUMNS, "account_view").visibleTo(query.viewer(), "owner_id")
                .inStatus(query.status(), AccountStatus.MERGED)
                .equal("owner_id", query.ownerId())
                .where("(siren = :registration or siret = :registration)", "registration",
                        query.registration() == null ? null : query.registration().replace(" ", ""))
                .searching(query.text());
    }

    @QueryHandler
    ContactList findContacts(FindContacts query) {
        return new ContactList(contacts("c.account_id = :account",
                new MapSqlParameterSource("account", query.accountId()), query.viewer()));
    }

    /** An account's contacts, an export: a handful, read at once with their links. */
    @QueryHandler
    Flux<ContactView> export(FindContacts query) {
        return Flux.fromIterable(findContacts(query).contacts());
    }

    @QueryHandler
    Optional<ContactView> findContact(FindContact query) {
        return contacts("c.id = :contact", new MapSqlParameterSource("contact", query.contactId()), query.viewer())
                .stream().findFirst();
    }

    /** The contacts matching {@code condition} whose account the viewer may see, by name, with their links. */
    private List<ContactView> contacts(String condition, MapSqlParameterSource params, Viewer viewer) {
        String visible = " and exists (select 1 from account_view a where a.id = c.account_id"
                + Visibility.ownedBy("a.owner_id", viewer, params) + ")";
        Map<String, Map<ContactLink, Instant>> links = new HashMap<>();
        jdbc.query("select l.contact_id, l.linked_contact_id, l.kind, l.linked_at from contact_link l "
                + "join contact_view c on c.id = l.contact_id where " + condition + visible, params, rs -> {
                    links.computeIfAbsent(rs.getString("contact_id"), id -> new HashMap<>())
                            .put(new ContactLink(rs.getString("linked_contact_id"),
                                    ContactLinkKind.valueOf(rs.getString("kind"))), instant(rs, "linked_at"));
                });
        return jdbc.query("select c.id, c.account_id, c.details, c.lead_id, c.created_at, c.updated_at, "
                        + "c.personal_data_erased from contact_view c where " + condition + visible, params,
                (rs, n) -> new ContactView(rs.getString("id"), rs.getString("account_id"),
                        read(rs.getString("details"), ContactDetails.class), rs.getString("lead_id"),
                        ContactOrder.links(links.getOrDefault(rs.getString("id"), Map.of())),
                        instant(rs, "created_at"), instant(rs, "updated_at"), rs.getBoolean("personal_data_erased")))
                .stream().sorted(ContactOrder.CONTACTS).toList();
    }

    /** The columns of a contact's details; null (no change) without details. Typed, so that a null binds at once. */
    private MapSqlParameterSource contactColumns(ContactDetails details) {
        if (details == null) {
            return new MapSqlParameterSource().addValue("details", null, Types.VARCHAR)
                    .addValue("search", null, Types.VARCHAR);
        }
        List<String> searched = new ArrayList<>(details.emails());
        searched.add(details.firstName());
        searched.add(details.lastName());
        return new MapSqlParameterSource().addValue("details", write(details), Types.VARCHAR)
                .addValue("search", SearchText.of(searched.toArray(String[]::new)), Types.VARCHAR);
    }

    private AccountView mapAccount(ResultSet rs, int rowNum) throws SQLException {
        return mapRow(rs, rowNum).toView();
    }

    private AccountRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        AccountRow row = new AccountRow(rs.getString("id"), rs.getLong("version"), instant(rs, "updated_at"));
        row.status = AccountStatus.valueOf(rs.getString("status"));
        row.details = read(rs.getString("details"), AccountDetails.class);
        row.ownerId = rs.getString("owner_id");
        row.erpId = rs.getString("erp_id");
        row.createdAt = instant(rs, "created_at");
        row.createdBy = rs.getString("created_by");
        row.mergedIntoId = rs.getString("merged_into");
        row.mergedAccountIds = List.of((String[]) rs.getArray("merged_ids").getArray());
        return row;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " in the account read model", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}

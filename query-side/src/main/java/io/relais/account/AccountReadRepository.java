package io.relais.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.PageRequest;
import io.relais.common.SearchText;
import io.relais.organisation.Viewer;
import io.relais.organisation.Visibility;
import io.relais.projection.StorePosition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account read model's tables: accounts, their contacts and the links between contacts. */
@Repository
class AccountReadRepository {

    private static final String COLUMNS = "id, version, status, details, owner_id, erp_id, created_at, created_by, "
            + "updated_at, merged_into, merged_ids";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    AccountReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAccount(AccountCreated event, long version, Instant at, String createdBy) {
        jdbc.update("insert into account_view (id, version, status, legal_name, siren, siret, owner_id, details, "
                + "created_at, created_by, updated_at, search_text) values (:id, :version, :status, :legalName, "
                + ":siren, :siret, :owner, cast(:details as jsonb), :at, :by, :at, :search) on conflict (id) do nothing",
                detailColumns(event.details()).addValue("id", event.accountId()).addValue("version", version)
                        .addValue("status", AccountStatus.PROSPECT.name()).addValue("owner", event.ownerId())
                        .addValue("at", Timestamp.from(at)).addValue("by", createdBy));
    }

    void updateDetails(String accountId, AccountDetails details, long version, Instant at) {
        update(accountId, version, at, "legal_name = :legalName, siren = :siren, siret = :siret, "
                + "details = cast(:details as jsonb), search_text = :search", detailColumns(details));
    }

    /** Sets {@code assignments} and moves the account to {@code version}, unless it is there already. */
    void update(String accountId, long version, Instant at, String assignments, MapSqlParameterSource params) {
        jdbc.update("update account_view set " + (assignments.isEmpty() ? "" : assignments + ", ")
                        + "version = :version, updated_at = :at where id = :id and version < :version",
                params.addValue("id", accountId).addValue("version", version).addValue("at", Timestamp.from(at)));
    }

    void insertContact(ContactAdded event, long version, Instant at, String eventId, long tokenPosition) {
        jdbc.update("insert into contact_view (id, account_id, version, details, created_at, updated_at, search_text, "
                        + "lead_id, placed_at) values (:id, :account, :version, cast(:details as jsonb), :at, :at, "
                        + ":search, :lead, " + StorePosition.of(":eventId", ":position") + ") on conflict (id) do update "
                        // a replay may place a moved contact before the event that created it: only its date is kept
                        + "set created_at = least(contact_view.created_at, excluded.created_at)",
                contactColumns(event.details()).addValue("id", event.contactId()).addValue("account", event.accountId())
                        .addValue("version", version).addValue("at", Timestamp.from(at))
                        .addValue("lead", event.leadId()).addValue("eventId", eventId)
                        .addValue("position", tokenPosition));
    }

    /**
     * Puts the contact in the account it moved into. Moves are ordered by the position of their event in the
     * store, not by account versions, since each account's stream counts its own: a replay that meets an
     * older move after a newer one leaves the newer in place.
     */
    void placeContact(ContactMovedIn event, long version, Instant at, String eventId, long tokenPosition) {
        ContactTransfer contact = event.contact();
        jdbc.update("insert into contact_view (id, account_id, version, details, created_at, updated_at, search_text, "
                        + "lead_id, placed_at) values (:id, :account, :version, cast(:details as jsonb), :at, :at, "
                        + ":search, :lead, " + StorePosition.of(":eventId", ":position") + ") on conflict (id) do update "
                        + "set account_id = excluded.account_id, "
                        + "version = excluded.version, details = excluded.details, updated_at = excluded.updated_at, "
                        + "search_text = excluded.search_text, placed_at = excluded.placed_at "
                        + "where contact_view.placed_at < excluded.placed_at",
                contactColumns(contact.details()).addValue("id", contact.contactId())
                        .addValue("account", event.accountId()).addValue("version", version)
                        .addValue("at", Timestamp.from(at)).addValue("lead", contact.leadId())
                        .addValue("eventId", eventId).addValue("position", tokenPosition));
        for (ContactLink link : contact.links()) {
            insertLink(contact.contactId(), link, at);
        }
    }

    /** Applies an account's change to its contact's details while the contact is still in that account. */
    void updateContact(String accountId, String contactId, ContactDetails details, long version, Instant at) {
        updateContact(accountId, contactId, version, at, "details = cast(:details as jsonb), search_text = :search",
                contactColumns(details));
    }

    /** An account's change concerned its contact (a link): the contact's version and update time move. */
    void touchContact(String accountId, String contactId, long version, Instant at) {
        updateContact(accountId, contactId, version, at, "", new MapSqlParameterSource());
    }

    private void updateContact(String accountId, String contactId, long version, Instant at, String assignments,
                               MapSqlParameterSource params) {
        jdbc.update("update contact_view set " + (assignments.isEmpty() ? "" : assignments + ", ")
                        + "version = :version, updated_at = :at where id = :id and account_id = :account "
                        + "and version < :version",
                params.addValue("id", contactId).addValue("account", accountId).addValue("version", version)
                        .addValue("at", Timestamp.from(at)));
    }

    /** Links travel with moved contacts; whichever event a replay meets first, the link keeps its first date. */
    void insertLink(String contactId, ContactLink link, Instant at) {
        jdbc.update("insert into contact_link (contact_id, linked_contact_id, kind, linked_at) "
                        + "values (:contact, :linked, :kind, :at) on conflict (contact_id, linked_contact_id, kind) "
                        + "do update set linked_at = least(contact_link.linked_at, excluded.linked_at)",
                new MapSqlParameterSource("contact", contactId).addValue("linked", link.linkedContactId())
                        .addValue("kind", link.kind().name()).addValue("at", Timestamp.from(at)));
    }

    void addMergedAccount(String accountId, String mergedId, long version, Instant at) {
        update(accountId, version, at, "merged_ids = array_append(merged_ids, cast(:merged as varchar))",
                new MapSqlParameterSource("merged", mergedId));
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate account_view, contact_view, contact_link");
    }

    Optional<AccountView> find(String accountId, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", accountId);
        return jdbc.query("select " + COLUMNS + " from account_view where id = :id"
                + Visibility.ownedBy("owner_id", viewer, params), params, this::mapAccount).stream().findFirst();
    }

    AccountPage findPage(FindAccounts query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where true" + Visibility.ownedBy("owner_id", query.viewer(), params));
        if (query.status() != null) {
            where.append(" and status = :status");
            params.addValue("status", query.status().name());
        } else {
            where.append(" and status <> '").append(AccountStatus.MERGED.name()).append("'");
        }
        if (query.ownerId() != null) {
            where.append(" and owner_id = :owner");
            params.addValue("owner", query.ownerId());
        }
        if (query.registration() != null) {
            where.append(" and (siren = :registration or siret = :registration)");
            params.addValue("registration", query.registration().replace(" ", ""));
        }
        String text = SearchText.fold(query.text());
        if (!text.isEmpty()) {
            where.append(" and search_text like :text escape '\\'");
            params.addValue("text", SearchText.containing(text));
        }
        PageRequest page = query.page();
        long total = jdbc.queryForObject("select count(*) from account_view" + where, params, Long.class);
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<AccountView> items = jdbc.query("select " + COLUMNS + " from account_view" + where
                + " order by legal_name, id limit :limit offset :offset", params, this::mapAccount);
        return new AccountPage(items, page.page(), page.size(), total);
    }

    List<ContactView> findContacts(String accountId, Viewer viewer) {
        return contacts("c.account_id = :account", new MapSqlParameterSource("account", accountId), viewer);
    }

    Optional<ContactView> findContact(String contactId, Viewer viewer) {
        return contacts("c.id = :contact", new MapSqlParameterSource("contact", contactId), viewer).stream()
                .findFirst();
    }

    /** The contacts matching {@code condition} whose account the viewer may see, by name, with their links. */
    private List<ContactView> contacts(String condition, MapSqlParameterSource params, Viewer viewer) {
        String visible = " and exists (select 1 from account_view a where a.id = c.account_id"
                + Visibility.ownedBy("a.owner_id", viewer, params) + ")";
        Map<String, List<ContactLink>> links = new HashMap<>();
        jdbc.query("select l.contact_id, l.linked_contact_id, l.kind from contact_link l join contact_view c "
                + "on c.id = l.contact_id where " + condition + visible
                + " order by l.linked_at, l.linked_contact_id", params, rs -> {
                    links.computeIfAbsent(rs.getString("contact_id"), id -> new ArrayList<>())
                            .add(new ContactLink(rs.getString("linked_contact_id"),
                                    ContactLinkKind.valueOf(rs.getString("kind"))));
                });
        return jdbc.query("select c.id, c.account_id, c.details, c.lead_id, c.created_at, c.updated_at "
                        + "from contact_view c where " + condition + visible
                        + " order by c.details ->> 'lastName', c.details ->> 'firstName', c.id", params,
                (rs, n) -> new ContactView(rs.getString("id"), rs.getString("account_id"),
                        read(rs.getString("details"), ContactDetails.class), rs.getString("lead_id"),
                        links.getOrDefault(rs.getString("id"), List.of()), instant(rs, "created_at"),
                        instant(rs, "updated_at")));
    }

    private MapSqlParameterSource detailColumns(AccountDetails details) {
        return new MapSqlParameterSource("legalName", details.legalName()).addValue("siren", details.siren())
                .addValue("siret", details.siret()).addValue("details", write(details))
                .addValue("search", SearchText.of(details.legalName(), details.tradeName()));
    }

    private MapSqlParameterSource contactColumns(ContactDetails details) {
        List<String> searched = new ArrayList<>(details.emails());
        searched.add(details.firstName());
        searched.add(details.lastName());
        return new MapSqlParameterSource("details", write(details))
                .addValue("search", SearchText.of(searched.toArray(String[]::new)));
    }

    private AccountView mapAccount(ResultSet rs, int rowNum) throws SQLException {
        return new AccountView(rs.getString("id"), rs.getLong("version"), AccountStatus.valueOf(rs.getString("status")),
                read(rs.getString("details"), AccountDetails.class), rs.getString("owner_id"), rs.getString("erp_id"),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
                rs.getString("merged_into"), List.of((String[]) rs.getArray("merged_ids").getArray()));
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

package io.relais.customerfeed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.relais.account.AccountStatus;
import io.relais.common.FieldChange;
import io.relais.opportunity.LineItem;
import io.relais.projection.RecordRows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.List;

/** The customer feed's entries, the working state its projection keeps to write them, and the feed's query. */
@Repository
class CustomerFeedRepository {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<ErpFields> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<WonDeal> DEAL = new TypeReference<>() {
    };
    private static final String ENTRY_COLUMNS = "event_id, kind, occurred_at, user_id, on_behalf_of, account_id, "
            + "account_status, erp_id, erp_fields, changes, merged_into_id, deal";
    private static final String ACCOUNT_COLUMNS = "id, version, updated_at, status, erp_id, erp_fields";
    private static final String DEAL_COLUMNS = "id, version, updated_at, line_items";

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    CustomerFeedRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CustomerAccountRow> findAccounts(Collection<String> ids) {
        return RecordRows.select(jdbc, "select " + ACCOUNT_COLUMNS + " from customer_feed_account where id = any(?)",
                ids, (rs, rowNum) -> {
                    CustomerAccountRow row = new CustomerAccountRow(rs.getString("id"), rs.getLong("version"),
                            rs.getTimestamp("updated_at").toInstant());
                    row.status = AccountStatus.valueOf(rs.getString("status"));
                    row.erpId = rs.getString("erp_id");
                    row.fields = read(rs.getString("erp_fields"), FIELDS);
                    return row;
                });
    }

    List<CustomerDealRow> findDeals(Collection<String> ids) {
        return RecordRows.select(jdbc, "select " + DEAL_COLUMNS + " from customer_feed_deal where id = any(?)", ids,
                (rs, rowNum) -> {
                    CustomerDealRow row = new CustomerDealRow(rs.getString("id"), rs.getLong("version"),
                            rs.getTimestamp("updated_at").toInstant());
                    row.lines = read(rs.getString("line_items"), LINES);
                    return row;
                });
    }

    /**
     * Writes the batch's entries, numbered in order by the table as they are inserted (an entry already written for
     * its event stays as it is), then its accounts and deals. The lock makes entries commit in the order of their
     * positions even when another transaction writes beside the processor's (a dead letter retried, the segment
     * changing nodes): a client that read up to a position can never see a lower one appear later.
     */
    void write(CustomerFeedBatch batch) {
        List<CustomerFeedEntry> entries = batch.entries;
        if (!entries.isEmpty()) {
            jdbc.execute("lock table customer_feed_entry in share row exclusive mode");
            jdbc.batchUpdate("insert into customer_feed_entry (" + ENTRY_COLUMNS + ") "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                    entries, entries.size(), (ps, entry) -> {
                        ps.setString(1, entry.eventId());
                        ps.setString(2, entry.kind().name());
                        ps.setTimestamp(3, Timestamp.from(entry.occurredAt()));
                        ps.setString(4, entry.userId());
                        ps.setString(5, entry.onBehalfOf());
                        ps.setString(6, entry.accountId());
                        ps.setString(7, entry.accountStatus().name());
                        ps.setString(8, entry.erpId());
                        ps.setObject(9, write(entry.erpFields()), Types.OTHER);
                        ps.setObject(10, write(entry.changes()), Types.OTHER);
                        ps.setString(11, entry.mergedIntoId());
                        ps.setObject(12, entry.deal() == null ? null : write(entry.deal()), Types.OTHER);
                    });
        }
        List<CustomerAccountRow> accounts = batch.accounts.changed();
        jdbc.batchUpdate(RecordRows.upsert("customer_feed_account", ACCOUNT_COLUMNS), accounts, accounts.size(),
                (ps, row) -> {
                    ps.setString(1, row.id());
                    ps.setLong(2, row.version());
                    ps.setTimestamp(3, Timestamp.from(row.updatedAt()));
                    ps.setString(4, row.status.name());
                    ps.setString(5, row.erpId);
                    ps.setObject(6, write(row.fields), Types.OTHER);
                });
        List<CustomerDealRow> deals = batch.deals.changed();
        jdbc.batchUpdate(RecordRows.upsert("customer_feed_deal", DEAL_COLUMNS), deals, deals.size(), (ps, row) -> {
            ps.setString(1, row.id());
            ps.setLong(2, row.version());
            ps.setTimestamp(3, Timestamp.from(row.updatedAt()));
            ps.setObject(4, write(row.lines), Types.OTHER);
        });
    }

    /** A rebuild starts the working state again from nothing; the entries stay, and so do their positions. */
    void deleteWorkingState() {
        jdbc.execute("truncate customer_feed_account, customer_feed_deal");
    }

    @QueryHandler
    CustomerFeed find(FindCustomerFeed query) {
        List<CustomerFeedEntry> entries = jdbc.query("select position, " + ENTRY_COLUMNS + " from customer_feed_entry "
                + "where position > ? order by position limit ?", this::entry, query.after(), query.limit() + 1);
        boolean more = entries.size() > query.limit();
        List<CustomerFeedEntry> served = more ? entries.subList(0, query.limit()) : entries;
        return new CustomerFeed(served, served.isEmpty() ? query.after() : served.get(served.size() - 1).position(),
                more);
    }

    private CustomerFeedEntry entry(ResultSet rs, int rowNum) throws SQLException {
        String deal = rs.getString("deal");
        return new CustomerFeedEntry(rs.getLong("position"), rs.getString("event_id"),
                CustomerFeedEntryKind.valueOf(rs.getString("kind")), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("user_id"), rs.getString("on_behalf_of"), rs.getString("account_id"),
                AccountStatus.valueOf(rs.getString("account_status")), rs.getString("erp_id"),
                read(rs.getString("erp_fields"), FIELDS), read(rs.getString("changes"), CHANGES),
                rs.getString("merged_into_id"), deal == null ? null : read(deal, DEAL));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getType() + " in the customer feed", e);
        }
    }
}

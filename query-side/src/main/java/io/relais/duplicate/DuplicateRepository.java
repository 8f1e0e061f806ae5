package io.relais.duplicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.organisation.Viewer;
import io.relais.organisation.Visibility;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Flux;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The duplicate tables, the matching itself, and the queries they answer. Candidates are found through the indexes
 * (equal identifiers, and the name keys a normalised name shares with the probe's, kept if pg_trgm's similarity
 * says so), then scored by {@link DuplicateScoring}.
 */
@Repository
class DuplicateRepository {

    /** At most this many candidates per way of finding them, so that a very common identifier stays cheap. */
    private static final String PAIR_ORDER = "p.score desc, p.first_id, p.second_id";
    private static final int CANDIDATES = 50;
    /** How many records the postings of a probe's rarest name keys may hold together (see similarNames). */
    private static final int KEY_POSTINGS = 100;
    private static final TypeReference<List<DuplicateReason>> REASONS = new TypeReference<>() {
    };
    private static final Map<RecordKind, String> VIEWS = Map.of(RecordKind.ACCOUNT, "account_view",
            RecordKind.LEAD, "lead_view");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DuplicateProperties properties;
    private final ObjectMapper json = new ObjectMapper();
    /** Records written since the tables' statistics were last taken, and how many records they held then. */
    private long writtenSinceAnalyze;
    private long recordsAtAnalyze;

    DuplicateRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
                        DuplicateProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Writes what the batch changed, then evaluates the pairs of every account and lead it touched against all
     * others: the pairs then reflect the records as they are, whatever order and batches the events came in.
     */
    void write(DuplicateBatch batch) {
        prepareMatching();
        List<RecordRef> changed = new ArrayList<>(batch.touched.keySet());
        changed.addAll(batch.removed);
        List<SqlParameterSource> refs = changed.stream().map(ref -> (SqlParameterSource) ref(ref)).toList();
        countNameKeys("-", changed);
        update("delete from duplicate_key where kind = :kind and id = :id", refs);
        update("delete from duplicate_pair where kind = :kind and (first_id = :id or second_id = :id)", refs);
        update("delete from duplicate_record where kind = :kind and id = :id",
                batch.removed.stream().map(ref -> (SqlParameterSource) ref(ref)).toList());
        update("insert into duplicate_record (kind, id, account_id, company, person, label, company_name, name_keys) "
                        + "values (:kind, :id, :account, relais_match_name(:company), relais_match_name(:person), "
                        + ":label, :company, relais_name_keys(relais_match_name(:searched))) on conflict (kind, id) "
                        + "do update set account_id = excluded.account_id, company = excluded.company, "
                        + "person = excluded.person, label = excluded.label, company_name = excluded.company_name, "
                        + "name_keys = excluded.name_keys",
                batch.touched.values().stream().map(touched -> (SqlParameterSource) ref(touched.probe())
                        .addValue("account", touched.accountId()).addValue("company", touched.probe().company())
                        .addValue("person", touched.probe().person()).addValue("label", label(touched.probe()))
                        .addValue("searched", searchedName(touched.probe()))).toList());
        countNameKeys("+", new ArrayList<>(batch.touched.keySet()));
        analyzeWhenGrown(changed.size());
        jdbc.getJdbcTemplate().update("delete from duplicate_name_key where records = 0");
        update("insert into duplicate_key (kind, id, key_type, key_value) values (:kind, :id, :type, :value) "
                        + "on conflict do nothing",
                batch.touched.values().stream().flatMap(touched -> touched.probe().keys().stream()
                        .map(key -> (SqlParameterSource) ref(touched.probe()).addValue("type", key.type().name())
                                .addValue("value", key.value()))).toList());
        List<SqlParameterSource> pairs = new ArrayList<>();
        for (RecordKind kind : List.of(RecordKind.ACCOUNT, RecordKind.LEAD)) {
            List<DuplicateBatch.Touched> probed = batch.touched.values().stream()
                    .filter(touched -> touched.probe().kind() == kind).toList();
            if (probed.isEmpty()) {
                continue;
            }
            List<List<DuplicateMatch>> found = matches(probed.stream().map(DuplicateBatch.Touched::probe).toList(),
                    kind, Viewer.system(), properties.maxPairsPerRecord());
            for (int i = 0; i < probed.size(); i++) {
                for (DuplicateMatch match : found.get(i)) {
                    pairs.add(pair(probed.get(i).probe(), match, probed.get(i).at()));
                }
            }
        }
        update("insert into duplicate_pair (kind, first_id, second_id, score, reasons, found_at) values (:kind, "
                + ":first, :second, :score, cast(:reasons as jsonb), :at) on conflict (kind, first_id, second_id) "
                + "do update set score = excluded.score, reasons = excluded.reasons, "
                + "found_at = greatest(duplicate_pair.found_at, excluded.found_at)", pairs);
        update("insert into duplicate_dismissal (kind, first_id, second_id, dismissed_by, dismissed_at) values "
                        + "(:kind, :first, :second, :by, :at) on conflict do nothing",
                batch.dismissals.stream().map(d -> (SqlParameterSource) new MapSqlParameterSource("kind",
                        d.kind().name()).addValue("first", d.firstId()).addValue("second", d.secondId())
                        .addValue("by", d.by()).addValue("at", Timestamp.from(d.at()))).toList());
    }

    /**
     * Takes the statistics of the tables the matching reads once a tenth of them (and at least a thousand records) has
     * been written since, before matching: a rebuild or a bulk import grows them from empty faster than autovacuum's
     * round (a minute) looks at them, and the matching planned on the statistics of near-empty tables joins its
     * probes' keys pairwise instead of by hash, ten times slower. Only the duplicates processor writes them (one
     * segment), so the count is this node's.
     */
    private void analyzeWhenGrown(int written) {
        writtenSinceAnalyze += written;
        if (writtenSinceAnalyze >= Math.max(1000, recordsAtAnalyze / 10)) {
            jdbc.getJdbcTemplate().execute("analyze duplicate_record, duplicate_name_key");
            recordsAtAnalyze = jdbc.getJdbcTemplate().queryForObject("select reltuples::bigint from pg_class "
                    + "where oid = 'duplicate_record'::regclass", Long.class);
            writtenSinceAnalyze = 0;
        }
    }

    /**
     * Takes the names of the records as {@code duplicate_record} holds them out of ({@code -}) or into ({@code +})
     * the counts of the keys they hold.
     */
    private void countNameKeys(String sign, List<RecordRef> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.update("insert into duplicate_name_key (kind, name_key, records) "
                + "select r.kind, k.name_key, " + sign + "count(*) from duplicate_record r "
                + "cross join unnest(r.name_keys) k (name_key) "
                + "where (r.kind, r.id) in (select * from unnest(cast(:kinds as varchar[]), cast(:ids as varchar[]))) "
                + "group by r.kind, k.name_key "
                + "on conflict (kind, name_key) do update set records = duplicate_name_key.records + excluded.records",
                new MapSqlParameterSource("kinds", array("varchar", records.stream().map(ref -> ref.kind().name())))
                        .addValue("ids", array("varchar", records.stream().map(RecordRef::id))));
    }

    /** A record duplicates are looked for among, as it was last matched: its company as given, not its person. */
    Optional<DuplicateBatch.Touched> find(RecordRef ref) {
        List<MatchKey> keys = jdbc.query("select key_type, key_value from duplicate_key where kind = :kind and id = :id",
                ref(ref), (rs, n) -> new MatchKey(KeyType.valueOf(rs.getString(1)), rs.getString(2)));
        return jdbc.query("select account_id, company_name, label from duplicate_record where kind = :kind and id = :id",
                ref(ref), (rs, n) -> new DuplicateBatch.Touched(new MatchProbe(ref.kind(), ref.id(),
                        rs.getString("company_name"), null, Set.copyOf(keys), rs.getString("label")),
                        rs.getString("account_id"), null)).stream().findFirst();
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate duplicate_record, duplicate_key, duplicate_pair, duplicate_dismissal, "
                + "duplicate_name_key");
    }

    /** The likely duplicates of the probe among the kinds given that the viewer may see, most likely first. */
    @QueryHandler
    DuplicateMatches findMatches(FindPossibleDuplicates query) {
        return transactions.execute(status -> {
            prepareMatching();
            List<DuplicateMatch> found = new ArrayList<>();
            for (RecordKind kind : RecordKind.values()) {
                if (query.among().contains(kind)) {
                    found.addAll(matches(List.of(query.probe()), kind, query.viewer(), query.limit()).get(0));
                }
            }
            return new DuplicateMatches(mostLikely(found, query.limit()));
        });
    }

    @QueryHandler
    DuplicatePairPage findPairs(FindDuplicatePairs query) {
        return pairs(query).page(PAIR_ORDER, query.page(), pair(query), DuplicatePairPage::new);
    }

    /** The whole list the query filters, whatever its page: an export. */
    @QueryHandler
    Flux<DuplicatePair> export(FindDuplicatePairs query) {
        return pairs(query).rows(PAIR_ORDER, pair(query));
    }

    private Listing pairs(FindDuplicatePairs query) {
        String view = VIEWS.get(query.kind());
        if (view == null) {
            throw new IllegalArgumentException("Duplicate pairs are kept for accounts and leads, not " + query.kind());
        }
        return Listing.select(jdbc, "p.first_id, p.second_id, p.score, p.reasons, p.found_at, f.label as first_label, "
                        + "s.label as second_label, fv.owner_id as first_owner, sv.owner_id as second_owner",
                        "duplicate_pair p join duplicate_record f on f.kind = p.kind and f.id = p.first_id "
                        + "join duplicate_record s on s.kind = p.kind and s.id = p.second_id "
                        + "join " + view + " fv on fv.id = p.first_id join " + view + " sv on sv.id = p.second_id")
                .where("p.kind = :kind", "kind", query.kind())
                .where("p.score >= :min", "min", query.minScore())
                .where("not exists (select 1 from duplicate_dismissal d where d.kind = p.kind "
                        + "and d.first_id = p.first_id and d.second_id = p.second_id)")
                .where("(p.first_id = :record or p.second_id = :record)", "record", query.recordId())
                .visibleTo(query.viewer(), "fv.owner_id")
                .visibleTo(query.viewer(), "sv.owner_id");
    }

    private RowMapper<DuplicatePair> pair(FindDuplicatePairs query) {
        return (rs, n) -> new DuplicatePair(query.kind(),
                new PairMember(rs.getString("first_id"), rs.getString("first_label"), rs.getString("first_owner")),
                new PairMember(rs.getString("second_id"), rs.getString("second_label"), rs.getString("second_owner")),
                rs.getDouble("score"), reasons(rs), rs.getTimestamp("found_at").toInstant());
    }

    @QueryHandler
    Optional<Instant> findDismissal(FindDuplicateDismissal query) {
        boolean ordered = query.recordId().compareTo(query.otherId()) < 0;
        return jdbc.query("select dismissed_at from duplicate_dismissal where kind = :kind and first_id = :first "
                        + "and second_id = :second", new MapSqlParameterSource("kind", query.kind().name())
                        .addValue("first", ordered ? query.recordId() : query.otherId())
                        .addValue("second", ordered ? query.otherId() : query.recordId()),
                (rs, n) -> rs.getTimestamp("dismissed_at").toInstant()).stream().findFirst();
    }

    /**
     * Each probe's likely duplicates among the records of one kind, most likely first, found through the
     * indexes and scored; one statement for all the probes (planned once), in a transaction prepared by
     * {@link #prepareMatching()}.
     */
    private List<List<DuplicateMatch>> matches(List<MatchProbe> probes, RecordKind kind, Viewer viewer, int limit) {
        List<Integer> keyProbes = new ArrayList<>();
        List<String> keyTypes = new ArrayList<>();
        List<String> keyValues = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            for (MatchKey key : probes.get(i).keys()) {
                keyProbes.add(i);
                keyTypes.add(key.type().name());
                keyValues.add(key.value());
            }
        }
        MapSqlParameterSource params = new MapSqlParameterSource("kind", kind.name())
                .addValue("ids", array("varchar", probes.stream().map(p -> p.recordId() == null ? "" : p.recordId())))
                .addValue("companies", array("text", probes.stream().map(MatchProbe::company)))
                .addValue("persons", array("text", probes.stream().map(MatchProbe::person)))
                .addValue("keyProbes", new SqlArrayValue("integer", keyProbes.toArray()))
                .addValue("keyTypes", new SqlArrayValue("varchar", keyTypes.toArray()))
                .addValue("keyValues", new SqlArrayValue("varchar", keyValues.toArray()))
                .addValue("candidates", CANDIDATES)
                .addValue("keyPostings", KEY_POSTINGS)
                .addValue("threshold", properties.candidateThreshold());
        String sql = "with probe (n, id, company, person) as (select n - 1, id, relais_match_name(company), "
                + "relais_match_name(person) from unnest(cast(:ids as varchar[]), cast(:companies as text[]), "
                + "cast(:persons as text[])) with ordinality as t (id, company, person, n)), "
                + "probe_key (n, key_type, key_value) as (select * from unnest(cast(:keyProbes as integer[]), "
                + "cast(:keyTypes as varchar[]), cast(:keyValues as varchar[]))), "
                + similarNames(kind)
                + "select c.n, r.id, r.account_id, r.label, p.company as probe_company, r.company, "
                + "similarity(r.company, p.company) as company_similarity, p.person as probe_person, r.person, "
                + "similarity(r.person, p.person) as person_similarity, "
                + "array(select k.key_type || ':' || k.key_value from duplicate_key k join probe_key pk "
                + "on pk.n = c.n and pk.key_type = k.key_type and pk.key_value = k.key_value "
                + "where k.kind = r.kind and k.id = r.id order by 1) as shared "
                + "from candidate c join probe p on p.n = c.n "
                + "join duplicate_record r on r.kind = :kind and r.id = c.id "
                + "where r.id <> p.id" + visible(kind, viewer, params);
        List<List<DuplicateMatch>> matches = new ArrayList<>();
        probes.forEach(probe -> matches.add(new ArrayList<>()));
        jdbc.query(sql, params, rs -> {
            MatchProbe probe = probes.get(rs.getInt("n"));
            DuplicateEvidence evidence = new DuplicateEvidence(sharedKeys(rs.getArray("shared")),
                    names(rs, "probe_company", "company", "company_similarity"),
                    names(rs, "probe_person", "person", "person_similarity"));
            List<DuplicateReason> reasons = DuplicateScoring.reasons(probe.kind(), kind, evidence,
                    properties.thresholds());
            if (!reasons.isEmpty()) {
                matches.get(rs.getInt("n")).add(new DuplicateMatch(kind, rs.getString("id"),
                        rs.getString("account_id"), rs.getString("label"), DuplicateScoring.score(reasons), reasons));
            }
        });
        return matches.stream().map(found -> mostLikely(found, limit)).toList();
    }

    /**
     * The candidates whose name is similar enough to the probe's, most similar first, among the records that share one
     * of the probe's rarest name keys (V25) or, failing those, the two rarest of its words. Only the name that can be a
     * reason is searched: the company among accounts, the person among leads and contacts ({@link DuplicateScoring});
     * the other name is compared on the candidates found.
     */
    private static String similarNames(RecordKind kind) {
        String column = searchedColumn(kind);
        return "held_key (n, word, name_key, records) as (select p.n, k.word, k.name_key, f.records from probe p "
                + "cross join lateral relais_name_word_keys(p." + column + ") k join duplicate_name_key f "
                + "on f.kind = :kind and f.name_key = k.name_key), "
                + NAME_KEYS
                + "candidate (n, id) as (select pk.n, k.id from probe_key pk cross join lateral (select k.id "
                + "from duplicate_key k where k.kind = :kind and k.key_type = pk.key_type "
                + "and k.key_value = pk.key_value limit :candidates) k "
                + "union select p.n, c.id from probe p join probe_name k on k.n = p.n "
                + "cross join lateral (select r.id from duplicate_record r where r.kind = :kind "
                + "and (r.name_keys && k.rarest or r.name_keys @> k.pair) "
                + "and similarity(r." + column + ", p." + column + ") >= :threshold "
                + "order by similarity(r." + column + ", p." + column + ") desc limit :candidates) c "
                + "where p." + column + " is not null and (cardinality(k.rarest) > 0 or k.pair is not null)) ";
    }

    /** The name records of a kind are searched by: the one that can be a reason ({@link DuplicateScoring}). */
    private static String searchedColumn(RecordKind kind) {
        return DuplicateScoring.companyNameCounts(kind) ? "company" : "person";
    }

    private static String searchedName(MatchProbe probe) {
        return DuplicateScoring.companyNameCounts(probe.kind()) ? probe.company() : probe.person();
    }

    /**
     * From the probes' name keys held by records of the kind ({@code held_key}: which word of the name each comes from,
     * 0 for the whole name, and how many records hold it): each probe's rarest keys, as many as {@link #KEY_POSTINGS}
     * records hold together, and the rarest keys of its two rarest words not among them, whose records hold both.
     */
    private static final String NAME_KEYS = "rare_key (n, name_key) as (select n, name_key from (select n, name_key, "
            + "sum(records) over (partition by n order by records, name_key) as running from "
            + "(select distinct n, name_key, records from held_key) d) r where running <= :keyPostings), "
            + "word_key (n, name_key, rank) as (select n, name_key, row_number() over (partition by n "
            + "order by records, name_key) from (select distinct on (n, word) n, name_key, records from held_key "
            + "where word > 0 order by n, word, records, name_key) w "
            + "where not exists (select 1 from rare_key r where r.n = w.n and r.name_key = w.name_key)), "
            + "probe_name (n, rarest, pair) as (select p.n, coalesce(r.keys, '{}'), w.keys from probe p "
            + "left join (select n, array_agg(name_key) as keys from rare_key group by n) r on r.n = p.n "
            + "left join (select n, array_agg(name_key) as keys from word_key where rank <= 2 group by n "
            + "having count(*) = 2) w on w.n = p.n), ";

    private static List<DuplicateMatch> mostLikely(List<DuplicateMatch> matches, int limit) {
        return matches.stream()
                .sorted(Comparator.comparingDouble(DuplicateMatch::score).reversed().thenComparing(DuplicateMatch::id))
                .limit(limit).toList();
    }

    private static SqlArrayValue array(String type, Stream<String> values) {
        return new SqlArrayValue(type, values.toArray());
    }

    /** For viewers who do not see everything, the candidates they may see, by their owners in the read models. */
    private static String visible(RecordKind kind, Viewer viewer, MapSqlParameterSource params) {
        if (viewer.seesEverything()) {
            return "";
        }
        return switch (kind) {
            case ACCOUNT -> " and exists (select 1 from account_view v where v.id = r.id"
                    + Visibility.ownedBy("v.owner_id", viewer, params) + ")";
            case LEAD -> " and exists (select 1 from lead_view v where v.id = r.id"
                    + Visibility.ownedBy("v.owner_id", viewer, params) + ")";
            case CONTACT -> " and exists (select 1 from contact_view c join account_view v on v.id = c.account_id "
                    + "where c.id = r.id" + Visibility.ownedBy("v.owner_id", viewer, params) + ")";
        };
    }

    /**
     * For the rest of the transaction: every matching statement is planned for its actual values. A generic plan,
     * cached by the driver's server-side prepared statements while the tables were small (a rebuild starts from
     * empty ones), would scan them whole for every record.
     */
    private void prepareMatching() {
        jdbc.getJdbcTemplate().queryForList("select set_config('plan_cache_mode', 'force_custom_plan', true)");
    }

    private SqlParameterSource pair(MatchProbe probe, DuplicateMatch match, Instant at) {
        boolean ordered = probe.recordId().compareTo(match.id()) < 0;
        return new MapSqlParameterSource("kind", probe.kind().name())
                .addValue("first", ordered ? probe.recordId() : match.id())
                .addValue("second", ordered ? match.id() : probe.recordId())
                .addValue("score", match.score()).addValue("reasons", write(match.reasons()))
                .addValue("at", Timestamp.from(at));
    }

    private void update(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource ref(RecordRef ref) {
        return new MapSqlParameterSource("kind", ref.kind().name()).addValue("id", ref.id());
    }

    private static MapSqlParameterSource ref(MatchProbe probe) {
        return ref(new RecordRef(probe.kind(), probe.recordId()));
    }

    private static String label(MatchProbe probe) {
        String label = probe.label() == null ? probe.recordId() : probe.label();
        return label.length() > 300 ? label.substring(0, 300) : label;
    }

    /** The two normalised names compared, or null when either record has none. */
    private static NameComparison names(ResultSet rs, String probeColumn, String candidateColumn,
                                        String similarityColumn) throws SQLException {
        String probe = rs.getString(probeColumn);
        String candidate = rs.getString(candidateColumn);
        return probe == null || candidate == null ? null
                : new NameComparison(probe, candidate, rs.getDouble(similarityColumn));
    }

    private static List<MatchKey> sharedKeys(Array array) throws SQLException {
        List<MatchKey> keys = new ArrayList<>();
        for (String key : (String[]) array.getArray()) {
            int colon = key.indexOf(':');
            keys.add(new MatchKey(KeyType.valueOf(key.substring(0, colon)), key.substring(colon + 1)));
        }
        return keys;
    }

    private List<DuplicateReason> reasons(ResultSet rs) throws SQLException {
        try {
            return json.readValue(rs.getString("reasons"), REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable duplicate reasons", e);
        }
    }

    private String write(List<DuplicateReason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write duplicate reasons", e);
        }
    }
}

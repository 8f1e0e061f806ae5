package io.relais.register;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Loads INSEE's open-data stock files (UTF-8 CSV with a header line, as data.gouv.fr publishes them) into the
 * register's tables: {@code StockUniteLegale} for legal persons' names, {@code StockEtablissement} for the
 * establishments. A row already loaded is replaced (a newer monthly file updates the table). Rows are written with
 * batched JDBC statements, 5,000 per transaction: the stock holds tens of millions of establishments, which an entity
 * manager would hold in memory for nothing.
 */
@Component
public class SireneStockLoader {

    private static final int BATCH = 5_000;
    private static final Set<String> ESTABLISHMENT_COLUMNS = Set.of("siret", "siren", "etablissementSiege",
            "etatAdministratifEtablissement", "codePostalEtablissement", "libelleCommuneEtablissement");
    private static final Set<String> COMPANY_COLUMNS = Set.of("siren", "denominationUniteLegale");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    SireneStockLoader(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Loads StockUniteLegale's legal persons (those with a denomination); answers the rows loaded. */
    public long loadCompanies(Path file, LongConsumer progress) throws IOException {
        return load(file, COMPANY_COLUMNS, """
                insert into sirene_company (siren, legal_name) values (?, ?)
                on conflict (siren) do update set legal_name = excluded.legal_name""", row -> {
            String legalName = Sirene.value(row.get("denominationUniteLegale"));
            return legalName == null ? null : new Object[]{row.get("siren"), truncated(legalName, 300)};
        }, progress);
    }

    /** Loads StockEtablissement; answers the rows loaded. Their names are the legal names loaded, where known. */
    public long loadEstablishments(Path file, LongConsumer progress) throws IOException {
        return load(file, ESTABLISHMENT_COLUMNS, """
                insert into sirene_establishment (siret, siren, name, name_key, street, postal_code, city, naf_code,
                    headcount_band, head_office, active) values (?, ?, ?, lower(unaccent(?)), ?, ?, ?, ?, ?, ?, ?)
                on conflict (siret) do update set siren = excluded.siren, name = excluded.name,
                    name_key = excluded.name_key, street = excluded.street, postal_code = excluded.postal_code,
                    city = excluded.city, naf_code = excluded.naf_code, headcount_band = excluded.headcount_band,
                    head_office = excluded.head_office, active = excluded.active""", row -> {
            String name = Sirene.name(optional(row, "denominationUsuelleEtablissement"),
                    optional(row, "enseigne1Etablissement"));
            return new Object[]{row.get("siret"), row.get("siren"), truncated(name, 300), truncated(name, 300),
                    truncated(Sirene.street(optional(row, "numeroVoieEtablissement"),
                            optional(row, "indiceRepetitionEtablissement"), optional(row, "typeVoieEtablissement"),
                            optional(row, "libelleVoieEtablissement")), 300),
                    Sirene.value(row.get("codePostalEtablissement")),
                    truncated(Sirene.value(row.get("libelleCommuneEtablissement")), 100),
                    Sirene.value(optional(row, "activitePrincipaleEtablissement")),
                    RegisteredCompany.band(optional(row, "trancheEffectifsEtablissement")),
                    "true".equalsIgnoreCase(row.get("etablissementSiege")),
                    "A".equals(row.get("etatAdministratifEtablissement"))};
        }, progress);
    }

    /** Gives the establishments the legal names of their companies; answers how many changed. */
    public int nameEstablishments() {
        return jdbc.update("""
                update sirene_establishment e set name = c.legal_name, name_key = lower(unaccent(c.legal_name))
                from sirene_company c where c.siren = e.siren and e.name is distinct from c.legal_name""");
    }

    private long load(Path file, Set<String> required, String insert, RowValues values, LongConsumer progress)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> missing = required.stream().filter(column -> !parser.getHeaderMap().containsKey(column))
                    .sorted().toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(file.getFileName() + " lacks the columns " + missing
                        + ": is it the stock file asked for?");
            }
            long loaded = 0;
            List<Object[]> batch = new ArrayList<>(BATCH);
            for (CSVRecord row : parser) {
                Object[] rowValues = values.of(row);
                if (rowValues != null) {
                    batch.add(rowValues);
                }
                if (batch.size() == BATCH) {
                    loaded += write(insert, batch);
                    progress.accept(loaded);
                }
            }
            loaded += write(insert, batch);
            progress.accept(loaded);
            return loaded;
        }
    }

    private int write(String insert, List<Object[]> batch) {
        int written = batch.size();
        if (written > 0) {
            transactions.executeWithoutResult(status -> jdbc.batchUpdate(insert, batch));
            batch.clear();
        }
        return written;
    }

    private static String optional(CSVRecord row, String column) {
        return row.isMapped(column) ? row.get(column) : null;
    }

    private static String truncated(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    @FunctionalInterface
    private interface RowValues {
        /** The row's values to insert; null to leave the row out. */
        Object[] of(CSVRecord row);
    }
}

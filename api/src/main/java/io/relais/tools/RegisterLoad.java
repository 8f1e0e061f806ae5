package io.relais.tools;

import io.relais.register.SireneStockLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code register load}: loads INSEE's SIRENE stock files into the company register's tables, on the engine's
 * database, also while the engine runs (docs/company-register.md).
 */
final class RegisterLoad {

    static final String USAGE = "java -jar relais.jar register load [--companies=StockUniteLegale_utf8.csv] "
            + "[--establishments=StockEtablissement_utf8.csv]";

    private RegisterLoad() {
    }

    static int run(ToolArguments arguments, PrintStream out) {
        if (!"load".equals(arguments.word(1)) || arguments.word(2) != null) {
            throw new UsageException("register: load is the one thing it does");
        }
        Path companies = file(arguments, "companies");
        Path establishments = file(arguments, "establishments");
        if (companies == null && establishments == null) {
            throw new UsageException("register load: give --companies=FILE, --establishments=FILE or both");
        }
        long started = System.nanoTime();
        try (ToolContext tool = ToolContext.start(arguments, Set.of(), true)) {
            SireneStockLoader loader = tool.context().getBean(SireneStockLoader.class);
            if (companies != null) {
                long begin = System.nanoTime();
                long loaded = loader.loadCompanies(companies, rows -> { });
                out.printf("Loaded %,d companies (legal persons) from %s%s%n", loaded, companies.getFileName(),
                        rate(loaded, begin));
            }
            if (establishments != null) {
                long begin = System.nanoTime();
                long loaded = loader.loadEstablishments(establishments, rows -> { });
                out.printf("Loaded %,d establishments from %s%s%n", loaded, establishments.getFileName(),
                        rate(loaded, begin));
            }
            long begin = System.nanoTime();
            int named = loader.nameEstablishments();
            out.printf("Gave %,d establishments their company's legal name in %.1f s; done in %.1f s%n", named,
                    seconds(begin), seconds(started));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String rate(long rows, long begin) {
        double seconds = seconds(begin);
        return String.format(" in %.1f s, %,.0f rows/s", seconds, rows / Math.max(seconds, 1e-3));
    }

    private static double seconds(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }

    private static Path file(ToolArguments arguments, String option) {
        if (!arguments.flag(option)) {
            return null;
        }
        Path file = arguments.path(option);
        if (!Files.isReadable(file)) {
            throw new UsageException("--" + option + ": cannot read " + file);
        }
        return file;
    }
}

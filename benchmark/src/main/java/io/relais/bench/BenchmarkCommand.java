package io.relais.bench;

import io.relais.RelaisApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar relais-benchmark.jar ...}: starts the engine on its own database (with HTTP on a free port
 * only when the {@code http} or {@code import} part runs) and measures it.
 */
public final class BenchmarkCommand {

    private BenchmarkCommand() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.exit(run(args, System.out));
    }

    private static String[] engineArguments(BenchmarkOptions options, Path directory) {
        List<String> arguments = new ArrayList<>(List.of("--relais.embedded-db.data-directory=" + directory,
                "--server.port=0",
                "--relais.admin.password=" + BenchSupport.ACTOR_PASSWORD,
                "--logging.level.root=WARN",
                "--logging.level.io.relais.bench=INFO"));
        if (options.statements() > 0) {
            arguments.add("--relais.embedded-db.settings.shared_preload_libraries=pg_stat_statements");
        }
        return arguments.toArray(String[]::new);
    }

    /** Runs the benchmark, printing its figures to {@code out}; answers the process's exit status. */
    static int run(String[] args, PrintStream out) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            return 2;
        }
        Path directory = null;
        try {
            directory = options.dataDirectory() != null ? options.dataDirectory()
                    : Files.createTempDirectory("relais-bench-");
            boolean http = options.parts().contains("http") || options.parts().contains("import");
            long starting = System.nanoTime();
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RelaisApplication.class)
                    .web(http ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                    .run(engineArguments(options, directory))) {
                new Benchmark(context, options, out).run(starting);
            }
            return 0;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        } finally {
            if (options.dataDirectory() == null && directory != null) {
                try {
                    FileSystemUtils.deleteRecursively(directory);
                } catch (IOException e) {
                    System.err.println("Could not delete " + directory + ": " + e.getMessage());
                }
            }
        }
    }
}

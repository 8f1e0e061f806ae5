package io.relais.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool's command line: its words ({@code export events}), its own options ({@code --out=FILE}, {@code --all})
 * and the engine's settings, passed on as the engine takes them ({@code --relais.embedded-db.data-directory=…},
 * {@code --spring.datasource.url=…}).
 */
record ToolArguments(List<String> words, Map<String, String> options, List<String> engineSettings) {

    static ToolArguments parse(String[] args, Set<String> toolOptions) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        List<String> settings = new ArrayList<>();
        for (String argument : args) {
            if (!argument.startsWith("--")) {
                words.add(argument);
                continue;
            }
            int equals = argument.indexOf('=');
            String name = argument.substring(2, equals < 0 ? argument.length() : equals);
            if (toolOptions.contains(name)) {
                options.put(name, equals < 0 ? "" : argument.substring(equals + 1));
            } else if (equals > 2) {
                settings.add(argument);
            } else {
                throw new UsageException("Unknown option " + argument);
            }
        }
        return new ToolArguments(List.copyOf(words), Map.copyOf(options), List.copyOf(settings));
    }

    String word(int index) {
        return index < words.size() ? words.get(index) : null;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Path path(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + "=FILE is required");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    long position(String name) {
        String value = options.getOrDefault(name, "0");
        try {
            long position = Long.parseLong(value);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new UsageException("--" + name + " must be a store position, 0 or more: " + value);
    }

    List<String> list(String name) {
        String value = options.get(name);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(item -> !item.isEmpty()).toList();
    }
}

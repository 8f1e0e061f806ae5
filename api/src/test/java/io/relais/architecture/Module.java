package io.relais.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.Location;
import io.relais.RelaisApplication;
import io.relais.common.DomainException;
import io.relais.organisation.OrganisationDirectory;
import io.relais.organisation.Visibility;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

/**
 * The Maven modules, told apart by where their classes come from (a {@code target/classes} folder in the
 * reactor, a jar otherwise): packages cannot tell them apart, since each module has a {@code lead}, an
 * {@code account} … package. Each module is found through one of its own classes.
 */
enum Module {

    CORE_DOMAIN("core-domain", DomainException.class),
    COMMAND_SIDE("command-side", OrganisationDirectory.class),
    QUERY_SIDE("query-side", Visibility.class),
    API("api", RelaisApplication.class);

    private static final Map<String, Optional<Module>> MODULE_OF_CLASS = new ConcurrentHashMap<>();

    private final String name;
    private final Location root;

    Module(String name, Class<?> member) {
        this.name = name;
        this.root = rootOf(member);
    }

    Location root() {
        return root;
    }

    /** The classes compiled from this module's main sources. */
    DescribedPredicate<JavaClass> classes() {
        return DescribedPredicate.describe("in " + name, javaClass -> moduleOf(javaClass).orElse(null) == this);
    }

    private static Optional<Module> moduleOf(JavaClass javaClass) {
        return MODULE_OF_CLASS.computeIfAbsent(javaClass.getName(), name -> javaClass.getSource()
                .map(source -> Location.of(source.getUri()).asURI().toString())
                .flatMap(uri -> Arrays.stream(values()).filter(module -> uri.startsWith(module.root.asURI().toString()))
                        .findFirst()));
    }

    private static Location rootOf(Class<?> member) {
        try {
            Path path = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            return path.toString().endsWith(".jar") ? Location.of(new JarFile(path.toFile())) : Location.of(path);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot locate the classes of " + member, e);
        }
    }
}

package io.relais.architecture;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The main classes of the four modules, and nothing else (no tests, no libraries). */
class ModuleLocations implements LocationProvider {

    @Override
    public Set<Location> get(Class<?> testClass) {
        return Arrays.stream(Module.values()).map(Module::root).collect(Collectors.toUnmodifiableSet());
    }
}

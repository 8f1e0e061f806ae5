package io.relais.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.relais.organisation.OrganisationDirectory;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Controller;

import java.lang.annotation.Annotation;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The rules that keep each module in its room (see the layout in the design guide). The modules share
 * their packages, so they are told apart by where a class was compiled ({@link Module}).
 */
@AnalyzeClasses(locations = ModuleLocations.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> EVENTS = payloadOf(EventHandler.class).as("are events");
    private static final DescribedPredicate<JavaClass> QUERIES = payloadOf(QueryHandler.class).as("queries");

    @ArchTest
    static final ArchRule modulesDependDownwardsOnly = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy(Module.API.classes())
            .layer("command side").definedBy(Module.COMMAND_SIDE.classes())
            .layer("query side").definedBy(Module.QUERY_SIDE.classes())
            .layer("core domain").definedBy(Module.CORE_DOMAIN.classes())
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("command side").mayOnlyBeAccessedByLayers("api")
            .whereLayer("query side").mayOnlyBeAccessedByLayers("api")
            .whereLayer("core domain").mayNotAccessAnyLayer()
            .because("api depends on the command and query sides, they depend on core-domain only, and "
                    + "core-domain on nothing of ours");

    @ArchTest
    static final ArchRule controllersTouchNoSql = noClasses().that().areMetaAnnotatedWith(Controller.class)
            .should().dependOnClassesThat(resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
                    .as("touch SQL (JDBC, a DataSource, JdbcTemplate, JdbcClient)"))
            .because("controllers send commands and queries; the read models' SQL lives in the query side");

    @ArchTest
    static final ArchRule commandSideAsksTheReadSideThroughItsPorts = noClasses()
            .that(Module.COMMAND_SIDE.classes().as("are in command-side"))
            .should().dependOnClassesThat(resideInAnyPackage("org.axonframework.queryhandling..").or(QUERIES)
                    .as("use the query bus or a query"))
            .because("aggregates ask the read side only through the ports the command side declares, such as "
                    + OrganisationDirectory.class.getSimpleName() + ", which the api implements");

    @ArchTest
    static final ArchRule eventsAreCoreDomainRecords = classes().that(EVENTS)
            .should(be(Module.CORE_DOMAIN.classes())).andShould().beRecords()
            .because("events are the permanent record, part of the CRM's language and serialised as records");

    /** The classes that a method annotated (or meta-annotated) with {@code handler} takes as its payload. */
    private static DescribedPredicate<JavaClass> payloadOf(Class<? extends Annotation> handler) {
        return DescribedPredicate.describe("payload of @" + handler.getSimpleName(),
                javaClass -> javaClass.getMethodsWithParameterTypeOfSelf().stream()
                        .anyMatch(method -> method.isMetaAnnotatedWith(handler) && isFirstParameter(method, javaClass)));
    }

    private static boolean isFirstParameter(JavaMethod method, JavaClass javaClass) {
        return !method.getRawParameterTypes().isEmpty() && method.getRawParameterTypes().get(0).equals(javaClass);
    }
}

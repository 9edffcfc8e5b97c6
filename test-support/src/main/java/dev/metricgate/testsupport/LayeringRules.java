package dev.metricgate.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering of STYLE.md as ArchUnit rules, for one service's root package. Empty rules fail
 * ({@code archRule.failOnEmptyShould}), so a mistyped package breaks the build instead of passing.
 */
public final class LayeringRules {

    private static final List<String> SERVICES = List.of("plans", "enforcement", "usage");
    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "jakarta.persistence..",
        "org.hibernate..",
        "org.apache.kafka..",
        "io.lettuce..",
        "tools.jackson..",
        "com.fasterxml.."
    };

    /** Plain-Java rules every service must apply identically (shared-contracts), not wire types. */
    private static final String SHARED_DOMAIN = "dev.metricgate.contracts.billing..";

    private LayeringRules() {}

    public static JavaClasses importService(String service) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root(service));
    }

    /** Every rule, for a service whose domain and application layers exist. */
    public static List<ArchRule> all(String service) {
        String root = root(service);
        return List.of(
                classes()
                        .that()
                        .resideInAPackage(root + ".domain..")
                        .should()
                        .onlyDependOnClassesThat()
                        .resideInAnyPackage("java..", root + ".domain..", SHARED_DOMAIN)
                        .as("the domain depends only on java.., itself and the shared billing calendar"),
                noClasses()
                        .that()
                        .resideInAnyPackage(root + ".domain..", root + ".application..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(FRAMEWORKS)
                        .as("domain and application use no Spring, JPA, Kafka, Lettuce or Jackson"),
                noClasses()
                        .that()
                        .resideInAnyPackage(root + ".domain..", root + ".application..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(root + ".adapter..", root + ".config..")
                        .as("the core does not know its adapters"),
                slices().matching(root + ".adapter.(*)..")
                        .should()
                        .notDependOnEachOther()
                        .as("inbound and outbound adapters do not depend on each other"),
                slices().matching(root + ".adapter.out.(*)..")
                        .should()
                        .notDependOnEachOther()
                        .as("outbound adapters do not depend on each other"),
                noClasses()
                        .that()
                        .resideInAPackage(root + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(otherServices(service))
                        .as("no imports across services"));
    }

    private static String root(String service) {
        return "dev.metricgate." + service;
    }

    private static String[] otherServices(String service) {
        return SERVICES.stream()
                .filter(other -> !other.equals(service))
                .map(other -> "dev.metricgate." + other + "..")
                .toArray(String[]::new);
    }
}

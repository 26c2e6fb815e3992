package com.wapi.analytics.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the compiled main classes: feature packages form no cycles,
 * and the lower layers never reach up. The development tools (bench, simulate) are another module, tools/, which
 * depends on this one: Maven keeps this one from depending on them.
 */
class PackageDependencyTests {

    private static final String ROOT = "com.wapi.analytics";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featurePackagesFormNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void theCommandLineAndConsoleDependOnNoFeature() {
        noClasses().that().resideInAnyPackage(ROOT + ".cli..", ROOT + ".console..")
                .should().dependOnClassesThat().resideInAnyPackage(features())
                .check(classes);
    }

    @Test
    void theReceiverNeverReachesTheEtlAndReportsNeverReachTheirReaders() {
        noClasses().that().resideInAPackage(ROOT + ".ingest..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".etl..", ROOT + ".report..")
                .check(classes);
        noClasses().that().resideInAnyPackage(ROOT + ".report..", ROOT + ".hours..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".digest..", ROOT + ".campaign..",
                        ROOT + ".export..", ROOT + ".alerts..", ROOT + ".api..", ROOT + ".cli..")
                .check(classes);
    }

    @Test
    void foundationsNeverReachUp() {
        noClasses().that().resideInAnyPackage(ROOT + ".tenancy..", ROOT + ".clickhouse..", ROOT + ".jobs..",
                        ROOT + ".mail..", ROOT + ".csv..", ROOT + ".console..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".report..", ROOT + ".digest..",
                        ROOT + ".campaign..", ROOT + ".export..", ROOT + ".alerts..", ROOT + ".etl..", ROOT + ".ingest..",
                        ROOT + ".api..", ROOT + ".cli..", ROOT + ".server..", ROOT + ".signin..")
                .check(classes);
    }

    @Test
    void businessHoursAreAFoundation() {
        noClasses().that().resideInAPackage(ROOT + ".hours..")
                .should().dependOnClassesThat().resideInAnyPackage(java.util.Arrays.stream(features())
                        .filter(p -> !p.equals(ROOT + ".hours..")).toArray(String[]::new))
                .check(classes);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> resideIn(
            String feature) {
        return com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT + "." + feature + "..");
    }

    private static String[] features() {
        return new String[] {ROOT + ".alerts..", ROOT + ".api..", ROOT + ".campaign..", ROOT + ".digest..", ROOT + ".etl..",
                ROOT + ".export..", ROOT + ".hours..", ROOT + ".ingest..", ROOT + ".jobs..", ROOT + ".mail..",
                ROOT + ".privacy..", ROOT + ".report..", ROOT + ".retention..", ROOT + ".schema..", ROOT + ".server..",
                ROOT + ".signin..", ROOT + ".tenancy..", ROOT + ".web.."};
    }
}

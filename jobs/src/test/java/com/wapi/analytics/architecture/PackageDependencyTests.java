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
 * and the lower layers never reach up.
 */
class PackageDependencyTests {

    private static final String ROOT = "com.wapi.analytics";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /**
     * One cycle is still in the code and listed here so that no new one can join it: tenancy's `workspace set` parses
     * business hours. Remove the line once it is gone.
     */
    @Test
    void featurePackagesFormNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
                .ignoreDependency(resideIn("tenancy"), resideIn("hours"))
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
                        ROOT + ".export..", ROOT + ".api..", ROOT + ".cli..")
                .check(classes);
    }

    @Test
    void foundationsNeverReachUp() {
        noClasses().that().resideInAnyPackage(ROOT + ".tenancy..", ROOT + ".clickhouse..", ROOT + ".jobs..",
                        ROOT + ".mail..", ROOT + ".csv..", ROOT + ".console..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".report..", ROOT + ".digest..",
                        ROOT + ".campaign..", ROOT + ".export..", ROOT + ".etl..", ROOT + ".ingest..", ROOT + ".api..",
                        ROOT + ".cli..", ROOT + ".bench..", ROOT + ".simulate..", ROOT + ".signin..")
                .check(classes);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> resideIn(
            String feature) {
        return com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT + "." + feature + "..");
    }

    private static String[] features() {
        return new String[] {ROOT + ".api..", ROOT + ".bench..", ROOT + ".campaign..", ROOT + ".digest..",
                ROOT + ".etl..", ROOT + ".export..", ROOT + ".hours..", ROOT + ".ingest..", ROOT + ".jobs..",
                ROOT + ".mail..", ROOT + ".privacy..", ROOT + ".report..", ROOT + ".retention..", ROOT + ".schema..",
                ROOT + ".signin..", ROOT + ".simulate..", ROOT + ".tenancy..", ROOT + ".web.."};
    }
}

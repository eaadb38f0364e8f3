package io.curio.abtest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.curio.abtest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule importsNoOtherService = noClasses().that()
        .resideInAPackage("io.curio.abtest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.curio.gateway..", "io.curio.ingestion..", "io.curio.feature..",
                "io.curio.inference..", "io.curio.localstack..");

    @ArchTest
    static final ArchRule keepsStatisticsFreeOfFrameworks = noClasses().that()
        .haveSimpleNameStartingWith("Statistics")
        .or()
        .haveSimpleNameStartingWith("ResultsCalculation")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..", "tools.jackson..");

    @ArchTest
    static final ArchRule keepsTheExperimentModelFreeOfFrameworks = noClasses().that()
        .haveSimpleNameStartingWith("Experiment")
        .and()
        .areRecords()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..");

    @ArchTest
    static final ArchRule keepsFeaturePackagesOffTheWebLayer = noClasses().that()
        .resideInAnyPackage("io.curio.abtest.experiment..", "io.curio.abtest.assignment..",
                "io.curio.abtest.exposure..", "io.curio.abtest.results..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.curio.abtest.web..");

}

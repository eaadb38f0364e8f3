package io.curio.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.curio.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule importsNoOtherService = noClasses().that().resideInAPackage("io.curio.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("io.curio.ingestion..", "io.curio.feature..",
                    "io.curio.inference..", "io.curio.abtest..", "io.curio.localstack..", "io.curio.events..");

    @ArchTest
    static final ArchRule claimParsingKnowsNoWebFramework = noClasses()
            .that().haveSimpleNameStartingWith("Caller").and().haveSimpleNameNotEndingWith("Authentication")
            .and().haveSimpleNameNotContaining("Converter").and().haveSimpleNameNotContaining("Validator")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule rateLimitArithmeticKnowsNoFramework = noClasses()
            .that().haveSimpleNameStartingWith("TokenBucket").or().haveSimpleName("PlanLimit")
            .or().haveSimpleName("LocalRateLimiter")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..");
}

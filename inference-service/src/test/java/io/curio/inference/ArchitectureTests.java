package io.curio.inference;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.curio.inference", importOptions = { ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class })
class ArchitectureTests {

    @ArchTest
    static final ArchRule importsNoOtherService = noClasses().that()
        .resideInAPackage("io.curio.inference..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.curio.feature..", "io.curio.abtest..", "io.curio.ingestion..", "io.curio.gateway..",
                "io.curio.localstack..");

    @ArchTest
    static final ArchRule trainingAndModelsUseNoWebFramework = noClasses().that()
        .resideInAnyPackage("io.curio.inference.model..", "io.curio.inference.training..")
        .and()
        .haveSimpleNameNotEndingWith("Controller")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

}

package io.curio.localstack;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class LocalStackArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPath(Path.of("target/classes"));

    @Test
    void importsNoServicePackages() {
        noClasses().should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.curio.gateway..", "io.curio.ingestion..", "io.curio.feature..",
                    "io.curio.inference..", "io.curio.abtest..")
            .check(this.classes);
    }

    @Test
    void keepsInfrastructureBuildingBlocksFreeOfStackManagement() {
        noClasses().that()
            .resideInAPackage("io.curio.localstack.infra..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.curio.localstack.stack..", "io.curio.localstack.cli..")
            .check(this.classes);
    }

}

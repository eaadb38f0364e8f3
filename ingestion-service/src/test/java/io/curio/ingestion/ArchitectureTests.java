package io.curio.ingestion;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.curio.ingestion");

    @Test
    void importsNoOtherService() {
        noClasses().should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.curio.feature..", "io.curio.inference..", "io.curio.abtest..",
                    "io.curio.gateway..", "io.curio.localstack..")
            .check(this.classes);
    }

    @Test
    void keepsTheWebLayerOutOfTheArchive() {
        noClasses().that()
            .resideInAnyPackage("io.curio.ingestion.datahub..", "io.curio.ingestion.events..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
            .check(this.classes);
    }

}

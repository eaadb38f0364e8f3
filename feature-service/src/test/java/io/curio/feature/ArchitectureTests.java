package io.curio.feature;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    private static final JavaClasses FEATURE_SERVICE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.curio.feature");

    @Test
    void importsNoOtherServicesPackages() {
        noClasses().should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.curio.gateway..", "io.curio.ingestion..", "io.curio.inference..",
                    "io.curio.abtest..", "io.curio.localstack..")
            .check(FEATURE_SERVICE);
    }

    @Test
    void keepsPublicDataRecordsFreeOfWebAndPersistenceFrameworks() {
        noClasses().that()
            .areRecords()
            .and()
            .arePublic()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..", "java.sql..")
            .check(FEATURE_SERVICE);
    }

}

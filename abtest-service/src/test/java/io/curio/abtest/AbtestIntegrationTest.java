package io.curio.abtest;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.curio.abtest.canary.FakeModelRegistry;

/**
 * The one application context every integration test shares, wired to {@link AbtestInfrastructure}, so that a
 * single stream consumer runs in the test JVM.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class AbtestIntegrationTest {

    /** Every test starts with a registry that serves every known algorithm. */
    @BeforeEach
    void resetModelRegistry() {
        FakeModelRegistry.instance().reset();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        AbtestInfrastructure.register(registry);
    }

}

package io.curio.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagementOnlyFilterTests {

    @ParameterizedTest
    @ValueSource(strings = { "/actuator", "/actuator/", "/actuator/health", "/actuator/gateway/routes" })
    void treatsActuatorAndEverythingBelowAsManagementOnly(String path) {
        assertThat(ManagementOnlyFilter.isActuatorPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuators", "/v1/actuator/health", "/", "/actuatorhealth" })
    void leavesOtherPathsToTheRoutes(String path) {
        assertThat(ManagementOnlyFilter.isActuatorPath(path)).isFalse();
    }
}

package io.curio.localstack.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackPortsTests {

    @Test
    void usesTheDocumentedPortsWithoutOffset() {
        StackPorts ports = new StackPorts(0);

        assertThat(ports.service(Service.GATEWAY)).isEqualTo(8080);
        assertThat(ports.service(Service.INGESTION)).isEqualTo(8081);
        assertThat(ports.service(Service.FEATURE)).isEqualTo(8082);
        assertThat(ports.service(Service.INFERENCE)).isEqualTo(8083);
        assertThat(ports.service(Service.ABTEST)).isEqualTo(8084);
        assertThat(ports.s3()).isEqualTo(9000);
        assertThat(ports.kinesis()).isEqualTo(4567);
        assertThat(ports.attributes()).isEqualTo(9100);
    }

    @Test
    void addsTheOffsetToEveryPort() {
        StackPorts ports = new StackPorts(1000);

        assertThat(ports.service(Service.GATEWAY)).isEqualTo(9080);
        assertThat(ports.service(Service.ABTEST)).isEqualTo(9084);
        assertThat(ports.s3()).isEqualTo(10000);
        assertThat(ports.kinesis()).isEqualTo(5567);
        assertThat(ports.attributes()).isEqualTo(10100);
        assertThat(ports.embeddedPostgres()).isEqualTo(6432);
        assertThat(ports.embeddedRedis()).isEqualTo(7379);
    }

    @Test
    void shiftsTheGatewaysManagementPortAndKeepsTheOthersOnTheirOwn() {
        StackPorts ports = new StackPorts(800);

        assertThat(ports.management(Service.GATEWAY)).isEqualTo(8890);
        assertThat(ports.management(Service.INFERENCE)).isEqualTo(ports.service(Service.INFERENCE));
    }

    @Test
    void rejectsOffsetBeyondThePortRange() {
        assertThatThrownBy(() -> new StackPorts(60_000)).hasMessageContaining("was 60000");
        assertThatThrownBy(() -> new StackPorts(-1)).hasMessageContaining("was -1");
    }

}

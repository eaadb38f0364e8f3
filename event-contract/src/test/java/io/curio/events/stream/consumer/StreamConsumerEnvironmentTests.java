package io.curio.events.stream.consumer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class StreamConsumerEnvironmentTests {

    private final StreamConsumerEnvironment postProcessor = new StreamConsumerEnvironment();

    @Test
    void bindsTheStreamToTheConsumerGroupOfAServiceThatOptedIn() {
        // given
        MockEnvironment environment = new MockEnvironment().withProperty("curio.stream.consumer-group", "abtest")
            .withProperty("curio.stream.name", "clicks")
            .withProperty("spring.flyway.default-schema", "abtest");

        // when
        this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

        // then
        String binding = "spring.cloud.stream.bindings.curioEngagementEvents-in-0.";
        assertThat(environment.getProperty(binding + "destination")).isEqualTo("clicks");
        assertThat(environment.getProperty(binding + "group")).isEqualTo("abtest");
        assertThat(environment.getProperty("spring.cloud.stream.kinesis.bindings.curioEngagementEvents-in-0"
                + ".consumer.checkpoint-mode")).isEqualTo("manual");
        assertThat(environment.getProperty("curio.stream.schema")).isEqualTo("abtest");
        assertThat(environment.getProperty("spring.cloud.aws.dynamodb.endpoint")).startsWith("http://127.0.0.1:");
    }

    @Test
    void letsTheServiceOverrideEveryDefault() {
        // given
        MockEnvironment environment = new MockEnvironment().withProperty("curio.stream.consumer-group", "abtest")
            .withProperty("spring.cloud.stream.kinesis.bindings.curioEngagementEvents-in-0.consumer.records-limit",
                    "50");

        // when
        this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

        // then
        assertThat(environment.getProperty(
                "spring.cloud.stream.kinesis.bindings.curioEngagementEvents-in-0.consumer.records-limit"))
            .isEqualTo("50");
    }

    @Test
    void leavesAServiceWithoutConsumerGroupAlone() {
        // given
        MockEnvironment environment = new MockEnvironment();

        // when
        this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

        // then
        assertThat(environment.containsProperty("spring.cloud.function.definition")).isFalse();
    }

}

package io.curio.events.stream.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Binds the engagement stream to the consumer of {@link StreamConsumerAutoConfiguration} when a
 * service opted in ({@code curio.stream.consumer-group} set, Kinesis binder present). Everything is
 * added as a default at the lowest precedence, so a service can still override any of it.
 */
public class StreamConsumerEnvironment implements EnvironmentPostProcessor {

    static final String FUNCTION = "curioEngagementEvents";

    static final String BINDING = FUNCTION + "-in-0";

    private static final String BINDER_CLASS = "io.awspring.cloud.kinesis.stream.binder.KinesisMessageChannelBinder";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty("curio.stream.consumer-group")
                || !ClassUtils.isPresent(BINDER_CLASS, application.getClassLoader())) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("curioStreamConsumer", defaults(environment)));
    }

    private static Map<String, Object> defaults(ConfigurableEnvironment environment) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.cloud.function.definition", FUNCTION);
        defaults.put("curio.stream.schema", "${spring.flyway.default-schema:}");
        binding(defaults);
        binder(defaults);
        aws(defaults, environment);
        return defaults;
    }

    private static void binding(Map<String, Object> defaults) {
        String binding = "spring.cloud.stream.bindings." + BINDING + ".";
        defaults.put(binding + "destination", "${curio.stream.name:engagement-events}");
        defaults.put(binding + "group", "${curio.stream.consumer-group}");
        defaults.put(binding + "content-type", "application/octet-stream");
        defaults.put(binding + "consumer.batch-mode", "true");
        defaults.put(binding + "consumer.max-attempts", "1");
        defaults.put(binding + "consumer.concurrency", "1");
        // Native decoding hands over the stream's own records, which keep their arrival time.
        defaults.put(binding + "consumer.use-native-decoding", "true");
        String kinesis = "spring.cloud.stream.kinesis.bindings." + BINDING + ".consumer.";
        defaults.put(kinesis + "listener-mode", "batch");
        defaults.put(kinesis + "checkpoint-mode", "manual");
        defaults.put(kinesis + "records-limit", "500");
        defaults.put(kinesis + "idle-between-polls", "250");
        defaults.put(kinesis + "consumer-backoff", "1000");
        defaults.put(kinesis + "shard-iterator-type", "TRIM_HORIZON");
    }

    private static void binder(Map<String, Object> defaults) {
        defaults.put("spring.cloud.stream.kinesis.binder.kpl-kcl-enabled", "false");
        defaults.put("spring.cloud.stream.kinesis.binder.auto-create-stream", "false");
    }

    private static void aws(Map<String, Object> defaults, ConfigurableEnvironment environment) {
        defaults.put("spring.cloud.aws.region.static", "${curio.stream.region:us-east-1}");
        // The binder builds DynamoDB and CloudWatch clients even though checkpoints and locks live in
        // PostgreSQL: keep them on loopback so that nothing ever reaches out.
        defaults.put("spring.cloud.aws.dynamodb.endpoint", "http://127.0.0.1:1");
        defaults.put("spring.cloud.aws.cloudwatch.endpoint", "http://127.0.0.1:1");
        defaults.put("spring.cloud.aws.cloudwatch.enabled", "false");
        String endpoint = environment.getProperty("curio.stream.endpoint", "http://127.0.0.1:4567");
        if (!endpoint.isBlank()) {
            defaults.put("spring.cloud.aws.credentials.access-key", "curio");
            defaults.put("spring.cloud.aws.credentials.secret-key", "curio-local-secret");
        }
    }

}

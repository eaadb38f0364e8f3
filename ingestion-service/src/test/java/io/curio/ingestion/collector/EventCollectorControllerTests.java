package io.curio.ingestion.collector;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.curio.events.EventCodec;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.events.stream.PublishRetry;
import io.curio.ingestion.HostileInputs;
import io.curio.ingestion.HostileInputs.HostileInput;
import io.curio.ingestion.web.ProblemDetailsHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EventCollectorControllerTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    private final FakeKinesis kinesis = new FakeKinesis();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final MockMvc mvc = MockMvcBuilders
        .standaloneSetup(new EventCollectorController(new EventCodec(CLOCK),
                new EngagementStreamPublisher(this.kinesis, "events", new EventCodec(CLOCK),
                        new PublishRetry(2, Duration.ZERO, Duration.ZERO)),
                this.meters))
        .setControllerAdvice(new ProblemDetailsHandler())
        .build();

    @Test
    void putsValidEventsOnTheStreamAndReportsRejectedOnes() throws Exception {
        // given
        String body = "[" + CollectedBatchTests.event("e1", "42") + ",{\"eventId\":\"e2\"}]";

        // when
        ResultActions result = send(body, "42");

        // then
        result.andExpect(status().isAccepted())
            .andExpect(content().json(
                    "{\"accepted\":1,\"rejected\":[{\"index\":1,\"reason\":\"missing field: type\"}]}"));
        assertThat(this.kinesis.records).containsExactly("42");
        assertThat(this.meters.counter("curio.ingestion.events.rejected", "source", "collector", "reason",
                "missing-field").count()).isEqualTo(1);
    }

    @Test
    void refusesACallerWithoutIdentity() throws Exception {
        send(CollectedBatchTests.event("e1", "42"), null).andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("urn:curio:problem:unauthenticated"));
        assertThat(this.kinesis.records).isEmpty();
    }

    @Test
    void refusesEventsOfAnotherUserAndAcceptsNone() throws Exception {
        String body = "[" + CollectedBatchTests.event("e1", "42") + ","
                + CollectedBatchTests.event("e2", "43") + "]";
        send(body, "42").andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403));
        assertThat(this.kinesis.records).isEmpty();
    }

    @Test
    void refusesAnUnreadableBody() throws Exception {
        send("[{\"eventId\":", "42").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(startsWith("invalid JSON")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.curio.ingestion.HostileInputs#hostileJson")
    void refusesHostileJsonAsAWholeAndPublishesNothing(HostileInput input) throws Exception {
        // given
        byte[] body = input.bytes();

        // when
        ResultActions result = send(body, "7");

        // then
        result.andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("urn:curio:problem:malformed-events"))
            .andExpect(jsonPath("$.detail").value(input.reason()));
        assertThat(this.kinesis.records).isEmpty();
        assertThat(this.meters.counter("curio.ingestion.collector.bodies.refused", "reason", input.tag()).count())
            .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.curio.ingestion.HostileInputs#invalidEvents")
    void rejectsAnInvalidEventByIndexAndPublishesOnlyTheValidOne(HostileInput input) throws Exception {
        // given
        String body = "[" + HostileInputs.valid("ok") + "," + new String(input.bytes(), StandardCharsets.UTF_8) + "]";

        // when
        ResultActions result = send(body, "7");

        // then
        result.andExpect(status().isAccepted())
            .andExpect(jsonPath("$.accepted").value(1))
            .andExpect(jsonPath("$.rejected.length()").value(1))
            .andExpect(jsonPath("$.rejected[0].index").value(1))
            .andExpect(jsonPath("$.rejected[0].reason").value(input.reason()));
        assertThat(this.kinesis.records).containsExactly("7");
        assertThat(this.meters.counter("curio.ingestion.events.rejected", "source", "collector", "reason",
                input.tag()).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "null", "\"events\"", "42", "[]" })
    void refusesABodyThatIsNotAnEventArray(String body) throws Exception {
        send(body, "7").andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value(startsWith(body.equals("[]") ? "an event array" : "body must be")));
        assertThat(this.kinesis.records).isEmpty();
    }

    @Test
    void refusesMoreThanFiveHundredEventsAndPublishesNone() throws Exception {
        String body = Stream.generate(() -> HostileInputs.valid("e")).limit(501).collect(joining(",", "[", "]"));

        send(body, "7").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value("an event array holds 1..500 events, not more"));
        assertThat(this.kinesis.records).isEmpty();
    }

    @Test
    void acceptsABodyOfExactlyOneMebibyte() throws Exception {
        String events = "[" + HostileInputs.valid("e1") + "]";
        String body = events + " ".repeat(EventCollectorController.MAX_BODY_BYTES - events.length());

        send(body, "7").andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1));
    }

    @Test
    void refusesABodyOfOneMebibyteAndOneByteAndPublishesNothing() throws Exception {
        String events = "[" + HostileInputs.valid("e1") + "]";
        String body = events + " ".repeat(EventCollectorController.MAX_BODY_BYTES + 1 - events.length());

        send(body, "7").andExpect(status().isContentTooLarge())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value("request body is larger than 1048576 bytes"));
        assertThat(this.kinesis.records).isEmpty();
        assertThat(this.meters.counter("curio.ingestion.collector.bodies.refused", "reason", "too-large").count())
            .isEqualTo(1);
    }

    @Test
    void reportsNothingAcceptedWhenTheStreamIsDown() throws Exception {
        // given
        this.kinesis.down = true;

        // when / then
        send(CollectedBatchTests.event("e1", "42"), "42").andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.accepted").doesNotExist());
        assertThat(this.meters.find("curio.ingestion.events.accepted").counter()).isNull();
    }

    private ResultActions send(String body, String userId) throws Exception {
        return send(body.getBytes(StandardCharsets.UTF_8), userId);
    }

    private ResultActions send(byte[] body, String userId) throws Exception {
        MockHttpServletRequestBuilder request = post("/v1/events").contentType(MediaType.APPLICATION_JSON)
            .content(body);
        if (userId != null) {
            request.header("X-User-Id", userId);
        }
        return this.mvc.perform(request);
    }

    private static final class FakeKinesis implements KinesisClient {

        private final List<String> records = new ArrayList<>();

        private boolean down;

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            if (this.down) {
                throw SdkClientException.create("Connection refused");
            }
            request.records().forEach((entry) -> this.records.add(entry.partitionKey()));
            List<PutRecordsResultEntry> results = request.records().stream()
                .map((entry) -> PutRecordsResultEntry.builder().shardId("shardId-0").sequenceNumber("1").build())
                .toList();
            return PutRecordsResponse.builder().failedRecordCount(0).records(results).build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {
        }

    }

}

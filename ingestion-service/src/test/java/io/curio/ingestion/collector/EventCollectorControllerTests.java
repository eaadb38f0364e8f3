package io.curio.ingestion.collector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.curio.events.EventCodec;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.events.stream.PublishRetry;
import io.curio.ingestion.web.ProblemDetailsHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
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
    void refusesABodyOverOneMebibyte() throws Exception {
        String body = "[" + " ".repeat(1024 * 1024) + "]";
        send(body, "42").andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.title").exists());
    }

    @Test
    void refusesAnUnreadableBody() throws Exception {
        send("[{\"eventId\":", "42").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(startsWith("invalid JSON")));
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

package io.curio.abtest.exposure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.curio.abtest.AbtestDatabase;
import io.curio.abtest.AbtestIntegrationTest;
import io.curio.abtest.AbtestInfrastructure;
import io.curio.abtest.experiment.ExperimentAdministration;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.EventType;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.events.stream.StreamClients;
import io.curio.events.stream.StreamLocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Impressions, clicks and other outcomes put on a real (emulated) Kinesis stream reach the tables through the
 * stream consumer, and the same records read twice count once.
 */
class StreamExposureIT extends AbtestIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private ExperimentAdministration administration;

    @Autowired
    private JdbcClient jdbc;

    private KinesisClient kinesis;

    private EngagementStreamPublisher publisher;

    @BeforeEach
    void startExperiment() {
        AbtestDatabase.empty(this.jdbc);
        HomeRanking.start(this.administration);
        String endpoint = AbtestInfrastructure.kinesis().endpoint().toString();
        this.kinesis = StreamClients.kinesis(new StreamLocation(AbtestInfrastructure.STREAM, endpoint, "us-east-1"));
        this.publisher = new EngagementStreamPublisher(this.kinesis, AbtestInfrastructure.STREAM,
                new EventCodec(Clock.systemUTC()));
    }

    @AfterEach
    void closeClient() {
        this.kinesis.close();
    }

    @Test
    void recordsImpressionsAndClicksFromTheStreamOnceEvenWhenSentTwice() {
        // given one reader, so every record lands on the same shard, in order
        List<EngagementEvent> events = List.of(impression("s-i1", "s-r1", "control"),
                impression("s-i2", "s-r2", "treatment"), click("s-c1", "s-r1", "10"), click("s-c2", "s-r1", "10"),
                click("s-c3", "s-r2", "11"), event("s-o1", EventType.OPEN, "10", "s-r1", Map.of()),
                event("s-u1", EventType.UPGRADE, null, "s-r2", Map.of()));

        // when
        this.publisher.publish(events);
        await().atMost(PATIENCE).until(() -> AbtestDatabase.count(this.jdbc, "click") == 2);
        this.publisher.publish(events);
        this.publisher.publish(impression("s-i3", "s-r3", "control"));
        await().atMost(PATIENCE).until(() -> AbtestDatabase.count(this.jdbc, "impression") == 3);

        // then
        assertThat(countsPerVariant()).containsExactly(List.of("control", 2, 1), List.of("treatment", 1, 1));
        assertThat(AbtestDatabase.count(this.jdbc, "outcome")).isEqualTo(2);
    }

    private List<List<Object>> countsPerVariant() {
        return this.jdbc.sql("""
                select i.variant, count(distinct i.request_id) as impressions, count(c.book_id) as clicks
                from abtest.impression i
                left join abtest.click c on c.request_id = i.request_id
                group by i.variant
                order by i.variant
                """)
            .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getInt(2), rs.getInt(3)))
            .list();
    }

    private static EngagementEvent impression(String eventId, String requestId, String variant) {
        return SignedEvents.signed(event(eventId, EventType.IMPRESSION, null, requestId,
                Map.of("surface", "home", "experiment", "home-ranking", "variant", variant, "bookIds",
                        List.of("10", "11"))));
    }

    private static EngagementEvent click(String eventId, String requestId, String bookId) {
        return event(eventId, EventType.CLICK, bookId, requestId, Map.of());
    }

    private static EngagementEvent event(String eventId, EventType type, String bookId, String requestId,
            Map<String, Object> properties) {
        return new EngagementEvent(eventId, type, "reader-1", bookId, Instant.now().minusSeconds(60), requestId,
                null, "android", properties);
    }

}

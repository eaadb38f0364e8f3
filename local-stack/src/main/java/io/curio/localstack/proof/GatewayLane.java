package io.curio.localstack.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.localstack.stack.HttpJson;
import io.curio.localstack.stack.RunningStack;
import io.curio.localstack.stack.Service;
import io.curio.localstack.stack.Waiting;
import tools.jackson.databind.JsonNode;

/**
 * Sends batches through the gateway's {@code POST /v1/events} with a premium token of the batch's reader, and
 * sends a batch again, with the same ids, until an answer accepts it: an id counts as accepted once a 202 did
 * not list it as rejected.
 */
final class GatewayLane implements DeliveryLane {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    /** A premium reader's bucket refills 50 tokens a second: one second always clears a 429. */
    private static final Duration THROTTLED_PAUSE = Duration.ofSeconds(1);

    private final RunningStack stack;

    private final EventCodec codec;

    private final Duration patience;

    private final Counts counts = new Counts();

    GatewayLane(RunningStack stack, EventCodec codec, Duration patience) {
        this.stack = stack;
        this.codec = codec;
        this.patience = patience;
    }

    @Override
    public List<String> send(List<EngagementEvent> events) {
        String token = this.stack.token(events.get(0).userId(), "premium", "events:write");
        List<JsonNode> body = events.stream().map((event) -> this.codec.mapper().readTree(this.codec.encode(event)))
            .toList();
        long deadline = System.nanoTime() + this.patience.toNanos();
        while (System.nanoTime() < deadline) {
            HttpJson.Reply reply = post(token, body);
            if (reply != null && reply.status() == 202) {
                return acceptedOf(events, reply.json());
            }
            if (reply != null && reply.status() >= 400 && reply.status() < 500 && reply.status() != 429) {
                this.counts.refused().addAndGet(events.size());
                return List.of();
            }
            this.counts.retries().incrementAndGet();
            Waiting.pause((reply != null && reply.status() == 429) ? THROTTLED_PAUSE : RETRY_PAUSE);
        }
        return List.of();
    }

    @Override
    public Counts counts() {
        return this.counts;
    }

    private HttpJson.Reply post(String token, List<JsonNode> body) {
        try {
            return this.stack.http().post(this.stack.url(Service.GATEWAY, "/v1/events"), token, body);
        }
        catch (HttpJson.UnreachableException ex) {
            return null;
        }
    }

    private List<String> acceptedOf(List<EngagementEvent> events, JsonNode answer) {
        Set<Integer> rejected = new HashSet<>();
        answer.path("rejected").forEach((entry) -> rejected.add(entry.path("index").asInt()));
        this.counts.refused().addAndGet(rejected.size());
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!rejected.contains(i)) {
                accepted.add(events.get(i).eventId());
            }
        }
        return accepted;
    }

}

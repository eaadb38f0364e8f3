package io.curio.localstack.proof;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fault test found, as written to its JSON report. It passed when every accepted id is in the hub, no id
 * the run did not have accepted is, feature-service holds each accepted id exactly once, and every planned kill
 * was done.
 *
 * @param runId names the run; every id of it starts with {@code fault-<runId>-}
 * @param startedAt when sending began
 * @param wallSeconds from the start of sending to the end of verification
 * @param sendSeconds from the first send to the last answer
 * @param planned events the run was to send
 * @param rate events per second aimed at
 * @param sent ids sent at least once
 * @param accepted ids an answer accepted
 * @param acceptedThroughGateway of those, through {@code POST /v1/events}
 * @param acceptedOnStream of those, with PutRecords
 * @param retries sends repeated after a failure
 * @param refused events refused for good
 * @param hubObjects stream archive objects read
 * @param hubDistinct accepted-or-not ids of the run in the hub, each once
 * @param hubDuplicates lines in the hub beyond the first for each id
 * @param missing accepted ids not in the hub
 * @param missingFirst the first few of them
 * @param unknown ids of the run in the hub that no answer accepted
 * @param unknownFirst the first few of them
 * @param featureRows rows of the run in {@code feature.interactions}
 * @param featureDistinct distinct ids among them
 * @param featureMissing accepted ids feature-service does not hold
 * @param featureMissingFirst the first few of them
 * @param killsPlanned SIGKILLs the run was to send
 * @param kills the SIGKILLs sent, in order
 * @param passed whether the run proved delivery
 */
record FaultReport(String runId, Instant startedAt, double wallSeconds, double sendSeconds, int planned, double rate,
        long sent, long accepted, long acceptedThroughGateway, long acceptedOnStream, long retries, long refused,
        int hubObjects, long hubDistinct, long hubDuplicates, long missing, List<String> missingFirst, long unknown,
        List<String> unknownFirst, long featureRows, long featureDistinct, long featureMissing,
        List<String> featureMissingFirst, int killsPlanned, List<Crashes.Kill> kills, boolean passed) {

    static final int SAMPLE = 10;

    /** How the run was set up. */
    record Plan(String runId, Instant startedAt, int events, double rate, int killsPlanned) {
    }

    /** What the hub and the feature store held at the end. */
    record Found(int hubObjects, Map<String, Integer> hub, List<String> featureRows) {

        Found {
            hub = Map.copyOf(hub);
            featureRows = List.copyOf(featureRows);
        }

    }

    static FaultReport of(Plan plan, Delivery.Outcome delivery, Found found, List<Crashes.Kill> kills,
            Duration wall) {
        Set<String> accepted = delivery.accepted();
        List<String> missing = absent(accepted, found.hub().keySet());
        List<String> unknown = absent(found.hub().keySet(), accepted);
        Set<String> featureIds = new HashSet<>(found.featureRows());
        List<String> featureMissing = absent(accepted, featureIds);
        long hubLines = found.hub().values().stream().mapToLong(Integer::longValue).sum();
        boolean passed = missing.isEmpty() && unknown.isEmpty() && found.featureRows().size() == accepted.size()
                && featureMissing.isEmpty() && kills.size() == plan.killsPlanned()
                && kills.stream().allMatch((kill) -> kill.readyAt() != null);
        return new FaultReport(plan.runId(), plan.startedAt(), seconds(wall), seconds(delivery.took()),
                plan.events(), plan.rate(), delivery.sent(), accepted.size(), delivery.throughGateway(),
                accepted.size() - delivery.throughGateway(), delivery.retries(), delivery.refused(),
                found.hubObjects(), found.hub().size(), hubLines - found.hub().size(), missing.size(),
                first(missing), unknown.size(), first(unknown), found.featureRows().size(), featureIds.size(),
                featureMissing.size(), first(featureMissing), plan.killsPlanned(), kills, passed);
    }

    private static List<String> absent(Set<String> wanted, Set<String> present) {
        return wanted.stream().filter((id) -> !present.contains(id)).sorted().toList();
    }

    private static List<String> first(List<String> ids) {
        return List.copyOf(ids.subList(0, Math.min(SAMPLE, ids.size())));
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }

}

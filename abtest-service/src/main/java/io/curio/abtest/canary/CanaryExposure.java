package io.curio.abtest.canary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.curio.assignment.CanaryArm;

/**
 * Reads a canary's evidence from the recorded impressions and clicks: an impression served by an arm counts as
 * clicked when its reader clicked one of its books, stamped no earlier than {@code curio.abtest.attribution-skew}
 * before it and no later than {@code curio.abtest.attribution-window} after it.
 */
@Component
class CanaryExposure {

    private final JdbcClient jdbc;

    private final Duration attributionWindow;

    private final Duration attributionSkew;

    CanaryExposure(JdbcClient jdbc, @Value("${curio.abtest.attribution-window:30m}") Duration attributionWindow,
            @Value("${curio.abtest.attribution-skew:1m}") Duration attributionSkew) {
        this.jdbc = jdbc;
        this.attributionWindow = attributionWindow;
        this.attributionSkew = attributionSkew;
    }

    CanaryEvidence evidence(Canary canary) {
        Instant stepStart = canary.stepStartedAt();
        return new CanaryEvidence(counts(canary.id(), CanaryArm.CANDIDATE, canary.createdAt()),
                counts(canary.id(), CanaryArm.BASELINE, canary.createdAt()),
                counts(canary.id(), CanaryArm.CANDIDATE, stepStart),
                counts(canary.id(), CanaryArm.BASELINE, stepStart));
    }

    private ArmCounts counts(String canaryId, CanaryArm arm, Instant since) {
        return this.jdbc.sql("""
                select count(*) as impressions,
                       count(*) filter (where exists (
                           select 1 from abtest.click c
                           where c.request_id = i.request_id and c.user_id = i.user_id
                             and c.book_id = any(i.book_ids)
                             and c.occurred_at >= i.occurred_at - make_interval(secs => ?)
                             and c.occurred_at <= i.occurred_at + make_interval(secs => ?))) as clicked
                from abtest.impression i
                where i.canary_id = ? and i.canary_arm = ? and i.occurred_at >= ?
                """)
            .params(seconds(this.attributionSkew), seconds(this.attributionWindow), canaryId, arm.value(),
                    since.atOffset(ZoneOffset.UTC))
            .query((rs, n) -> new ArmCounts(rs.getLong("impressions"), rs.getLong("clicked")))
            .single();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

}

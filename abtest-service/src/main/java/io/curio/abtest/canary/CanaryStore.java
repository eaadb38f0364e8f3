package io.curio.abtest.canary;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.curio.assignment.ModelCanary;

import static io.curio.abtest.jdbc.SqlTimes.instant;
import static io.curio.abtest.jdbc.SqlTimes.timestamp;

/**
 * Canaries and their decisions in PostgreSQL, schema {@code abtest}.
 */
@Repository
public class CanaryStore {

    private static final String SELECT_CANARY = """
            select id, algorithm, candidate_version, baseline_version, steps,
                   extract(epoch from step_duration) as step_seconds, min_impressions, status, percent,
                   step_started_at, created_at, finished_at
            from abtest.canary
            """;

    private final JdbcClient jdbc;

    CanaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The canaries inference-service applies: those in progress that give the candidate to anyone. */
    public List<ModelCanary> findServing() {
        return this.jdbc.sql(SELECT_CANARY + " where status in ('running', 'promoting') and percent > 0 order by id")
            .query(this::row)
            .list()
            .stream()
            .map(Canary::serving)
            .toList();
    }

    List<Canary> findInProgress() {
        return this.jdbc.sql(SELECT_CANARY + " where status in ('running', 'promoting') order by id")
            .query(this::row)
            .list();
    }

    List<Canary> findAll() {
        return this.jdbc.sql(SELECT_CANARY + " order by created_at desc, id").query(this::row).list();
    }

    Optional<Canary> find(String id) {
        return this.jdbc.sql(SELECT_CANARY + " where id = ?").param(id).query(this::row).optional();
    }

    /** Reads a canary and locks it until the transaction ends. */
    Optional<Canary> lock(String id) {
        return this.jdbc.sql(SELECT_CANARY + " where id = ? for update").param(id).query(this::row).optional();
    }

    boolean exists(String id) {
        return this.jdbc.sql("select count(*) from abtest.canary where id = ?").param(id).query(Integer.class)
            .single() > 0;
    }

    Optional<String> inProgressOf(String algorithm) {
        return this.jdbc.sql("select id from abtest.canary where algorithm = ? and status in ('running', 'promoting')")
            .param(algorithm)
            .query(String.class)
            .optional();
    }

    void insert(Canary canary) {
        this.jdbc.sql("""
                insert into abtest.canary (id, algorithm, candidate_version, baseline_version, steps, step_duration,
                    min_impressions, status, percent, step_started_at, created_at)
                values (?, ?, ?, ?, ?, make_interval(secs => ?), ?, ?, ?, ?, ?)
                """)
            .params(canary.id(), canary.algorithm(), canary.candidateVersion(), canary.baselineVersion(),
                    canary.steps().toArray(Integer[]::new), (double) canary.stepDuration().toMillis() / 1000,
                    canary.minImpressions(), canary.status().wireName(), canary.percent(),
                    timestamp(canary.stepStartedAt()), timestamp(canary.createdAt()))
            .update();
    }

    /** Moves a canary to a share and status; a new share starts a new step, a final status finishes it. */
    void update(String id, CanaryStatus status, int percent, Instant at) {
        this.jdbc.sql("""
                update abtest.canary
                set step_started_at = case when percent <> ? then ? else step_started_at end,
                    status = ?, percent = ?,
                    finished_at = case when ? then ? else finished_at end
                where id = ?
                """)
            .params(percent, timestamp(at), status.wireName(), percent, !status.inProgress(), timestamp(at), id)
            .update();
    }

    void record(String id, CanaryDecision decision) {
        this.jdbc.sql("""
                insert into abtest.canary_decision (canary_id, actor, action, occurred_at, percent_from, percent_to,
                    candidate_impressions, candidate_ctr, baseline_impressions, baseline_ctr, p_value, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            .params(id, decision.actor(), decision.action(), timestamp(decision.occurredAt()), decision.percentFrom(),
                    decision.percentTo(), decision.candidateImpressions(), decision.candidateCtr(),
                    decision.baselineImpressions(), decision.baselineCtr(), decision.pValue(), decision.reason())
            .update();
    }

    /** The reason of the latest decision about a canary. */
    Optional<String> lastReason(String id) {
        return this.jdbc.sql("select reason from abtest.canary_decision where canary_id = ? order by id desc limit 1")
            .param(id)
            .query(String.class)
            .optional();
    }

    /** The decisions about a canary, newest first. */
    List<CanaryDecision> decisions(String id) {
        return this.jdbc.sql("""
                select action, actor, occurred_at, percent_from, percent_to, candidate_impressions, candidate_ctr,
                       baseline_impressions, baseline_ctr, p_value, reason
                from abtest.canary_decision where canary_id = ? order by id desc
                """)
            .param(id)
            .query(CanaryStore::decision)
            .list();
    }

    private static CanaryDecision decision(ResultSet rs, int rowNum) throws SQLException {
        return new CanaryDecision(rs.getString("action"), rs.getString("actor"), instant(rs, "occurred_at"),
                rs.getInt("percent_from"), rs.getInt("percent_to"), rs.getObject("candidate_impressions", Long.class),
                rs.getObject("candidate_ctr", Double.class), rs.getObject("baseline_impressions", Long.class),
                rs.getObject("baseline_ctr", Double.class), rs.getObject("p_value", Double.class),
                rs.getString("reason"));
    }

    private Canary row(ResultSet rs, int rowNum) throws SQLException {
        Duration step = Duration.ofMillis(Math.round(rs.getDouble("step_seconds") * 1000));
        return new Canary(rs.getString("id"), rs.getString("algorithm"), rs.getString("candidate_version"),
                rs.getString("baseline_version"), integers(rs.getArray("steps")), step, rs.getInt("min_impressions"),
                CanaryStatus.fromWireName(rs.getString("status")), rs.getInt("percent"),
                instant(rs, "step_started_at"), instant(rs, "created_at"), instant(rs, "finished_at"));
    }

    private static List<Integer> integers(Array array) throws SQLException {
        return Arrays.asList((Integer[]) array.getArray());
    }


}

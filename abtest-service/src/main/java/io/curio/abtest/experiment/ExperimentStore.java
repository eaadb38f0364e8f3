package io.curio.abtest.experiment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.curio.assignment.BucketRange;
import io.curio.assignment.SurfaceWinner;
import io.curio.assignment.Targeting;

import static io.curio.abtest.jdbc.SqlTimes.instant;
import static io.curio.abtest.jdbc.SqlTimes.timestamp;

/**
 * Experiments and their variants in PostgreSQL, schema {@code abtest}.
 */
@Repository
public class ExperimentStore {

    private static final String SELECT_EXPERIMENT = """
            select key, surface, status, traffic_percent, target_plans, target_platforms,
                   created_at, started_at, stopped_at, winner
            from abtest.experiment
            """;

    private static final TypeReference<List<int[]>> RANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final JsonMapper mapper;

    public ExperimentStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Inserts a new experiment; {@code false} when the key is already taken. */
    boolean insert(Experiment experiment) {
        int inserted = this.jdbc.sql("""
                insert into abtest.experiment (key, surface, status, traffic_percent, target_plans,
                    target_platforms, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (key) do nothing
                """)
            .params(experiment.key(), experiment.surface(), experiment.status().wireName(),
                    experiment.trafficPercent(), experiment.targeting().plans().toArray(String[]::new),
                    experiment.targeting().platforms().toArray(String[]::new), timestamp(experiment.createdAt()))
            .update();
        if (inserted == 0) {
            return false;
        }
        insertVariants(experiment);
        return true;
    }

    public Optional<Experiment> find(String key) {
        return this.jdbc.sql(SELECT_EXPERIMENT + " where key = ?").param(key).query(this::row).optional()
            .map(this::withVariants);
    }

    /** Reads an experiment and locks it until the transaction ends. */
    Optional<Experiment> lock(String key) {
        return this.jdbc.sql(SELECT_EXPERIMENT + " where key = ? for update").param(key).query(this::row).optional()
            .map(this::withVariants);
    }

    Optional<String> runningOn(String surface) {
        return this.jdbc.sql("select key from abtest.experiment where surface = ? and status = 'running'")
            .param(surface)
            .query(String.class)
            .optional();
    }

    public List<Experiment> findRunning() {
        List<Experiment> running = this.jdbc.sql(SELECT_EXPERIMENT + " where status = 'running' order by key")
            .query(this::row)
            .list();
        return running.stream().map(this::withVariants).toList();
    }

    void markRunning(String key, Instant startedAt) {
        try {
            this.jdbc.sql("update abtest.experiment set status = 'running', started_at = ? where key = ?")
                .params(timestamp(startedAt), key)
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ExperimentConflictException(null, "another experiment was started on the same surface");
        }
    }

    void markStopped(String key, Instant stoppedAt, String winner) {
        this.jdbc.sql("update abtest.experiment set status = 'stopped', stopped_at = ?, winner = ? where key = ?")
            .params(timestamp(stoppedAt), winner, key)
            .update();
    }

    /**
     * Per surface without a running experiment, the winner of the experiment stopped there last, if that one
     * was stopped with a winner.
     */
    public List<SurfaceWinner> findWinners() {
        List<Experiment> lastStopped = this.jdbc.sql(SELECT_EXPERIMENT + """
                where key in (select distinct on (surface) key from abtest.experiment
                              where status = 'stopped' order by surface, stopped_at desc, key)
                  and winner is not null
                  and surface not in (select surface from abtest.experiment where status = 'running')
                order by surface
                """)
            .query(this::row)
            .list();
        return lastStopped.stream().map(this::withVariants).flatMap((stopped) -> stopped.surfaceWinner().stream())
            .toList();
    }

    void updateTrafficAndWeights(Experiment experiment) {
        this.jdbc.sql("update abtest.experiment set traffic_percent = ? where key = ?")
            .params(experiment.trafficPercent(), experiment.key())
            .update();
        for (Variant variant : experiment.variants()) {
            this.jdbc.sql("""
                    update abtest.experiment_variant set weight = ?, buckets = cast(? as jsonb)
                    where experiment_key = ? and name = ?
                    """)
                .params(variant.weight(), buckets(variant), experiment.key(), variant.name())
                .update();
        }
    }

    private void insertVariants(Experiment experiment) {
        List<Variant> variants = experiment.variants();
        for (int position = 0; position < variants.size(); position++) {
            Variant variant = variants.get(position);
            this.jdbc.sql("""
                    insert into abtest.experiment_variant (experiment_key, position, name, weight, model, buckets)
                    values (?, ?, ?, ?, ?, cast(? as jsonb))
                    """)
                .params(experiment.key(), position, variant.name(), variant.weight(), variant.model(),
                        buckets(variant))
                .update();
        }
    }

    private Experiment withVariants(Experiment experiment) {
        List<Variant> variants = this.jdbc
            .sql("""
                    select name, weight, model, buckets from abtest.experiment_variant
                    where experiment_key = ? order by position
                    """)
            .param(experiment.key())
            .query((rs, n) -> new Variant(rs.getString("name"), rs.getInt("weight"), rs.getString("model"),
                    ranges(rs.getString("buckets"))))
            .list();
        return new Experiment(experiment.key(), experiment.surface(), experiment.status(),
                experiment.trafficPercent(), experiment.targeting(), variants, experiment.createdAt(),
                experiment.startedAt(), experiment.stoppedAt(), experiment.winner());
    }

    /** The variant's buckets as a JSON list of {@code [from, to]} pairs. */
    private String buckets(Variant variant) {
        return this.mapper.writeValueAsString(
                variant.buckets().stream().map((range) -> new int[] { range.from(), range.to() }).toList());
    }

    private List<BucketRange> ranges(String json) {
        return this.mapper.readValue(json, RANGES).stream().map((pair) -> new BucketRange(pair[0], pair[1])).toList();
    }

    private Experiment row(ResultSet rs, int rowNum) throws SQLException {
        Targeting targeting = new Targeting(strings(rs.getArray("target_plans")),
                strings(rs.getArray("target_platforms")));
        return new Experiment(rs.getString("key"), rs.getString("surface"),
                ExperimentStatus.fromWireName(rs.getString("status")), rs.getInt("traffic_percent"), targeting,
                List.of(), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "stopped_at"),
                rs.getString("winner"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }


}

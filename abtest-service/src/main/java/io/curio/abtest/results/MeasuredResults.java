package io.curio.abtest.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.curio.abtest.AbtestProperties;
import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.exposure.AttributionWindow;
import io.curio.abtest.results.ExperimentResults.ServedBy;
import io.curio.abtest.results.ExperimentResults.Timeline;

/**
 * Results of an experiment from the impressions and outcomes recorded so far. An outcome counts for its
 * impression only inside the {@link AttributionWindow}: stamped at least {@code skew} before the impression and at
 * most {@code window} after it; and only when it comes from the user the list was shown to and, but for an
 * upgrade, names a book the list showed.
 */
@Component
class MeasuredResults {

    private static final String ATTRIBUTED = """
            x.request_id = i.request_id and x.user_id = i.user_id
            and x.occurred_at >= i.occurred_at - :skewMillis * interval '1 millisecond'
            and x.occurred_at <= i.occurred_at + :windowMillis * interval '1 millisecond'
            """;

    /** A click on a book of the list. */
    private static final String CLICK_ATTRIBUTED = ATTRIBUTED + " and x.book_id = any(i.book_ids)";

    /** An open or finish of a book of the list, or an upgrade (which names no book). */
    private static final String OUTCOME_ATTRIBUTED = ATTRIBUTED
            + " and (x.type = 'upgrade' or x.book_id = any(i.book_ids))";

    private final JdbcClient jdbc;

    private final AttributionWindow window;

    private final Clock clock;

    MeasuredResults(JdbcClient jdbc, AbtestProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.window = AttributionWindow.of(properties);
        this.clock = clock;
    }

    ExperimentResults of(Experiment experiment) {
        return ResultsCalculation.of(experiment, countsPerVariant(experiment.key()), servedBy(experiment.key()),
                timeline(experiment));
    }

    /** Per variant, the models its impressions say served them, most impressions first. */
    private Map<String, List<ServedBy>> servedBy(String key) {
        record Row(String variant, ServedBy served) {
        }
        return this.jdbc.sql("""
                select variant, algorithm, model_version, count(*) as impressions from abtest.impression
                where experiment_key = ?
                group by variant, algorithm, model_version
                order by variant, impressions desc, algorithm, model_version
                """)
            .param(key)
            .query((rs, n) -> new Row(rs.getString(1), new ServedBy(rs.getString(2), rs.getString(3), rs.getLong(4))))
            .list()
            .stream()
            .collect(Collectors.groupingBy(Row::variant, Collectors.mapping(Row::served, Collectors.toList())));
    }

    Map<String, VariantCounts> countsPerVariant(String key) {
        record Row(String variant, VariantCounts counts) {
        }
        return this.jdbc.sql("""
                select i.variant, count(distinct i.user_id) as users, count(*) as impressions,
                       count(*) filter (where i.fallback) as fallbacks,
                       coalesce(sum(a.clicks), 0) as clicks, count(*) filter (where a.clicks > 0) as clicked,
                       coalesce(sum(a.opens), 0) as opens, coalesce(sum(a.finishes), 0) as finishes,
                       coalesce(sum(a.upgrades), 0) as upgrades
                from abtest.impression i
                cross join lateral (
                    select (select count(*) from abtest.click x where %s) as clicks,
                           count(*) filter (where x.type = 'open') as opens,
                           count(*) filter (where x.type = 'finish') as finishes,
                           count(*) filter (where x.type = 'upgrade') as upgrades
                    from abtest.outcome x where %s
                ) a
                where i.experiment_key = :key
                group by i.variant
                """.formatted(CLICK_ATTRIBUTED, OUTCOME_ATTRIBUTED))
            .params(windowParameters(key))
            .query((rs, n) -> new Row(rs.getString("variant"), new VariantCounts(rs.getLong("users"),
                    rs.getLong("impressions"), rs.getLong("fallbacks"), rs.getLong("clicks"), rs.getLong("clicked"),
                    rs.getLong("opens"), rs.getLong("finishes"), rs.getLong("upgrades"))))
            .list()
            .stream()
            .collect(Collectors.toMap(Row::variant, Row::counts));
    }

    /** {@code null} before the first impression. */
    private Timeline timeline(Experiment experiment) {
        Optional<Instant[]> served = firstAndLastImpression(experiment.key());
        if (served.isEmpty()) {
            return null;
        }
        Instant start = earliest(experiment.startedAt(), served.get()[0]);
        Instant stop = (experiment.stoppedAt() != null) ? experiment.stoppedAt() : this.clock.instant();
        Instant end = stop.isBefore(served.get()[1]) ? served.get()[1] : stop;
        Duration width = TimelineCalculation.bucketWidth(Duration.between(start, end));
        return TimelineCalculation.of(experiment.variants(), start, end, buckets(experiment.key(), start, width));
    }

    private Optional<Instant[]> firstAndLastImpression(String key) {
        return this.jdbc.sql("""
                select min(occurred_at), max(occurred_at) from abtest.impression
                where experiment_key = ? having count(*) > 0
                """)
            .param(key)
            .query((rs, n) -> new Instant[] { rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant() })
            .optional();
    }

    private List<TimelineCalculation.Bucket> buckets(String key, Instant start, Duration width) {
        Map<String, Object> parameters = windowParameters(key);
        parameters.put("start", start.atOffset(ZoneOffset.UTC));
        parameters.put("widthSeconds", width.toSeconds());
        return this.jdbc.sql("""
                select i.variant,
                       floor(extract(epoch from (i.occurred_at - cast(:start as timestamptz))) / :widthSeconds)
                           as bucket,
                       count(*) as impressions,
                       count(*) filter (where exists (select 1 from abtest.click x where %s)) as clicked
                from abtest.impression i
                where i.experiment_key = :key
                group by 1, 2
                """.formatted(CLICK_ATTRIBUTED))
            .params(parameters)
            .query((rs, n) -> new TimelineCalculation.Bucket(rs.getString(1), rs.getLong(2), rs.getLong(3),
                    rs.getLong(4)))
            .list();
    }

    private Map<String, Object> windowParameters(String key) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("key", key);
        parameters.put("skewMillis", this.window.skew().toMillis());
        parameters.put("windowMillis", this.window.window().toMillis());
        return parameters;
    }

    private static Instant earliest(Instant startedAt, Instant firstImpression) {
        return (startedAt != null && startedAt.isBefore(firstImpression)) ? startedAt : firstImpression;
    }

}

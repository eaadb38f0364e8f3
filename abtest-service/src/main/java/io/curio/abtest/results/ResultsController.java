package io.curio.abtest.results;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.ExperimentAdministration;

/**
 * Results of an experiment from the impressions and clicks recorded so far.
 */
@RestController
class ResultsController {

    private final ExperimentAdministration experiments;

    private final JdbcClient jdbc;

    ResultsController(ExperimentAdministration experiments, JdbcClient jdbc) {
        this.experiments = experiments;
        this.jdbc = jdbc;
    }

    @GetMapping("/v1/experiments/{key}/results")
    ExperimentResults results(@PathVariable String key) {
        Experiment experiment = this.experiments.find(key);
        return ResultsCalculation.of(experiment, countsPerVariant(key));
    }

    private Map<String, VariantCounts> countsPerVariant(String key) {
        record Row(String variant, VariantCounts counts) {
        }
        return this.jdbc.sql("""
                select i.variant,
                       count(distinct i.user_id) as users,
                       count(distinct i.request_id) as impressions,
                       count(c.book_id) as clicks,
                       count(distinct c.request_id) as clicked_impressions
                from abtest.impression i
                left join abtest.click c on c.request_id = i.request_id
                where i.experiment_key = ?
                group by i.variant
                """)
            .param(key)
            .query((rs, n) -> new Row(rs.getString("variant"), new VariantCounts(rs.getLong("users"),
                    rs.getLong("impressions"), rs.getLong("clicks"), rs.getLong("clicked_impressions"))))
            .stream()
            .collect(Collectors.toMap(Row::variant, Row::counts));
    }

}

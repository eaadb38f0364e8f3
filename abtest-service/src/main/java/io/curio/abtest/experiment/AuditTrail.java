package io.curio.abtest.experiment;

import java.time.Instant;
import java.time.ZoneOffset;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records who changed which experiment, when, and how, in the same transaction as the change.
 */
@Component
class AuditTrail {

    private final JdbcClient jdbc;

    private final JsonMapper mapper;

    AuditTrail(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    void record(String experimentKey, String actor, String action, Instant at, Object detail) {
        this.jdbc.sql("""
                insert into abtest.audit_entry (experiment_key, actor, action, occurred_at, detail)
                values (?, ?, ?, ?, cast(? as jsonb))
                """)
            .params(experimentKey, actor, action, at.atOffset(ZoneOffset.UTC), this.mapper.writeValueAsString(detail))
            .update();
    }

}

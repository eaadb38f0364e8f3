package io.curio.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * Checks {@code exp}, {@code nbf} and {@code iat} of a verified token while its claims are converted, before the
 * token object is built: building it already fails on an {@code iat} after {@code exp}, with a message meant for
 * developers, so the check must come first to give callers a plain reason.
 */
class TokenTimestampsCheck implements Converter<Map<String, Object>, Map<String, Object>> {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Converter<Map<String, Object>, Map<String, Object>> claims =
            MappedJwtClaimSetConverter.withDefaults(Collections.emptyMap());

    private final Clock clock;

    TokenTimestampsCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Map<String, Object> convert(Map<String, Object> source) {
        Map<String, Object> converted = claims.convert(source);
        Instant now = clock.instant();
        rejectWhen(isBefore(converted.get(JwtClaimNames.EXP), now.minus(CLOCK_SKEW)), "token has expired");
        rejectWhen(isAfter(converted.get(JwtClaimNames.NBF), now.plus(CLOCK_SKEW)), "token is not valid yet");
        rejectWhen(isAfter(converted.get(JwtClaimNames.IAT), now.plus(CLOCK_SKEW)), "token issued in the future");
        return converted;
    }

    private static void rejectWhen(boolean refused, String reason) {
        if (refused) {
            throw new InvalidTokenTimestampsException(reason);
        }
    }

    private static boolean isBefore(Object claim, Instant limit) {
        return claim instanceof Instant instant && instant.isBefore(limit);
    }

    private static boolean isAfter(Object claim, Instant limit) {
        return claim instanceof Instant instant && instant.isAfter(limit);
    }
}

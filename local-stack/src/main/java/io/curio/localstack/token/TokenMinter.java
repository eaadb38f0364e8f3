package io.curio.localstack.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints the HS256 tokens the gateway accepts in local runs, signed with the shared development secret.
 */
public final class TokenMinter {

    /** The secret the gateway and this command share when {@code CURIO_JWT_SECRET} is not set. */
    public static final String LOCAL_SECRET = "curio-local-development-secret-0123456789abcdef";

    public static final String SECRET_VARIABLE = "CURIO_JWT_SECRET";

    private static final Set<String> PLANS = Set.of("free", "premium");

    private static final int MIN_SECRET_BYTES = 32;

    private final byte[] secret;

    public TokenMinter(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(SECRET_VARIABLE + " must be at least " + MIN_SECRET_BYTES
                    + " bytes for HS256, was " + this.secret.length);
        }
    }

    /** A minter with {@code CURIO_JWT_SECRET} from the environment, or the local default. */
    public static TokenMinter fromEnvironment() {
        String configured = System.getenv(SECRET_VARIABLE);
        return new TokenMinter((configured == null || configured.isBlank()) ? LOCAL_SECRET : configured);
    }

    /**
     * Mints a signed token.
     * @param request who the token is for and what it allows
     * @param issuedAt the {@code iat} claim
     * @return the compact serialization
     */
    public String mint(TokenRequest request, Instant issuedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(request.user())
            .claim("plan", request.plan())
            .claim("scope", request.scope())
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(request.ttl())))
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new MACSigner(this.secret));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot sign a token with the configured secret", ex);
        }
        return jwt.serialize();
    }

    /**
     * What a token says.
     * @param user the {@code sub} claim
     * @param plan {@code free} or {@code premium}
     * @param scope space-separated scopes
     * @param ttl how long the token is valid
     */
    public record TokenRequest(String user, String plan, String scope, Duration ttl) {

        public TokenRequest {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("the user id must not be blank");
            }
            if (!PLANS.contains(plan)) {
                throw new IllegalArgumentException("plan must be free or premium, was '" + plan + "'");
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive, was " + ttl.toSeconds() + " s");
            }
        }

    }

}

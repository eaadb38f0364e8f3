package io.curio.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints local HS256 tokens the way an identity provider would, with the secret the local gateway uses.
 */
final class Tokens {

    private static final String LOCAL_SECRET = "curio-local-development-secret-0123456789abcdef";

    private Tokens() {
    }

    static String mint(String user, String plan, String scope) {
        String secret = System.getenv().getOrDefault("CURIO_JWT_SECRET", LOCAL_SECRET);
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user)
            .claim("plan", plan)
            .claim("scope", scope)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(3600)))
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot sign a test token", ex);
        }
        return jwt.serialize();
    }

}

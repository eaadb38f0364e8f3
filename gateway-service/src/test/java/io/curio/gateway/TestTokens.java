package io.curio.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints tokens as an identity provider would, and as an attacker might.
 */
public final class TestTokens {

    public static final String LOCAL_SECRET = "curio-local-development-secret-0123456789abcdef";

    private TestTokens() {
    }

    public static JWTClaimsSet.Builder claims(String user, String plan, String scope) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        if (plan != null) {
            claims.claim("plan", plan);
        }
        if (scope != null) {
            claims.claim("scope", scope);
        }
        return claims;
    }

    public static String hs256(JWTClaimsSet.Builder claims) {
        return hs256(claims, LOCAL_SECRET);
    }

    public static String hs256(JWTClaimsSet.Builder claims, String secret) {
        try {
            return sign(claims, JWSAlgorithm.HS256, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot build an HS256 signer", ex);
        }
    }

    public static String sign(JWTClaimsSet.Builder claims, JWSAlgorithm algorithm, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.build());
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot sign a test token", ex);
        }
        return jwt.serialize();
    }

    public static String unsigned(JWTClaimsSet.Builder claims) {
        return new PlainJWT(claims.build()).serialize();
    }

    public static String expired(String user, String scope) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return hs256(claims(user, "free", scope)
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))));
    }
}

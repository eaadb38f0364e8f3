package io.curio.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signing keys an identity provider would hold, and tokens signed with them under any header an attacker likes.
 */
final class ProviderKeys {

    private ProviderKeys() {
    }

    static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot generate an RSA key", ex);
        }
    }

    static ECKey ec(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot generate an EC key", ex);
        }
    }

    /** RS256 with the key's own id in the header, as the provider signs. */
    static String rs256(JWTClaimsSet.Builder claims, RSAKey key) {
        return sign(claims, JWSAlgorithm.RS256, key.getKeyID(), signer(key));
    }

    /** ES256 with the key's own id in the header, as the provider signs. */
    static String es256(JWTClaimsSet.Builder claims, ECKey key) {
        return sign(claims, JWSAlgorithm.ES256, key.getKeyID(), signer(key));
    }

    static String sign(JWTClaimsSet.Builder claims, JWSAlgorithm algorithm, String keyId, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims.build());
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot sign a test token", ex);
        }
        return jwt.serialize();
    }

    static JWSSigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot build an RS256 signer", ex);
        }
    }

    static JWSSigner signer(ECKey key) {
        try {
            return new ECDSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot build an ES256 signer", ex);
        }
    }
}

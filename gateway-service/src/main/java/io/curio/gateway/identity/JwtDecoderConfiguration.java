package io.curio.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the token decoder: RS256 or ES256 against the identity provider's JWKS in production, HS256 with the
 * shared secret locally. Each accepts only its asymmetric algorithms or its one MAC, and a key is used only for an
 * algorithm of its own type (RSA for RS256, EC P-256 for ES256), so neither {@code alg: none} nor a key confusion
 * passes.
 * Timestamps are checked by {@link TokenTimestampsCheck}, the caller's claims by {@link CallerClaimsValidator}.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    static final Set<SignatureAlgorithm> JWK_SET_ALGORITHMS =
            Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256);

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder =
                properties.usesJwkSet() ? jwkSetDecoder(properties) : secretDecoder(properties);
        decoder.setClaimSetConverter(new TokenTimestampsCheck(Clock.systemUTC()));
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    private static NimbusReactiveJwtDecoder jwkSetDecoder(JwtProperties properties) {
        WebClient throttled = WebClient.builder()
                .filter(new JwkSetFetchThrottle(Clock.systemUTC(), properties.jwkSetRefetchInterval()))
                .build();
        return NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .webClient(throttled)
                .jwsAlgorithms(algorithms -> algorithms.addAll(JWK_SET_ALGORITHMS))
                .build();
    }

    private static NimbusReactiveJwtDecoder secretDecoder(JwtProperties properties) {
        SecretKeySpec key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new CallerClaimsValidator());
        if (StringUtils.hasText(properties.issuer())) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        if (StringUtils.hasText(properties.audience())) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(properties.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}

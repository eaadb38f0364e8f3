package io.curio.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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

/**
 * Builds the token decoder: RS256 against the identity provider's JWKS in production, HS256 with the shared
 * secret locally. Each accepts its one algorithm only, so neither {@code alg: none} nor a key confusion passes.
 * Timestamps are checked by {@link TokenTimestampsCheck}, the caller's claims by {@link CallerClaimsValidator}.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder =
                properties.usesJwkSet() ? jwkSetDecoder(properties) : secretDecoder(properties);
        decoder.setClaimSetConverter(new TokenTimestampsCheck(Clock.systemUTC()));
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    private static NimbusReactiveJwtDecoder jwkSetDecoder(JwtProperties properties) {
        return NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
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

package io.curio.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
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
import reactor.netty.http.client.HttpClient;

/**
 * Builds the token decoder: RS256 or ES256 against the identity provider's JWKS in production, HS256 with the
 * shared secret locally. Each accepts its own algorithms only, so neither {@code alg: none} nor an HS256 token
 * signed with a public key passes, and a key serves only an algorithm of its type (RSA for RS256, EC P-256 for
 * ES256). The JWK set is fetched at most once per {@link JwtProperties#jwkSetRefetchInterval()}, and within
 * {@link #JWK_SET_FETCH_TIMEOUT}, so that a slow provider fails requests with 503 instead of holding them.
 * Timestamps are checked by {@link TokenTimestampsCheck}, the caller's claims by {@link CallerClaimsValidator}.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    static final Duration JWK_SET_FETCH_TIMEOUT = Duration.ofSeconds(5);

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
                .webClient(jwkSetClient(properties.jwkSetRefetchInterval()))
                .jwsAlgorithms(algorithms -> properties.acceptedAlgorithms().stream()
                        .map(SignatureAlgorithm::from)
                        .forEach(algorithms::add))
                .build();
    }

    private static WebClient jwkSetClient(Duration refetchInterval) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWK_SET_FETCH_TIMEOUT.toMillis())
                .responseTimeout(JWK_SET_FETCH_TIMEOUT);
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .filter(new JwkSetFetchLimit(Clock.systemUTC(), refetchInterval))
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

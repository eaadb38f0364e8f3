package io.curio.gateway.identity;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rejects tokens whose claims do not describe a caller (no {@code sub}, unknown {@code plan}, no {@code exp}),
 * so that they answer 401 like any other invalid token.
 */
class CallerClaimsValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getExpiresAt() == null) {
            return invalid("exp is required");
        }
        try {
            CallerClaims.parse(token.getClaims());
            return OAuth2TokenValidatorResult.success();
        }
        catch (InvalidCallerClaimsException ex) {
            return invalid(ex.getMessage());
        }
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}

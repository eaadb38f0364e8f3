package io.curio.abtest.web;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a public call through only when the gateway vouched for a user holding {@code experiments:admin}.
 */
class AdminScopeInterceptor implements HandlerInterceptor {

    static final String SCOPE = "experiments:admin";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String userId = request.getHeader("X-User-Id");
        if (userId == null || userId.isBlank()) {
            throw new AccessDeniedException("the request carries no X-User-Id");
        }
        if (!hasScope(request.getHeader("X-User-Scopes"))) {
            throw new AccessDeniedException("scope " + SCOPE + " is required");
        }
        return true;
    }

    private static boolean hasScope(String scopes) {
        return scopes != null && Arrays.asList(scopes.trim().split("\\s+")).contains(SCOPE);
    }

}

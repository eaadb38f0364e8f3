package io.curio.inference.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request id of a public call: the gateway's {@code X-Request-Id} when it is usable, a new UUID
 * otherwise. {@link RequestIdFilter} decides it once per request and echoes it as a response header.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    static final String ATTRIBUTE = RequestIds.class.getName();

    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return (id != null) ? id.toString() : decide(request.getHeader(HEADER));
    }

    static String decide(String sent) {
        return (sent != null && USABLE.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
    }

}

package io.curio.abtest.assignment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.curio.assignment.ServingRules;

/**
 * The serving rules of one reload, with the JSON body and the strong entity tag served for it.
 *
 * @param rules the rules
 * @param json their JSON document, as served
 * @param etag a strong entity tag: the quoted SHA-256 of the JSON, so equal rules give equal tags on every
 * instance
 */
record PublishedRules(ServingRules rules, String json, String etag) {

    static PublishedRules of(ServingRules rules, String json) {
        return new PublishedRules(rules, json, "\"" + sha256(json) + "\"");
    }

    private static String sha256(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java platform provides SHA-256", ex);
        }
    }

}

package io.curio.events;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Words the parser's refusals as stable reasons. The limits Curio sets (duplicate keys, nesting, number
 * and key length, surrogates in keys) get reasons of their own that do not depend on the parser's
 * wording; any other syntax error is {@code invalid JSON at byte n: …} with the parser's first line.
 */
final class UnreadableJson {

    private static final String DUPLICATE = "Duplicate Object property \"";

    private UnreadableJson() {
    }

    static String reason(JacksonException ex) {
        String message = (ex.getOriginalMessage() != null) ? ex.getOriginalMessage() : "unreadable";
        if (message.startsWith(DUPLICATE)) {
            return "duplicate key: " + duplicateKey(message);
        }
        if (message.startsWith("Document nesting depth")) {
            return "nesting deeper than " + EventCodec.MAX_NESTING_DEPTH + " levels";
        }
        if (message.startsWith("Number value length") || message.startsWith("Number length")) {
            return "number longer than " + EventCodec.MAX_NUMBER_LENGTH + " characters";
        }
        if (message.startsWith("Name length")) {
            return "key longer than " + EventCodec.MAX_KEY_LENGTH + " characters";
        }
        if (message.contains("surrogate") && message.contains("property name")) {
            return "a key contains an unpaired surrogate";
        }
        return "invalid JSON at byte " + offset(ex) + ": " + EventCodec.quote(withoutParserHint(firstLine(message)));
    }

    private static String duplicateKey(String message) {
        int end = message.lastIndexOf('"');
        return EventCodec.quote(message.substring(DUPLICATE.length(), Math.max(end, DUPLICATE.length())));
    }

    private static long offset(JacksonException ex) {
        TokenStreamLocation location = ex.getLocation();
        return (location != null) ? Math.max(location.getByteOffset(), 0) : 0;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0) ? message : message.substring(0, newline);
    }

    /**
     * The parser suggests its own settings after a colon (": enable `JsonReadFeature...`"); a client can do
     * nothing with that, and it names the library.
     */
    static String withoutParserHint(String message) {
        int hint = message.indexOf(": enable ");
        return (hint >= 0) ? message.substring(0, hint) : message;
    }

}

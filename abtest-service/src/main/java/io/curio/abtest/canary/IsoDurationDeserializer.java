package io.curio.abtest.canary;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a duration only from an ISO-8601 string ({@code "PT2M"}): a number is refused like any other value of
 * the wrong JSON type, instead of being taken as seconds.
 */
class IsoDurationDeserializer extends ValueDeserializer<Duration> {

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return context.reportInputMismatch(this, "an ISO-8601 duration string is expected");
        }
        String text = parser.getString();
        try {
            return Duration.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw context.weirdStringException(text, Duration.class, "not an ISO-8601 duration");
        }
    }

}

package io.curio.inference.recommendation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * The language a code names, whatever its spelling: {@code eng}, {@code en}, {@code en-US},
 * {@code en-GB} and {@code en-CA} are all English. Catalogues use ISO 639-1 codes with or without a
 * region, ISO 639-2 terminology codes ({@code deu}) and bibliographic ones ({@code ger}); each is reduced
 * to its two-letter code when one exists. Codes that name no single language ({@code mul}, {@code und},
 * {@code zxx}) name no family.
 */
final class LanguageFamily {

    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private LanguageFamily() {
    }

    /** The family of a code, or empty when the code is missing or names no single language. */
    static Optional<String> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String primary = code.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        if (primary.isEmpty() || primary.equals("mul") || primary.equals("und") || primary.equals("zxx")) {
            return Optional.empty();
        }
        return Optional.of(TWO_LETTER.getOrDefault(primary, primary));
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            threeLetter(twoLetter).ifPresent((code) -> codes.put(code, twoLetter));
        }
        bibliographic(codes, "alb:sq arm:hy baq:eu bur:my chi:zh cze:cs dut:nl fre:fr geo:ka ger:de gre:el ice:is "
                + "mac:mk mao:mi may:ms per:fa rum:ro slo:sk tib:bo wel:cy");
        return Map.copyOf(codes);
    }

    private static Optional<String> threeLetter(String twoLetter) {
        try {
            return Optional.of(new Locale(twoLetter).getISO3Language()).filter((code) -> !code.isEmpty());
        }
        catch (MissingResourceException ex) {
            return Optional.empty();
        }
    }

    /** ISO 639-2/B codes, which differ from the terminology codes the JDK knows, as "code:two-letter" pairs. */
    private static void bibliographic(Map<String, String> codes, String pairs) {
        for (String pair : pairs.split(" ")) {
            codes.put(pair.substring(0, 3), pair.substring(4));
        }
    }

}

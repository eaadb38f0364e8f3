package io.curio.inference.recommendation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageFamilyTests {

    @ParameterizedTest
    @CsvSource({ "eng, en", "en, en", "en-US, en", "en-GB, en", "en-CA, en", "en_gb, en", "EN-us, en", "spa, es",
            "es-MX, es", "ger, de", "deu, de", "fre, fr", "fra, fr", "per, fa", "ara, ar", "jpn, ja", "nl, nl",
            "xyz, xyz" })
    void reducesEverySpellingOfALanguageToOneFamily(String code, String family) {
        assertThat(LanguageFamily.of(code)).contains(family);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", " ", "mul", "und", "zxx" })
    void findsNoFamilyForCodesThatNameNoSingleLanguage(String code) {
        assertThat(LanguageFamily.of(code)).isEmpty();
    }

}

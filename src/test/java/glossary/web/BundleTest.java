package glossary.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The build's check that every language's bundle says everything the English one says. */
class BundleTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private static Properties bundle(Language language) throws IOException {
        var properties = new Properties();
        try (var in = BundleTest.class.getResourceAsStream("/i18n/messages_" + language.tag() + ".properties")) {
            assertThat(in).as("bundle for " + language.tag()).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void every_language_has_exactly_the_english_keys(Language language) throws IOException {
        var english = new TreeSet<>(bundle(Language.EN).stringPropertyNames());
        var own = new TreeSet<>(bundle(language).stringPropertyNames());
        var missing = new TreeSet<>(english);
        missing.removeAll(own);
        var extra = new TreeSet<>(own);
        extra.removeAll(english);
        assertThat(missing).as("keys missing from " + language.tag()).isEmpty();
        assertThat(extra).as("keys only in " + language.tag()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void every_message_is_a_valid_pattern_with_the_english_arguments(Language language) throws IOException {
        var english = bundle(Language.EN);
        var own = bundle(language);
        for (var key : own.stringPropertyNames()) {
            var pattern = own.getProperty(key);
            var format = new MessageFormat(pattern, ULocale.forLocale(language.locale()));
            assertThat(arguments(pattern))
                    .as(language.tag() + " " + key)
                    .isEqualTo(arguments(english.getProperty(key)));
            // Formatting with a number for every argument throws if a plural or number block is malformed.
            assertThat(format.format(new Object[] {3, 4, 5, 6})).isNotNull();
            // Only the words after the consent link may be empty: in Thai the sentence ends with the link.
            if (!key.equals("form.consentAfter")) {
                assertThat(pattern).as(language.tag() + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void a_thai_page_says_its_numbers_and_dates_the_thai_way() {
        var thai = Text.of(Language.TH);
        assertThat(thai.get("count.terms", 1234)).contains("1,234").doesNotContain("term");
        assertThat(thai.date(java.time.LocalDate.of(2026, 12, 1))).isEqualTo("1 ธันวาคม 2569");
        assertThat(Text.of(Language.EN).get("count.terms", 1)).isEqualTo("1 term");
        assertThat(Text.of(Language.EN).get("count.terms", 2)).isEqualTo("2 terms");
        assertThat(Text.of(Language.ID).date(java.time.LocalDate.of(2026, 12, 1)))
                .isEqualTo("1 Desember 2026");
    }

    private static TreeSet<String> arguments(String pattern) {
        var found = new TreeSet<String>();
        var matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}

package org.sluice.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The submitter portal's static files as the strict Content-Security-Policy needs them (no inline script, handler or
 * style), with every stable element id that portal.js documents present in the page, and every control labelled.
 */
class PortalPageTest {

    private static final Pattern ENTRY = Pattern.compile("^//   [^:]+: (.*)$");
    private static final Pattern CONTINUATION = Pattern.compile("^//     (.*)$");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    private static String resource(String name) {
        try (InputStream in = PortalPageTest.class.getResourceAsStream("/META-INF/resources/portal/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids listed at the top of portal.js, placeholders left out. */
    private static Set<String> documentedIds() {
        List<String> entries = new ArrayList<>();
        for (String line : resource("portal.js").lines().toList()) {
            if (!line.startsWith("//")) {
                break;
            }
            Matcher entry = ENTRY.matcher(line);
            Matcher continuation = CONTINUATION.matcher(line);
            if (entry.matches()) {
                entries.add(entry.group(1));
            } else if (continuation.matches() && !entries.isEmpty()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + continuation.group(1));
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String entry : entries) {
            String plain = entry.replaceAll("\\[[^\\]]*\\]", "");
            while (PARENTHESES.matcher(plain).find()) {
                plain = PARENTHESES.matcher(plain).replaceAll("");
            }
            for (String id : plain.split(",")) {
                String trimmed = id.strip();
                if (!trimmed.isEmpty() && !trimmed.contains("<")) {
                    ids.add(trimmed);
                }
            }
        }
        return ids;
    }

    @Test
    void everyDocumentedIdIsInThePage() {
        Set<String> inPage = new LinkedHashSet<>();
        Matcher m = ID.matcher(resource("index.html"));
        while (m.find()) {
            inPage.add(m.group(1));
        }
        Set<String> documented = documentedIds();

        assertThat(documented)
                .contains("licence-form", "lic-submit", "lic-status", "licence-list", "lic-use", "lic-withdraw-reason");
        assertThat(inPage).containsAll(documented);
    }

    @Test
    void thePageHasNoInlineScriptHandlerOrStyle() {
        String page = resource("index.html");

        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>")
                        .matcher(page)
                        .find())
                .as("inline script")
                .isFalse();
        assertThat(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE)
                        .matcher(page)
                        .find())
                .as("inline handler")
                .isFalse();
        assertThat(page).doesNotContain(" style=").doesNotContain("<style");
        assertThat(resource("portal.js")).doesNotContain("innerHTML").doesNotContain("eval(");
    }

    @Test
    void everyControlOfTheLicenceSectionHasALabel() {
        String page = resource("index.html");
        String licences = page.substring(page.indexOf("id=\"licences\""));
        Matcher control = Pattern.compile("<(input|select|textarea)\\b[^>]*\\bid=\"([^\"]+)\"")
                .matcher(licences);
        int controls = 0;
        while (control.find()) {
            controls++;
            assertThat(licences).as("label of " + control.group(2)).contains("for=\"" + control.group(2) + "\"");
        }
        assertThat(controls).isGreaterThan(15);
    }
}

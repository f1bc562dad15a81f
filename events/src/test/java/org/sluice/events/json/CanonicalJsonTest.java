package org.sluice.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static JsonNode parse(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAtEveryLevel() throws Exception {
        // RFC 8785 section 3.2.3 sorting example: keys compare as UTF-16 code units, so the
        // surrogate pair of U+1F600 sorts before U+FB33 although its code point is larger
        JsonNode node = parse("{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter"
                + " Dalet With Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":"
                + "\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}");
        String canonical = CanonicalJson.toString(node);
        assertThat(canonical)
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small"
                        + " Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning"
                        + " Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void escapesOnlyWhatEcmaScriptEscapes() throws Exception {
        JsonNode node = parse("{\"s\":\"a\\\"b\\\\c\\/d\\u0001\\n\\u00e9\\u2028\"}");
        assertThat(CanonicalJson.toString(node)).isEqualTo("{\"s\":\"a\\\"b\\\\c/d\\u0001\\n\u00e9\u2028\"}");
    }

    @Test
    void dropsInsignificantWhitespaceAndKeepsArrayOrder() throws Exception {
        JsonNode node = parse("{ \"b\" : [3, 1, {\"z\": null, \"a\": true}], \"a\": -0 }");
        assertThat(CanonicalJson.toString(node)).isEqualTo("{\"a\":0,\"b\":[3,1,{\"a\":true,\"z\":null}]}");
    }

    @Test
    void refusesNumbersItCannotRepresentExactly() throws Exception {
        assertThatThrownBy(() -> CanonicalJson.toString(parse("{\"x\":1.5}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integers only");
        assertThatThrownBy(() -> CanonicalJson.toString(parse("{\"x\":9007199254740993}")))
                .hasMessageContaining("interoperable range");
        assertThat(CanonicalJson.toString(parse("{\"x\":9007199254740991}"))).isEqualTo("{\"x\":9007199254740991}");
    }
}

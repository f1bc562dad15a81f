package org.sluice.platform.input;

import java.util.Optional;
import org.sluice.events.schema.Violation;

/**
 * The rules every text value a client sends must keep, whatever service reads it: no control characters
 * (a body's text may hold tab, line feed and carriage return; a path or query parameter none), no unpaired
 * UTF-16 surrogates, at most a limit of characters (code points). Pure: no framework types.
 */
public final class Text {

    /** Rule name of a control character (Unicode category Cc) where none is allowed. */
    public static final String CONTROL_CHARACTER = "control-character";
    /** Rule name of a lone high or low surrogate (not a character of any encoding). */
    public static final String UNPAIRED_SURROGATE = "unpaired-surrogate";
    /** Rule name of a value longer than its limit (the JSON Schema keyword, as the contracts' own checks name it). */
    public static final String MAX_LENGTH = "maxLength";
    /** Rule name of a required value that is blank in the sense of {@link #isBlank}. */
    public static final String NOT_BLANK = "notBlank";

    private Text() {}

    /** Where a value comes from: body text may span lines, parameters may not. */
    public enum Kind {
        BODY,
        PARAMETER
    }

    /**
     * The first rule {@code value} breaks, as a violation naming {@code field}; empty when it keeps them.
     *
     * @param maxLength most code points allowed
     */
    public static Optional<Violation> check(String field, String value, int maxLength, Kind kind) {
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Optional.of(new Violation(
                            field, UNPAIRED_SURROGATE, "unpaired surrogate U+" + hex(c) + " at index " + i));
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return Optional.of(
                        new Violation(field, UNPAIRED_SURROGATE, "unpaired surrogate U+" + hex(c) + " at index " + i));
            } else if (Character.getType(c) == Character.CONTROL && !(kind == Kind.BODY && isLineBreakOrTab(c))) {
                return Optional.of(
                        new Violation(field, CONTROL_CHARACTER, "control character U+" + hex(c) + " at index " + i));
            }
            length++;
        }
        if (length > maxLength) {
            return Optional.of(new Violation(
                    field, MAX_LENGTH, "at most " + maxLength + " characters are allowed, found " + length));
        }
        return Optional.empty();
    }

    /**
     * True when nothing is left of {@code value} after removing Unicode white space and format characters
     * (category Cf: zero-width space, joiners, byte-order mark, bidi controls): such text says nothing.
     */
    public static boolean isBlank(String value) {
        if (value == null) {
            return true;
        }
        return value.codePoints()
                .allMatch(cp -> Character.isWhitespace(cp)
                        || Character.isSpaceChar(cp)
                        || Character.getType(cp) == Character.FORMAT);
    }

    private static boolean isLineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    private static String hex(char c) {
        return String.format(java.util.Locale.ROOT, "%04X", (int) c);
    }
}

package org.sluice.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sluice.events.schema.Violation;

/**
 * Words for JSON that cannot be read, in the client's terms: where the text broke, which field has
 * which wrong type. Never the parser's own message, which names Java and Jackson classes.
 */
public final class JsonProblems {

    private JsonProblems() {}

    /** 413 {@code body-too-large}: a JSON body over {@code maxBytes}, refused before it is parsed. */
    public static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(
                413,
                "body-too-large",
                "Body too large",
                "the JSON body is larger than the limit of " + maxBytes + " bytes",
                List.of());
    }

    /** 400 {@code malformed-json}: the body is not JSON; the detail gives line and column when known. */
    public static ProblemException malformed(JsonProcessingException e) {
        String where = e == null || e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        String duplicate = e == null ? null : duplicateMember(e);
        String detail = duplicate == null
                ? "the body is not valid JSON" + where
                : "the member \"" + duplicate + "\" appears twice" + where + "; each member may appear once";
        return new ProblemException(400, "malformed-json", "Body is not valid JSON", detail, List.of());
    }

    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("^Duplicate field '([^']*)'");

    private static String duplicateMember(JsonProcessingException e) {
        var matcher = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        return matcher.find() ? matcher.group(1) : null;
    }

    /** True when the failure names a field (else the body as a whole is unreadable). */
    public static boolean namesField(JsonMappingException e) {
        return !e.getPath().isEmpty() || unknownMember(e) != null;
    }

    // Quarkus's generated record deserializers report an unknown member as a plain mapping exception
    private static final java.util.regex.Pattern UNRECOGNIZED =
            java.util.regex.Pattern.compile("^Unrecognized field \"([^\"]*)\"");

    private static String unknownMember(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknown.getPropertyName();
        }
        var matcher = UNRECOGNIZED.matcher(String.valueOf(e.getOriginalMessage()));
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The field a binding failure is about and what it should have been. */
    public static Violation violation(JsonMappingException e) {
        String field = field(e);
        String unknown = unknownMember(e);
        if (unknown != null) {
            String name = e.getPath().isEmpty() ? unknown : field;
            return new Violation(name, "additionalProperties", "unknown member " + unknown);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Violation(field, "type", expected(mismatch.getTargetType()) + " is expected");
        }
        return new Violation(field, "type", "the value cannot be read as this field");
    }

    /** The dotted path of a binding failure ({@code [i]} for list items), {@code (body)} for the root. */
    public static String field(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        return field.isEmpty() ? "(body)" : field;
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a timestamp (ISO 8601)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another type";
    }
}

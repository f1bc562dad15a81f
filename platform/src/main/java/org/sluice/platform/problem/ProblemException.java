package org.sluice.platform.problem;

import java.util.List;
import java.util.Map;
import org.sluice.events.schema.Violation;

/**
 * Ends a request with a problem+json answer. The slug names the problem type: the document's {@code type}
 * is the configured base URI plus the slug (see {@code docs/api.md} for every slug).
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final List<Violation> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail, List<Violation> errors) {
        this(status, slug, title, detail, errors, Map.of());
    }

    public ProblemException(
            int status, String slug, String title, String detail, List<Violation> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /** 400: the request breaks the contract; each violation names a field and a rule. */
    public static ProblemException validation(List<Violation> errors) {
        String fields = String.join(
                ", ", errors.stream().map(Violation::field).distinct().toList());
        return new ProblemException(
                400,
                "validation",
                "Request is invalid",
                errors.size() + " field(s) break the contract: " + fields,
                errors);
    }

    /** 400: one field breaks a rule. */
    public static ProblemException invalidField(String field, String rule, String message) {
        return validation(List.of(new Violation(field, rule, message)));
    }

    /** 404: nothing the caller may see exists at this id. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist or is not yours", List.of());
    }

    /** 403: authenticated, but not allowed. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    /** 409: the request conflicts with the resource's current state. */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail, List.of());
    }

    /** 422: well-formed, but its content cannot be accepted. */
    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(422, slug, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Violation> errors() {
        return errors;
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }
}

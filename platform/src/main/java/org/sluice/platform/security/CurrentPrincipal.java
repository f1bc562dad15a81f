package org.sluice.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sluice.events.Principal;
import org.sluice.platform.problem.ProblemException;

/** The authenticated caller of the current request, as the {@link Principal} events carry. */
@RequestScoped
public class CurrentPrincipal {

    /** Token claim binding submitters and reviewers to a home institution. */
    public static final String INSTITUTION_CLAIM = "institution";
    /** Token claim binding partner principals to a partner id. */
    public static final String PARTNER_CLAIM = "partner";

    private final JsonWebToken token;

    public CurrentPrincipal(JsonWebToken token) {
        this.token = token;
    }

    /** The caller. */
    public Principal get() {
        return new Principal(
                token.getName(), List.copyOf(token.getGroups()), claim(INSTITUTION_CLAIM), claim(PARTNER_CLAIM));
    }

    /** The caller's institution; 403 when the token binds none (a submitter token must). */
    public String requireInstitution() {
        String institution = claim(INSTITUTION_CLAIM);
        if (institution == null || institution.isBlank()) {
            throw ProblemException.forbidden("the token binds no institution (claim '" + INSTITUTION_CLAIM + "')");
        }
        return institution;
    }

    /** The caller's partner id; 403 when the token binds none. */
    public String requirePartner() {
        String partner = claim(PARTNER_CLAIM);
        if (partner == null || partner.isBlank()) {
            throw ProblemException.forbidden("the token binds no partner (claim '" + PARTNER_CLAIM + "')");
        }
        return partner;
    }

    private String claim(String name) {
        return claim(token, name);
    }

    /** A claim of {@code token} as text, null when absent. */
    public static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        // JSON string claims may arrive as JsonString, whose toString keeps the quotes
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }
}

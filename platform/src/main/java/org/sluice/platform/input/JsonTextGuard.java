package org.sluice.platform.input;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sluice.events.schema.Violation;
import org.sluice.platform.problem.JsonProblems;
import org.sluice.platform.problem.ProblemException;

/**
 * Holds every JSON body of every service to the input policy before any resource binds it: at most
 * the configured bytes (413), well-formed (400 {@code malformed-json}, without parser internals), and
 * every member name and text value keeping {@link Text}'s rules under its member's limit (400
 * {@code validation}, every violation named by its dotted path). Other media types pass untouched, so
 * payload uploads still stream.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class JsonTextGuard implements ReaderInterceptor {

    private final TextLimits limits;

    public JsonTextGuard(TextLimits limits) {
        this.limits = limits;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        int maxBytes = limits.forJsonBody();
        byte[] body = context.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw JsonProblems.tooLarge(maxBytes);
        }
        if (body.length > 0) {
            List<Violation> violations = violations(StrictJson.parse(body));
            if (!violations.isEmpty()) {
                throw ProblemException.validation(violations);
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Every member name and text value of {@code tree} that breaks the input policy. */
    public List<Violation> violations(JsonNode tree) {
        List<Violation> found = new ArrayList<>();
        walk(tree, "", null, found);
        return found;
    }

    private void walk(JsonNode node, String path, String member, List<Violation> found) {
        if (node.isTextual()) {
            Text.check(path.isEmpty() ? "(body)" : path, node.textValue(), limits.forMember(member), Text.Kind.BODY)
                    .ifPresent(found::add);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                var badName = Text.check(child, entry.getKey(), limits.forMember(null), Text.Kind.PARAMETER);
                if (badName.isPresent()) {
                    found.add(badName.get());
                    continue;
                }
                walk(entry.getValue(), child, entry.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", member, found);
            }
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && ("json".equalsIgnoreCase(type.getSubtype())
                        || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }
}

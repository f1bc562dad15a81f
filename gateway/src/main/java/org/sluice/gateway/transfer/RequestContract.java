package org.sluice.gateway.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sluice.events.schema.SchemaValidator;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.gateway.JsonBody;
import org.sluice.platform.problem.ProblemException;

/**
 * A transfer request body held to its contract: a JSON object, valid against {@code
 * TransferRequest.schema.json}, bound to {@link TransferRequest}, then the {@link RequestChecks} the
 * schema cannot express. Any body either becomes a request or a 400 naming every field at fault.
 */
public final class RequestContract {

    private static final SchemaValidator SCHEMA = SchemaValidator.forSchema("TransferRequest.schema.json");

    private RequestContract() {}

    /**
     * The request of {@code body}.
     *
     * @param registeredCountry the registered country of a partner id; empty for one the registry does not know
     * @throws ProblemException 400 naming every field that breaks the contract
     */
    public static TransferRequest validate(JsonNode body, Function<String, Optional<String>> registeredCountry) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalidField("(body)", "type", "a JSON object is expected");
        }
        List<Violation> violations = SCHEMA.validate(body);
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        TransferRequest request = JsonBody.bind(body, TransferRequest.class);
        violations = RequestChecks.check(
                request, registeredCountry.apply(request.destination().partnerId()));
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        return request;
    }
}

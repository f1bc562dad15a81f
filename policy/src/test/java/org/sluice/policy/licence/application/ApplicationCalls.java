package org.sluice.policy.licence.application;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.time.LocalDate;
import org.sluice.testsupport.Tokens;

/** The licence application API as the component tests call it: bodies, and the calls a person makes. */
final class ApplicationCalls {

    static final String PATH = "/api/v1/licence-applications";

    private ApplicationCalls() {}

    /** Pathogen data to the Broad Institute (US): HIGH risk, 50 GB in 20 transfers, between the days. */
    static String pathogenApplication(LocalDate from, LocalDate until) {
        return "{\"destinationCountry\": \"US\", \"partnerId\": \"p-broad\", \"categories\": [\"PATHOGEN_OF_CONCERN\"],"
                + " \"purpose\": {\"duo\": \"DUO:0000006\", \"disease\": \"MONDO:0005737\", \"commercial\": false,"
                + " \"description\": \"Cross-validation of filovirus diagnostic assays\"},"
                + " \"endUsers\": [{\"name\": \"Dr. Emily Carter\", \"organisation\": \"Broad Institute\", \"country\": \"US\"}],"
                + " \"quotaBytes\": 50000000000, \"quotaTransfers\": 20,"
                + " \"validFrom\": \"" + from + "\", \"validUntil\": \"" + until + "\"}";
    }

    /** Reference assemblies to Canada for 2027, no partner named and no quota: STANDARD risk. */
    static String standardApplication() {
        return "{\"destinationCountry\": \"CA\", \"categories\": [\"NON_HUMAN\"],"
                + " \"purpose\": {\"duo\": \"DUO:0000042\", \"commercial\": false, \"description\": \"Reference assemblies\"},"
                + " \"endUsers\": [{\"name\": \"Dr. Ada Moss\", \"organisation\": \"University of Toronto\", \"country\": \"CA\"}],"
                + " \"validFrom\": \"2027-01-01\", \"validUntil\": \"2027-12-31\"}";
    }

    /** Terms with one condition, "no onward transfer"; 30 verification days when verified. */
    static String terms(LocalDate from, LocalDate until, long bytes, long transfers, boolean verified) {
        return "{\"validFrom\": \"" + from + "\", \"validUntil\": \"" + until + "\", \"quotaBytes\": " + bytes
                + ", \"quotaTransfers\": " + transfers + ", \"postShipmentVerification\": " + verified
                + (verified ? ", \"verificationDays\": 30" : "") + ", \"conditions\": [\"no onward transfer\"]}";
    }

    static String approve(String terms) {
        return "{\"vote\": \"APPROVE\", \"justification\": \"End use verified with the partner.\""
                + (terms == null ? "" : ", \"terms\": " + terms) + "}";
    }

    static String deny() {
        return "{\"vote\": \"DENY\", \"justification\": \"End use not credible.\"}";
    }

    static Response apply(String institution, String body, String key) {
        var request = given().auth().oauth2(Tokens.submitter(institution)).contentType("application/json");
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(body).post(PATH);
    }

    static Response get(String token, String id) {
        return given().auth().oauth2(token).get(PATH + "/" + id);
    }

    static Response vote(String token, String id, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(PATH + "/" + id + "/votes");
    }

    static Response withdraw(String institution, String id, String body) {
        return given().auth()
                .oauth2(Tokens.submitter(institution))
                .contentType("application/json")
                .body(body)
                .post(PATH + "/" + id + "/withdrawal");
    }
}

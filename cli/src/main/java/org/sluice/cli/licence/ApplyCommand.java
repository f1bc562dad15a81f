package org.sluice.cli.licence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sluice.cli.ByteSizeConverter;
import org.sluice.cli.ExitCode;
import org.sluice.cli.Session;
import org.sluice.cli.UsageException;
import org.sluice.cli.console.JsonOutput;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.io.JsonFiles;
import org.sluice.events.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice licence apply}. */
@Command(
        name = "apply",
        description = {
            "Apply for an individual export licence: from an application file (the JSON of POST"
                    + " /api/v1/licence-applications), from options, or from a file with options overriding its"
                    + " fields. Prints the application id, the licence id transfers may cite, and when a decision is"
                    + " expected (--quiet: the application id only).",
            "The gateway (policy) checks the application and names every field at fault."
        })
public final class ApplyCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--file", paramLabel = "FILE", description = "The application (JSON).")
    private Path file;

    @Option(names = "--country", paramLabel = "CC", description = "Destination country (ISO 3166-1 alpha-2).")
    private String country;

    @Option(names = "--partner", paramLabel = "ID", description = "The partner the data goes to.")
    private String partner;

    @Option(
            names = "--category",
            paramLabel = "CATEGORY",
            split = ",",
            description = "A data category, e.g. HUMAN_INDIVIDUAL (repeatable or comma-separated).")
    private List<String> categories;

    @Option(names = "--purpose-duo", paramLabel = "DUO", description = "Purpose code, e.g. DUO:0000007.")
    private String purposeDuo;

    @Option(names = "--purpose-disease", paramLabel = "MONDO", description = "Disease, e.g. MONDO:0007254.")
    private String purposeDisease;

    @Option(names = "--commercial", negatable = true, description = "The use is commercial (default: not).")
    private Boolean commercial;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "What the data is for.")
    private String purposeDescription;

    @Option(
            names = "--end-user",
            paramLabel = "NAME;ORGANISATION;CC",
            description = "An end user: name, organisation and country, separated by ';' (repeatable; replaces the"
                    + " file's end users).")
    private List<String> endUsers;

    @Option(
            names = "--quota-bytes",
            paramLabel = "SIZE",
            converter = ByteSizeConverter.class,
            description = "Bytes applied for, e.g. 50000000000 or 50G.")
    private Long quotaBytes;

    @Option(names = "--quota-transfers", paramLabel = "N", description = "Transfers applied for.")
    private Long quotaTransfers;

    @Option(names = "--valid-from", paramLabel = "DATE", description = "First day, e.g. 2027-01-01.")
    private LocalDate validFrom;

    @Option(names = "--valid-until", paramLabel = "DATE", description = "Last day, e.g. 2027-12-31.")
    private LocalDate validUntil;

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description = "Sent as Idempotency-Key: repeating the command with the same key answers with the same"
                    + " application instead of filing a second (default: a fresh random key).")
    private String idempotencyKey;

    @Option(names = "--json", description = "Print the gateway's JSON answer.")
    private boolean json;

    public ApplyCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        ObjectNode application = file == null ? Json.mapper().createObjectNode() : read(file);
        override(application);
        if (application.isEmpty()) {
            throw new UsageException("nothing to apply for: pass --file FILE or the application's options");
        }
        JsonNode answer = new LicenceApi(session.gateway())
                .apply(application, idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
        if (json) {
            JsonOutput.print(session.out(), answer);
            return ExitCode.OK;
        }
        LicenceApplication a = GatewayClient.bind(answer, LicenceApplication.class, "licence application");
        session.result(
                a.applicationId(),
                "applied: application " + a.applicationId() + " (" + LicenceReport.status(a) + ", risk " + a.risk()
                        + "), decision expected by " + a.expectedBy() + "\ntransfers may cite licence "
                        + a.licenceId() + " now (in licenceIds); they wait for the grant");
        return ExitCode.OK;
    }

    private void override(ObjectNode application) {
        putText(application, "destinationCountry", country);
        putText(application, "partnerId", partner);
        if (categories != null) {
            ArrayNode list = application.putArray("categories");
            categories.stream().map(String::strip).filter(c -> !c.isEmpty()).forEach(list::add);
        }
        if (purposeDuo != null || purposeDisease != null || commercial != null || purposeDescription != null) {
            JsonNode existing = application.get("purpose");
            ObjectNode purpose = existing instanceof ObjectNode o ? o : application.putObject("purpose");
            putText(purpose, "duo", purposeDuo);
            putText(purpose, "disease", purposeDisease);
            if (commercial != null || !purpose.has("commercial")) {
                purpose.put("commercial", Boolean.TRUE.equals(commercial));
            }
            putText(purpose, "description", purposeDescription);
        }
        if (endUsers != null) {
            ArrayNode list = application.putArray("endUsers");
            for (String endUser : endUsers) {
                String[] parts = endUser.split(";", -1);
                if (parts.length != 3) {
                    throw new UsageException(
                            "--end-user '" + endUser + "' is not NAME;ORGANISATION;CC (three parts separated by ';')");
                }
                list.addObject()
                        .put("name", parts[0].strip())
                        .put("organisation", parts[1].strip())
                        .put("country", parts[2].strip().toUpperCase(Locale.ROOT));
            }
        }
        if (quotaBytes != null) {
            application.put("quotaBytes", quotaBytes);
        }
        if (quotaTransfers != null) {
            application.put("quotaTransfers", quotaTransfers);
        }
        if (validFrom != null) {
            application.put("validFrom", validFrom.toString());
        }
        if (validUntil != null) {
            application.put("validUntil", validUntil.toString());
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value.strip());
        }
    }

    private static ObjectNode read(Path file) throws IOException {
        return JsonFiles.readObject(file, "a licence application");
    }
}

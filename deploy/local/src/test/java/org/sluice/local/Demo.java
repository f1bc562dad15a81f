package org.sluice.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.events.json.Json;
import org.sluice.testsupport.Fixtures;

/** The demo data the tests use: files of the project's fixtures, requests shaped like the README tour's. */
final class Demo {

    static final Path DIR = Fixtures.root();

    private Demo() {}

    static byte[] vcf() {
        return read(DIR.resolve("data/synthetic-chr20.vcf"));
    }

    static Crypt4ghKeyPair partnerKey(String partnerId) {
        try {
            return Crypt4ghKeyPair.fromSecretKeyFile(
                    new String(read(DIR.resolve("keys/" + partnerId + ".sec")), StandardCharsets.US_ASCII), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UMCU's breast-cancer cohort to Charite (the architecture's example): approved. */
    static ObjectNode requestToCharite(byte[] payload) {
        return request(payload, "p-charite", "DE", "Dr. Anna Keller", "Charite - Universitaetsmedizin Berlin");
    }

    /** The same dataset to an embargoed destination: denied. */
    static ObjectNode requestToTehran(byte[] payload) {
        ObjectNode request =
                request(payload, "p-tehran", "IR", "Dr. Parisa Moradi", "Tehran Biomedical Research Centre");
        request.putNull("dsaId");
        return request;
    }

    /** RIVM has never sent anything to Karolinska: the default bundle sends the first transfer to review. */
    static ObjectNode firstTransferToKarolinska(byte[] payload) {
        ObjectNode r = Json.mapper().createObjectNode();
        ObjectNode dataset = r.putObject("dataset");
        dataset.put("id", "ds-salmonella-ref-2026")
                .put("title", "Salmonella enterica reference assemblies")
                .put("category", "NON_HUMAN")
                .put("subjects", 0)
                .put("format", "VCF");
        ObjectNode consent = dataset.putObject("consent");
        consent.putArray("duo");
        consent.putArray("diseases");
        consent.putArray("countries");
        r.putObject("purpose")
                .put("duo", "DUO:0000042")
                .putNull("disease")
                .put("commercial", false)
                .put("description", "Comparative genomics");
        r.putObject("destination").put("partnerId", "p-karolinska").put("country", "SE");
        r.putArray("endUsers")
                .addObject()
                .put("name", "Dr. Erik Lindgren")
                .put("organisation", "Karolinska Institutet")
                .put("country", "SE");
        r.putArray("licenceIds");
        r.putNull("dsaId");
        r.putNull("ethicsApprovalId");
        r.put("basis", "STANDARD");
        r.putObject("payload").put("sizeBytes", payload.length).put("sha256", sha256(payload));
        return r;
    }

    /**
     * RIVM's filovirus panel to RIKEN (the default bundle's P09): pathogen sequences of concern need an
     * individual licence outside the EU, and RIVM cites the one it applied for.
     */
    static ObjectNode pathogenPanelToRiken(byte[] payload, String licenceId) {
        ObjectNode r = Json.mapper().createObjectNode();
        ObjectNode dataset = r.putObject("dataset");
        dataset.put("id", "ds-ebov-panel-2026")
                .put("title", "Ebola virus genomes, proficiency-testing panel")
                .put("category", "PATHOGEN_OF_CONCERN")
                .put("subjects", 0)
                .put("format", "FASTA");
        ObjectNode consent = dataset.putObject("consent");
        consent.putArray("duo");
        consent.putArray("diseases");
        consent.putArray("countries");
        r.putObject("purpose")
                .put("duo", "DUO:0000006")
                .put("disease", "MONDO:0005737")
                .put("commercial", false)
                .put("description", "Cross-validation of filovirus diagnostic assays");
        r.putObject("destination").put("partnerId", "p-riken").put("country", "JP");
        r.putArray("endUsers")
                .addObject()
                .put("name", "Dr. Haruka Tanaka")
                .put("organisation", "RIKEN Center for Integrative Medical Sciences")
                .put("country", "JP");
        r.putArray("licenceIds").add(licenceId);
        r.putNull("dsaId");
        r.putNull("ethicsApprovalId");
        r.put("basis", "STANDARD");
        r.putObject("payload").put("sizeBytes", payload.length).put("sha256", sha256(payload));
        return r;
    }

    private static ObjectNode request(
            byte[] payload, String partner, String country, String endUser, String organisation) {
        ObjectNode r = Json.mapper().createObjectNode();
        ObjectNode dataset = r.putObject("dataset");
        dataset.put("id", "ds-bc-2024-07")
                .put("title", "Breast cancer cohort WGS")
                .put("category", "HUMAN_INDIVIDUAL")
                .put("subjects", 412)
                .put("format", "VCF");
        ObjectNode consent = dataset.putObject("consent");
        consent.putArray("duo").add("DUO:0000007").add("DUO:0000018");
        consent.putArray("diseases").add("MONDO:0007254");
        consent.putArray("countries");
        r.putObject("purpose")
                .put("duo", "DUO:0000007")
                .put("disease", "MONDO:0007254")
                .put("commercial", false)
                .put("description", "Replication of BRCA2 modifier GWAS");
        r.putObject("destination").put("partnerId", partner).put("country", country);
        r.putArray("endUsers")
                .addObject()
                .put("name", endUser)
                .put("organisation", organisation)
                .put("country", country);
        r.putArray("licenceIds").add("LIC-2025-0042");
        r.put("dsaId", "DSA-CHARITE-2024");
        r.put("ethicsApprovalId", "EA-17-331");
        r.put("basis", "STANDARD");
        r.putObject("payload").put("sizeBytes", payload.length).put("sha256", sha256(payload));
        return r;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.events.json.Json;
import org.sluice.testsupport.Tokens;

/**
 * An in-process HTTP server that answers like the gateway's API (docs/api/gateway.md) for the parts the client uses:
 * transfers, payload upload, status, precheck, licence applications, partner packages with byte ranges, manifests,
 * acknowledgements, and the signing keys. Tests script its state and its faults (a connection cut after so many
 * bytes) and read what it received.
 */
final class FakeGateway implements AutoCloseable {
    static final String SUBMITTER = Tokens.submitter("i-umcu");
    static final String PARTNER = Tokens.partner("p-charite");

    private static final Pattern TRANSFER = Pattern.compile("^/api/v1/transfers/([^/]+)$");
    private static final Pattern APPEAL = Pattern.compile("^/api/v1/transfers/([^/]+)/appeal$");
    private static final Pattern PAYLOAD = Pattern.compile("^/api/v1/transfers/([^/]+)/payload$");
    private static final Pattern PACKAGE = Pattern.compile("^/api/v1/partner/packages/([^/]+)(/manifest|/ack)?$");
    private static final Pattern LICENCE = Pattern.compile("^/api/v1/licence-applications/([^/]+)(/withdrawal)?$");
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d+)-$");
    private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes (\\d+)-(\\d+)/(\\d+)$");

    /** The signing key whose public half {@code GET /api/v1/keys} publishes. */
    final SigningKey signingKey = SigningKey.generate();

    /** Every request received, in order. */
    final List<Received> received = new CopyOnWriteArrayList<>();

    final Map<String, ObjectNode> transfers = new ConcurrentHashMap<>();
    final Map<String, Deque<String>> scriptedStates = new ConcurrentHashMap<>();
    final Map<String, ServedPackage> packages = new LinkedHashMap<>();
    final List<String> acknowledgements = new CopyOnWriteArrayList<>();
    /** Licence applications by id, in the order they were filed. */
    final Map<String, ObjectNode> licenceApplications = new LinkedHashMap<>();
    /** The application each Idempotency-Key filed. */
    private final Map<String, String> licenceKeys = new ConcurrentHashMap<>();
    /** The bytes of each transfer's unfinished upload. */
    final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();

    private final Deque<Long> downloadCuts = new ArrayDeque<>();
    private final Deque<Long> uploadCuts = new ArrayDeque<>();
    private final HttpServer server;
    private volatile ObjectNode precheckAnswer;
    private volatile boolean ignoreRanges;
    private volatile int acksBeforeFetchRecorded;
    private int nextId = 1;

    /**
     * One request as the gateway saw it.
     *
     * @param method the method
     * @param path the path and query
     * @param headers the headers that matter here (lower-case names)
     * @param body the body
     */
    record Received(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * A package as served.
     *
     * @param bytes the package file
     * @param manifest the signed manifest
     * @param plaintextSha256 the digest the gateway recorded at upload
     */
    record ServedPackage(byte[] bytes, byte[] manifest, String plaintextSha256) {
        /** Changes when other bytes are served under the same id. */
        String etag() {
            return sha256(bytes).substring(0, 16);
        }
    }

    FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next download response breaks off after this many body bytes (one cut per call). */
    synchronized FakeGateway cutNextDownloadAfter(long bytes) {
        downloadCuts.add(bytes);
        return this;
    }

    /** The next upload request breaks off after this many body bytes (one cut per call). */
    synchronized FakeGateway cutNextUploadAfter(long bytes) {
        uploadCuts.add(bytes);
        return this;
    }

    /** The next acknowledgements answer 409 not-fetched, as while the gateway is still recording the download. */
    FakeGateway recordFetchesLate(int acknowledgements) {
        this.acksBeforeFetchRecorded = acknowledgements;
        return this;
    }

    /** Serves every download whole, as a server that does not do ranges (RFC 9110 allows it). */
    FakeGateway ignoreRanges() {
        this.ignoreRanges = true;
        return this;
    }

    /** The states the next status reads return, one per read; the last one stays. */
    FakeGateway scriptStates(String transferId, String... states) {
        scriptedStates.put(transferId, new ArrayDeque<>(List.of(states)));
        return this;
    }

    FakeGateway precheckAnswer(ObjectNode answer) {
        this.precheckAnswer = answer;
        return this;
    }

    FakeGateway serve(String packageId, SealedPackages.Sealed sealed) {
        packages.put(packageId, new ServedPackage(sealed.bytes(), sealed.signedManifest(), sealed.plaintextSha256()));
        return this;
    }

    /** Adds a transfer in a given state, with a decision and reasons as policy would give them. */
    ObjectNode addTransfer(String id, String state, ObjectNode request) {
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("id", id).put("institutionId", "i-umcu").put("state", state);
        t.put("createdAt", "2026-11-23T10:00:00Z").put("updatedAt", "2026-11-23T10:00:05Z");
        t.set("request", request);
        t.putArray("history").addObject().put("state", "RECEIVED").put("at", "2026-11-23T10:00:00Z");
        transfers.put(id, t);
        return t;
    }

    /** Adds a licence application of i-umcu as policy would show it, to script its state further. */
    synchronized ObjectNode addLicenceApplication(String id, String status) {
        ObjectNode a = Json.mapper().createObjectNode();
        a.put("applicationId", id).put("licenceId", "LIC-" + id).put("status", status);
        a.put("institutionId", "i-umcu").put("appliedBy", "s.devries@umcu");
        a.put("partnerId", "p-broad").put("destinationCountry", "US");
        a.putArray("categories").add("HUMAN_INDIVIDUAL");
        a.putObject("purpose")
                .put("duo", "DUO:0000007")
                .put("disease", "MONDO:0007254")
                .put("commercial", false)
                .put("description", "Breast cancer risk variants");
        a.putArray("endUsers")
                .addObject()
                .put("name", "Jane Doe")
                .put("organisation", "Broad Institute")
                .put("country", "US");
        a.put("quotaBytes", 50_000_000_000L).put("quotaTransfers", 20);
        a.put("validFrom", "2027-01-01").put("validUntil", "2027-12-31");
        a.put("risk", "STANDARD").put("requiredVotes", 1);
        a.putArray("votes");
        a.putArray("blockingReasons");
        a.put("appliedAt", "2026-11-23T10:00:00Z").put("expectedBy", "2026-12-03T10:00:00Z");
        a.put("escalated", false).put("late", false).put("timeTaken", "PT26H30M");
        a.putArray("waitingTransfers");
        licenceApplications.put(id, a);
        return a;
    }

    List<Received> received(String method, String pathPrefix) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : List.of(
                    "Authorization",
                    "Range",
                    "If-Range",
                    "Content-Range",
                    "Idempotency-Key",
                    "Content-Type",
                    "Content-Length")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
                }
            }
            String role = role(headers.get("authorization"));
            if (role == null) {
                problem(exchange, 401, "unauthorized", "Unauthorized", "no valid bearer token");
                return;
            }
            Matcher m;
            if (method.equals("PUT") && (m = PAYLOAD.matcher(path)).matches()) {
                upload(exchange, headers, m.group(1), role);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(method, exchange.getRequestURI().toString(), headers, body));
            if (method.equals("GET") && (m = PAYLOAD.matcher(path)).matches() && role.equals("submitter")) {
                json(exchange, 200, progress(m.group(1)));
            } else if (method.equals("GET") && path.equals("/api/v1/keys")) {
                ObjectNode answer = Json.mapper().createObjectNode();
                answer.putArray("keys")
                        .addObject()
                        .put("keyId", signingKey.keyId())
                        .put("algorithm", "Ed25519")
                        .put("publicKey", signingKey.publicKeyPem());
                json(exchange, 200, answer);
            } else if (path.startsWith("/api/v1/transfers")) {
                if (!role.equals("submitter")) {
                    problem(exchange, 403, "forbidden", "Forbidden", "this needs the submitter role");
                } else if (method.equals("POST") && path.equals("/api/v1/transfers")) {
                    create(exchange, body);
                } else if (method.equals("POST") && path.equals("/api/v1/transfers/precheck")) {
                    json(exchange, 200, precheckAnswer);
                } else if (method.equals("GET") && (m = TRANSFER.matcher(path)).matches()) {
                    status(exchange, m.group(1));
                } else if (method.equals("POST") && (m = APPEAL.matcher(path)).matches()) {
                    appeal(exchange, m.group(1), body);
                } else {
                    problem(exchange, 404, "not-found", "Not found", "nothing at " + path);
                }
            } else if (path.startsWith("/api/v1/licence-applications")) {
                if (!role.equals("submitter")) {
                    problem(exchange, 403, "forbidden", "Forbidden", "this needs the submitter role");
                } else {
                    licence(exchange, method, path, exchange.getRequestURI().getRawQuery(), headers, body);
                }
            } else if ((m = PACKAGE.matcher(path)).matches() || path.equals("/api/v1/partner/packages")) {
                if (!role.equals("partner")) {
                    problem(exchange, 403, "forbidden", "Forbidden", "this needs the partner role");
                } else if (path.equals("/api/v1/partner/packages")) {
                    list(exchange);
                } else {
                    partner(exchange, method, m.group(1), m.group(2), headers, body);
                }
            } else {
                problem(exchange, 404, "not-found", "Not found", "nothing at " + path);
            }
        } finally {
            exchange.close();
        }
    }

    private static String role(String authorization) {
        if (("Bearer " + SUBMITTER).equals(authorization)) {
            return "submitter";
        }
        if (("Bearer " + PARTNER).equals(authorization)) {
            return "partner";
        }
        return null;
    }

    private void create(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = Json.mapper().readTree(body);
        if (!request.path("payload").path("sha256").isTextual()) {
            ObjectNode p =
                    problemBody(400, "validation", "Request is invalid", "1 field(s) break the contract: payload");
            p.putArray("errors")
                    .addObject()
                    .put("field", "payload")
                    .put("rule", "required")
                    .put("message", "payload is required");
            json(exchange, 400, p, "application/problem+json");
            return;
        }
        String id;
        synchronized (this) {
            id = "tr-" + nextId++;
        }
        addTransfer(id, "RECEIVED", (ObjectNode) request);
        ObjectNode created = Json.mapper().createObjectNode();
        created.put("id", id)
                .put("state", "RECEIVED")
                .put("uploadUrl", "/api/v1/transfers/" + id + "/payload")
                .put("createdAt", "2026-11-23T10:00:00Z");
        exchange.getResponseHeaders().add("Location", "/api/v1/transfers/" + id);
        json(exchange, 201, created);
    }

    private synchronized void licence(
            HttpExchange exchange, String method, String path, String query, Map<String, String> headers, byte[] body)
            throws IOException {
        Matcher m = LICENCE.matcher(path);
        if (method.equals("POST") && path.equals("/api/v1/licence-applications")) {
            JsonNode application = Json.mapper().readTree(body);
            if (!application.path("endUsers").isArray()
                    || application.path("endUsers").isEmpty()) {
                ObjectNode p = problemBody(
                        400, "validation", "Request is invalid", "2 field(s) break the contract: endUsers, validUntil");
                ArrayNode errors = p.putArray("errors");
                errors.addObject()
                        .put("field", "endUsers")
                        .put("rule", "minItems")
                        .put("message", "at least one end user is expected");
                errors.addObject()
                        .put("field", "validUntil")
                        .put("rule", "required")
                        .put("message", "validUntil is required");
                json(exchange, 400, p, "application/problem+json");
                return;
            }
            String key = headers.get("idempotency-key");
            String id = key == null ? null : licenceKeys.get(key);
            if (id == null) {
                id = "la-" + nextId++;
                ObjectNode a = addLicenceApplication(id, "PENDING");
                a.setAll((ObjectNode) application);
                a.put("timeTaken", "PT0S");
                if (key != null) {
                    licenceKeys.put(key, id);
                }
            }
            exchange.getResponseHeaders().add("Location", "/api/v1/licence-applications/" + id);
            json(exchange, 201, licenceApplications.get(id));
        } else if (method.equals("GET") && path.equals("/api/v1/licence-applications")) {
            Map<String, String> params = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            List<ObjectNode> newestFirst = new java.util.ArrayList<>(licenceApplications.values());
            java.util.Collections.reverse(newestFirst);
            ObjectNode page = Json.mapper().createObjectNode();
            ArrayNode items = page.putArray("items");
            newestFirst.stream()
                    .filter(a -> !params.containsKey("status")
                            || a.path("status").asText().equals(params.get("status")))
                    .forEach(items::add);
            if (params.containsKey("limit") && items.size() > Integer.parseInt(params.get("limit"))) {
                int limit = Integer.parseInt(params.get("limit"));
                while (items.size() > limit) {
                    items.remove(items.size() - 1);
                }
                page.put(
                        "next",
                        "c-" + items.get(limit - 1).path("applicationId").asText());
            } else {
                page.putNull("next");
            }
            json(exchange, 200, page);
        } else if (m.matches() && licenceApplications.containsKey(m.group(1))) {
            ObjectNode a = licenceApplications.get(m.group(1));
            if (method.equals("GET") && m.group(2) == null) {
                json(exchange, 200, a);
            } else if (method.equals("POST") && m.group(2) != null) {
                String reason = Json.mapper().readTree(body).path("reason").asText("");
                if (!"PENDING".equals(a.path("status").asText())) {
                    problem(
                            exchange,
                            409,
                            "application-closed",
                            "Application is closed",
                            m.group(1) + " is " + a.path("status").asText() + "; only a pending one can be withdrawn");
                    return;
                }
                a.put("status", "WITHDRAWN").put("decidedAt", "2026-11-24T09:00:00Z");
                a.putArray("reasons").add(reason);
                json(exchange, 200, a);
            } else {
                problem(exchange, 405, "method-not-allowed", "Method not allowed", method + " " + path);
            }
        } else {
            problem(exchange, 404, "not-found", "Not found", "licence application does not exist or is not yours");
        }
    }

    private void appeal(HttpExchange exchange, String id, byte[] body) throws IOException {
        ObjectNode t = transfers.get(id);
        if (t == null) {
            problem(exchange, 404, "not-found", "Not found", "transfer " + id + " does not exist or is not yours");
            return;
        }
        if (!"DENIED".equals(t.path("state").asText())) {
            problem(
                    exchange,
                    409,
                    "not-appealable",
                    "Transfer cannot be appealed",
                    "transfer " + id + " is " + t.path("state").asText() + "; only a DENIED transfer can be appealed");
            return;
        }
        t.put("state", "APPEALED");
        t.putObject("appeal")
                .put("appealId", "ap-" + id)
                .put("decisionId", t.path("decision").path("decisionId").asText())
                .put("statement", Json.mapper().readTree(body).path("statement").asText())
                .put("filedAt", "2026-11-23T11:00:00Z");
        json(exchange, 202, t);
    }

    private void upload(HttpExchange exchange, Map<String, String> headers, String id, String role) throws IOException {
        ObjectNode t = transfers.get(id);
        InputStream in = exchange.getRequestBody();
        if (!role.equals("submitter") || t == null) {
            in.readAllBytes();
            problem(exchange, 404, "not-found", "Not found", "transfer " + id);
            return;
        }
        ByteArrayOutputStream upload = uploads.computeIfAbsent(id, x -> new ByteArrayOutputStream());
        Matcher range = CONTENT_RANGE.matcher(headers.getOrDefault("content-range", ""));
        if (!range.matches() || Long.parseLong(range.group(1)) == 0) {
            upload.reset(); // a whole upload, or a chunked one starting over
        } else if (Long.parseLong(range.group(1)) != upload.size()) {
            in.readAllBytes();
            received.add(new Received("PUT", exchange.getRequestURI().toString(), headers, new byte[0]));
            exchange.getResponseHeaders().add("Upload-Offset", Long.toString(upload.size()));
            problem(
                    exchange,
                    409,
                    "upload-offset-mismatch",
                    "Chunk does not continue the upload",
                    "received " + upload.size());
            return;
        }
        Long cut;
        synchronized (this) {
            cut = uploadCuts.poll();
        }
        byte[] body = cut == null ? in.readAllBytes() : in.readNBytes(cut.intValue());
        received.add(new Received("PUT", exchange.getRequestURI().toString(), headers, body));
        upload.writeBytes(body); // every byte that arrived is kept, as the gateway does
        if (cut != null) {
            throw new IOException("test: upload connection cut after " + cut + " bytes");
        }
        JsonNode declared = t.path("request").path("payload");
        if (upload.size() < declared.path("sizeBytes").asLong()) {
            exchange.getResponseHeaders().add("Upload-Offset", Long.toString(upload.size()));
            json(exchange, 202, progress(id));
            return;
        }
        byte[] payload = upload.toByteArray();
        upload.reset();
        String sha256 = sha256(payload);
        if (payload.length != declared.path("sizeBytes").asLong()
                || !sha256.equals(declared.path("sha256").asText())) {
            problem(
                    exchange,
                    422,
                    "digest-mismatch",
                    "Payload does not match its declaration",
                    "expected SHA-256 " + declared.path("sha256").asText() + ", found " + sha256);
            return;
        }
        t.put("state", "STAGED");
        ObjectNode receipt = Json.mapper().createObjectNode();
        receipt.put("transferId", id)
                .put("state", "STAGED")
                .put("sizeBytes", payload.length)
                .put("sha256", sha256)
                .put("stagedAt", "2026-11-23T10:00:03Z")
                .put("statusUrl", "/api/v1/transfers/" + id);
        json(exchange, 200, receipt);
    }

    private ObjectNode progress(String id) {
        ObjectNode t = transfers.get(id);
        long size = t.path("request").path("payload").path("sizeBytes").asLong();
        ObjectNode progress = Json.mapper().createObjectNode();
        ByteArrayOutputStream received = uploads.get(id);
        progress.put("transferId", id)
                .put(
                        "received",
                        "RECEIVED".equals(t.path("state").asText()) ? (received == null ? 0 : received.size()) : size)
                .put("sizeBytes", size);
        return progress;
    }

    private void status(HttpExchange exchange, String id) throws IOException {
        ObjectNode t = transfers.get(id);
        if (t == null) {
            problem(exchange, 404, "not-found", "Not found", "transfer " + id);
            return;
        }
        Deque<String> script = scriptedStates.get(id);
        if (script != null && !script.isEmpty()) {
            t.put("state", script.size() > 1 ? script.poll() : script.peek());
        }
        json(exchange, 200, t);
    }

    private void list(HttpExchange exchange) throws IOException {
        ArrayNode list = Json.mapper().createArrayNode();
        packages.forEach((id, p) -> list.addObject()
                .put("packageId", id)
                .put("transferId", "tr-" + id)
                .put("status", "AVAILABLE")
                .put("format", "CRYPT4GH")
                .put("sizeBytes", p.bytes().length)
                .put("plaintextBytes", 0)
                .put("sealedAt", "2026-11-23T10:15:30Z")
                .put("expiresAt", "2026-12-23T10:15:30Z"));
        json(exchange, 200, list);
    }

    private void partner(
            HttpExchange exchange, String method, String id, String sub, Map<String, String> headers, byte[] body)
            throws IOException {
        ServedPackage p = packages.get(id);
        if (p == null) {
            problem(exchange, 404, "not-found", "Not found", "package " + id);
        } else if (method.equals("GET") && sub == null) {
            download(exchange, p, headers.get("range"));
        } else if (method.equals("GET") && sub.equals("/manifest")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, p.manifest().length);
            exchange.getResponseBody().write(p.manifest());
        } else if (method.equals("POST") && "/ack".equals(sub) && acksBeforeFetchRecorded > 0) {
            acksBeforeFetchRecorded--;
            problem(exchange, 409, "not-fetched", "Acknowledgement not accepted", "transfer tr-" + id + " is SEALED");
        } else if (method.equals("POST") && "/ack".equals(sub)) {
            String reported = Json.mapper().readTree(body).path("sha256").asText();
            acknowledgements.add(reported);
            ObjectNode ack = Json.mapper().createObjectNode();
            ack.put("transferId", "tr-" + id)
                    .put("packageId", id)
                    .put("partnerId", "p-charite")
                    .put("reportedSha256", reported)
                    .put("expectedSha256", p.plaintextSha256())
                    .put("digestMatches", reported.equals(p.plaintextSha256()));
            json(exchange, 200, ack);
        } else {
            problem(exchange, 405, "method-not-allowed", "Method not allowed", method + " " + sub);
        }
    }

    private void download(HttpExchange exchange, ServedPackage p, String range) throws IOException {
        String accept = headersOf(exchange, "Accept");
        if (accept != null && !accept.contains("application/octet-stream") && !accept.contains("*/*")) {
            // what the real gateway (JAX-RS content negotiation) answers a client that does not accept the bytes
            problem(exchange, 406, "not-acceptable", "Not Acceptable", "Accept: " + accept);
            return;
        }
        long total = p.bytes().length;
        long first = 0;
        Matcher m = range == null ? null : RANGE.matcher(range);
        String ifRange = headersOf(exchange, "If-Range");
        boolean sameRepresentation = !ignoreRanges && (ifRange == null || ifRange.equals("\"" + p.etag() + "\""));
        if (m != null && m.matches() && sameRepresentation) {
            first = Long.parseLong(m.group(1));
            if (first >= total) {
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + total);
                problem(exchange, 416, "range-not-satisfiable", "Range not satisfiable", "from " + first);
                return;
            }
            exchange.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + (total - 1) + "/" + total);
        }
        exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
        exchange.getResponseHeaders().add("ETag", "\"" + p.etag() + "\"");
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(first > 0 ? 206 : 200, total - first);
        Long cut;
        synchronized (this) {
            cut = downloadCuts.poll();
        }
        long length = cut == null ? total - first : Math.min(cut, total - first);
        OutputStream out = exchange.getResponseBody();
        out.write(p.bytes(), (int) first, (int) length);
        out.flush();
        if (cut != null) {
            throw new IOException("test: download connection cut after " + cut + " bytes");
        }
    }

    private static String headersOf(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    private static void problem(HttpExchange exchange, int status, String slug, String title, String detail)
            throws IOException {
        json(exchange, status, problemBody(status, slug, title, detail), "application/problem+json");
    }

    private static ObjectNode problemBody(int status, String slug, String title, String detail) {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("type", "https://sluice.example/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        return p;
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        json(exchange, status, body, "application/json");
    }

    private static void json(HttpExchange exchange, int status, JsonNode body, String type) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

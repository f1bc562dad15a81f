package org.sluice.policy.model;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sluice.events.Event;
import org.sluice.events.EventData;
import org.sluice.events.Principal;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.json.EventCodec;
import org.sluice.events.json.Json;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.events.partner.PartnerUpdated;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.events.transfer.Destination;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.policy.decision.DecisionService;
import org.sluice.policy.decision.RequestConsumer;
import org.sluice.policy.licence.LicenceRepository;
import org.sluice.policy.partner.PartnerConsumer;
import org.sluice.policy.world.Licence;
import org.sluice.testsupport.PostgresResource;
import org.sluice.testsupport.Tokens;

/**
 * The small world of the model test, and the driver that plays {@link Action}s against the running policy
 * service through the paths production uses: transfer requests, appeals, cancellations and partner
 * announcements are handed to the service's own consumers as encoded events; people act through the HTTP
 * API with their tokens; licence changes are written to the licence store and, as the change consumer
 * would, re-decide the open transfers. After each step it reports what broke an invariant.
 *
 * <p>Each run has its own transfer ids and its own screening list entries (so no earlier verdict applies),
 * and puts licences and partners back as they were when it ends.
 */
final class ModelWorld implements AutoCloseable {

    /** People who act: reviewers of the export-control office, a senior of a submitting institution, a submitter. */
    static final List<Oracle.Actor> ACTORS = List.of(
            new Oracle.Actor("m.ana@eco", "eco", true, false),
            new Oracle.Actor("m.ben@eco", "eco", true, false),
            new Oracle.Actor("m.sara@eco", "eco", true, true),
            new Oracle.Actor("m.omar@eco", "eco", true, true),
            new Oracle.Actor("m.sam@umcu", "i-umcu", true, true),
            new Oracle.Actor("m.lea@lumc", "i-lumc", true, false),
            new Oracle.Actor("submitter@i-umcu", "i-umcu", false, false));

    /** Scenario requests the transfers are made from: approvals, hard stops, review of both risks, quota. */
    static final List<String> TEMPLATES =
            List.of("P01", "P03", "P05", "P06", "P07", "P08", "P12", "P17", "P26", "P27", "P33", "P37");

    /** The template's destination, a partner in the US, the partner in Iran. */
    static final int DESTINATIONS = 3;

    /** The template's end users, plus a near match of listed name 0, or of listed name 1. */
    static final int END_USERS = 3;

    /** Names on the run's screening list, each with the spelling transfers use (a possible match). */
    static final int LISTED_NAMES = 2;

    private static final List<String> LISTED =
            List.of("Hossein Ali Farahani-Dastgerdi", "Yevgenia Markovna Tolstaya-Rudenko");
    private static final List<String> SCREENED =
            List.of("Hosein Ali Farahani-Dastgerdi", "Evgenia Markovna Tolstaya-Rudenko");

    static final List<String> LICENCES = List.of("LIC-2025-0042", "LIC-2025-0230", "LIC-2025-0311");
    static final List<String> PARTNERS = List.of("p-broad", "p-charite", "p-shenzhen");

    /** EU embargoes of the default bundle's country groups: what the model knows independently of it. */
    private static final Set<String> EMBARGOED = Set.of("BY", "IR", "KP", "RU", "SY");

    private final RequestConsumer requests;
    private final PartnerConsumer partners;
    private final DecisionService decisions;
    private final LicenceRepository licences;
    private final EventCodec codec = new EventCodec();
    private final Connection db;
    private final String run;
    private final Map<String, Oracle.Actor> actorsById;

    private final Map<String, Licence> licencesBefore = new HashMap<>();
    private final Map<String, PartnerUpdated> partnersBefore = new HashMap<>();
    private final Set<String> partnersChanged = new HashSet<>();

    /** The run's transfers in order of submission, with what the model knows of them. */
    private final Map<String, Submitted> transfers = new LinkedHashMap<>();
    /** Partner countries as announced: each announcement with the window in which it took effect. */
    private final Map<String, List<Announced>> partnerCountry = new HashMap<>();
    /** Listed names with a CONFIRMED verdict in force, with when it took effect or ended. */
    private final Map<Integer, TreeMap<Instant, Boolean>> confirmed = new HashMap<>();

    private final Map<String, TransferDecided> seen = new HashMap<>();
    private final List<TransferDecided> seenInOrder = new ArrayList<>();
    private final Set<String> openCasesBefore = new HashSet<>();
    private final Set<String> cancelled = new HashSet<>();
    private Instant seenUntil = Instant.EPOCH;
    private int step;

    private record Submitted(
            String id, String institution, String submittedBy, TransferRequest request, Set<Integer> names) {}

    ModelWorld(
            RequestConsumer requests,
            PartnerConsumer partners,
            DecisionService decisions,
            LicenceRepository licences,
            String run)
            throws SQLException {
        this.requests = requests;
        this.partners = partners;
        this.decisions = decisions;
        this.licences = licences;
        this.run = run;
        this.db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
        this.actorsById = ACTORS.stream().collect(Collectors.toMap(Oracle.Actor::id, a -> a));
        for (String id : LICENCES) {
            licencesBefore.put(id, licences.find(id).orElseThrow());
        }
        for (PartnerUpdated p : World.partners()) {
            if (PARTNERS.contains(p.partnerId()) || p.partnerId().equals("p-tehran")) {
                partnersBefore.put(p.partnerId(), p);
                partnerCountry
                        .computeIfAbsent(p.partnerId(), k -> new ArrayList<>())
                        .add(new Announced(Instant.EPOCH, Instant.EPOCH, p.country(), p.country()));
            }
        }
        loadList();
    }

    // ---- playing steps

    /** Plays one step and returns what broke an invariant since the step before. */
    List<String> play(Action a) {
        step++;
        if (a instanceof Action.Submit s) {
            submit(s);
        } else if (a instanceof Action.Claim c) {
            caseAt(c.reviewCase()).ifPresent(id -> claim(id, actor(c.actor())));
        } else if (a instanceof Action.Vote v) {
            caseAt(v.reviewCase()).ifPresent(id -> vote(id, v));
        } else if (a instanceof Action.Release r) {
            caseAt(r.reviewCase()).ifPresent(id -> release(id, actor(r.actor())));
        } else if (a instanceof Action.Appeal p) {
            transferAt(p.transfer()).ifPresent(this::appeal);
        } else if (a instanceof Action.Adjudicate j) {
            adjudicate(j);
        } else if (a instanceof Action.LicenceChange l) {
            changeLicence(l);
        } else if (a instanceof Action.PartnerChange p) {
            changePartner(p);
        } else if (a instanceof Action.Cancel c) {
            transferAt(c.transfer()).ifPresent(this::cancel);
        }
        return observe();
    }

    private void submit(Action.Submit s) {
        Scenarios.Scenario scenario = Scenarios.named(TEMPLATES.get(s.template()));
        TransferRequest base = scenario.typedRequest();
        Destination destination = switch (s.destination()) {
            case 1 -> new Destination("p-broad", "US");
            case 2 -> new Destination("p-tehran", "IR");
            default -> base.destination();
        };
        List<EndUser> endUsers = new ArrayList<>(base.endUsers());
        Set<Integer> names = new HashSet<>();
        if (s.endUsers() > 0) {
            int name = s.endUsers() - 1;
            names.add(name);
            endUsers.add(new EndUser(SCREENED.get(name), "Institute of Applied Genomics", "US"));
        }
        TransferRequest r = new TransferRequest(
                base.dataset(),
                base.purpose(),
                destination,
                endUsers,
                base.licenceIds(),
                base.dsaId(),
                base.ethicsApprovalId(),
                base.basis(),
                base.payload());
        String id = "tr-model-" + run + "-" + step;
        String institution = scenario.submitter();
        Submitted t = new Submitted(id, institution, "submitter@" + institution, r, names);
        transfers.put(id, t);
        requests.onRecord(encode(t, new TransferRequested(id, institution, r)));
    }

    private void vote(String reviewId, Action.Vote v) {
        Oracle.Actor a = actor(v.actor());
        claim(reviewId, a);
        String adjudications = "";
        if (v.adjudication() > 0) {
            int name = (v.adjudication() - 1) % LISTED_NAMES;
            adjudications = ", \"adjudications\": [{\"entryId\": \"" + entry(name) + "\", \"screenedName\": \""
                    + SCREENED.get(name) + "\", \"verdict\": \"" + (v.approve() ? "NOT_THIS_PARTY" : "CONFIRMED")
                    + "\"}]";
        }
        Response answer = given().auth()
                .oauth2(token(a))
                .contentType("application/json")
                .body("{\"vote\": \"" + (v.approve() ? "APPROVE" : "DENY") + "\", \"justification\": \"model step "
                        + step + "\"" + adjudications + "}")
                .post("/api/v1/reviews/" + reviewId + "/decision");
        requireNoServerError(answer, "vote");
        if (answer.statusCode() == 200 && v.adjudication() > 0) {
            // a vote's verdicts are filed like any other: follow what is in force now
            followVerdict((v.adjudication() - 1) % LISTED_NAMES);
            reevaluateOpen("vote-adjudication");
        }
    }

    private void release(String reviewId, Oracle.Actor a) {
        requireNoServerError(
                given().auth()
                        .oauth2(token(a))
                        .contentType("application/json")
                        .body("{\"reason\": \"model\"}")
                        .post("/api/v1/reviews/" + reviewId + "/release"),
                "release");
    }

    private void claim(String reviewId, Oracle.Actor a) {
        requireNoServerError(given().auth().oauth2(token(a)).post("/api/v1/reviews/" + reviewId + "/claim"), "claim");
    }

    private void appeal(Submitted t) {
        String latest = latestDecision(t.id());
        if (latest == null) {
            return;
        }
        requests.onRecord(encode(
                t,
                new AppealFiled(
                        t.id(),
                        "ap-" + run + "-" + step,
                        t.institution(),
                        latest,
                        "We corrected the facts (step " + step + ").")));
    }

    private void cancel(Submitted t) {
        requests.onRecord(encode(t, new TransferCancelled(t.id(), t.institution(), "model")));
        cancelled.add(t.id());
    }

    private void adjudicate(Action.Adjudicate j) {
        Response answer = given().auth()
                .oauth2(token(actor(j.actor())))
                .contentType("application/json")
                .body("{\"entryId\": \"" + entry(j.name()) + "\", \"screenedName\": \"" + SCREENED.get(j.name())
                        + "\", \"verdict\": \"" + (j.confirm() ? "CONFIRMED" : "NOT_THIS_PARTY")
                        + "\", \"justification\": \"model step " + step + "\"}")
                .post("/api/v1/screening/adjudications");
        requireNoServerError(answer, "adjudication");
        if (answer.statusCode() == 201) {
            followVerdict(j.name());
            reevaluateOpen("adjudication");
        }
    }

    private void changeLicence(Action.LicenceChange l) {
        String id = LICENCES.get(l.licence());
        Licence now = licences.find(id).orElseThrow();
        Licence before = licencesBefore.get(id);
        Licence changed = switch (l.kind()) {
            case 0 -> with(now, Licence.REVOKED, now.validUntil());
            case 1 -> with(now, now.status(), LocalDate.now(ZoneOffset.UTC).minusDays(1));
            default -> with(now, before.status(), before.validUntil());
        };
        QuarkusTransaction.requiringNew().run(() -> licences.upsert(changed));
        reevaluateOpen("licence-" + id);
    }

    private void changePartner(Action.PartnerChange p) {
        String id = PARTNERS.get(p.partner());
        PartnerUpdated before = partnersBefore.get(id);
        PartnerUpdated announced = switch (p.kind()) {
            case 0 -> partner(before, "IR", before.status());
            case 1 -> partner(before, before.country(), PartnerStatus.SUSPENDED);
            default -> before;
        };
        partnersChanged.add(id);
        List<Announced> line = partnerCountry.get(id);
        String countryBefore = line.get(line.size() - 1).after();
        Instant from = Instant.now();
        partners.onRecord(codec.encode(World.event(announced)));
        line.add(new Announced(from, Instant.now(), countryBefore, announced.country()));
    }

    /** Re-decides the run's open transfers, as the change consumer does for every open transfer. */
    private void reevaluateOpen(String trigger) {
        Principal system = Principal.system("model");
        for (String id : transfers.keySet()) {
            if (cancelled.contains(id)) {
                continue;
            }
            String t = trigger + ":" + run + ":" + step;
            // as the change consumer does, a transaction that lost a deadlock to a concurrent one runs again
            for (int attempt = 1; ; attempt++) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> decisions.reevaluate(id, t, system));
                    break;
                } catch (RuntimeException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                }
            }
        }
    }

    private void followVerdict(int name) {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT verdict, decided_at FROM policy.screening_adjudications WHERE entry_id = ?")) {
            q.setString(1, entry(name));
            try (ResultSet rs = q.executeQuery()) {
                boolean confirm = false;
                Instant at = Instant.now();
                if (rs.next()) {
                    confirm = rs.getString(1).equals("CONFIRMED");
                    at = rs.getTimestamp(2).toInstant();
                }
                TreeMap<Instant, Boolean> line = confirmed.computeIfAbsent(name, k -> new TreeMap<>());
                if (line.isEmpty() || line.lastEntry().getValue() != confirm) {
                    line.put(at, confirm);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- observing

    private List<String> observe() {
        List<String> broken = new ArrayList<>();
        try {
            for (Stored s : newDecisions()) {
                Submitted t = transfers.get(s.decision().transferId());
                TransferDecided d = s.decision();
                Oracle.Case c = null;
                List<Oracle.CastVote> votes = List.of();
                if (d.reviewId() != null && d.source().byReviewers()) {
                    c = reviewCase(d.reviewId());
                    votes = votes(d.reviewId());
                }
                Oracle.Observed o = new Oracle.Observed(
                        d,
                        d.supersedes() == null ? null : seen.get(d.supersedes()),
                        t.submittedBy(),
                        t.institution(),
                        embargoed(t, d, s.at()),
                        t.names().stream().anyMatch(n -> confirmedAt(n, s.at())),
                        c,
                        votes);
                broken.addAll(Oracle.violations(o, actorsById));
                seen.put(d.decisionId(), d);
                seenInOrder.add(d);
            }
            Set<String> openNow = new HashSet<>(openCases());
            for (String closed : openCasesBefore) {
                if (!openNow.contains(closed)) {
                    closedCaseViolation(closed).ifPresent(broken::add);
                }
            }
            openCasesBefore.clear();
            openCasesBefore.addAll(openNow);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return broken;
    }

    /**
     * A partner's country announced while {@code from..to} (the consumer applying it): a decision made in
     * that window may have seen either country.
     */
    private record Announced(Instant from, Instant to, String before, String after) {}

    private boolean embargoed(Submitted t, TransferDecided d, Instant at) {
        boolean declared = Stream.concat(
                        Stream.of(t.request().destination().country()),
                        t.request().endUsers().stream().map(EndUser::country))
                .filter(java.util.Objects::nonNull)
                .anyMatch(EMBARGOED::contains);
        return declared || partnerEmbargoed(partnerCountry.getOrDefault(d.partnerId(), List.of()), at);
    }

    private static boolean partnerEmbargoed(List<Announced> line, Instant at) {
        for (int i = line.size() - 1; i >= 0; i--) {
            Announced a = line.get(i);
            if (!at.isBefore(a.to())) {
                return EMBARGOED.contains(a.after());
            }
            if (!at.isBefore(a.from())) {
                return EMBARGOED.contains(a.before()) && EMBARGOED.contains(a.after());
            }
        }
        return false;
    }

    private boolean confirmedAt(int name, Instant at) {
        TreeMap<Instant, Boolean> line = confirmed.get(name);
        return line != null
                && line.floorEntry(at) != null
                && line.floorEntry(at).getValue();
    }

    /** A case that left the queue in this step: settled by votes, or closed because a denial or a cancellation made it moot. */
    private java.util.Optional<String> closedCaseViolation(String reviewId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT c.status, c.closed_reason, t.cancelled, d.outcome,"
                + " d.source FROM policy.review_cases c JOIN policy.transfers t ON t.transfer_id = c.transfer_id"
                + " LEFT JOIN policy.decisions d ON d.decision_id = t.latest_decision WHERE c.review_id = ?")) {
            q.setString(1, reviewId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                boolean closed = rs.getString(1).equals("CLOSED");
                boolean denied = "DENY".equals(rs.getString(4));
                if (closed && !rs.getBoolean(3) && !denied) {
                    return java.util.Optional.of("(b) case " + reviewId + " was closed (" + rs.getString(2)
                            + ") while its transfer's decision in force is " + rs.getString(5) + " "
                            + rs.getString(4) + ": a re-evaluation closed it without the votes it needed");
                }
                return java.util.Optional.empty();
            }
        }
    }

    private record Stored(TransferDecided decision, Instant at) {}

    private List<Stored> newDecisions() throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT decision::text, decided_at FROM policy.decisions"
                + " WHERE transfer_id LIKE ? AND decided_at >= ? ORDER BY decided_at, decision_id")) {
            q.setString(1, "tr-model-" + run + "-%");
            q.setTimestamp(2, Timestamp.from(seenUntil.minusSeconds(5)));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    TransferDecided d = Json.mapper().readValue(rs.getString(1), TransferDecided.class);
                    Instant at = rs.getTimestamp(2).toInstant();
                    if (!seen.containsKey(d.decisionId())) {
                        out.add(new Stored(d, at));
                        seenUntil = at.isAfter(seenUntil) ? at : seenUntil;
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private Oracle.Case reviewCase(String reviewId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT c.risk, c.required_votes, c.senior_required,"
                + " d.decision::text FROM policy.review_cases c JOIN policy.decisions d"
                + " ON d.decision_id = c.decision_id WHERE c.review_id = ?")) {
            q.setString(1, reviewId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<Reason> openedWith = Json.mapper()
                        .readValue(rs.getString(4), TransferDecided.class)
                        .reasons();
                return new Oracle.Case(reviewId, rs.getString(1), rs.getInt(2), rs.getBoolean(3), openedWith);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Oracle.CastVote> votes(String reviewId) throws SQLException {
        List<Oracle.CastVote> out = new ArrayList<>();
        try (PreparedStatement q =
                db.prepareStatement("SELECT reviewer, vote FROM policy.review_votes WHERE review_id = ?")) {
            q.setString(1, reviewId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Oracle.CastVote(rs.getString(1), rs.getString(2).equals("APPROVE")));
                }
            }
        }
        return out;
    }

    /** The run's open cases, oldest first. */
    private List<String> openCases() throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT review_id FROM policy.review_cases"
                + " WHERE status = 'OPEN' AND transfer_id LIKE ? ORDER BY opened_at, review_id")) {
            q.setString(1, "tr-model-" + run + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private String latestDecision(String transferId) {
        try (PreparedStatement q =
                db.prepareStatement("SELECT latest_decision FROM policy.transfers WHERE transfer_id = ?")) {
            q.setString(1, transferId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run's decisions in the order they were seen. */
    List<TransferDecided> decisions() {
        return List.copyOf(seenInOrder);
    }

    /** The run's decision and vote counts, for checking what was published. */
    record Stats(Set<String> decisionIds, Set<String> votes) {}

    Stats stats() throws SQLException {
        Set<String> ids = new HashSet<>(seen.keySet());
        Set<String> votes = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement("SELECT v.review_id, v.reviewer FROM policy.review_votes v"
                + " JOIN policy.review_cases c ON c.review_id = v.review_id WHERE c.transfer_id LIKE ?")) {
            q.setString(1, "tr-model-" + run + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    votes.add(rs.getString(1) + "|" + rs.getString(2));
                }
            }
        }
        return new Stats(ids, votes);
    }

    // ---- the world

    private java.util.Optional<String> caseAt(int index) {
        try {
            List<String> open = openCases();
            return open.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(open.get(index % open.size()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.Optional<Submitted> transferAt(int index) {
        List<Submitted> all = new ArrayList<>(transfers.values());
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(index % all.size()));
    }

    private static Oracle.Actor actor(int index) {
        return ACTORS.get(index % ACTORS.size());
    }

    private static String token(Oracle.Actor a) {
        List<String> roles = a.reviewer()
                ? (a.senior() ? List.of("reviewer", "senior-reviewer") : List.of("reviewer"))
                : List.of("submitter");
        return Tokens.token(a.id(), roles, a.institution(), null);
    }

    private String entry(int name) {
        return "SYN-MODEL-" + run + "-" + name;
    }

    /** The run's own list: the listed names under entry ids no earlier verdict names. */
    private void loadList() {
        StringBuilder csv =
                new StringBuilder("source_list,entry_id,type,name,alt_names,country,programs,addresses,remarks\n");
        for (int i = 0; i < LISTED.size(); i++) {
            csv.append("US_SDN,")
                    .append(entry(i))
                    .append(",individual,")
                    .append(LISTED.get(i))
                    .append(",,IR;AE,NPWMD,,synthetic model entry\n");
        }
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/admin/screening-lists/model")
                .then()
                .statusCode(200);
    }

    private byte[] encode(Submitted t, EventData data) {
        Principal submitter = new Principal(t.submittedBy(), List.of("submitter"), t.institution(), null);
        return codec.encode(Event.of("/sluice/gateway", submitter, data, Clock.systemUTC()));
    }

    private static void requireNoServerError(Response answer, String what) {
        if (answer.statusCode() >= 500) {
            throw new AssertionError(what + " answered " + answer.statusCode() + ": " + answer.asString());
        }
    }

    private static Licence with(Licence l, String status, LocalDate validUntil) {
        return new Licence(
                l.id(),
                l.type(),
                status,
                l.holder(),
                l.categories(),
                l.destinations(),
                l.destinationGroup(),
                l.validFrom(),
                validUntil,
                l.quotaBytes(),
                l.quotaTransfers(),
                l.usedBytes(),
                l.usedTransfers(),
                l.postShipmentVerification(),
                l.verificationDays(),
                l.endUse());
    }

    private static PartnerUpdated partner(PartnerUpdated p, String country, PartnerStatus status) {
        return new PartnerUpdated(
                p.partnerId(),
                p.institution(),
                country,
                status,
                status == PartnerStatus.SUSPENDED ? "model: suspended" : p.statusReason(),
                p.profitStatus(),
                p.adequacyCovered(),
                p.deliveryFormat(),
                p.keys());
    }

    /** Cancels the run's transfers (giving back their quota) and puts licences and partners back. */
    @Override
    public void close() throws SQLException {
        try {
            for (Submitted t : transfers.values()) {
                if (!cancelled.contains(t.id())) {
                    cancel(t);
                }
            }
            for (Licence l : licencesBefore.values()) {
                QuarkusTransaction.requiringNew().run(() -> licences.upsert(l));
            }
            for (String id : partnersChanged) {
                partners.onRecord(codec.encode(World.event(partnersBefore.get(id))));
            }
        } finally {
            db.close();
        }
    }

    static String newRunId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

package org.sluice.policy.screening;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sluice.policy.store.Jdbc;

/**
 * Reviewers' judgements on screening hits. A "not this party" verdict clears the same screened name
 * against the same entry for as long as the entry's row is unchanged; a changed entry raises it again.
 */
@ApplicationScoped
public class Adjudications {

    public static final String NOT_THIS_PARTY = "NOT_THIS_PARTY";
    public static final String CONFIRMED = "CONFIRMED";

    private final Jdbc jdbc;

    public Adjudications(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A recorded judgement.
     *
     * @param entryId the list entry
     * @param screenedName the name screened
     * @param entryDigest the entry's row digest when judged
     * @param verdict {@code NOT_THIS_PARTY} or {@code CONFIRMED}
     * @param justification why
     * @param decidedBy who
     * @param decidedAt when
     * @param current whether the entry is unchanged since (the verdict holds)
     */
    public record Adjudication(
            String entryId,
            String screenedName,
            String entryDigest,
            String verdict,
            String justification,
            String decidedBy,
            Instant decidedAt,
            boolean current) {}

    /** Whether a reviewer found this name is not the party of this (unchanged) entry. */
    public boolean cleared(ListEntry entry, String screenedName) {
        return inForce(entry, screenedName).filter(NOT_THIS_PARTY::equals).isPresent();
    }

    /** The verdict on the name against the entry as it is now ({@code NOT_THIS_PARTY} or {@code CONFIRMED}), if any. */
    public Optional<String> inForce(ListEntry entry, String screenedName) {
        return jdbc.one(
                "SELECT verdict FROM screening_adjudications WHERE entry_id = ? AND screened_key = ?"
                        + " AND entry_digest = ?",
                rs -> rs.getString(1),
                entry.entryId(),
                key(screenedName),
                entry.digest());
    }

    /** Records (or replaces) a judgement on the entry as it is now. */
    public void record(
            ListEntry entry, String screenedName, String verdict, String justification, String by, Instant at) {
        jdbc.update(
                "INSERT INTO screening_adjudications (entry_id, screened_key, screened_name, entry_digest, verdict,"
                        + " justification, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (entry_id, screened_key) DO UPDATE SET screened_name = excluded.screened_name,"
                        + " entry_digest = excluded.entry_digest, verdict = excluded.verdict,"
                        + " justification = excluded.justification, decided_by = excluded.decided_by,"
                        + " decided_at = excluded.decided_at",
                entry.entryId(),
                key(screenedName),
                screenedName,
                entry.digest(),
                verdict,
                justification,
                by,
                at);
    }

    /**
     * A reviewer's signature under a "not this party" verdict that has not taken effect yet.
     *
     * @param signedBy who
     * @param institution the signer's home institution, null when the token binds none
     * @param senior whether the signer is a senior reviewer
     * @param justification why
     * @param signedAt when
     */
    public record Signature(
            String signedBy, String institution, boolean senior, String justification, Instant signedAt) {}

    /** Serialises signing of one name against one entry (two signers at once count each other). */
    public void lockKey(String entryId, String screenedName) {
        jdbc.one("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> true, entryId + "|" + key(screenedName));
    }

    /** Adds (or renews) a signature under "not this party" for the entry as it is now. */
    public void sign(
            ListEntry entry,
            String screenedName,
            String justification,
            String by,
            String institution,
            boolean senior,
            Instant at) {
        jdbc.update(
                "INSERT INTO screening_adjudication_signatures (entry_id, screened_key, screened_name, entry_digest,"
                        + " signed_by, institution, senior, justification, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (entry_id, screened_key, signed_by) DO UPDATE SET"
                        + " screened_name = excluded.screened_name, entry_digest = excluded.entry_digest,"
                        + " institution = excluded.institution, senior = excluded.senior,"
                        + " justification = excluded.justification, signed_at = excluded.signed_at",
                entry.entryId(),
                key(screenedName),
                screenedName,
                entry.digest(),
                by,
                institution,
                senior,
                justification,
                at);
    }

    /** The signatures under "not this party" for the name against the entry as it is now, oldest first. */
    public List<Signature> signatures(ListEntry entry, String screenedName) {
        return jdbc.query(
                "SELECT * FROM screening_adjudication_signatures WHERE entry_id = ? AND screened_key = ?"
                        + " AND entry_digest = ? ORDER BY signed_at, signed_by",
                rs -> new Signature(
                        rs.getString("signed_by"),
                        rs.getString("institution"),
                        rs.getBoolean("senior"),
                        rs.getString("justification"),
                        rs.getTimestamp("signed_at").toInstant()),
                entry.entryId(),
                key(screenedName),
                entry.digest());
    }

    /** Drops the signatures of a name against an entry (the verdict took effect or was CONFIRMED). */
    public void clearSignatures(String entryId, String screenedName) {
        jdbc.update(
                "DELETE FROM screening_adjudication_signatures WHERE entry_id = ? AND screened_key = ?",
                entryId,
                key(screenedName));
    }

    /** Judgements on an entry (all entries when null), newest first; {@code current} against the digest given. */
    public List<Adjudication> list(String entryId, java.util.function.Function<String, String> currentDigest) {
        return jdbc.query(
                "SELECT * FROM screening_adjudications WHERE (?::text IS NULL OR entry_id = ?) ORDER BY decided_at DESC",
                rs -> new Adjudication(
                        rs.getString("entry_id"),
                        rs.getString("screened_name"),
                        rs.getString("entry_digest"),
                        rs.getString("verdict"),
                        rs.getString("justification"),
                        rs.getString("decided_by"),
                        rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("entry_digest").equals(currentDigest.apply(rs.getString("entry_id")))),
                entryId,
                entryId);
    }

    /** The same person written differently (case, order, honorifics) is the same key. */
    static String key(String screenedName) {
        return String.join(" ", NameNormaliser.tokens(screenedName, false));
    }
}

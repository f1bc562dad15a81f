package org.sluice.policy.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sluice.events.json.Json;
import org.sluice.policy.store.Jdbc;

/** Every bundle ever accepted, by digest, and which one is active. */
@ApplicationScoped
public class BundleRepository {

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {};

    private final Jdbc jdbc;

    public BundleRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a bundle's files (once per digest). */
    public void save(Bundle bundle) {
        try {
            jdbc.update(
                    "INSERT INTO bundles (digest, bundle_id, version, files) VALUES (?, ?, ?, ?::jsonb)"
                            + " ON CONFLICT (digest) DO NOTHING",
                    bundle.digest(),
                    bundle.id(),
                    bundle.version(),
                    Json.mapper().writeValueAsString(bundle.source().files()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files of a stored bundle. */
    public Optional<BundleSource> source(String digest) {
        return jdbc.one(
                "SELECT files FROM bundles WHERE digest = ?",
                rs -> new BundleSource(Json.mapper().readValue(rs.getString(1), FILES)),
                digest);
    }

    /**
     * An activation of a bundle.
     *
     * @param bundleId the bundle's id
     * @param version its version
     * @param digest its content digest
     * @param activatedAt when it came into force
     */
    public record Activation(String bundleId, String version, String digest, Instant activatedAt) {}

    /** The newest activations first, at most {@code limit}. */
    public List<Activation> activations(int limit) {
        return jdbc.query(
                "SELECT b.bundle_id, b.version, a.digest, a.activated_at FROM bundle_activations a"
                        + " JOIN bundles b ON b.digest = a.digest ORDER BY a.seq DESC LIMIT ?",
                rs -> new Activation(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()),
                limit);
    }

    /** The digest of the active bundle, if one was ever activated. */
    public Optional<String> activeDigest() {
        return jdbc.one("SELECT digest FROM active_bundle", rs -> rs.getString(1));
    }

    /** Makes a stored bundle the active one and adds the activation to the history. */
    public void activate(String digest, String by, Instant at) {
        jdbc.update(
                "INSERT INTO bundle_activations (digest, activated_at, activated_by) VALUES (?, ?, ?)", digest, at, by);
        jdbc.update(
                "INSERT INTO active_bundle (singleton, digest, activated_at, activated_by) VALUES (TRUE, ?, ?, ?)"
                        + " ON CONFLICT (singleton) DO UPDATE SET digest = excluded.digest,"
                        + " activated_at = excluded.activated_at, activated_by = excluded.activated_by",
                digest,
                at,
                by);
    }
}

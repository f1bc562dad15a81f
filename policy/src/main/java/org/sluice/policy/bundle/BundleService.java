package org.sluice.policy.bundle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.sluice.events.Principal;
import org.sluice.events.policy.PolicyBundleActivated;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.engine.CompiledBundle;

/**
 * Keeps the active bundle: verified (parsed, compiled, its test cases passed) before it is stored or
 * activated; activation is recorded with its {@code PolicyBundleActivated} event in one transaction. At
 * first start the built-in bundle (or the configured folder) is activated. Replicas pick up another
 * replica's activation within seconds.
 */
@ApplicationScoped
public class BundleService {

    private static final Logger LOG = Logger.getLogger(BundleService.class);

    private final BundleRepository repository;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final PolicyConfig config;
    private final Clock clock;
    private final Map<String, CompiledBundle> byDigest = new ConcurrentHashMap<>();
    private volatile CompiledBundle active;

    public BundleService(
            BundleRepository repository, Outbox outbox, EventPublisher publisher, PolicyConfig config, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    /** Verifies and activates the bundle at start, so a broken one stops the service instead of the first decision. */
    void onStart(@Observes StartupEvent event) {
        active();
    }

    /** The bundle decisions are made with now. */
    public CompiledBundle active() {
        CompiledBundle current = active;
        if (current == null) {
            synchronized (this) {
                if (active == null) {
                    active = loadOrInstall();
                }
                current = active;
            }
        }
        return current;
    }

    /** A bundle by digest (the active one or any stored one), compiled; for replay. */
    public Optional<CompiledBundle> byDigest(String digest) {
        CompiledBundle cached = byDigest.get(digest);
        if (cached != null) {
            return Optional.of(cached);
        }
        return repository
                .source(digest)
                .map(source -> remember(CompiledBundle.compile(BundleLoader.load(source, config.homeCountry()))));
    }

    /**
     * Verifies and stores a bundle without activating it.
     *
     * @throws BundleRejectedException it does not load, compile or pass its tests
     */
    public CompiledBundle upload(BundleSource source) {
        CompiledBundle compiled = BundleVerifier.verify(source, config.homeCountry());
        QuarkusTransaction.requiringNew().run(() -> repository.save(compiled.bundle()));
        return remember(compiled);
    }

    /**
     * Activates a stored bundle after verifying it again; publishes {@code PolicyBundleActivated}.
     *
     * @return empty when no bundle has this digest
     */
    public Optional<CompiledBundle> activate(String digest, Principal by) {
        Optional<BundleSource> source = repository.source(digest);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        CompiledBundle compiled = BundleVerifier.verify(source.get(), config.homeCountry());
        String previous = active().bundle().digest();
        QuarkusTransaction.requiringNew().run(() -> record(compiled, previous, by));
        active = remember(compiled);
        return Optional.of(compiled);
    }

    /** Follows an activation made by another replica. */
    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        repository.activeDigest().ifPresent(digest -> {
            if (active != null && !active.bundle().digest().equals(digest)) {
                byDigest(digest).ifPresent(b -> {
                    LOG.infof(
                            "following the activation of bundle %s %s",
                            b.bundle().id(), digest);
                    active = b;
                });
            }
        });
    }

    private CompiledBundle loadOrInstall() {
        Optional<String> digest = repository.activeDigest();
        if (digest.isPresent()) {
            return byDigest(digest.get())
                    .orElseThrow(
                            () -> new IllegalStateException("the active bundle " + digest.get() + " is not stored"));
        }
        BundleSource source = config.bundle()
                .directory()
                .map(d -> BundleSource.fromDirectory(Path.of(d)))
                .orElseGet(() -> BundleSource.fromClasspath(config.bundle().builtIn()));
        CompiledBundle compiled = BundleVerifier.verify(source, config.homeCountry());
        QuarkusTransaction.requiringNew().run(() -> {
            if (repository.activeDigest().isEmpty()) {
                record(compiled, null, Principal.system("policy"));
            }
        });
        LOG.infof(
                "activated bundle %s %s (%s)",
                compiled.bundle().id(),
                compiled.bundle().version(),
                compiled.bundle().digest());
        return remember(repository.activeDigest().flatMap(this::byDigest).orElse(compiled));
    }

    private void record(CompiledBundle compiled, String previousDigest, Principal by) {
        Bundle b = compiled.bundle();
        repository.save(b);
        repository.activate(b.digest(), by.id(), clock.instant());
        outbox.add(publisher.event(
                by,
                new PolicyBundleActivated(
                        b.ref(), previousDigest, b.rules().size(), b.tests().size())));
    }

    private CompiledBundle remember(CompiledBundle compiled) {
        byDigest.put(compiled.bundle().digest(), compiled);
        return compiled;
    }
}

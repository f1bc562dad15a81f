package org.sluice.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sluice.events.audit.CheckpointSigned;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageAccessDenied;
import org.sluice.events.delivery.PackageAcknowledged;
import org.sluice.events.delivery.PackageExpired;
import org.sluice.events.delivery.PackageFetched;
import org.sluice.events.delivery.PackageHeld;
import org.sluice.events.delivery.PackageSealed;
import org.sluice.events.delivery.PackageWithdrawn;
import org.sluice.events.delivery.SealingRefused;
import org.sluice.events.licensing.LicenceApplicationDecided;
import org.sluice.events.licensing.LicenceApplicationEscalated;
import org.sluice.events.licensing.LicenceApplicationVoteCast;
import org.sluice.events.licensing.LicenceApplied;
import org.sluice.events.partner.PartnerUpdated;
import org.sluice.events.policy.LicenceChanged;
import org.sluice.events.policy.PolicyBundleActivated;
import org.sluice.events.policy.ReferenceDataChanged;
import org.sluice.events.policy.ScreeningListLoaded;
import org.sluice.events.review.ReviewClaimed;
import org.sluice.events.review.ReviewEscalated;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.review.ReviewReleased;
import org.sluice.events.review.ReviewVoteCast;
import org.sluice.events.security.AccessDenied;
import org.sluice.events.security.SecurityAlert;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.events.transfer.TransferRequested;

/**
 * Every event type of Sluice: its CloudEvents {@code type}, the topic it travels on, its data record and
 * the current version of its schema ({@code docs/events/<type>.schema.json}). Schemas evolve by adding
 * optional fields only; the version goes up when they do.
 */
public enum EventType {
    TRANSFER_REQUESTED("TransferRequested", Topic.TRANSFER_REQUESTED, TransferRequested.class, 1),
    TRANSFER_CANCELLED("TransferCancelled", Topic.TRANSFER_REQUESTED, TransferCancelled.class, 1),
    APPEAL_FILED("AppealFiled", Topic.TRANSFER_REQUESTED, AppealFiled.class, 1),
    TRANSFER_DECIDED("TransferDecided", Topic.TRANSFER_DECIDED, TransferDecided.class, 2),
    REVIEW_OPENED("ReviewOpened", Topic.REVIEW, ReviewOpened.class, 2),
    REVIEW_CLAIMED("ReviewClaimed", Topic.REVIEW, ReviewClaimed.class, 1),
    REVIEW_RELEASED("ReviewReleased", Topic.REVIEW, ReviewReleased.class, 1),
    REVIEW_VOTE_CAST("ReviewVoteCast", Topic.REVIEW, ReviewVoteCast.class, 1),
    REVIEW_ESCALATED("ReviewEscalated", Topic.REVIEW, ReviewEscalated.class, 1),
    PACKAGE_SEALED("PackageSealed", Topic.TRANSFER_DELIVERY, PackageSealed.class, 1),
    PACKAGE_HELD("PackageHeld", Topic.TRANSFER_DELIVERY, PackageHeld.class, 1),
    PACKAGE_FETCHED("PackageFetched", Topic.TRANSFER_DELIVERY, PackageFetched.class, 1),
    PACKAGE_ACKNOWLEDGED("PackageAcknowledged", Topic.TRANSFER_DELIVERY, PackageAcknowledged.class, 1),
    PACKAGE_EXPIRED("PackageExpired", Topic.TRANSFER_DELIVERY, PackageExpired.class, 1),
    PACKAGE_WITHDRAWN("PackageWithdrawn", Topic.TRANSFER_DELIVERY, PackageWithdrawn.class, 1),
    PACKAGE_ACCESS_DENIED("PackageAccessDenied", Topic.TRANSFER_DELIVERY, PackageAccessDenied.class, 1),
    SEALING_REFUSED("SealingRefused", Topic.TRANSFER_DELIVERY, SealingRefused.class, 1),
    POLICY_BUNDLE_ACTIVATED("PolicyBundleActivated", Topic.POLICY_CHANGES, PolicyBundleActivated.class, 1),
    LICENCE_CHANGED("LicenceChanged", Topic.POLICY_CHANGES, LicenceChanged.class, 1),
    LICENCE_APPLIED("LicenceApplied", Topic.POLICY_CHANGES, LicenceApplied.class, 1),
    LICENCE_APPLICATION_VOTE_CAST(
            "LicenceApplicationVoteCast", Topic.POLICY_CHANGES, LicenceApplicationVoteCast.class, 1),
    LICENCE_APPLICATION_ESCALATED(
            "LicenceApplicationEscalated", Topic.POLICY_CHANGES, LicenceApplicationEscalated.class, 1),
    LICENCE_APPLICATION_DECIDED("LicenceApplicationDecided", Topic.POLICY_CHANGES, LicenceApplicationDecided.class, 1),
    REFERENCE_DATA_CHANGED("ReferenceDataChanged", Topic.POLICY_CHANGES, ReferenceDataChanged.class, 1),
    SCREENING_LIST_LOADED("ScreeningListLoaded", Topic.POLICY_CHANGES, ScreeningListLoaded.class, 1),
    PARTNER_UPDATED("PartnerUpdated", Topic.PARTNERS, PartnerUpdated.class, 1),
    ACCESS_DENIED("AccessDenied", Topic.SECURITY_ACCESS, AccessDenied.class, 1),
    SECURITY_ALERT("SecurityAlert", Topic.SECURITY_ALERTS, SecurityAlert.class, 1),
    CHECKPOINT_SIGNED("CheckpointSigned", Topic.AUDIT_CHECKPOINTS, CheckpointSigned.class, 1);

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String typeName;
    private final Topic topic;
    private final Class<? extends EventData> dataClass;
    private final int schemaVersion;

    EventType(String typeName, Topic topic, Class<? extends EventData> dataClass, int schemaVersion) {
        this.typeName = typeName;
        this.topic = topic;
        this.dataClass = dataClass;
        this.schemaVersion = schemaVersion;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code TransferRequested}. */
    public String typeName() {
        return typeName;
    }

    /** The topic events of this type are published on. */
    public Topic topic() {
        return topic;
    }

    /** The record class of the event's data. */
    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** The current schema version producers write. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The file name of this type's JSON Schema under {@code docs/events/}. */
    public String schemaFile() {
        return typeName + ".schema.json";
    }

    /** The type with this CloudEvents type name, if Sluice knows it. */
    public static Optional<EventType> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /** The type of a data record. */
    public static EventType of(EventData data) {
        EventType type = BY_CLASS.get(data.getClass());
        if (type == null) {
            throw new IllegalArgumentException(
                    "not a registered event type: " + data.getClass().getName());
        }
        return type;
    }
}

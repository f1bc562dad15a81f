package org.sluice.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of the policy service. */
@ConfigMapping(prefix = "sluice.policy")
public interface PolicyConfig {

    /** ISO 3166-1 alpha-2 country of the gateway's home jurisdiction (the rules' {@code home}). */
    @WithDefault("NL")
    String homeCountry();

    /** How long an approval stays valid after the decision (unfetched packages expire then). */
    @WithDefault("P30D")
    Duration approvalValidity();

    /** Bundles. */
    BundleConfig bundle();

    /** Denied-party screening. */
    ScreeningConfig screening();

    /** Limits on what callers may send. */
    LimitsConfig limits();

    /** Human review of REVIEW decisions and appeals. */
    ReviewConfig review();

    /** Applications for individual licences (docs/review.md#licence-applications). */
    LicenceApplicationsConfig licenceApplications();

    interface BundleConfig {
        /** Classpath folder of the bundle activated at first start when none is active yet. */
        @WithDefault("bundles/default")
        String builtIn();

        /** A bundle folder on disk that replaces the built-in one at first start, if set. */
        Optional<String> directory();
    }

    interface ScreeningConfig {
        /** Lowest score (0..1, share of the screened name explained by a list name) that raises a POSSIBLE hit. */
        @WithDefault("0.8")
        double possibleThreshold();

        /** Shortest token (characters) in which one typing error is tolerated. */
        @WithDefault("5")
        int typoMinLength();

        /** A token of an entity name that occurs in at most this many list names counts as distinctive. */
        @WithDefault("3")
        int distinctiveMaxNames();
    }

    interface ReviewConfig {
        /** How long a STANDARD-risk case may wait for its decision before it escalates to senior reviewers. */
        @WithDefault("P3D")
        Duration standardDeadline();

        /** How long a HIGH-risk (four-eyes) case may wait before it escalates. */
        @WithDefault("P1D")
        Duration highDeadline();

        /** The deadline senior reviewers get once a case escalated. */
        @WithDefault("P1D")
        Duration escalatedDeadline();

        /** Reason codes that make a case HIGH risk (four-eyes). */
        @WithDefault("POSSIBLE_DENIED_PARTY,COUNTRY_OF_CONCERN_BULK")
        List<String> highRiskCodes();

        /** Name of the active bundle's table of controlled data categories (HIGH risk). */
        @WithDefault("dual_use_categories")
        String controlledCategoriesTable();

        /** Name of the active bundle's table of countries of concern (HIGH risk as destinations). */
        @WithDefault("countries_of_concern")
        String countriesOfConcernTable();

        /** How often overdue cases are looked for and escalated (a Quarkus scheduler interval, e.g. {@code 1m}). */
        @WithDefault("1m")
        String sweepInterval();

        /** Largest page of the queue a caller may ask for. */
        @WithDefault("200")
        int maxPageSize();
    }

    interface LicenceApplicationsConfig {
        /** Service levels: how long the office may take to decide an application of each risk level. */
        ServiceLevelConfig serviceLevel();

        /** Longest validity (validFrom to validUntil) an application may ask for. */
        @WithDefault("P730D")
        Duration maxValidity();

        /** Data categories that make an application HIGH risk (four eyes, a senior among them). */
        @WithDefault("HUMAN_INDIVIDUAL,PATHOGEN_OF_CONCERN,SYNTHETIC_CONSTRUCT")
        List<String> highRiskCategories();

        /**
         * Name of the active bundle's table of destinations recognised as equivalent export regimes: an
         * application to any other destination is HIGH risk.
         */
        @WithDefault("mutual_recognition")
        String recognisedDestinationsTable();

        /** How often overdue pending applications are looked for and escalated (a scheduler interval). */
        @WithDefault("1m")
        String sweepInterval();

        /** Largest page of applications a caller may ask for. */
        @WithDefault("200")
        int maxPageSize();
    }

    interface ServiceLevelConfig {
        /** Time to decide a STANDARD-risk application. */
        @WithDefault("P10D")
        Duration standard();

        /** Time to decide a HIGH-risk application. */
        @WithDefault("P20D")
        Duration high();

        /** The further time the applicant is given once an overdue application escalated to senior officers. */
        @WithDefault("P5D")
        Duration escalation();
    }

    interface LimitsConfig {
        /** Largest screening-list file accepted, in bytes. */
        @WithDefault("67108864")
        long screeningListBytes();

        /** Largest bundle archive or reference-data file accepted, in bytes. */
        @WithDefault("8388608")
        long documentBytes();
    }
}

package org.sluice.policy.model;

import java.util.Random;

/**
 * One step a person or a change of the world takes in the model. Indices pick among what exists when the
 * step runs (modulo its size), so any subsequence of a run is still a run: that is what lets the shrinker
 * drop steps freely. {@link #toString()} is the Java that builds the step, for regression tests.
 */
sealed interface Action {

    /** An institution submits a transfer built from a template, to a destination, with end users. */
    record Submit(int template, int destination, int endUsers) implements Action {
        @Override
        public String toString() {
            return "new Submit(" + template + ", " + destination + ", " + endUsers + ")";
        }
    }

    /** A person claims an open case. */
    record Claim(int reviewCase, int actor) implements Action {
        @Override
        public String toString() {
            return "new Claim(" + reviewCase + ", " + actor + ")";
        }
    }

    /** A person claims an open case and votes, possibly clearing or confirming its screening hit with the vote. */
    record Vote(int reviewCase, int actor, boolean approve, int adjudication) implements Action {
        @Override
        public String toString() {
            return "new Vote(" + reviewCase + ", " + actor + ", " + approve + ", " + adjudication + ")";
        }
    }

    /** A person gives back a case they hold. */
    record Release(int reviewCase, int actor) implements Action {
        @Override
        public String toString() {
            return "new Release(" + reviewCase + ", " + actor + ")";
        }
    }

    /** The submitter appeals the transfer's decision in force. */
    record Appeal(int transfer) implements Action {
        @Override
        public String toString() {
            return "new Appeal(" + transfer + ")";
        }
    }

    /** A person files a screening verdict on the model's listed name. */
    record Adjudicate(int name, int actor, boolean confirm) implements Action {
        @Override
        public String toString() {
            return "new Adjudicate(" + name + ", " + actor + ", " + confirm + ")";
        }
    }

    /** The export-control office revokes, lets expire or restores a licence; open transfers are re-decided. */
    record LicenceChange(int licence, int kind) implements Action {
        @Override
        public String toString() {
            return "new LicenceChange(" + licence + ", " + kind + ")";
        }
    }

    /** The gateway announces a partner moved to an embargoed country, suspended, or as it was. */
    record PartnerChange(int partner, int kind) implements Action {
        @Override
        public String toString() {
            return "new PartnerChange(" + partner + ", " + kind + ")";
        }
    }

    /** The submitter cancels a transfer. */
    record Cancel(int transfer) implements Action {
        @Override
        public String toString() {
            return "new Cancel(" + transfer + ")";
        }
    }

    /** A random step, weighted towards the review flow. */
    static Action random(Random r) {
        int roll = r.nextInt(100);
        int actor = r.nextInt(ModelWorld.ACTORS.size());
        if (roll < 18) {
            return new Submit(
                    r.nextInt(ModelWorld.TEMPLATES.size()),
                    r.nextInt(ModelWorld.DESTINATIONS),
                    r.nextInt(ModelWorld.END_USERS));
        } else if (roll < 30) {
            return new Claim(r.nextInt(8), actor);
        } else if (roll < 60) {
            return new Vote(r.nextInt(8), actor, r.nextInt(4) != 0, r.nextInt(5) == 0 ? r.nextInt(2) + 1 : 0);
        } else if (roll < 64) {
            return new Release(r.nextInt(8), actor);
        } else if (roll < 72) {
            return new Appeal(r.nextInt(12));
        } else if (roll < 82) {
            return new Adjudicate(r.nextInt(ModelWorld.LISTED_NAMES), actor, r.nextInt(6) == 0);
        } else if (roll < 89) {
            return new LicenceChange(r.nextInt(ModelWorld.LICENCES.size()), r.nextInt(3));
        } else if (roll < 95) {
            return new PartnerChange(r.nextInt(ModelWorld.PARTNERS.size()), r.nextInt(3));
        }
        return new Cancel(r.nextInt(12));
    }
}

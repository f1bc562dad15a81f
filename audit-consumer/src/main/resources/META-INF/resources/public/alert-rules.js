// A readable title for each alert rule (docs/audit.md describes them), in one place for the security
// console and the public transparency page; a page shows the rule id of a rule missing here.
'use strict';

const ALERT_RULE_TITLES = Object.freeze({
  'repeated-denials': 'Repeated denials of one institution',
  'repeated-denials-submitter': 'Repeated denials of one submitter',
  'embargo-or-denied-party': 'Embargo or denied-party screening hit',
  'reviewer-override': 'Reviewers overrode an engine denial',
  'policy-change': 'Policy or screening list changed',
  'non-addressee-request': 'Package requested by a partner it is not addressed to',
  'auth-failure-burst': 'Burst of refused requests (401/403)',
  'ack-digest-mismatch': 'Partner received a package with another digest',
  'approval-against-hard-stop': 'Approval against a hard stop (no one may lift it)',
  'approval-short-of-deciders': 'Approval by fewer deciders than the case needs',
  'case-closed-by-reevaluation': 'Review case closed by a re-evaluation, not by reviewers',
  'sealing-refused': 'Gateway refused to seal an approval',
});

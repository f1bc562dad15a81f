package org.sluice.audit;

import io.quarkus.test.common.QuarkusTestResource;
import org.sluice.audit.publicpage.StandInPolicy;
import org.sluice.testsupport.KafkaResource;
import org.sluice.testsupport.PostgresResource;

/**
 * Starts the real broker and database once for all of this module's Quarkus tests, and the stand-in of
 * the policy service's public criteria.
 */
@QuarkusTestResource(value = KafkaResource.class, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, parallel = true)
@QuarkusTestResource(value = StandInPolicy.class, parallel = true)
public class TestInfra {}

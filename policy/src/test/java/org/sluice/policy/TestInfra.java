package org.sluice.policy;

import io.quarkus.test.common.QuarkusTestResource;
import org.sluice.testsupport.KafkaResource;
import org.sluice.testsupport.PostgresResource;

/** Starts the real broker and database once for all of this module's Quarkus tests. */
@QuarkusTestResource(value = KafkaResource.class, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, parallel = true)
public class TestInfra {}

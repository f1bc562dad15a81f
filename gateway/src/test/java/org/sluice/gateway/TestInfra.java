package org.sluice.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import org.sluice.testsupport.KafkaResource;
import org.sluice.testsupport.PostgresResource;

/** Starts the real broker and database, and the gateway's test keys, once for all of this module's Quarkus tests. */
@QuarkusTestResource(value = KafkaResource.class, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, parallel = true)
@QuarkusTestResource(GatewayTestResource.class)
public class TestInfra {}

package org.sluice.gateway.s3;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The gateway with its payload store in an S3-compatible bucket, chosen by configuration alone. */
public class S3StoreProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3StoreResource.class));
    }
}

package io.originwatch.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Origins for the evidence API; see {@link EvidenceOriginsResource}. */
public class EvidenceProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EvidenceOriginsResource.class));
    }
}

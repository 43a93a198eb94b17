package io.originwatch.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** A fleet of 253 origins for the list API; see {@link FleetOriginsResource}. */
public class FleetOriginsProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FleetOriginsResource.class));
    }
}

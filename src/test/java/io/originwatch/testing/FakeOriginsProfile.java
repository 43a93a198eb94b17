package io.originwatch.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Origins on a loopback fake origin; see {@link FakeOriginsResource}. */
public class FakeOriginsProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeOriginsResource.class));
    }
}

package io.originwatch.deploy;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Gives ProbeEndpointsTest an application instance of its own: Quarkus restarts for a different
 * profile class, so the manifest checks never share meters or state with the daemon's API tests.
 */
public class OwnApplicationProfile implements QuarkusTestProfile {}

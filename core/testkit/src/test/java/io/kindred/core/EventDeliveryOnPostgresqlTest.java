package io.kindred.core;

import io.kindred.testkit.TestPlatform;

/** Every test of {@link EventDeliveryTest}, on the embedded PostgreSQL server (in every build, whatever -Dkindred.test.db says). */
class EventDeliveryOnPostgresqlTest extends EventDeliveryTest {

    @Override
    TestPlatform.Builder builder() {
        return super.builder().postgresql();
    }
}

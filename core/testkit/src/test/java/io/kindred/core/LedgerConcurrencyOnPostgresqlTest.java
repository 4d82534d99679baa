package io.kindred.core;

import io.kindred.testkit.TestPlatform;

/** Every test of {@link LedgerConcurrencyTest}, on the embedded PostgreSQL server (in every build, whatever -Dkindred.test.db says). */
class LedgerConcurrencyOnPostgresqlTest extends LedgerConcurrencyTest {

    @Override
    TestPlatform.Builder builder() {
        return super.builder().postgresql();
    }
}

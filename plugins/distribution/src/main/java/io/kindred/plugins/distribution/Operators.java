package io.kindred.plugins.distribution;

import io.kindred.api.users.Member;

/**
 * Who acted, for the plugin's own "done by" records. Operator routes also take an administrator's API key, for which
 * {@link io.kindred.api.web.Exchange#actor()} is a stand-in with id 0 (the audit log names the key): those records
 * keep a null member id for it.
 */
final class Operators {

    private Operators() {
    }

    /** @return the operator's member id for the plugin's own trails ({@code decided_by}, re-binds); null for an API key */
    static Long idOf(Member operator) {
        return operator.id() == 0 ? null : operator.id();
    }
}

package io.kindred.plugins.distribution;

import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import io.kindred.api.web.Exchange;

import java.util.Set;

/**
 * Who acts on the console pages and the console API. Operator routes also take an API key, for which
 * {@link Exchange#member()} is empty (and {@link Exchange#requireMember()} a 401): the audit log then names a stand-in,
 * "API key (#0)", as the community plugin's contests do.
 */
final class Operators {

    /** The stand-in for a server calling with an API key. */
    static final Member API_KEY = new Member(0, null, "API key", Set.of(Role.OPERATOR), null);

    private Operators() {
    }

    /** @return the signed-in operator, or the API key stand-in */
    static Member of(Exchange x) {
        return x.member().orElse(API_KEY);
    }

    /** @return the operator's member id for the plugin's own trails ({@code decided_by}, re-binds); null for an API key */
    static Long idOf(Member operator) {
        return operator.id() == API_KEY.id() ? null : operator.id();
    }
}

package io.kindred.api.web;

/**
 * Who may call a route. The host checks it before the handler runs: anonymous callers of a protected
 * route get 401 (API) or the sign-in page (pages); signed-in callers without the role get 403.
 */
public enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Any signed-in member (operators and admins are members too). */
    MEMBER,
    /** Operators and admins, or an API key. */
    OPERATOR,
    /** Admins, or an API key. */
    ADMIN
}

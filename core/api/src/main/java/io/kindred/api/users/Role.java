package io.kindred.api.users;

/** The roles a member can hold. Every account is a {@link #MEMBER}; staff are also operators or admins. */
public enum Role {
    /** A member of the community. */
    MEMBER,
    /** Brand staff who run the console. */
    OPERATOR,
    /** Staff who also manage plugins, API keys and settings. */
    ADMIN;

    /** @return the role's name in the API and the database */
    public String code() {
        return name().toLowerCase();
    }
}

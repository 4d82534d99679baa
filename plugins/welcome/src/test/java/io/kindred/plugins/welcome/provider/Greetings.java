package io.kindred.plugins.welcome.provider;

/** The service the provider plugin exports from its own jar (not from kindred-api). */
public interface Greetings {

    /** @param name someone @return a greeting */
    String greet(String name);
}

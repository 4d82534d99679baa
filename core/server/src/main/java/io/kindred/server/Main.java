package io.kindred.server;

import io.kindred.server.cli.Cli;

/** {@code java -jar kindred.jar [--port N] [--data DIR] [command ...]}; see {@link Cli}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.getenv(), System.out, System.err));
    }
}

package io.kindred.server;

import io.kindred.server.cli.Cli;
import io.kindred.server.cli.Relaunch;

import java.util.OptionalInt;

/** {@code java -jar kindred.jar [--port N] [--data DIR] [command ...]}; see {@link Cli} and {@link Relaunch}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt child = Relaunch.ifDue(args, System.getenv());
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        Relaunch.followLauncher(System.getenv());
        System.exit(Cli.run(args, System.getenv(), System.out, System.err));
    }
}

package io.kindred.server.cli;

import io.kindred.server.Kindred;
import io.kindred.server.config.Config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The command line. Without a command, runs the server until SIGTERM/Ctrl-C. Commands:
 * {@code backup --to FILE}, {@code apikey create NAME}, {@code apikey revoke NAME}, {@code doctor},
 * {@code seed --members N ...} (benchmarks).
 */
public final class Cli {

    static final String USAGE = """
            Usage: java -jar kindred.jar [--port N] [--data DIR] [COMMAND]

              (no command)          run Kindred (port 7070, data ./kindred-data unless told otherwise)
              backup --to FILE      write a consistent copy of the database while Kindred runs
              apikey create NAME    create a server-to-server API key and print it once
              apikey revoke NAME    revoke an API key
              doctor                check the ledger invariants and the migrations (exit 0 = healthy)
              seed --members N [--ledger M] [--posts P] [--sessions S] [--force]
                                    fill a stopped Kindred's data directory with a large brand for benchmarks

            Options also come from KINDRED_PORT and KINDRED_DATA; every setting is in docs/operator-guide.md.""";

    private Cli() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> overrides = new HashMap<>();
        String data = env.getOrDefault("KINDRED_DATA", "kindred-data");
        List<String> rest = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> overrides.put("port", value(args, ++i, "--port"));
                    case "--data" -> data = value(args, ++i, "--data");
                    case "--dev" -> overrides.put("dev", "true");
                    case "-h", "--help", "help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--version", "version" -> {
                        out.println("Kindred " + Kindred.version());
                        return 0;
                    }
                    default -> rest.add(args[i]);
                }
            }
            Path dataDir = Path.of(data);
            if (rest.isEmpty()) {
                return serve(new Kindred.Options(dataDir, env, overrides, Clock.systemUTC()), err);
            }
            Tools tools = new Tools(dataDir, env, overrides, out);
            return switch (rest.get(0)) {
                case "backup" -> tools.backup(option(rest, "--to"));
                case "apikey" -> tools.apiKey(arg(rest, 1, "create or revoke"), arg(rest, 2, "NAME"));
                case "doctor" -> tools.doctor();
                case "seed" -> new Seed(dataDir, env, overrides, out).run(Seed.Plan.parse(rest));
                default -> throw new UsageException("Unknown command '" + rest.get(0) + "'.");
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Config.ConfigException e) {
            err.println("Kindred cannot start: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("Kindred failed: " + e.getMessage());
            return 1;
        }
    }

    private static int serve(Kindred.Options options, PrintStream err) throws Exception {
        // SIGTERM and Ctrl-C stop Kindred in order and exit 0; left to the JVM they would exit 143 (128 + SIGTERM).
        // Handled from here on, a signal that arrives while Kindred starts takes effect once it has started.
        CountDownLatch stopRequested = new CountDownLatch(1);
        onStopSignals(stopRequested::countDown);
        Kindred k;
        try {
            k = Kindred.start(options);
        } catch (io.javalin.util.JavalinBindException e) {
            err.println("Kindred cannot start: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(k::stop, "kindred-shutdown")); // any other way out (SIGHUP, -Xrs)
        stopRequested.await();
        k.stop();
        return 0;
    }

    static void onStopSignals(Runnable stop) {
        for (String name : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // The JVM keeps this signal (-Xrs); the shutdown hook stops Kindred instead.
            }
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new UsageException(flag + " needs a value.");
        }
        return args[i];
    }

    private static String option(List<String> rest, String flag) {
        int i = rest.indexOf(flag);
        if (i < 0 || i + 1 >= rest.size()) {
            throw new UsageException(rest.get(0) + " needs " + flag + " FILE.");
        }
        return rest.get(i + 1);
    }

    private static String arg(List<String> rest, int i, String what) {
        if (i >= rest.size()) {
            throw new UsageException(rest.get(0) + " needs " + what + ".");
        }
        return rest.get(i);
    }

    /** A mistake in the command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

package io.kindred.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the platform logs while some work runs, for tests that read a line meant for the operator (a reset link or an
 * SMS code written to the log when no mail server or SMS gateway is set up). The log still reaches the console.
 *
 * <pre>{@code
 * String log = LogCapture.stderr(() -> visitor.post("/api/v1/auth/claim/phone", Map.of("phone", phone)));
 * }</pre>
 */
public final class LogCapture {

    private LogCapture() {
    }

    /** @return everything written to {@code System.err} while {@code work} ran (one capture at a time) */
    public static synchronized String stderr(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                copy.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                copy.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return copy.toString(StandardCharsets.UTF_8);
    }
}

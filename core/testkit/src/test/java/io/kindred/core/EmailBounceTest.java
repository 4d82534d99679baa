package io.kindred.core;

import io.kindred.server.notifications.EmailOutbox;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A mail server's permanent refusal (5xx) is a bounce, kept at once; a temporary one (4xx) or a lost connection is retried. */
class EmailBounceTest {

    private static SendFailedException refused(int code) throws Exception {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(new InternetAddress("gone@brand.test"), "RCPT TO",
                code, code + " mailbox unavailable");
        return new SendFailedException("Invalid Addresses", rcpt);
    }

    @Test
    void anUnknownMailboxIsABounce() throws Exception {
        assertEquals(550, EmailOutbox.permanentRejection(new MessagingException("send failed", refused(550))));
        assertEquals(550, EmailOutbox.permanentRejection(refused(550)));
    }

    @Test
    void aFullMailboxOrALostConnectionIsTriedAgain() throws Exception {
        assertEquals(0, EmailOutbox.permanentRejection(refused(452)));
        assertEquals(0, EmailOutbox.permanentRejection(new MessagingException("Could not connect to SMTP host")));
    }
}

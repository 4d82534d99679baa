package io.kindred.plugins.creators.agencies;

import io.kindred.api.KindredException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small rules of contracts: shares in percent with two decimals, days in force, terms files told by their bytes. */
class ShareAndTermsRulesTest {

    @Test
    void sharesArePercentagesWithAtMostTwoDecimalsStoredAsBasisPoints() {
        assertEquals(1250, Contracts.basisPoints(new BigDecimal("12.5")));
        assertEquals(1, Contracts.basisPoints(new BigDecimal("0.01")));
        assertEquals(10_000, Contracts.basisPoints(new BigDecimal("100.00")));
        assertEquals(0, Contracts.basisPoints(BigDecimal.ZERO));
        for (String bad : new String[]{"100.01", "-1", "1.234"}) {
            assertThrows(KindredException.class, () -> Contracts.basisPoints(new BigDecimal(bad)), bad);
        }
    }

    @Test
    void aContractIsInForceWithinItsDaysAndBeforeItsTermination() {
        Contract c = new Contract(1, 1, 1, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), 1000, "terminated",
                null, 5_000L, "reason", 0, false);
        assertTrue(c.inForce(LocalDate.parse("2026-06-01"), 4_999));
        assertFalse(c.inForce(LocalDate.parse("2026-06-01"), 5_000), "at or after the termination");
        assertFalse(c.inForce(LocalDate.parse("2025-12-31"), 0));
        assertEquals("12.5", new Contract(1, 1, 1, LocalDate.MIN, LocalDate.MAX, 1250, "active", null, null, null, 0, false)
                .sharePercent().toString());
        assertEquals("10", new Contract(1, 1, 1, LocalDate.MIN, LocalDate.MAX, 1000, "active", null, null, null, 0, false)
                .sharePercent().toString());
        assertEquals("ended", new Contract(1, 1, 1, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), 1000,
                "active", null, null, null, 0, false).statusOn(LocalDate.parse("2026-01-01")));
    }

    @Test
    void termsFilesAreToldByTheirFirstBytesAndGetASafeName() {
        assertEquals(Optional.of("application/pdf"), TermsFiles.contentType("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("image/png"), TermsFiles.contentType(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertEquals(Optional.of("image/jpeg"), TermsFiles.contentType(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(Optional.of("image/webp"), TermsFiles.contentType("RIFF0000WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), TermsFiles.contentType("<script>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("signed_terms_.pdf", TermsFiles.safeName("signed terms?.exe", "application/pdf"));
        assertEquals("terms.jpg", TermsFiles.safeName("", "image/jpeg"));
        assertEquals("___etc_passwd.png", TermsFiles.safeName("../etc/passwd", "image/png"));
    }
}

package io.kindred.plugins.distribution;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The share poster is drawn from a template, so a theme restyles it; a broken theme template is said plainly. */
class PosterThemeIT {

    @Test
    void aThemesPosterTemplateGivesThePosterItsLayout() throws Exception {
        Path data = Files.createTempDirectory("kindred-poster-");
        Path template = data.resolve("themes/brand/templates/distribution/poster.peb");
        Files.createDirectories(template.getParent());
        Files.writeString(template, """
                width=600
                height=900
                background=#000000
                band=#FF0000
                bandHeight=200
                titleColor=#FFFFFF
                titleY=100
                titleSize=40
                subtitleY=160
                subtitleSize=24
                qrY=250
                qrSize=300
                textColor=#FFFFFF
                bylineY=640
                textSize=28
                accent=#FFCC00
                codeY=720
                codeSize=36
                footerY=850
                footerSize=20
                title={{ siteName | raw }}
                subtitle=Brand subtitle
                byline={{ t('distribution.poster.inviter', byline) | raw }}
                code={{ code | raw }}
                footer=Scan me
                """);
        try (TestPlatform p = TestPlatform.builder().dataDir(data).plugin(Fixture.JAR).setting("site.theme", "brand").start()) {
            Http member = p.member("poster@theme.test", "Poster");
            Http.Response png = member.get("/invite/poster.png");
            assertEquals(200, png.status(), png.body());
            BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(png.bytes()));
            assertEquals(600, drawn.getWidth());
            assertEquals(900, drawn.getHeight());
            assertEquals(0xFF0000, drawn.getRGB(5, 5) & 0xFFFFFF, "the theme's band colour");
        }
    }

    @Test
    void aBrokenPosterTemplateIsSaidPlainly() throws Exception {
        Path data = Files.createTempDirectory("kindred-poster-");
        Path template = data.resolve("themes/broken/templates/distribution/poster.peb");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "width=wide\n");
        try (TestPlatform p = TestPlatform.builder().dataDir(data).plugin(Fixture.JAR).setting("site.theme", "broken").start()) {
            Http.Response broken = p.member("broken@theme.test", "Broken").get("/invite/poster.png");
            assertEquals(500, broken.status());
            assertTrue(broken.body().contains("poster_layout") || broken.body().contains("poster template"), broken.body());
        }
    }
}

package io.kindred.server.privacy;

import io.kindred.api.db.Database;
import io.kindred.api.privacy.PersonalData;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.users.MemberIds;
import io.kindred.server.web.Json;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything Kindred holds about one member (数据导出): the platform's part (profile, account, consents, points and
 * their history, purchases, notifications) and each started plugin's section, as one JSON document, or as a ZIP
 * holding that document and the member's pictures.
 */
public final class MemberExport {

    /** The format's name and version, first in the document; a reader checks it before reading the rest. */
    public static final String FORMAT = "kindred-export/1";
    private static final Logger log = LoggerFactory.getLogger(MemberExport.class);

    private final Database db;
    private final UiRegistry register;
    private final Consents consents;
    private final Clock clock;
    private final Path uploadsDir;
    private final CorePersonalData core = new CorePersonalData();

    public MemberExport(Database db, UiRegistry register, Consents consents, Clock clock, Path uploadsDir) {
        this.db = db;
        this.register = register;
        this.consents = consents;
        this.clock = clock;
        this.uploadsDir = uploadsDir.toAbsolutePath().normalize();
    }

    /**
     * @return the member's data as a JSON-ready document
     * @throws io.kindred.api.KindredException 404 {@code user_not_found}
     */
    public Map<String, Object> document(long userId) {
        return db.read(h -> {
            Map<String, Object> profile = core.profile(h, userId);
            if (profile.isEmpty()) {
                throw MemberIds.notFound(userId);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("format", FORMAT);
            d.put("exportedAt", clock.instant());
            d.put("profile", profile);
            d.put("account", core.account(h, userId));
            d.put("consents", consents.of(h, userId).stream().map(Consents.Consent::toJson).toList());
            d.put("ledger", core.ledger(h, userId));
            d.put("purchases", core.purchases(h, userId));
            d.put("notifications", core.notifications(h, userId));
            Map<String, Object> plugins = new LinkedHashMap<>();
            for (UiRegistry.Owned<PersonalData> part : register.personalData()) {
                plugins.put(part.value().section(), section(h, part, userId));
            }
            d.put("plugins", plugins);
            return d;
        });
    }

    private static Object section(Handle h, UiRegistry.Owned<PersonalData> part, long userId) {
        try {
            return part.value().export(h, userId);
        } catch (RuntimeException e) {
            log.warn("The plugin {} could not export member #{}'s data: {}", part.owner(), userId, e.toString());
            return Map.of("error", "The plugin " + part.owner() + " could not export its part; ask the operator.");
        }
    }

    /**
     * Writes the ZIP download: {@code kindred-export.json} and the member's pictures under {@code files/}.
     *
     * @throws io.kindred.api.KindredException 404 {@code user_not_found}
     */
    public void zip(long userId, OutputStream out) throws IOException {
        Map<String, Object> document = document(userId);
        Set<String> files = new LinkedHashSet<>(db.read(h -> {
            List<String> all = new ArrayList<>();
            core.uploads(h, userId).forEach(f -> all.add("/uploads/" + f));
            for (UiRegistry.Owned<PersonalData> part : register.personalData()) {
                try {
                    all.addAll(part.value().files(h, userId));
                } catch (RuntimeException e) {
                    log.warn("The plugin {} could not list member #{}'s files: {}", part.owner(), userId, e.toString());
                }
            }
            return all;
        }));
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("kindred-export.json"));
            zip.write(Json.CORE.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            zip.closeEntry();
            for (String address : files) {
                Path file = local(address);
                if (file != null && Files.isRegularFile(file)) {
                    zip.putNextEntry(new ZipEntry("files/" + uploadsDir.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        }
    }

    /** @return the file of an {@code /uploads/...} address, or null when it points elsewhere */
    private Path local(String address) {
        if (address == null || !address.startsWith("/uploads/")) {
            return null;
        }
        Path file = uploadsDir.resolve(address.substring("/uploads/".length())).normalize();
        return file.startsWith(uploadsDir) && !file.equals(uploadsDir) ? file : null;
    }
}

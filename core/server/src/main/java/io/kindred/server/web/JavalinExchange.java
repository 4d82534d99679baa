package io.kindred.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.UploadedFile;

import java.io.IOException;
import java.io.InputStream;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A plugin's view of one Javalin request. */
public final class JavalinExchange implements Exchange {

    /** The largest uploaded file handed to a plugin. */
    private static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    private final Context ctx;
    private final Map<String, String> params;
    private final ObjectMapper mapper;
    private final Auth auth;
    private final Renderer renderer;
    private final Locale locale;

    private final java.util.function.Supplier<String> siteUrl;

    public JavalinExchange(Context ctx, Map<String, String> params, ObjectMapper mapper, Auth auth, Renderer renderer,
                           Locale locale, java.util.function.Supplier<String> siteUrl) {
        this.siteUrl = siteUrl;
        this.ctx = ctx;
        this.params = params;
        this.mapper = mapper;
        this.auth = auth;
        this.renderer = renderer;
        this.locale = locale;
    }

    @Override
    public String clientIp() {
        return ctx.ip();
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(ctx.cookie(name));
    }

    @Override
    public void cookie(String name, String value, java.time.Duration maxAge) {
        ctx.cookie(new io.javalin.http.Cookie(name, value, "/", (int) maxAge.toSeconds(), auth.secure(ctx), true, null,
                io.javalin.http.SameSite.LAX));
    }

    @Override
    public String method() {
        return ctx.method().name();
    }

    @Override
    public String path() {
        return ctx.path();
    }

    @Override
    public String pathParam(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the route has no path parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public long pathParamAsId(String name) {
        return parseId(pathParam(name));
    }

    static long parseId(String v) {
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to 404
        }
        throw KindredException.notFound("There is nothing with id '" + v + "'.");
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
    }

    @Override
    public int queryInt(String name, int defaultValue, int min, int max) {
        return Params.intParam(ctx, name, defaultValue, min, max);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(ctx.header(name));
    }

    @Override
    public Optional<String> idempotencyKey() {
        return Params.idempotencyKey(ctx);
    }

    @Override
    public String siteUrl() {
        return siteUrl.get();
    }

    @Override
    public <T> T body(Class<T> type) {
        return Bodies.read(mapper, ctx.bodyAsBytes(), type);
    }

    @Override
    public <T> T json(UploadedFile file, Class<T> type) {
        return Bodies.read(mapper, file.bytes(), type);
    }

    @Override
    public Map<String, List<String>> form() {
        return ctx.formParamMap();
    }

    @Override
    public Optional<UploadedFile> file(String field) {
        if (!multipart()) {
            return Optional.empty();
        }
        io.javalin.http.UploadedFile f = ctx.uploadedFile(field);
        return f == null || f.size() == 0 ? Optional.empty() : Optional.of(read(f));
    }

    @Override
    public java.util.List<UploadedFile> files(String field) {
        if (!multipart()) {
            return java.util.List.of();
        }
        return ctx.uploadedFiles(field).stream().filter(f -> f.size() > 0).map(JavalinExchange::read).toList();
    }

    private boolean multipart() {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static UploadedFile read(io.javalin.http.UploadedFile f) {
        byte[] bytes;
        try (InputStream in = f.content()) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw KindredException.badRequest("invalid_file", "The file could not be read.");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new KindredException(CoreError.FILE_TOO_LARGE, "The file is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB.");
        }
        return new UploadedFile(f.filename(), f.contentType(), bytes);
    }

    @Override
    public Optional<Member> member() {
        return auth.principal(ctx).map(Principal::member);
    }

    @Override
    public Member actor() {
        Principal p = auth.principal(ctx).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
        return p.isApiKey() ? new Member(0, null, p.label(), java.util.Set.of(io.kindred.api.users.Role.ADMIN), null)
                : p.member();
    }

    @Override
    public Member requireMember() {
        return member().orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public void json(int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void noContent() {
        ctx.status(204).result("");
    }

    @Override
    public void render(String template, Map<String, Object> model) {
        ctx.html(renderer.render(ctx, template, model));
    }

    @Override
    public void download(String fileName, String contentType, byte[] body) {
        ctx.status(200).contentType(contentType).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + safeFileName(fileName) + "\"")
                .result(body);
    }

    @Override
    public void csv(String fileName, List<String> header, Iterable<? extends List<?>> rows) {
        ctx.status(200).contentType("text/csv; charset=utf-8").header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + safeFileName(fileName) + "\"");
        try {
            CsvFiles.write(ctx.outputStream(), header, rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the name with anything but letters, digits, '.', '_' and '-' replaced, no leading dot, at most 100 chars */
    static String safeFileName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
        if (s.length() > 100) {
            s = s.substring(s.length() - 100);
        }
        return s.isEmpty() ? "download" : s;
    }

    @Override
    public void redirect(String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }
}

package io.kindred.api.share;

import java.util.Locale;

/**
 * Sharing a page of the site (分享): its full address, a QR code of it and a share poster (海报), the same for every
 * plugin. On pages, the theme's {@code share} partial gives the copy button, the system share sheet and the QR code:
 *
 * <pre>{@code
 * {% include "share" with {"sharePath": "/community/posts/" ~ post.id, "shareTitle": post.title} %}
 * }</pre>
 *
 * In code, {@code ctx.sharing()}:
 *
 * <pre>{@code
 * String link = ctx.sharing().address("/signup?ref=" + code, x);
 * x.download("poster.png", "image/png", ctx.sharing().poster(Poster.of(title, link).byline(name), x.locale()));
 * }</pre>
 */
public interface Sharing {

    /**
     * @param path    a path of this site, starting with {@code /}
     * @param request the request being answered: its address is used only while the operator has not set
     *                {@code site.url}
     * @return the page's full address, e.g. {@code https://club.brand.example/community/posts/7}
     * @throws io.kindred.api.KindredException 400 {@code invalid_field} for a path that does not start with one /
     */
    String address(String path, io.kindred.api.web.Exchange request);

    /**
     * @param text what the code holds, usually an address (at most 1,000 characters)
     * @return an SVG picture of its QR code, black on white with a quiet zone, that scales without blurring
     */
    String qrSvg(String text);

    /**
     * A QR code to put inline in a page (no picture request): e.g. a ticket's door code.
     *
     * <pre>{@code
     * model.put("qr", ctx.sharing().qrSvg(doorLink, "Ticket " + code, "ticket-qr"));   // {{ qr | raw }}
     * }</pre>
     *
     * @param text     what the code holds
     * @param label    what it is, for screen readers ({@code role="img"})
     * @param cssClass the element's class, which the page's CSS sizes
     * @return an {@code <svg>} element, label and class escaped
     */
    String qrSvg(String text, String label, String cssClass);

    /**
     * @param text what the code holds
     * @param size its width and height in pixels
     * @return a PNG picture of its QR code
     */
    byte[] qrPng(String text, int size);

    /**
     * Draws a share poster: a PNG phone picture (750 × 1334 by default) with the site's name, the poster's texts
     * and a QR code of its link. Its layout and colours come from a template ({@code share/poster} of the theme
     * unless the poster names its own), so a theme restyles every poster at once.
     *
     * @param poster what goes on it
     * @param locale the page's language
     * @return the PNG bytes
     * @throws io.kindred.api.KindredException 500 {@code poster_layout} when the template gives a size or colour
     *                                         wrongly (said plainly, naming the template and the value)
     */
    byte[] poster(Poster poster, Locale locale);
}

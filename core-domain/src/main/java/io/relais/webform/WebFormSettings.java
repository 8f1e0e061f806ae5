package io.relais.webform;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an administrator says of a web form. The canonical constructor does not validate, so that stored events
 * always load; {@link #validated()} applies today's rules to new input.
 *
 * @param name               what the form is, for the people who manage it ("Contact page", "Salon Lyon 2026")
 * @param allowedOrigins     the web origins ({@code https://www.example.fr}) whose pages may post to the form
 * @param sourceDetail       the lead's source detail (campaign, page); the form's name when absent
 * @param ownerId            who the leads go to; absent: the territory rules route them
 * @param consentText        the consent wording the page shows beside its box
 * @param consentTextVersion the version of that wording, recorded with each lead's consent
 * @param redirectUrl        where a browser is sent after posting the form (303)
 */
public record WebFormSettings(String name, List<String> allowedOrigins, @Nullable String sourceDetail,
                              @Nullable String ownerId, String consentText, String consentTextVersion,
                              String redirectUrl) {

    public static final int MAX_ORIGINS = 20;

    public WebFormSettings validated() {
        return new WebFormSettings(Fields.required("name", name, 200), origins(allowedOrigins),
                Fields.text("sourceDetail", sourceDetail, 200), Fields.optionalUserId("ownerId", ownerId),
                Fields.required("consentText", consentText, 2000),
                Fields.required("consentTextVersion", consentTextVersion, 50), redirect(redirectUrl));
    }

    /** The source detail the form's leads carry. */
    public String leadSourceDetail() {
        return sourceDetail == null ? name : sourceDetail;
    }

    private static List<String> origins(List<String> origins) {
        if (origins == null || origins.isEmpty()) {
            throw new InvalidFieldException("allowedOrigins", "required",
                    "allowedOrigins is required: the origins of the pages that may post the form");
        }
        if (origins.size() > MAX_ORIGINS) {
            throw new InvalidFieldException("allowedOrigins", "too-many",
                    "allowedOrigins holds at most " + MAX_ORIGINS + " origins (got " + origins.size() + ")");
        }
        Set<String> valid = new LinkedHashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            valid.add(origin("allowedOrigins[" + i + "]", origins.get(i)));
        }
        return List.copyOf(valid);
    }

    /** An origin as browsers send it: scheme, host and port only, lower case, without the default port. */
    private static String origin(String field, String value) {
        URI uri = Fields.webAddress(field, Fields.required(field, value, 255), "invalid-origin",
                " must be a web origin such as https://www.example.fr");
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidFieldException(field, "invalid-origin",
                    field + " must be an origin only (scheme, host and port), without a path: " + value);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = uri.getPort() == -1 || uri.getPort() == ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort());
    }

    private static String redirect(String value) {
        String checked = Fields.required("redirectUrl", value, 2000);
        Fields.webAddress("redirectUrl", checked, "invalid-url", " must be an absolute http or https address");
        return checked;
    }
}

package io.relais.fuzz;

import io.relais.fuzz.ApiDescription.Operation;
import io.relais.fuzz.Fixture.Caller;
import io.relais.support.HttpApi.Response;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One generated request, exactly as sent: {@code toString} names it precisely enough to replay it with curl
 * (long runs of a repeated character are written as {@code ⟨10000 × 'x'⟩}, invisible characters escaped).
 */
record FuzzRequest(Operation operation, Caller caller, String method, String target, List<String> headers,
                   String contentType, String body, List<String> mutations) {

    private static final Pattern RUN = Pattern.compile("(.{1,6}?)\\1{15,}", Pattern.DOTALL);

    Response send() {
        return caller.api().send(method, target, body, contentType, headers.toArray(String[]::new));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(readable(target))
                .append("  [as ").append(caller).append("; ").append(operation)
                .append(mutations.isEmpty() ? "; unmutated" : "; " + String.join(", ", mutations)).append(']');
        if (contentType != null && body != null) {
            text.append("\n  Content-Type: ").append(readable(contentType));
        }
        for (int i = 0; i < headers.size(); i += 2) {
            text.append("\n  ").append(headers.get(i)).append(": ").append(readable(headers.get(i + 1)));
        }
        if (body != null) {
            text.append("\n  body (").append(body.length()).append(" chars): ").append(readable(body));
        }
        return text.toString();
    }

    static String readable(String text) {
        Matcher run = RUN.matcher(text);
        StringBuilder shortened = new StringBuilder();
        while (run.find()) {
            String unit = run.group(1);
            run.appendReplacement(shortened, Matcher.quoteReplacement(
                    "⟨" + run.group().length() / unit.length() + " × '" + unit + "'⟩"));
        }
        run.appendTail(shortened);
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < shortened.length(); i++) {
            char c = shortened.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < shortened.length()
                    && Character.isLowSurrogate(shortened.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(shortened.charAt(i - 1));
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !pairedSurrogate) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

package io.relais.security;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's session over HTTP: sign-in with the form and its CSRF token, the API read and changed with the
 * session cookie (changes only with the token), API clients left without a session, a deactivated user's session
 * ended at once and so one opened with a password since changed, sign-out.
 */
class BrowserSessionTest extends ApiTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void theSignInFormStartsASessionWhoseChangesNeedTheCsrfToken() {
        TestUser rep = user("rep", Profile.SALES_REP);
        Browser browser = new Browser();

        HttpResponse<String> console = browser.get("/");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/sign-in"));
        HttpResponse<String> page = browser.get("/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(browser.cookies).containsKey("XSRF-TOKEN").doesNotContainKey("JSESSIONID");

        assertThat(browser.post("/sign-in", Map.of("userId", rep.id(), "password", "password-of-" + rep.id()))
                .statusCode()).as("without the token").isEqualTo(403);
        HttpResponse<String> wrong = browser.signIn(rep.id(), "wrong password");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/sign-in?error"));
        assertThat(browser.cookies).doesNotContainKey("JSESSIONID");

        HttpResponse<String> signedIn = browser.signIn(rep.id(), "password-of-" + rep.id());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
        assertThat(browser.cookies).containsKey("JSESSIONID");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        HttpApi session = anonymous();
        assertThat(session.get("/api/v1/me", "Cookie", browser.cookieHeader()).body().get("userId").asText())
                .isEqualTo(rep.id());
        long before = storedEvents();
        HttpApi.Response forged = session.post("/api/v1/accounts", "{\"legalName\": \"Forgée SA\"}",
                "Cookie", browser.cookieHeader());
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.body().get("type").asText()).isEqualTo("urn:relais:problem:invalid-csrf-token");
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
        HttpApi.Response made = session.post("/api/v1/accounts", "{\"legalName\": \"Console SA\"}",
                "Cookie", browser.cookieHeader(), "X-XSRF-TOKEN", browser.cookies.get("XSRF-TOKEN"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(eventsOf(created(made)).get(0).getMetaData().get("userId")).as("the session's user made it")
                .isEqualTo(rep.id());
    }

    @Test
    void apiClientsGetNoSessionAndNeedNoToken() throws IOException, InterruptedException {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/me")).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api().post("/api/v1/accounts", "{\"legalName\": \"Sans jeton SA\"}").status()).isEqualTo(201);
    }

    @Test
    void aDeactivatedUsersSessionEndsAtOnceSoDoesOneWhosePasswordChangedAndSigningOutEndsOne() {
        TestUser leaver = user("leaver", Profile.SALES_REP);
        TestUser stayer = user("stayer", Profile.SALES_REP);
        TestUser forgetful = user("forgetful", Profile.SALES_REP);
        Browser leaving = new Browser();
        leaving.get("/sign-in");
        leaving.signIn(leaver.id(), "password-of-" + leaver.id());
        Browser staying = new Browser();
        staying.get("/sign-in");
        staying.signIn(stayer.id(), "password-of-" + stayer.id());
        String leaverSession = leaving.cookieHeader();
        assertThat(anonymous().get("/api/v1/me", "Cookie", leaverSession).status()).isEqualTo(200);

        HttpApi.Response deactivated = api().post("/api/v1/users/" + leaver.id() + "/deactivate", "{}");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(anonymous().get("/api/v1/me", "Cookie", leaverSession).status()).isEqualTo(401);

        Browser forgetting = new Browser();
        forgetting.get("/sign-in");
        forgetting.signIn(forgetful.id(), "password-of-" + forgetful.id());
        String forgetfulSession = forgetting.cookieHeader();
        assertThat(anonymous().get("/api/v1/me", "Cookie", forgetfulSession).status()).isEqualTo(200);
        assertThat(api().put("/api/v1/users/" + forgetful.id() + "/password", "{\"password\": \"a new password 2026\"}")
                .status()).isEqualTo(204);
        assertThat(anonymous().get("/api/v1/me", "Cookie", forgetfulSession).status()).isEqualTo(401);

        String stayerSession = staying.cookieHeader();
        staying.get("/");
        HttpResponse<String> signedOut = staying.post("/sign-out", Map.of("_csrf", staying.cookies.get("XSRF-TOKEN")));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/sign-in?signed-out"));
        assertThat(anonymous().get("/api/v1/me", "Cookie", stayerSession).status()).isEqualTo(401);
    }

    /** A browser's cookie jar over plain requests, redirects not followed. */
    private final class Browser {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        HttpResponse<String> signIn(String userId, String password) {
            return post("/sign-in", Map.of("userId", userId, "password", password, "_csrf", cookies.get("XSRF-TOKEN")));
        }

        String cookieHeader() {
            return String.join("; ", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookieHeader());
            }
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                keep(response.headers().allValues("Set-Cookie"));
                return response;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void keep(List<String> setCookies) {
            setCookies.forEach(setCookie -> {
                String[] pair = setCookie.split(";", 2)[0].split("=", 2);
                if (pair[1].isEmpty()) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            });
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}

package io.relais.webhook;

import io.relais.common.InvalidFieldException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Whether a subscription's address accepts connections when it is saved (unless
 * {@code relais.webhooks.check-reachable} is off): a typing mistake is refused then, not found a day later in
 * the delivery log.
 */
@Component
class WebhookAddresses {

    private final WebhookProperties properties;

    WebhookAddresses(WebhookProperties properties) {
        this.properties = properties;
    }

    void requireReachable(String url) {
        if (!properties.checkReachable()) {
            return;
        }
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) properties.timeout().toMillis());
        } catch (UnknownHostException e) {
            throw unreachable(url, "its host " + uri.getHost() + " is not known");
        } catch (IOException e) {
            throw unreachable(url, uri.getHost() + ":" + port + " refused or did not answer a connection ("
                    + e.getMessage() + ")");
        }
    }

    private static InvalidFieldException unreachable(String url, String why) {
        return new InvalidFieldException("url", "unreachable-url", "url " + url + " cannot be reached: " + why);
    }
}

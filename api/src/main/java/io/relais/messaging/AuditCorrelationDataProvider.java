package io.relais.messaging;

import io.relais.common.AuditMetadata;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries the audit metadata from a message to every message its handling produces: the acting user, the
 * correlation id and the change's reason are copied, and the causation id becomes the handled message's id. Replaces Axon's
 * default provider, whose "correlationId" would mean the direct cause instead.
 */
@Component
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    /** The idempotency keys travel too, so that a creating event records the request it came from. */
    private static final List<String> PROPAGATED = List.of(AuditMetadata.USER_ID, AuditMetadata.ON_BEHALF_OF,
            AuditMetadata.CORRELATION_ID, AuditMetadata.CHANGE_REASON, AuditMetadata.IDEMPOTENCY_KEY, AuditMetadata.REQUEST_HASH);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : PROPAGATED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}

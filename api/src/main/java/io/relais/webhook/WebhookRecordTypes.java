package io.relais.webhook;

import io.relais.audit.AuditRecordType;
import io.relais.common.InvalidFieldException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of record a subscription may name: one per aggregate, as the audit view names them (an account's
 * contacts are part of {@code ACCOUNT}; users and territories of {@code ORGANISATION}). A delivery names the
 * aggregate its event belongs to as its record.
 */
final class WebhookRecordTypes {

    static final Set<AuditRecordType> KINDS = Set.of(AuditRecordType.LEAD, AuditRecordType.ACCOUNT,
            AuditRecordType.OPPORTUNITY, AuditRecordType.ACTIVITY, AuditRecordType.PRODUCT,
            AuditRecordType.SALES_TARGET, AuditRecordType.EXCHANGE_RATES, AuditRecordType.ORGANISATION,
            AuditRecordType.EXPORT, AuditRecordType.IMPORT, AuditRecordType.WEBFORM, AuditRecordType.WEBHOOK,
            AuditRecordType.WORKFLOWRULE);

    private WebhookRecordTypes() {
    }

    /** The record kind of an aggregate type: {@code SalesTarget} is {@code SALES_TARGET}, {@code WebForm} WEBFORM. */
    static String of(String aggregateType) {
        String upper = aggregateType.toUpperCase(Locale.ROOT);
        if (Arrays.stream(AuditRecordType.values()).anyMatch(kind -> kind.name().equals(upper))) {
            return upper;
        }
        return aggregateType.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The kinds a request names, in any case; refused naming the entry that is none of {@link #KINDS}. */
    static List<String> named(List<String> names) {
        if (names == null) {
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip().toUpperCase(Locale.ROOT);
            if (KINDS.stream().noneMatch(kind -> kind.name().equals(name))) {
                throw new InvalidFieldException("recordTypes[" + i + "]", "unknown-record-type", "recordTypes[" + i
                        + "] must be one of " + KINDS.stream().map(Enum::name).sorted().toList());
            }
            kinds.add(name);
        }
        return kinds;
    }
}

package io.relais.duplicate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a candidate is a likely duplicate and how likely. Each reason scores on its own: a shared
 * identifier its key type's weight, a similar company name its similarity, a similar person name 0.9 times
 * its similarity (a name alone is never certain); the reasons combine as independent evidence,
 * {@code 1 - (1 - s1)(1 - s2)...}. Names match as {@link NameComparison} says. Two rules keep colleagues
 * apart: leads are not duplicates for sharing a company, a website domain or a company name alone, and two
 * leads of similar name with companies are duplicates only if the companies match too.
 */
public final class DuplicateScoring {

    private static final double PERSON_NAME_WEIGHT = 0.9;

    /** The similarity from which names count as a match (0 to 1). */
    public record Thresholds(double companyName, double personName) {
    }

    private DuplicateScoring() {
    }

    public static List<DuplicateReason> reasons(RecordKind probe, RecordKind candidate, DuplicateEvidence evidence,
                                                Thresholds thresholds) {
        boolean leads = probe == RecordKind.LEAD && candidate == RecordKind.LEAD;
        List<DuplicateReason> reasons = new ArrayList<>();
        for (MatchKey key : evidence.sharedKeys()) {
            if (!(leads && key.type() == KeyType.DOMAIN)) {
                reasons.add(new DuplicateReason(key.type().name(), key.value(), key.type().weight()));
            }
        }
        NameComparison company = evidence.company();
        boolean companiesMatch = company != null && company.matches(thresholds.companyName());
        if (companiesMatch && companyNameCounts(candidate)) {
            reasons.add(new DuplicateReason("COMPANY_NAME", null, round(company.similarity())));
        }
        NameComparison person = evidence.person();
        if (person != null && personNameCounts(candidate) && person.matches(thresholds.personName())
                && (!leads || company == null || companiesMatch)) {
            reasons.add(new DuplicateReason("PERSON_NAME", null, round(PERSON_NAME_WEIGHT * person.similarity())));
        }
        return reasons;
    }

    /** Whether a similar company name is a reason: for accounts only (two leads at one company are colleagues). */
    public static boolean companyNameCounts(RecordKind candidate) {
        return candidate == RecordKind.ACCOUNT;
    }

    /** Whether a similar person name is a reason: for leads and contacts, the records that name a person. */
    public static boolean personNameCounts(RecordKind candidate) {
        return candidate != RecordKind.ACCOUNT;
    }

    /**
     * The reasons combined as independent evidence, rounded to three decimals (in decimal arithmetic, so that
     * exact halves round up); 0 without a reason.
     */
    public static double score(List<DuplicateReason> reasons) {
        BigDecimal unlikely = BigDecimal.ONE;
        for (DuplicateReason reason : reasons) {
            unlikely = unlikely.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(reason.score())));
        }
        return BigDecimal.ONE.subtract(unlikely).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}

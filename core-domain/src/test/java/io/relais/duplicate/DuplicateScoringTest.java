package io.relais.duplicate;

import io.relais.duplicate.DuplicateScoring.Thresholds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static io.relais.duplicate.RecordKind.ACCOUNT;
import static io.relais.duplicate.RecordKind.CONTACT;
import static io.relais.duplicate.RecordKind.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

class DuplicateScoringTest {

    /** The thresholds the application ships with. */
    private static final Thresholds DEFAULTS = new Thresholds(0.6, 0.6);

    /** Two different thresholds, to tell which one a rule applies. */
    private static final Thresholds COMPANY_055_PERSON_07 = new Thresholds(0.55, 0.7);

    private static final MatchKey SIRET = new MatchKey(KeyType.SIRET, "73282932000074");
    private static final MatchKey EMAIL = new MatchKey(KeyType.EMAIL, "jeannemartin@boulangerie-dupont.fr");
    private static final MatchKey PHONE = new MatchKey(KeyType.PHONE, "33472000000");
    private static final MatchKey SIREN = new MatchKey(KeyType.SIREN, "732829320");
    private static final MatchKey DOMAIN = new MatchKey(KeyType.DOMAIN, "boulangerie-dupont.fr");

    private static final DuplicateReason SIRET_REASON = new DuplicateReason("SIRET", "73282932000074", 1.0);
    private static final DuplicateReason EMAIL_REASON =
            new DuplicateReason("EMAIL", "jeannemartin@boulangerie-dupont.fr", 0.95);
    private static final DuplicateReason PHONE_REASON = new DuplicateReason("PHONE", "33472000000", 0.85);
    private static final DuplicateReason SIREN_REASON = new DuplicateReason("SIREN", "732829320", 0.8);
    private static final DuplicateReason DOMAIN_REASON = new DuplicateReason("DOMAIN", "boulangerie-dupont.fr", 0.8);

    /**
     * Evidence with name similarities as given; the names themselves are equal, so that only the similarity
     * decides (NameComparisonTest covers names that differ).
     */
    private static DuplicateEvidence evidence(List<MatchKey> keys, double company, double person,
                                              boolean bothHaveCompany) {
        return new DuplicateEvidence(keys, bothHaveCompany ? new NameComparison("acme", "acme", company) : null,
                new NameComparison("jeanne martin", "jeanne martin", person));
    }

    private static DuplicateEvidence keys(MatchKey... keys) {
        return new DuplicateEvidence(List.of(keys), null, null);
    }

    private static DuplicateEvidence names(double company, double person, boolean bothHaveCompany) {
        return evidence(List.of(), company, person, bothHaveCompany);
    }

    private static DuplicateReason companyName(double score) {
        return new DuplicateReason("COMPANY_NAME", null, score);
    }

    private static DuplicateReason personName(double score) {
        return new DuplicateReason("PERSON_NAME", null, score);
    }

    private static List<DuplicateReason> reasons(RecordKind probe, RecordKind candidate, DuplicateEvidence evidence) {
        return DuplicateScoring.reasons(probe, candidate, evidence, DEFAULTS);
    }

    @Nested
    class SharedKeys {

        @ParameterizedTest(name = "{0} weighs {1}")
        @CsvSource({
                "SIRET,  1.0",
                "EMAIL,  0.95",
                "PHONE,  0.85",
                "SIREN,  0.8",
                "DOMAIN, 0.8"})
        void eachScoresItsKeyTypesWeightWithItsValue(KeyType type, double weight) {
            MatchKey key = new MatchKey(type, "valeur-" + type);

            assertThat(reasons(ACCOUNT, ACCOUNT, keys(key)))
                    .containsExactly(new DuplicateReason(type.name(), "valeur-" + type, weight));
        }

        @ParameterizedTest(name = "{0} against {1}: {2}")
        @MethodSource("io.relais.duplicate.DuplicateScoringTest#kindPairsAndKeyTypes")
        void eachCountsBetweenAnyKindsExceptADomainBetweenLeads(RecordKind probe, RecordKind candidate, KeyType type) {
            MatchKey key = new MatchKey(type, "k");
            boolean leadsSharingADomain = probe == LEAD && candidate == LEAD && type == KeyType.DOMAIN;

            List<DuplicateReason> reasons = reasons(probe, candidate, keys(key));

            if (leadsSharingADomain) {
                assertThat(reasons).isEmpty();
            } else {
                assertThat(reasons).containsExactly(new DuplicateReason(type.name(), "k", type.weight()));
            }
        }

        @Test
        void keepTheOrderOfTheEvidence() {
            assertThat(reasons(ACCOUNT, ACCOUNT, keys(DOMAIN, SIREN, PHONE, SIRET)))
                    .containsExactly(DOMAIN_REASON, SIREN_REASON, PHONE_REASON, SIRET_REASON);
        }

        @Test
        void eachSharedValueIsAReasonEvenOfTheSameType() {
            MatchKey other = new MatchKey(KeyType.EMAIL, "jmartin@gmail.com");

            assertThat(reasons(CONTACT, LEAD, keys(EMAIL, other))).containsExactly(EMAIL_REASON,
                    new DuplicateReason("EMAIL", "jmartin@gmail.com", 0.95));
        }

        @Test
        void betweenLeadsDropOnlyTheDomain() {
            assertThat(reasons(LEAD, LEAD, keys(EMAIL, DOMAIN, PHONE))).containsExactly(EMAIL_REASON, PHONE_REASON);
        }

        @Test
        void needNoSimilarName() {
            assertThat(reasons(LEAD, LEAD, evidence(List.of(EMAIL), 0.1, 0.2, true))).containsExactly(EMAIL_REASON);
        }

        @Test
        void noSharedKeyAndNoSimilarNameIsNoReason() {
            for (RecordKind probe : RecordKind.values()) {
                for (RecordKind candidate : RecordKind.values()) {
                    assertThat(reasons(probe, candidate, names(0, 0, false))).as(probe + "/" + candidate).isEmpty();
                    assertThat(reasons(probe, candidate, names(0.59, 0.59, true))).as(probe + "/" + candidate)
                            .isEmpty();
                }
            }
        }
    }

    @Nested
    class CompanyName {

        @ParameterizedTest
        @EnumSource(RecordKind.class)
        void isAReasonAgainstAnAccountWhateverTheProbe(RecordKind probe) {
            assertThat(reasons(probe, ACCOUNT, names(0.8, 0, true))).containsExactly(companyName(0.8));
        }

        @ParameterizedTest
        @CsvSource({"ACCOUNT, LEAD", "LEAD, LEAD", "CONTACT, LEAD", "ACCOUNT, CONTACT", "LEAD, CONTACT",
                "CONTACT, CONTACT"})
        void isNoReasonAgainstALeadOrAContact(RecordKind probe, RecordKind candidate) {
            assertThat(reasons(probe, candidate, names(1.0, 0, true))).isEmpty();
        }

        @Test
        void makesALeadOfAKnownCompanyLikeTheAccount() {
            assertThat(reasons(LEAD, ACCOUNT, names(0.92, 0, true))).containsExactly(companyName(0.92));
        }

        @Test
        void needsACompanyOnBothSides() {
            assertThat(reasons(ACCOUNT, ACCOUNT, names(0.8, 0, false))).isEmpty();
        }

        @Test
        void countsFromTheThresholdIncluded() {
            assertThat(DuplicateScoring.reasons(ACCOUNT, ACCOUNT, names(0.55, 0, true), COMPANY_055_PERSON_07))
                    .containsExactly(companyName(0.55));
        }

        @Test
        void doesNotCountJustBelowTheThreshold() {
            assertThat(DuplicateScoring.reasons(ACCOUNT, ACCOUNT, names(0.549, 0, true), COMPANY_055_PERSON_07))
                    .isEmpty();
        }

        @Test
        void usesTheCompanyThresholdNotThePersonOne() {
            assertThat(DuplicateScoring.reasons(LEAD, ACCOUNT, names(0.6, 0.6, true), COMPANY_055_PERSON_07))
                    .containsExactly(companyName(0.6));
        }

        @ParameterizedTest(name = "{0} scores {1}")
        @CsvSource({
                "1.0,     1.0",
                "0.8,     0.8",
                "0.66666, 0.667",
                "0.6665,  0.667",
                "0.8765,  0.877",
                "0.8764,  0.876",
                "0.61234, 0.612"})
        void scoresItsSimilarityRoundedHalfUpToThreeDecimals(double similarity, double score) {
            assertThat(reasons(ACCOUNT, ACCOUNT, names(similarity, 0, true))).containsExactly(companyName(score));
        }

        @Test
        void comesAfterTheSharedKeys() {
            assertThat(reasons(LEAD, ACCOUNT, evidence(List.of(PHONE, DOMAIN), 0.9, 0, true)))
                    .containsExactly(PHONE_REASON, DOMAIN_REASON, companyName(0.9));
        }
    }

    @Nested
    class PersonName {

        @ParameterizedTest(name = "{0} scores {1}")
        @CsvSource({
                "1.0,    0.9",
                "0.8,    0.72",
                "0.7,    0.63",
                "0.87,   0.783",
                "0.61,   0.549",
                "0.6667, 0.6",
                "0.8333, 0.75"})
        void scoresNineTenthsOfItsSimilarityRoundedToThreeDecimals(double similarity, double score) {
            assertThat(reasons(CONTACT, CONTACT, names(0, similarity, false))).containsExactly(personName(score));
        }

        @Test
        void isNeverCertainAlone() {
            List<DuplicateReason> reasons = reasons(LEAD, CONTACT, names(0, 1.0, false));

            assertThat(reasons).containsExactly(personName(0.9));
            assertThat(DuplicateScoring.score(reasons)).isEqualTo(0.9);
        }

        @ParameterizedTest(name = "{0} against {1}")
        @MethodSource("io.relais.duplicate.DuplicateScoringTest#personCandidatePairs")
        void isAReasonForAnyKindOfPersonWithoutCompaniesOnBothSides(RecordKind probe, RecordKind candidate) {
            assertThat(reasons(probe, candidate, names(0, 0.8, false))).containsExactly(personName(0.72));
        }

        @Test
        void countsFromTheThresholdIncluded() {
            assertThat(DuplicateScoring.reasons(LEAD, CONTACT, names(0, 0.7, false), COMPANY_055_PERSON_07))
                    .containsExactly(personName(0.63));
        }

        @Test
        void doesNotCountJustBelowTheThreshold() {
            assertThat(DuplicateScoring.reasons(LEAD, CONTACT, names(0, 0.699, false), COMPANY_055_PERSON_07))
                    .isEmpty();
        }

        @Test
        void usesThePersonThresholdNotTheCompanyOne() {
            assertThat(DuplicateScoring.reasons(CONTACT, LEAD, names(0, 0.6, false), COMPANY_055_PERSON_07))
                    .isEmpty();
        }

        @Test
        void isNoReasonWithoutAnySimilarityWhateverTheThreshold() {
            assertThat(DuplicateScoring.reasons(CONTACT, CONTACT, names(0, 0, false), new Thresholds(0.6, 0)))
                    .isEmpty();
        }

        @ParameterizedTest(name = "{0} against {1}")
        @CsvSource({"LEAD, CONTACT", "CONTACT, LEAD", "ACCOUNT, LEAD", "CONTACT, CONTACT", "ACCOUNT, CONTACT"})
        void outsideLeadsCountsEvenWithDissimilarCompanies(RecordKind probe, RecordKind candidate) {
            assertThat(reasons(probe, candidate, names(0.2, 0.8, true))).containsExactly(personName(0.72));
        }

        @ParameterizedTest
        @EnumSource(RecordKind.class)
        void isNoReasonForAnAccountCandidateWhichNamesNoPerson(RecordKind probe) {
            assertThat(reasons(probe, ACCOUNT, names(0.2, 0.9, true))).isEmpty();
        }

        @Test
        void comesLast() {
            assertThat(reasons(CONTACT, LEAD, evidence(List.of(EMAIL), 0.7, 0.9, true)))
                    .containsExactly(EMAIL_REASON, personName(0.81));
        }
    }

    /** The rules that keep colleagues, who share a company, apart. */
    @Nested
    class BetweenLeads {

        @Test
        void aSharedWebsiteDomainAloneIsNoReason() {
            List<DuplicateReason> reasons = reasons(LEAD, LEAD, keys(DOMAIN));

            assertThat(reasons).isEmpty();
            assertThat(DuplicateScoring.score(reasons)).isZero();
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.6, 0.9, 1.0})
        void theSameCompanyNameAloneIsNoReason(double companySimilarity) {
            assertThat(reasons(LEAD, LEAD, names(companySimilarity, 0, true))).isEmpty();
        }

        @Test
        void theSameCompanyAndDomainWithDifferentNamesIsNoReason() {
            assertThat(reasons(LEAD, LEAD, evidence(List.of(DOMAIN), 1.0, 0.25, true))).isEmpty();
        }

        @Test
        void similarNamesAtSimilarCompaniesAreAReasonButTheCompanyIsNot() {
            assertThat(reasons(LEAD, LEAD, names(0.85, 0.8, true))).containsExactly(personName(0.72));
        }

        @Test
        void similarNamesAtDissimilarCompaniesAreNoReason() {
            assertThat(reasons(LEAD, LEAD, names(0.3, 1.0, true))).isEmpty();
        }

        @Test
        void similarNamesCountWithCompaniesSimilarFromTheCompanyThresholdIncluded() {
            assertThat(DuplicateScoring.reasons(LEAD, LEAD, names(0.55, 0.9, true), COMPANY_055_PERSON_07))
                    .containsExactly(personName(0.81));
        }

        @Test
        void similarNamesDoNotCountWithCompaniesJustBelowTheCompanyThreshold() {
            assertThat(DuplicateScoring.reasons(LEAD, LEAD, names(0.549, 0.9, true), COMPANY_055_PERSON_07))
                    .isEmpty();
        }

        @Test
        void similarNamesCountWhenOnlyOneHasACompany() {
            assertThat(reasons(LEAD, LEAD, names(0, 0.8, false))).containsExactly(personName(0.72));
        }

        @Test
        void similarNamesStillNeedToReachThePersonThreshold() {
            assertThat(DuplicateScoring.reasons(LEAD, LEAD, names(1.0, 0.699, true), COMPANY_055_PERSON_07))
                    .isEmpty();
        }

        @Test
        void aSharedEmailCountsWhateverTheCompanies() {
            assertThat(reasons(LEAD, LEAD, evidence(List.of(EMAIL, DOMAIN), 0.1, 0.9, true)))
                    .containsExactly(EMAIL_REASON);
        }

        @ParameterizedTest(name = "{0} against {1}")
        @CsvSource({"ACCOUNT, LEAD", "LEAD, CONTACT", "CONTACT, LEAD"})
        void doNotApplyWhenOnlyOneSideIsALead(RecordKind probe, RecordKind candidate) {
            List<DuplicateReason> reasons = reasons(probe, candidate, evidence(List.of(DOMAIN), 0.3, 0.8, true));

            assertThat(reasons).containsExactly(DOMAIN_REASON, personName(0.72));
        }
    }

    @Nested
    class EveryKindPair {

        /** Everything shared: every key type, similar companies on both sides, similar persons. */
        private final DuplicateEvidence everything =
                evidence(List.of(SIRET, EMAIL, PHONE, SIREN, DOMAIN), 0.9, 0.8, true);

        /** Every key type and similar persons, but companies on both sides that are not alike. */
        private final DuplicateEvidence otherCompanies =
                evidence(List.of(SIRET, EMAIL, PHONE, SIREN, DOMAIN), 0.4, 0.8, true);

        @ParameterizedTest(name = "{0} against {1}")
        @MethodSource("io.relais.duplicate.DuplicateScoringTest#reasonsForEverything")
        void givesTheReasonsOfItsRules(RecordKind probe, RecordKind candidate, List<DuplicateReason> expected) {
            assertThat(reasons(probe, candidate, everything)).containsExactlyElementsOf(expected);
        }

        @ParameterizedTest(name = "{0} against {1}")
        @MethodSource("io.relais.duplicate.DuplicateScoringTest#reasonsWithOtherCompanies")
        void givesTheReasonsOfItsRulesWithDissimilarCompanies(RecordKind probe, RecordKind candidate,
                                                              List<DuplicateReason> expected) {
            assertThat(reasons(probe, candidate, otherCompanies)).containsExactlyElementsOf(expected);
        }
    }

    @Nested
    class Score {

        @Test
        void isZeroWithoutReasons() {
            assertThat(DuplicateScoring.score(List.of())).isZero();
        }

        @ParameterizedTest
        @ValueSource(doubles = {1.0, 0.95, 0.85, 0.8, 0.72, 0.549, 0.0})
        void isTheScoreOfALoneReason(double score) {
            assertThat(DuplicateScoring.score(List.of(personName(score)))).isEqualTo(score);
        }

        @Test
        void combinesTwoReasonsAsIndependentEvidence() {
            // 1 - (1 - 0.85)(1 - 0.72) = 1 - 0.15 * 0.28 = 0.958
            assertThat(DuplicateScoring.score(List.of(PHONE_REASON, personName(0.72)))).isEqualTo(0.958);
        }

        @Test
        void combinesTwoEqualReasons() {
            // 1 - 0.2 * 0.2 = 0.96
            assertThat(DuplicateScoring.score(List.of(SIREN_REASON, DOMAIN_REASON))).isEqualTo(0.96);
        }

        @Test
        void combinesThreeReasonsAndRoundsToThreeDecimals() {
            // 1 - 0.05 * 0.15 * 0.28 = 0.9979
            assertThat(DuplicateScoring.score(List.of(EMAIL_REASON, PHONE_REASON, personName(0.72))))
                    .isEqualTo(0.998);
        }

        @Test
        void combinesNameReasons() {
            // 1 - 0.333 * 0.451 = 0.849817
            assertThat(DuplicateScoring.score(List.of(companyName(0.667), personName(0.549)))).isEqualTo(0.85);
        }

        @Test
        void isCertainWithACertainReason() {
            assertThat(DuplicateScoring.score(List.of(personName(0.5), SIRET_REASON, DOMAIN_REASON))).isEqualTo(1.0);
        }

        @Test
        void isUnchangedByAReasonScoringZero() {
            assertThat(DuplicateScoring.score(List.of(PHONE_REASON, companyName(0.0)))).isEqualTo(0.85);
        }

        @Test
        void neverExceedsOne() {
            assertThat(DuplicateScoring.score(Collections.nCopies(20, EMAIL_REASON))).isEqualTo(1.0);
        }

        @ParameterizedTest
        @CsvSource({"0.12351, 0.124", "0.12349, 0.123", "0.3337, 0.334", "0.0004, 0.0", "0.9996, 1.0"})
        void roundsToThreeDecimals(double reasonScore, double score) {
            assertThat(DuplicateScoring.score(List.of(personName(reasonScore)))).isEqualTo(score);
        }

        @Test
        void doesNotDependOnTheOrderOfTheReasons() {
            List<DuplicateReason> reasons = new ArrayList<>(List.of(EMAIL_REASON, PHONE_REASON, companyName(0.667),
                    personName(0.549)));
            double score = DuplicateScoring.score(reasons);

            for (int i = 0; i < reasons.size(); i++) {
                Collections.rotate(reasons, 1);
                assertThat(DuplicateScoring.score(reasons)).as(reasons.toString()).isEqualTo(score);
            }
            Collections.reverse(reasons);
            assertThat(DuplicateScoring.score(reasons)).isEqualTo(score);
            assertThat(score).isEqualTo(0.999);
        }

        @Test
        void scoresALeadOfAKnownCompanySharingItsPhone() {
            List<DuplicateReason> reasons = reasons(LEAD, ACCOUNT, evidence(List.of(PHONE), 0.9, 0, true));

            // 1 - 0.15 * 0.1 = 0.985
            assertThat(DuplicateScoring.score(reasons)).isEqualTo(0.985);
        }

        @Test
        void scoresTheSameLeadCapturedTwiceWithAnotherEmail() {
            List<DuplicateReason> reasons = reasons(LEAD, LEAD, evidence(List.of(PHONE, DOMAIN), 0.8, 0.8, true));

            assertThat(reasons).containsExactly(PHONE_REASON, personName(0.72));
            assertThat(DuplicateScoring.score(reasons)).isEqualTo(0.958);
        }
    }

    /** Every probe kind against the candidates that name a person (leads and contacts). */
    static Stream<Arguments> personCandidatePairs() {
        return kindPairs().filter(pair -> pair.get()[1] != ACCOUNT);
    }

    static Stream<Arguments> kindPairs() {
        return Arrays.stream(RecordKind.values())
                .flatMap(probe -> Arrays.stream(RecordKind.values()).map(candidate -> Arguments.of(probe, candidate)));
    }

    static Stream<Arguments> kindPairsAndKeyTypes() {
        return kindPairs().flatMap(pair -> Arrays.stream(KeyType.values())
                .map(type -> Arguments.of(pair.get()[0], pair.get()[1], type)));
    }

    static Stream<Arguments> reasonsForEverything() {
        List<DuplicateReason> allKeys = List.of(SIRET_REASON, EMAIL_REASON, PHONE_REASON, SIREN_REASON, DOMAIN_REASON);
        List<DuplicateReason> leadKeys = List.of(SIRET_REASON, EMAIL_REASON, PHONE_REASON, SIREN_REASON);
        return Stream.of(
                Arguments.of(ACCOUNT, ACCOUNT, plus(allKeys, companyName(0.9))),
                Arguments.of(LEAD, ACCOUNT, plus(allKeys, companyName(0.9))),
                Arguments.of(CONTACT, ACCOUNT, plus(allKeys, companyName(0.9))),
                Arguments.of(ACCOUNT, LEAD, plus(allKeys, personName(0.72))),
                Arguments.of(LEAD, LEAD, plus(leadKeys, personName(0.72))),
                Arguments.of(CONTACT, LEAD, plus(allKeys, personName(0.72))),
                Arguments.of(ACCOUNT, CONTACT, plus(allKeys, personName(0.72))),
                Arguments.of(LEAD, CONTACT, plus(allKeys, personName(0.72))),
                Arguments.of(CONTACT, CONTACT, plus(allKeys, personName(0.72))));
    }

    static Stream<Arguments> reasonsWithOtherCompanies() {
        List<DuplicateReason> allKeys = List.of(SIRET_REASON, EMAIL_REASON, PHONE_REASON, SIREN_REASON, DOMAIN_REASON);
        List<DuplicateReason> leadKeys = List.of(SIRET_REASON, EMAIL_REASON, PHONE_REASON, SIREN_REASON);
        return Stream.of(
                Arguments.of(ACCOUNT, ACCOUNT, allKeys),
                Arguments.of(LEAD, ACCOUNT, allKeys),
                Arguments.of(CONTACT, ACCOUNT, allKeys),
                Arguments.of(ACCOUNT, LEAD, plus(allKeys, personName(0.72))),
                Arguments.of(LEAD, LEAD, leadKeys),
                Arguments.of(CONTACT, LEAD, plus(allKeys, personName(0.72))),
                Arguments.of(ACCOUNT, CONTACT, plus(allKeys, personName(0.72))),
                Arguments.of(LEAD, CONTACT, plus(allKeys, personName(0.72))),
                Arguments.of(CONTACT, CONTACT, plus(allKeys, personName(0.72))));
    }

    private static List<DuplicateReason> plus(List<DuplicateReason> reasons, DuplicateReason... more) {
        List<DuplicateReason> all = new ArrayList<>(reasons);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void roundsExactHalvesUpInDecimalArithmetic() {
        // 1 - 0.05 x 0.15 = 0.9925 exactly; binary floating point would give 0.99249999...
        assertThat(DuplicateScoring.score(List.of(new DuplicateReason("EMAIL", "a@b.fr", 0.95),
                new DuplicateReason("PHONE", "33472000000", 0.85)))).isEqualTo(0.993);
    }
}

package io.relais.duplicate;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Two normalised names (a probe's and a candidate's) and their pg_trgm similarity. Trigram similarity is
 * inflated by a shared generic word: "boulangerie lefevre" and "boulangerie dupre" score 0.52,
 * "informatique conseil lefevre" and "informatique conseil leroy" 0.70. So names match only if, besides
 * being similar enough, they are alike where they differ: the words one has and the other lacks must be
 * one's spelling of the other ("lefevre" and "lfeevre", "lefebvre"), or one name must hold all the other's
 * words ("boulangerie lefevre" in "boulangerie lefevre lyon").
 */
public record NameComparison(String probeName, String candidateName, double similarity) {

    /** How alike (1 − edit distance / length) the differing words must be. */
    public static final double DIFFERING_WORDS_LIKENESS = 0.6;

    public boolean matches(double threshold) {
        return similarity > 0 && similarity >= threshold && differingWordsAlike();
    }

    private boolean differingWordsAlike() {
        List<String> probeWords = words(probeName);
        List<String> candidateWords = words(candidateName);
        String probeOnly = without(probeWords, candidateWords);
        String candidateOnly = without(candidateWords, probeWords);
        if (probeOnly.isEmpty() || candidateOnly.isEmpty()) {
            return true;
        }
        int length = Math.max(probeOnly.length(), candidateOnly.length());
        return 1 - editDistance(probeOnly, candidateOnly) / (double) length >= DIFFERING_WORDS_LIKENESS;
    }

    private static List<String> words(String name) {
        return Arrays.stream(name.split(" ")).filter(word -> !word.isEmpty()).toList();
    }

    private static String without(List<String> words, List<String> others) {
        Set<String> exclude = Set.copyOf(others);
        return words.stream().filter(word -> !exclude.contains(word)).collect(Collectors.joining(" "));
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from one to the other. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

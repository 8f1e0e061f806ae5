package io.relais.forecast;

import io.relais.opportunity.SalesStage;
import io.relais.opportunity.SalesStages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a period is expected to bring: the rates the history shows applied to its open deals and booked
 * meetings, and the chance of reaching the target.
 */
final class FunnelEstimate {

    /** The probability of reaching the target is computed over the gap to it cut into this many steps. */
    static final int STEPS = 1000;
    private static final int RATE_SCALE = 4;

    /** An open deal or a booked meeting: what it brings if won, and the chance that it is. */
    record Chance(double amount, double probability) {
    }

    private final List<StageConversion> stages = new ArrayList<>();
    private final MeetingConversion meetings;
    private final BigDecimal closedWon;
    private final BigDecimal expectedFromPipeline;
    private final BigDecimal target;
    private final BigDecimal probabilityOfTarget;

    /** {@code period}: the period's deals, in groups alike in amount (a group of one is one deal). */
    FunnelEstimate(SalesStages configured, FunnelHistory history, List<ConvertedDeal> period, int booked,
                     BigDecimal target) {
        this.target = target;
        List<Chance> chances = new ArrayList<>();
        BigDecimal won = BigDecimal.ZERO;
        Map<String, List<ConvertedDeal>> openByStage = new LinkedHashMap<>();
        for (ConvertedDeal deal : period) {
            if (deal.deal().won()) {
                won = won.add(amount(deal));
            } else if (!"OMITTED".equals(deal.deal().category())) {
                openByStage.computeIfAbsent(deal.deal().stage(), stage -> new ArrayList<>()).add(deal);
            }
        }
        this.closedWon = Conversion.money(won);
        BigDecimal pipeline = BigDecimal.ZERO;
        List<SalesStage> open = configured.open();
        for (int i = 0; i < open.size(); i++) {
            SalesStage stage = open.get(i);
            int reached = history.reached(i);
            // won deals passed every stage, so all of them count as won from here
            int wonFromHere = history.won();
            BigDecimal rate = reached == 0 ? percent(stage.probability()) : ratio(wonFromHere, reached);
            int next = i + 1 < open.size() ? history.reached(i + 1) : wonFromHere;
            StageConversion conversion = conversion(stage.name(), stage.probability(), reached, wonFromHere, rate,
                    reached == 0 ? null : ratio(next, reached), reached == 0 ? "configured" : "history",
                    openByStage.remove(stage.name()), chances);
            pipeline = pipeline.add(conversion.expected());
            stages.add(conversion);
        }
        for (Map.Entry<String, List<ConvertedDeal>> retired : openByStage.entrySet()) {
            int probability = retired.getValue().get(0).deal().probability();
            StageConversion conversion = conversion(retired.getKey(), probability, 0, 0, percent(probability), null,
                    "recorded", retired.getValue(), chances);
            pipeline = pipeline.add(conversion.expected());
            stages.add(conversion);
        }
        this.expectedFromPipeline = Conversion.money(pipeline);
        this.meetings = meetings(history, booked, chances);
        this.probabilityOfTarget = target == null ? null : probabilityOfReaching(target.subtract(won), chances);
    }

    List<StageConversion> stages() {
        return stages;
    }

    MeetingConversion meetings() {
        return meetings;
    }

    BigDecimal closedWon() {
        return closedWon;
    }

    BigDecimal expectedFromPipeline() {
        return expectedFromPipeline;
    }

    BigDecimal expectedFromMeetings() {
        return meetings.expected();
    }

    BigDecimal projected() {
        return closedWon.add(expectedFromPipeline).add(meetings.expected());
    }

    BigDecimal target() {
        return target;
    }

    BigDecimal probabilityOfTarget() {
        return probabilityOfTarget;
    }

    private static StageConversion conversion(String stage, int probability, int reached, int won, BigDecimal rate,
                                              BigDecimal toNext, String source, List<ConvertedDeal> deals,
                                              List<Chance> chances) {
        BigDecimal amount = BigDecimal.ZERO;
        int count = 0;
        for (ConvertedDeal group : deals == null ? List.<ConvertedDeal>of() : deals) {
            amount = amount.add(amount(group));
            double each = amount(group).doubleValue() / group.deal().deals();
            for (int deal = 0; deal < group.deal().deals(); deal++) {
                chances.add(new Chance(each, rate.doubleValue()));
            }
            count += group.deal().deals();
        }
        return new StageConversion(stage, probability, reached, won, rate, toNext, source, count,
                Conversion.money(amount), Conversion.money(amount.multiply(rate)));
    }

    private static MeetingConversion meetings(FunnelHistory history, int booked, List<Chance> chances) {
        int held = history.meetingsHeld();
        int won = history.won();
        BigDecimal perMeeting = held == 0 ? null : ratio(won, held);
        BigDecimal average = history.averageWonAmount();
        BigDecimal expected = BigDecimal.ZERO;
        if (perMeeting != null && average != null) {
            expected = average.multiply(perMeeting).multiply(BigDecimal.valueOf(booked));
            double chance = Math.min(1.0, perMeeting.doubleValue());
            for (int i = 0; i < booked; i++) {
                chances.add(new Chance(average.doubleValue(), chance));
            }
        }
        return new MeetingConversion(held, won, perMeeting, average == null ? null : Conversion.money(average), booked,
                Conversion.money(expected));
    }

    /**
     * The probability that the deals won among {@code chances} (each an amount and its chance, independent)
     * add up to {@code gap} at least. The gap is cut into {@link #STEPS} steps and every amount rounded to
     * them, so the answer is exact to that resolution.
     */
    static BigDecimal probabilityOfReaching(BigDecimal gap, List<Chance> chances) {
        if (gap.signum() <= 0) {
            return BigDecimal.ONE.setScale(RATE_SCALE);
        }
        double step = gap.doubleValue() / STEPS;
        double[] reached = new double[STEPS + 1];
        reached[0] = 1.0;
        int highest = 0;
        for (Chance chance : chances) {
            int weight = (int) Math.min(STEPS, Math.round(chance.amount() / step));
            double p = chance.probability();
            if (weight == 0 || p <= 0) {
                continue;
            }
            // downwards, so that a sum this deal has just made is not moved on by it again
            for (int sum = Math.min(highest, STEPS - 1); sum >= 0; sum--) {
                double mass = reached[sum];
                if (mass != 0) {
                    reached[Math.min(STEPS, sum + weight)] += mass * p;
                    reached[sum] = mass * (1 - p);
                }
            }
            highest = Math.min(STEPS, highest + weight);
        }
        return BigDecimal.valueOf(reached[STEPS]).setScale(RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal amount(ConvertedDeal deal) {
        return deal.amount() == null ? BigDecimal.ZERO : deal.amount();
    }

    private static BigDecimal percent(int probability) {
        return ratio(probability, 100);
    }

    private static BigDecimal ratio(int part, int whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}

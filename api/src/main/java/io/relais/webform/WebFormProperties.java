package io.relais.webform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param perForm    the submissions one form takes, coming back evenly over the period: a flood from many
 *                   addresses stops there
 * @param perAddress the submissions one client address may post, to all forms together
 * @param maxTracked the forms, and the addresses, whose allowances are kept (the least recently seen go first)
 * @param daysShown  the days a form's activity lists, today included
 */
@ConfigurationProperties("relais.web-forms")
public record WebFormProperties(Limit perForm, Limit perAddress,
                                @DefaultValue("100000") int maxTracked, @DefaultValue("30") int daysShown) {

    /** At most {@code submissions} per {@code period}. */
    public record Limit(int submissions, Duration period) {
    }
}

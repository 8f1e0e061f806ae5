package io.relais.forecast;

import io.relais.common.Page;

import java.util.List;

/** A page of exchange rates, by currency and the day each takes effect. */
public record ExchangeRatePage(List<ExchangeRateView> content, int page, int size, long totalElements)
        implements Page<ExchangeRateView> {
}

package io.relais.forecast;

import io.relais.organisation.Viewer;

import java.time.Instant;

/**
 * The funnel of a user's team: conversion rates learnt from the deals closed and the meetings held in the
 * {@code months} before {@code asOf}, applied to the open deals and booked meetings of the period. Empty when
 * the viewer may not see the team's figures.
 */
public record FindFunnel(String userId, ForecastPeriod period, Instant asOf, int months, Viewer viewer) {
}

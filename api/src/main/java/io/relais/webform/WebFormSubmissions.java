package io.relais.webform;

import io.micrometer.core.instrument.MeterRegistry;
import io.relais.common.Refusal;
import io.relais.lead.CaptureLead;
import io.relais.lead.ConsentChannel;
import io.relais.lead.LeadSource;
import io.relais.lead.MarketingConsent;
import io.relais.messaging.ActingContext;
import io.relais.messaging.RefusingCommandBus;
import io.relais.organisation.OrganisationIds;
import io.relais.web.Queries;
import io.relais.web.RecordEndpoints;
import io.relais.web.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Takes web form submissions: within the rate limits, a submission becomes a lead captured by the system
 * ({@code system:web-form}) on behalf of the form, from source {@code WEB_FORM} with the form's source detail, its
 * consent (ticked or not) recorded with the form's consent text version, for the form's owner or the territory
 * rules. Spam (the honeypot filled) is answered as a success and captures nothing. Each outcome is counted.
 */
@Service
class WebFormSubmissions {

    private static final Logger log = LoggerFactory.getLogger(WebFormSubmissions.class);

    private final Queries queries;
    private final RecordEndpoints pipeline;
    private final SubmissionThrottle throttle;
    private final WebFormCounters counters;
    private final MeterRegistry meters;
    private final Clock clock;

    WebFormSubmissions(Queries queries, RecordEndpoints pipeline, SubmissionThrottle throttle,
                       WebFormCounters counters, MeterRegistry meters, Clock clock) {
        this.queries = queries;
        this.pipeline = pipeline;
        this.throttle = throttle;
        this.counters = counters;
        this.meters = meters;
        this.clock = clock;
    }

    /** Takes a submission from {@code address} to the form under {@code key}; answers the form's redirect page. */
    URI submit(String key, WebFormSubmission submission, String address) {
        WebFormView form;
        try {
            throttle.fromAddress(address);
            form = queries.found(new FindWebFormByKey(key), WebFormView.class, "Web form", key);
            throttle.toForm(form.id());
        } catch (TooManyRequestsException e) {
            meters.counter("relais.web_forms.submissions", "outcome", "throttled").increment();
            throw e;
        }
        Instant now = clock.instant();
        if (submission.spam()) {
            count(form, now, 0, 0, 1, "spam");
        } else {
            try {
                capture(form, submission, now);
            } catch (RuntimeException failure) {
                if (RefusingCommandBus.refusal(failure).isPresent()) {
                    count(form, now, 0, 1, 0, "refused");
                }
                throw failure;
            }
            count(form, now, 1, 0, 0, "captured");
        }
        return URI.create(form.settings().redirectUrl());
    }

    /**
     * Captures the lead for the form's owner; should the owner no longer be able to receive it (gone since the
     * form was set up), for the territory rules instead: a person's request is never lost to an internal setting.
     */
    private void capture(WebFormView form, WebFormSubmission submission, Instant now) {
        WebFormSettings settings = form.settings();
        MarketingConsent consent = new MarketingConsent(submission.consentGiven(), LocalDate.ofInstant(now,
                ZoneOffset.UTC), ConsentChannel.WEB_FORM, settings.consentTextVersion());
        String leadId = UUID.randomUUID().toString();
        try {
            send(form, new CaptureLead(leadId, submission.details(), LeadSource.WEB_FORM, settings.leadSourceDetail(),
                    consent, settings.ownerId()));
        } catch (RuntimeException refused) {
            boolean ownerRefused = settings.ownerId() != null && RefusingCommandBus.refusal(refused)
                    .map(Refusal::field).filter("ownerId"::equals).isPresent();
            if (!ownerRefused) {
                throw refused;
            }
            log.warn("Web form {} names owner {}, who cannot receive leads any more: its lead {} goes to the "
                    + "territory rules", form.id(), settings.ownerId(), leadId);
            send(form, new CaptureLead(leadId, submission.details(), LeadSource.WEB_FORM,
                    settings.leadSourceDetail(), consent, null));
        }
    }

    private void send(WebFormView form, CaptureLead capture) {
        String correlationId = ActingContext.current().map(ActingContext::correlationId)
                .orElseGet(() -> UUID.randomUUID().toString());
        try {
            new ActingContext(OrganisationIds.WEB_FORM, form.id(), correlationId).call(() -> {
                pipeline.sendCreation(capture);
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(WebFormView form, Instant at, int captured, int refused, int spam, String outcome) {
        counters.count(form.id(), LocalDate.ofInstant(at, ZoneOffset.UTC), captured, refused, spam, at);
        meters.counter("relais.web_forms.submissions", "outcome", outcome).increment();
    }
}

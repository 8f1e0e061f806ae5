package io.relais.bench;

import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.account.AccountDetailsUpdated;
import io.relais.account.AccountProjection;
import io.relais.account.Address;
import io.relais.account.ContactAdded;
import io.relais.account.ContactDetails;
import io.relais.account.ContactUpdated;
import io.relais.account.DecisionRole;
import io.relais.account.FieldChanges;
import io.relais.account.LeadConvertedIntoAccount;
import io.relais.common.AuditMetadata;
import io.relais.common.PageRequest;
import io.relais.duplicate.DuplicateMatch;
import io.relais.duplicate.DuplicateMatches;
import io.relais.duplicate.DuplicateProjection;
import io.relais.duplicate.FindPossibleDuplicates;
import io.relais.duplicate.MatchProbe;
import io.relais.duplicate.RecordKind;
import io.relais.lead.LeadCaptured;
import io.relais.lead.LeadConverted;
import io.relais.lead.LeadDetails;
import io.relais.lead.LeadQualified;
import io.relais.lead.LeadSource;
import io.relais.lead.LeadStatus;
import io.relais.organisation.Viewer;
import io.relais.sample.SampleCompanies;
import io.relais.timeline.FindAccountTimeline;
import io.relais.timeline.TimelineFilter;
import io.relais.timeline.TimelineKind;
import io.relais.timeline.TimelinePage;
import io.relais.timeline.TimelineProjection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.ApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import static io.relais.bench.BenchSupport.ACTOR;
import static io.relais.bench.BenchSupport.append;
import static io.relais.bench.BenchSupport.awaitCaughtUp;
import static io.relais.bench.BenchSupport.format;
import static io.relais.bench.BenchSupport.millis;
import static io.relais.bench.BenchSupport.percentileMillis;
import static io.relais.bench.BenchSupport.processor;
import static io.relais.bench.BenchSupport.ratio;

/**
 * The account side's reads under load: checking a new record for duplicates against a large set of accounts,
 * and reading the timeline of an account with a long history. Both histories are appended straight to the
 * store and projected as in production before anything is timed.
 */
final class AccountBenchmark {

    private static final Viewer ADMINISTRATOR = new Viewer(ACTOR, true);
    private static final MetaData META = MetaData.with(AuditMetadata.USER_ID, ACTOR)
            .and(AuditMetadata.CORRELATION_ID, "benchmark");

    private final ApplicationContext context;
    private final BenchmarkOptions options;
    private final PrintStream out;
    private final Map<String, String> summary;
    private final QueryGateway queries;
    private final SampleCompanies samples = new SampleCompanies(7);

    AccountBenchmark(ApplicationContext context, BenchmarkOptions options, PrintStream out,
                     Map<String, String> summary) {
        this.context = context;
        this.options = options;
        this.out = out;
        this.summary = summary;
        this.queries = context.getBean(QueryGateway.class);
    }

    /** Checks new records against {@code options.accounts()} accounts, the way creating an account does. */
    void duplicateChecks(double rawInsertsPerSecond) throws Exception {
        List<DomainEventMessage<?>> accounts = new ArrayList<>();
        for (int n = 0; n < options.accounts(); n++) {
            String id = UUID.randomUUID().toString();
            accounts.add(new GenericDomainEventMessage<>("Account", id, 0,
                    new AccountCreated(id, details(samples.company(n), null), ACTOR), META));
        }
        StreamingEventProcessor duplicates = processor(context, DuplicateProjection.PROCESSING_GROUP);
        long start = System.nanoTime();
        append(context, accounts);
        awaitCaughtUp(context, duplicates);
        double indexing = accounts.size() / ((System.nanoTime() - start) / 1e9);
        out.printf("duplicates projection: %d accounts indexed and paired at %s accounts/s%n", accounts.size(),
                format(indexing));

        int reads = options.reads();
        long[] nanos = new long[reads];
        int variants = 0;
        int recognised = 0;
        for (int i = 0; i < reads; i++) {
            // three in four checks are a known company written differently, one in four is a new company
            int known = (i * 7_919) % options.accounts();
            SampleCompanies.Company company = samples.company(i % 4 == 3 ? options.accounts() + i : known);
            AccountDetails probe = switch (i % 4) {
                case 0 -> new AccountDetails(SampleCompanies.shouted(company.legalName()), null, null, null, null,
                        null, company.siren(), company.siret(), null, null, null, null, null, null, null, null, null);
                case 1 -> details(company, SampleCompanies.withoutLegalForm(company.legalName()));
                case 2 -> details(company, SampleCompanies.typo(company.legalName(),
                        company.legalName().indexOf(' ') + 2));
                default -> details(company, null);
            };
            long begin = System.nanoTime();
            List<DuplicateMatch> matches = queries.query(new FindPossibleDuplicates(MatchProbe.ofAccount(
                    "bench-probe-" + i, probe), Set.of(RecordKind.ACCOUNT), ADMINISTRATOR, 10),
                    DuplicateMatches.class).join().matches();
            nanos[i] = System.nanoTime() - begin;
            if (i % 4 != 3) {
                variants++;
                String original = accounts.get(known).getAggregateIdentifier();
                recognised += matches.stream().anyMatch(match -> match.id().equals(original)) ? 1 : 0;
            }
        }
        double checksPerSecond = reads / (Arrays.stream(nanos).sum() / 1e9);
        out.printf("duplicate check against %d accounts: p50 %s ms, p95 %s ms, %s checks/s (1 client); "
                        + "%d of %d known companies written differently recognised%n", accounts.size(),
                millis(percentileMillis(nanos, 0.5)), millis(percentileMillis(nanos, 0.95)),
                format(checksPerSecond), recognised, variants);
        summary.put("duplicate_accounts", Integer.toString(accounts.size()));
        summary.put("duplicate_index_accounts_per_s", format(indexing));
        summary.put("duplicate_check_ms_p50", millis(percentileMillis(nanos, 0.5)));
        summary.put("duplicate_check_ms_p95", millis(percentileMillis(nanos, 0.95)));
        summary.put("duplicate_check_ratio_1", ratio(checksPerSecond, rawInsertsPerSecond));
        summary.put("duplicate_recall", String.format("%.3f", recognised / (double) variants));
    }

    /** Reads the timeline of one account with {@code options.timelineEvents()} events, as the API does. */
    void timelineReads(double rawInsertsPerSecond) throws Exception {
        String accountId = "bench-timeline-" + UUID.randomUUID();
        List<DomainEventMessage<?>> history = accountHistory(accountId, options.timelineEvents());
        append(context, history);
        // the timeline's visibility check reads the account list, which another processor builds
        awaitCaughtUp(context, processor(context, TimelineProjection.PROCESSING_GROUP));
        awaitCaughtUp(context, processor(context, AccountProjection.PROCESSING_GROUP));
        Instant first = history.get(0).getTimestamp();
        Instant last = history.get(history.size() - 1).getTimestamp();
        Instant windowStart = first.plus(Duration.between(first, last).dividedBy(2));
        Instant windowEnd = windowStart.plus(Duration.between(first, last).dividedBy(10));
        int deepPage = history.size() / 50 / 2;

        double[] newest = timed("newest 50", page -> read(accountId, TimelineFilter.all(), 0));
        timed("contacts only, newest 50", page -> read(accountId,
                new TimelineFilter(Set.of(TimelineKind.CONTACT), null, null, false), 0));
        double[] deep = timed("page " + deepPage + " of 50", page -> read(accountId, TimelineFilter.all(), deepPage));
        timed("a tenth of the history by date, oldest 50", page -> read(accountId,
                new TimelineFilter(Set.of(), windowStart, windowEnd, true), 0));
        summary.put("timeline_events", Integer.toString(history.size()));
        summary.put("timeline_ms_p50", millis(newest[0]));
        summary.put("timeline_ms_p95", millis(newest[1]));
        summary.put("timeline_deep_page_ms_p95", millis(deep[1]));
        summary.put("timeline_read_ratio_1", ratio(1000 / newest[0], rawInsertsPerSecond));
    }

    private TimelinePage read(String accountId, TimelineFilter filter, int page) {
        TimelinePage found = queries.query(new FindAccountTimeline(accountId, ADMINISTRATOR, filter,
                new PageRequest(page, 50)), TimelinePage.class).join();
        if (found.content().isEmpty()) {
            throw new IllegalStateException("The benchmark's timeline read found nothing");
        }
        return found;
    }

    /** Times {@code options.reads()} reads and answers their p50 and p95 in milliseconds. */
    private double[] timed(String label, IntFunction<TimelinePage> read) {
        long[] nanos = new long[options.reads()];
        long total = 0;
        for (int i = 0; i < nanos.length; i++) {
            long begin = System.nanoTime();
            total = read.apply(i).totalElements();
            nanos[i] = System.nanoTime() - begin;
        }
        double[] percentiles = {percentileMillis(nanos, 0.5), percentileMillis(nanos, 0.95)};
        out.printf("timeline of an account with %d entries, %s: p50 %s ms, p95 %s ms%n", total, label,
                millis(percentiles[0]), millis(percentiles[1]));
        return percentiles;
    }

    /**
     * An account's long life: created, its details changed, contacts added and edited, a lead converted into
     * it (whose own events join the account's timeline).
     */
    private List<DomainEventMessage<?>> accountHistory(String accountId, int size) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        SampleCompanies.Company company = samples.company(1);
        AccountDetails details = details(company, null);
        long seq = 0;
        events.add(new GenericDomainEventMessage<>("Account", accountId, seq++,
                new AccountCreated(accountId, details, ACTOR), META));
        String leadId = accountId + "-lead";
        String leadContact = accountId + "-lead-contact";
        SampleCompanies.Person person = samples.person(company, 0);
        LeadDetails lead = new LeadDetails(person.firstName(), person.lastName(), person.email(), person.phone(),
                company.legalName(), null, null, null, null, null, null, null, null);
        events.add(new GenericDomainEventMessage<>("Lead", leadId, 0, new LeadCaptured(leadId, lead,
                LeadSource.WEB_FORM, null, null, ACTOR), META));
        events.add(new GenericDomainEventMessage<>("Lead", leadId, 1, new LeadQualified(leadId, LeadStatus.NEW),
                META));
        events.add(new GenericDomainEventMessage<>("Lead", leadId, 2, new LeadConverted(leadId, accountId,
                leadContact, LeadStatus.QUALIFIED), META));
        events.add(new GenericDomainEventMessage<>("Account", accountId, seq++, new LeadConvertedIntoAccount(accountId,
                leadId, leadContact), META));
        String contactId = null;
        ContactDetails contact = null;
        while (events.size() < size) {
            int n = events.size();
            Object event;
            if (n % 10 == 0 || contact == null) {
                SampleCompanies.Person someone = samples.person(company, n);
                contactId = accountId + "-contact-" + n;
                contact = new ContactDetails(someone.firstName(), someone.lastName(), "Acheteuse",
                        List.of(someone.email()), List.of(someone.phone()), "Salon 2026", DecisionRole.BUYER, null);
                event = new ContactAdded(accountId, contactId, contact);
            } else if (n % 2 == 0) {
                ContactDetails changed = new ContactDetails(contact.firstName(), contact.lastName(), "Poste " + n,
                        contact.emails(), contact.phones(), contact.relationshipOrigin(), contact.decisionRole(), null);
                event = new ContactUpdated(accountId, contactId, changed, FieldChanges.ofContact(contact, changed));
                contact = changed;
            } else {
                AccountDetails changed = new AccountDetails(details.legalName(), "Enseigne " + n,
                        details.billingAddress(), null, details.phone(), details.website(), details.siren(),
                        details.siret(), null, n, null, null, null, null, null, null, null);
                event = new AccountDetailsUpdated(accountId, changed, FieldChanges.ofAccount(details, changed));
                details = changed;
            }
            events.add(new GenericDomainEventMessage<>("Account", accountId, seq++, event, META));
        }
        return oneMinuteApart(events);
    }

    /**
     * The events as they happened over the last days, a minute apart: made in a loop, their own times are microseconds
     * apart and unevenly so, and a tenth of that span could hold no event at all.
     */
    private static List<DomainEventMessage<?>> oneMinuteApart(List<DomainEventMessage<?>> events) {
        Instant start = Instant.now().minus(Duration.ofMinutes(events.size()));
        List<DomainEventMessage<?>> dated = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            DomainEventMessage<?> event = events.get(i);
            dated.add(new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getPayload(), event.getMetaData(), event.getIdentifier(),
                    start.plus(Duration.ofMinutes(i))));
        }
        return dated;
    }

    private static AccountDetails details(SampleCompanies.Company company, String legalName) {
        return new AccountDetails(legalName == null ? company.legalName() : legalName, null,
                new Address(null, company.postalCode(), company.city(), "FR"), null, company.phone(),
                company.website(), company.siren(), company.siret(), null, null, null, null, null, null, null, null,
                null);
    }
}

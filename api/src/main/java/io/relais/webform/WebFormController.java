package io.relais.webform;

import io.relais.common.PageRequest;
import io.relais.web.AsOfParameters;
import io.relais.web.ExpectedVersion;
import io.relais.web.IdempotencyKey;
import io.relais.web.Queries;
import io.relais.web.QueryParameters;
import io.relais.web.RecordEndpoint;
import io.relais.web.RecordPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

@RestController
@RequestMapping("/api/v1/web-forms")
@Tag(name = "Web forms", description = "Forms on web pages whose submissions become leads")
public class WebFormController {

    static final String ADMINISTRATORS = "hasRole('ADMINISTRATOR')";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RecordEndpoint<WebFormView> forms;
    private final Queries queries;
    private final WebFormCounters counters;
    private final WebFormProperties properties;
    private final Clock clock;

    public WebFormController(RecordEndpoint<WebFormView> forms, Queries queries, WebFormCounters counters,
                             WebFormProperties properties, Clock clock) {
        this.forms = forms;
        this.queries = queries;
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a web form", description = "Administrators. The engine gives the form its public "
            + "key: pages post to /api/v1/web-forms/{key}/submissions (README, \"Web forms\"). With an "
            + "Idempotency-Key a retry returns the first form.")
    public ResponseEntity<WebFormView> register(@RequestBody WebFormRequest request, IdempotencyKey key) {
        return forms.create(key, request, formId -> new RegisterWebForm(formId, newKey(), request.settings()));
    }

    @GetMapping
    @PreAuthorize(ADMINISTRATORS)
    @Operation(summary = "List web forms", description = "Administrators. By name; q searches the name and source "
            + "detail ignoring case and accents; retired forms only with includeRetired=true.")
    public WebFormPage list(@RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "false") boolean includeRetired, PageRequest page) {
        return queries.answer(new FindWebForms(QueryParameters.atMost("q", q, 200), includeRetired, page),
                WebFormPage.class);
    }

    @GetMapping("/" + RecordPaths.ID)
    @PreAuthorize(ADMINISTRATORS)
    @Operation(summary = "Get a web form", description = "Administrators." + AsOfParameters.DESCRIPTION)
    public ResponseEntity<WebFormView> get(@PathVariable String id, @ParameterObject AsOfParameters past) {
        return forms.read(id, past);
    }

    @PutMapping(path = "/" + RecordPaths.ID, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a web form's settings", description = "Administrators. Its key stays.")
    public ResponseEntity<WebFormView> change(@PathVariable String id, @RequestBody WebFormRequest request,
                                              ExpectedVersion expected) {
        return forms.send(id, new ChangeWebForm(id, request.settings(), expected.version()));
    }

    @PostMapping("/" + RecordPaths.ID + "/retire")
    @Operation(summary = "Retire a web form", description = "Administrators. Its key takes no more submissions "
            + "(404); the form and its leads stay.")
    public ResponseEntity<WebFormView> retire(@PathVariable String id) {
        return forms.send(id, new RetireWebForm(id));
    }

    @GetMapping("/" + RecordPaths.ID + "/activity")
    @PreAuthorize(ADMINISTRATORS)
    @Operation(summary = "What a web form received", description = "Administrators. Leads captured, submissions "
            + "refused and spam caught, in all and day by day (UTC) over the last days (relais.web-forms.days-shown).")
    public WebFormActivity activity(@PathVariable String id) {
        forms.visible(id);
        WebFormCounters.Totals totals = counters.totals(id);
        LocalDate from = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(properties.daysShown() - 1L);
        return new WebFormActivity(id, totals.getCaptured(), totals.getRefused(), totals.getSpam(),
                totals.getLastReceivedAt(),
                counters.findByIdFormIdAndIdDayGreaterThanEqualOrderByIdDayDesc(id, from).stream()
                        .map(day -> new WebFormActivity.Day(day.day(), day.captured(), day.refused(), day.spam()))
                        .toList());
    }

    /** 144 random bits, URL-safe: no one finds a form's key by trying. */
    private static String newKey() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "wf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package io.relais.webform;

import io.relais.web.Answer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The public side of web forms: what pages post, without signing in. */
@RestController
@Tag(name = "Web forms")
public class WebFormSubmissionController {

    private static final String SUMMARY = "Post a web form";
    private static final String DESCRIPTION = "No sign-in. An HTML form's post (application/x-www-form-urlencoded) "
            + "is answered 303 to the form's redirect page; JSON from a page's script, 202 once the lead is stored. "
            + "From a page of one of the form's allowed origins (other origins are refused, 403), within the rate "
            + "limits per form and per client address (429 with Retry-After). The submission becomes a lead (source "
            + "WEB_FORM, the form's source detail and owner, its consent recorded with the form's consent text "
            + "version), captured by system:web-form on behalf of the form; a filled honeypot (fax) is answered the "
            + "same and captures nothing. 404 when no form takes submissions under the key.";

    private final WebFormSubmissions submissions;

    public WebFormSubmissionController(WebFormSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping(path = WebFormCors.SUBMISSIONS, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Answer(status = 303, headers = HttpHeaders.LOCATION, body = false, description = "Received: the browser goes "
            + "to the form's redirect page")
    @Operation(summary = SUMMARY, description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = WebFormSubmission.class))))
    public ResponseEntity<Void> fromPage(@PathVariable String key,
                                         @Parameter(hidden = true) @ModelAttribute WebFormSubmission submission,
                                         HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(submissions.submit(key, submission, request.getRemoteAddr())).build();
    }

    @PostMapping(path = WebFormCors.SUBMISSIONS, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Answer(status = 202, body = false, description = "Received: the lead is stored")
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public ResponseEntity<Void> fromScript(@PathVariable String key, @RequestBody WebFormSubmission submission,
                                           HttpServletRequest request) {
        submissions.submit(key, submission, request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }
}

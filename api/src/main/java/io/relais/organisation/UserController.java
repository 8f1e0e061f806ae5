package io.relais.organisation;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.security.CredentialStore;
import io.relais.security.CurrentUser;
import io.relais.security.PasswordPolicy;
import io.relais.security.SecurityProperties;
import io.relais.web.Answer;
import io.relais.web.AsOfParameters;
import io.relais.web.PageSize;
import io.relais.web.Queries;
import io.relais.web.QueryParameters;
import io.relais.web.RecordEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users", description = "The sales organisation: users, profiles and the reporting line")
public class UserController {

    private static final String ADMINISTRATOR = "hasRole('ADMINISTRATOR')";

    private final OrganisationWrites writes;
    private final RecordEndpoint<UserView> users;
    private final Queries queries;
    private final CredentialStore credentials;
    private final SecurityProperties security;

    public UserController(OrganisationWrites writes, RecordEndpoint<UserView> users, Queries queries,
                          CredentialStore credentials, SecurityProperties security) {
        this.writes = writes;
        this.users = users;
        this.queries = queries;
        this.credentials = credentials;
        this.security = security;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user")
    public UserView me() {
        return find(CurrentUser.id());
    }

    @PostMapping("/users")
    @Answer(status = 201, headers = HttpHeaders.LOCATION)
    @Answer(status = 202, headers = HttpHeaders.LOCATION, body = false)
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Register a user", description = "Administrators only. With HTTP Basic sign-in, the "
            + "password lets the user sign in; with an identity provider, leave it out.")
    public ResponseEntity<UserView> register(@RequestBody UserRequests.Register request) {
        String userId = Fields.userId("userId", request.userId());
        String password = request.password() == null ? null : checkedPassword(request.password());
        boolean shown = writes.send(new RegisterUser(userId, request.displayName(), request.email(),
                request.profile(), request.managerId()));
        if (password != null) {
            credentials.setPassword(userId, password);
        }
        URI location = URI.create("/api/v1/users/" + userId);
        if (!shown) {
            return ResponseEntity.accepted().location(location).build();
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(find(userId));
    }

    @GetMapping("/users")
    @Operation(summary = "List users", description = "Ordered by id; q searches id and display name.")
    public UserPage list(@RequestParam(required = false) Profile profile,
                         @RequestParam(required = false) String managerId,
                         @RequestParam(required = false) Boolean active,
                         @RequestParam(required = false) String q,
                         @PageSize(50) PageRequest page) {
        return queries.answer(new FindUsers(profile, managerId, active, QueryParameters.atMost("q", q, 100),
                page), UserPage.class);
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "Get a user", description = "The ETag is the user's version: how many times they changed "
            + "since their registration (0)." + AsOfParameters.DESCRIPTION)
    public ResponseEntity<UserView> get(@PathVariable String id, @ParameterObject AsOfParameters past) {
        return users.read(id, past);
    }

    @PutMapping("/users/{id}/manager")
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Move a user under another manager", description = "A cycle is refused. Visibility "
            + "follows at once: the new manager sees the user's records on the next request.")
    public UserView move(@PathVariable String id, @RequestBody UserRequests.ChangeManager request) {
        return writes.send(new MoveUser(id, request.managerId()), () -> find(id));
    }

    @PutMapping("/users/{id}/profile")
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Change a user's profile")
    public UserView changeProfile(@PathVariable String id, @RequestBody UserRequests.ChangeProfile request) {
        return writes.send(new ChangeUserProfile(id, request.profile()), () -> find(id));
    }

    @PostMapping("/users/{id}/deactivate")
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Deactivate a user", description = "Refused while they own open records and no "
            + "successorId is named; the successor receives them shortly after.")
    public UserView deactivate(@PathVariable String id, @RequestBody UserRequests.Deactivate request) {
        return writes.send(new DeactivateUser(id, request.successorId()), () -> find(id));
    }

    @PostMapping("/users/{id}/reactivate")
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Reactivate a user")
    public UserView reactivate(@PathVariable String id) {
        return writes.send(new ReactivateUser(id), () -> find(id));
    }

    @PostMapping("/users/{id}/reassign-records")
    @Answer(status = 202, body = false)
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Give all of a user's open records to another user",
            description = "Accepted at once; the records move one by one, each with its own event.")
    public ResponseEntity<Void> reassign(@PathVariable String id, @RequestBody UserRequests.Reassign request) {
        writes.send(new ReassignRecords(id, request.toUserId()));
        return ResponseEntity.accepted().build();
    }

    @PutMapping("/users/{id}/password")
    @Answer(status = 204, body = false)
    @Operation(summary = "Set a user's password", description = "HTTP Basic mode only; administrators for anyone, "
            + "users for themselves.")
    public ResponseEntity<Void> changePassword(@PathVariable String id, @RequestBody UserRequests.ChangePassword request) {
        if (!id.equals(CurrentUser.id()) && CurrentUser.profile() != Profile.ADMINISTRATOR) {
            throw new AccessDeniedException("Only your own password");
        }
        String password = checkedPassword(request.password());
        find(id);
        credentials.setPassword(id, password);
        return ResponseEntity.noContent().build();
    }

    private String checkedPassword(String password) {
        if (security.mode() != SecurityProperties.Mode.BASIC) {
            throw new InvalidFieldException("password", "passwords-not-managed",
                    "Passwords are managed by the identity provider");
        }
        return PasswordPolicy.validated("password", password);
    }

    private UserView find(String id) {
        return users.visible(id);
    }
}

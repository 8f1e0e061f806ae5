package io.relais.organisation;

import io.relais.common.PageRequest;
import io.relais.web.Answer;
import io.relais.web.PageSize;
import io.relais.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Territories", description = "Lead routing: territories, their assignment rules and reps")
public class TerritoryController {

    private static final String ADMINISTRATOR = "hasRole('ADMINISTRATOR')";

    private final OrganisationWrites writes;
    private final Queries queries;

    public TerritoryController(OrganisationWrites writes, Queries queries) {
        this.writes = writes;
        this.queries = queries;
    }

    @GetMapping("/lead-routing")
    @Operation(summary = "The lead routing set-up", description = "Every territory with its rules (highest "
            + "priority first) and reps (in round-robin order), and the default owner of unmatched leads.")
    public LeadRoutingView routing() {
        return queries.answer(new FindLeadRouting(), LeadRoutingView.class);
    }

    @PutMapping("/lead-routing/default-owner")
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Set who receives the leads no rule matches")
    public LeadRoutingView setDefaultOwner(@RequestBody TerritoryRequests.DefaultOwner request) {
        return writes.send(new SetDefaultLeadOwner(request.ownerId()), this::routing);
    }

    @PostMapping("/territories")
    @Answer(status = 201, headers = HttpHeaders.LOCATION)
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Create a territory")
    public ResponseEntity<TerritoryView> create(@RequestBody TerritoryRequests.Create request) {
        writes.send(new CreateTerritory(request.territoryId(), request.name()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/territories/" + request.territoryId()))
                .body(find(request.territoryId()));
    }

    @GetMapping("/territories")
    @Operation(summary = "List territories", description = "Ordered by id, each with its rules (highest priority "
            + "first) and reps (in round-robin order).")
    public TerritoryPage list(@PageSize(50) PageRequest page) {
        return queries.answer(new FindTerritories(page), TerritoryPage.class);
    }

    @GetMapping("/territories/{id}")
    @Operation(summary = "Get a territory")
    public TerritoryView get(@PathVariable String id) {
        return find(id);
    }

    @PostMapping("/territories/{id}/rules")
    @Answer(status = 201)
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Add an assignment rule", description = "A rule matches a lead when every criterion "
            + "given matches: country, postal code prefix, NAF code prefix, company size band.")
    public ResponseEntity<TerritoryView> addRule(@PathVariable String id, @RequestBody TerritoryRequests.AddRule request) {
        String ruleId = request.ruleId() == null ? UUID.randomUUID().toString() : request.ruleId();
        writes.send(new AddTerritoryRule(id, ruleId, request.priority(), new TerritoryCriteria(request.country(),
                request.postalCodePrefix(), request.nafCodePrefix(), request.companySize())));
        return ResponseEntity.status(HttpStatus.CREATED).body(find(id));
    }

    @DeleteMapping("/territories/{id}/rules/{ruleId}")
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Remove an assignment rule")
    public TerritoryView removeRule(@PathVariable String id, @PathVariable String ruleId) {
        return writes.send(new RemoveTerritoryRule(id, ruleId), () -> find(id));
    }

    @PutMapping("/territories/{id}/members/{userId}")
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Add a rep to the territory", description = "The territory's reps receive its leads in turn.")
    public TerritoryView addMember(@PathVariable String id, @PathVariable String userId) {
        return writes.send(new AddTerritoryMember(id, userId), () -> find(id));
    }

    @DeleteMapping("/territories/{id}/members/{userId}")
    @PreAuthorize(ADMINISTRATOR)
    @Operation(summary = "Remove a rep from the territory")
    public TerritoryView removeMember(@PathVariable String id, @PathVariable String userId) {
        return writes.send(new RemoveTerritoryMember(id, userId), () -> find(id));
    }

    private TerritoryView find(String id) {
        return queries.found(new FindTerritory(id), TerritoryView.class, "Territory", id);
    }
}

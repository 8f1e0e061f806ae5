package io.relais.catalogue;

import org.springdoc.core.annotations.ParameterObject;
import io.relais.web.AsOfParameters;
import io.relais.common.PageRequest;
import io.relais.web.ExpectedVersion;
import io.relais.web.IdempotencyKey;
import io.relais.web.NotFoundException;
import io.relais.web.Queries;
import io.relais.web.QueryParameters;
import io.relais.web.RecordEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalogue", description = "Products and services with their price lists")
public class ProductController {

    private final RecordEndpoint<ProductView> products;
    private final Queries queries;
    private final Clock clock;

    public ProductController(RecordEndpoint<ProductView> products, Queries queries, Clock clock) {
        this.products = products;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a product or service", description = "Administrators. code, name, kind (PRODUCT or "
            + "SERVICE) and unit are required. With an Idempotency-Key a retry returns the first product.")
    public ResponseEntity<ProductView> create(@RequestBody ProductRequests.Details request, IdempotencyKey key) {
        return products.create(key, request, productId -> new CreateProduct(productId, request.details()));
    }

    @GetMapping
    @Operation(summary = "List products", description = "By name; q searches code, name and description ignoring "
            + "case and accents; discontinued products only with includeDiscontinued=true.")
    public ProductPage list(@RequestParam(required = false) String q,
                            @RequestParam(required = false) ProductKind kind,
                            @RequestParam(defaultValue = "false") boolean includeDiscontinued,
                            PageRequest page) {
        return queries.answer(new FindProducts(QueryParameters.atMost("q", q, 200), kind, includeDiscontinued,
                page), ProductPage.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a product", description = "With every price it ever had, retired ones included."
            + AsOfParameters.DESCRIPTION)
    public ResponseEntity<ProductView> get(@PathVariable String id, @ParameterObject AsOfParameters past) {
        return products.read(id, past);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a product's details", description = "Administrators.")
    public ResponseEntity<ProductView> update(@PathVariable String id, @RequestBody ProductRequests.Details request,
                                              ExpectedVersion expected) {
        return products.send(id, new UpdateProduct(id, request.details(), expected.version()));
    }

    @PostMapping(path = "/{id}/prices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Price a product", description = "Administrators. A unit price in a price list (default "
            + "STANDARD) and currency, from validFrom (included) until validUntil (excluded, optional). Two prices "
            + "in force never price the same day in one list and currency (409 overlapping-price).")
    public ResponseEntity<ProductView> addPrice(@PathVariable String id, @RequestBody ProductRequests.Price request) {
        String priceId = request.priceId() == null || request.priceId().isBlank() ? UUID.randomUUID().toString()
                : request.priceId();
        return products.send(id, new AddProductPrice(id, new ProductPrice(priceId, request.priceList(),
                request.currency(), request.unitPrice(), request.validFrom(), request.validUntil(), null)));
    }

    @PostMapping(path = "/{id}/prices/{priceId}/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retire a price", description = "Administrators. It prices nothing from retiredOn on and "
            + "stays in the catalogue, so that deals priced with it stay explainable.")
    public ResponseEntity<ProductView> retirePrice(@PathVariable String id, @PathVariable String priceId,
                                                   @RequestBody ProductRequests.Retirement request) {
        return products.send(id, new RetireProductPrice(id, priceId, request.retiredOn()));
    }

    @PostMapping("/{id}/discontinue")
    @Operation(summary = "Stop selling a product", description = "Administrators. It prices no new line item.")
    public ResponseEntity<ProductView> discontinue(@PathVariable String id) {
        return products.send(id, new DiscontinueProduct(id));
    }

    @GetMapping("/{id}/price")
    @Operation(summary = "The price that applies", description = "In a price list (default STANDARD) and currency, "
            + "on a date (default today); 404 no-price when none applies.")
    public ProductPrice price(@PathVariable String id, @RequestParam(defaultValue = ProductPrice.STANDARD) String priceList,
                              @RequestParam String currency, @RequestParam(required = false) String on) {
        products.visible(id);
        LocalDate date = QueryParameters.date("on", on).orElse(LocalDate.now(clock));
        return queries.find(new FindProductPrice(id, priceList.strip(), currency.strip().toUpperCase(), date),
                        ProductPrice.class)
                .orElseThrow(() -> new NotFoundException("Price", id + " in " + priceList + " " + currency + " on "
                        + date));
    }
}

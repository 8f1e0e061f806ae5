package io.relais.catalogue;

import io.relais.common.AuditMetadata;
import io.relais.common.Changes;
import io.relais.common.ConflictException;
import io.relais.common.ExpectedVersion;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.InvalidTransitionException;
import io.relais.common.RecordNotFoundException;
import io.relais.common.Updates;
import io.relais.organisation.Authorization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A product or service of the catalogue, with its prices. Administrators keep the catalogue. Codes are unique
 * in it (through {@link ProductCodes}). Prices are retired, never removed, and two prices in force never price
 * the same day in one list and currency.
 */
@Aggregate
public class Product {

    private static final String KEEP_THE_CATALOGUE = "keep the catalogue";
    private static final Map<String, Function<ProductDetails, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("code", ProductDetails::code);
        FIELDS.put("name", ProductDetails::name);
        FIELDS.put("description", ProductDetails::description);
        FIELDS.put("kind", ProductDetails::kind);
        FIELDS.put("unit", ProductDetails::unit);
        FIELDS.put("leadTimeDays", ProductDetails::leadTimeDays);
    }

    @AggregateIdentifier
    private String productId;
    private ProductDetails details;
    private boolean discontinued;
    private Map<String, ProductPrice> prices = new LinkedHashMap<>();

    protected Product() {
    }

    @CommandHandler
    public Product(CreateProduct command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                   Authorization authorization, ProductCodes codes) {
        authorization.requireAdministrator(actorId, KEEP_THE_CATALOGUE);
        Fields.exactIdentifier("productId", command.productId());
        ProductDetails valid = Fields.present("name", command.details()).validated();
        claim(codes, valid.code(), command.productId());
        apply(new ProductCreated(command.productId(), valid));
    }

    /**
     * Every change claims the code, also when it stays: a product left holding another's code by the
     * duplicates made before codes were unique must take a free one before it changes.
     */
    @CommandHandler
    public long handle(UpdateProduct command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, ProductCodes codes) {
        authorization.requireAdministrator(actorId, KEEP_THE_CATALOGUE);
        ExpectedVersion.require(command.expectedVersion());
        requireOnSale("change a product");
        ProductDetails updated = Fields.present("name", command.details()).validated();
        claim(codes, updated.code(), productId);
        if (!codeKey(updated.code()).equals(codeKey(details.code()))) {
            codes.release(codeKey(details.code()), productId);
        }
        Updates.record(changes(details, updated), changes -> new ProductUpdated(productId, updated, changes));
        return getVersion();
    }

    @CommandHandler
    public long handle(AddProductPrice command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, KEEP_THE_CATALOGUE);
        requireOnSale("price a product");
        Fields.present("unitPrice", command.price());
        ProductPrice price = command.price().validated();
        if (prices.containsKey(price.priceId())) {
            throw new ConflictException("priceId", "price-exists", "The product already has a price " + price.priceId());
        }
        prices.values().stream().filter(price::overlaps).findFirst().ifPresent(existing -> {
            throw new ConflictException("validFrom", "overlapping-price", "Price " + existing.priceId()
                    + " already prices " + existing.priceList() + " in " + existing.currency() + " on some of these "
                    + "days: retire it, or start this one when it ends");
        });
        apply(new ProductPriceAdded(productId, price));
        return getVersion();
    }

    /** Retiring a retired price changes nothing: the first retirement stands. */
    @CommandHandler
    public long handle(RetireProductPrice command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, KEEP_THE_CATALOGUE);
        ProductPrice price = command.priceId() == null ? null : prices.get(command.priceId());
        if (price == null) {
            throw new RecordNotFoundException(String.valueOf(command.priceId()));
        }
        Fields.present("retiredOn", command.retiredOn());
        Fields.date("retiredOn", command.retiredOn());
        if (price.retiredOn() == null) {
            apply(new ProductPriceRetired(productId, price.priceId(), command.retiredOn()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(DiscontinueProduct command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, KEEP_THE_CATALOGUE);
        if (!discontinued) {
            apply(new ProductDiscontinued(productId));
        }
        return getVersion();
    }

    private static List<FieldChange> changes(ProductDetails before, ProductDetails after) {
        List<FieldChange> changes = new ArrayList<>();
        FIELDS.forEach((field, getter) -> Changes.add(changes, field, getter.apply(before), getter.apply(after)));
        return changes;
    }

    /** Codes are unique in the catalogue whatever their case; a discontinued product keeps its code. */
    private static void claim(ProductCodes codes, String code, String productId) {
        String holder = codes.claim(codeKey(code), productId);
        if (!productId.equals(holder)) {
            throw new ConflictException("code", "product-code-exists", "Product " + holder + " already has the code "
                    + code + " (codes are unique in the catalogue, whatever their case)");
        }
    }

    private static String codeKey(String code) {
        return code.toLowerCase(Locale.ROOT);
    }

    private void requireOnSale(String action) {
        if (discontinued) {
            throw new InvalidTransitionException(action, "DISCONTINUED");
        }
    }

    @EventSourcingHandler
    void on(ProductCreated event) {
        productId = event.productId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(ProductUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(ProductPriceAdded event) {
        prices.put(event.price().priceId(), event.price());
    }

    @EventSourcingHandler
    void on(ProductPriceRetired event) {
        prices.computeIfPresent(event.priceId(), (id, price) -> price.retired(event.retiredOn()));
    }

    @EventSourcingHandler
    void on(ProductDiscontinued event) {
        discontinued = true;
    }
}

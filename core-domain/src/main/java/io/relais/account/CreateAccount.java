package io.relais.account;

import io.relais.common.Fields;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a company: a prospect that needs only its legal name. */
public record CreateAccount(@TargetAggregateIdentifier String accountId, AccountDetails details, String ownerId) {

    /**
     * The account this command creates for {@code owner}, by today's rules; refused with the first field they
     * refuse. An import's dry run checks its rows with it, without creating them.
     */
    public AccountCreated created(String owner) {
        Fields.exactIdentifier("accountId", accountId);
        Fields.present("legalName", details);
        return new AccountCreated(accountId, details.validated(), owner);
    }
}

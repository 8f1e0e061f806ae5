package io.relais.account;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers account queries from the account read model. */
@Component
class AccountQueryHandler {

    private final AccountReadRepository repository;

    AccountQueryHandler(AccountReadRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    Optional<AccountView> handle(FindAccount query) {
        return repository.find(query.accountId(), query.viewer());
    }

    @QueryHandler
    AccountPage handle(FindAccounts query) {
        return repository.findPage(query);
    }

    @QueryHandler
    Optional<ContactView> handle(FindContact query) {
        return repository.findContact(query.contactId(), query.viewer());
    }

    @QueryHandler
    List<ContactView> handle(FindContacts query) {
        return repository.findContacts(query.accountId(), query.viewer());
    }
}

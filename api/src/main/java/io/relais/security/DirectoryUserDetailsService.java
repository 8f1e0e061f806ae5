package io.relais.security;

import io.relais.organisation.FindUser;
import io.relais.organisation.UserView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Optional;

/** Signs users in with HTTP Basic: the organisation read model gives the profile, the credential store the hash. */
class DirectoryUserDetailsService implements UserDetailsService {

    private final QueryGateway queries;
    private final CredentialStore credentials;

    DirectoryUserDetailsService(QueryGateway queries, CredentialStore credentials) {
        this.queries = queries;
        this.credentials = credentials;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<UserView> user = queries.query(new FindUser(username), ResponseTypes.optionalInstanceOf(UserView.class))
                .join();
        Optional<String> hash = credentials.passwordHash(username);
        if (user.isEmpty() || hash.isEmpty()) {
            throw new UsernameNotFoundException("Unknown user");
        }
        return User.withUsername(user.get().userId())
                .password(hash.get())
                .disabled(!user.get().active())
                .authorities(CurrentUser.ROLE_PREFIX + user.get().profile().name())
                .build();
    }
}

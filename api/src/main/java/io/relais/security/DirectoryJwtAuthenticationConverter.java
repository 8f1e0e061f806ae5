package io.relais.security;

import io.relais.organisation.FindUser;
import io.relais.organisation.UserView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/**
 * Maps a verified token to a Relais user: the configured claim names the user, whose profile comes from
 * the organisation (not from the token), so that an administrator's change applies at once. Tokens of
 * unknown or deactivated users are refused.
 */
class DirectoryJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final QueryGateway queries;
    private final String userClaim;

    DirectoryJwtAuthenticationConverter(QueryGateway queries, String userClaim) {
        this.queries = queries;
        this.userClaim = userClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String userId = jwt.getClaimAsString(userClaim);
        if (userId == null) {
            throw new InvalidBearerTokenException("The token has no " + userClaim + " claim");
        }
        UserView user = queries.query(new FindUser(userId), ResponseTypes.optionalInstanceOf(UserView.class)).join()
                .filter(UserView::active)
                .orElseThrow(() -> new InvalidBearerTokenException("The token's user is not an active Relais user"));
        return new JwtAuthenticationToken(jwt,
                List.of(new SimpleGrantedAuthority(CurrentUser.ROLE_PREFIX + user.profile().name())), user.userId());
    }
}

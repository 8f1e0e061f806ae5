package io.relais.security;

import io.relais.organisation.Profile;
import io.relais.organisation.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request: their id, their profile, and what they may see. */
public final class CurrentUser {

    static final String ROLE_PREFIX = "ROLE_";

    private CurrentUser() {
    }

    public static String id() {
        return authentication().getName();
    }

    public static Profile profile() {
        return authentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> Profile.valueOf(authority.substring(ROLE_PREFIX.length())))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The signed-in user has no profile"));
    }

    public static Viewer viewer() {
        return Viewer.of(id(), profile());
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No signed-in user");
        }
        return authentication;
    }
}

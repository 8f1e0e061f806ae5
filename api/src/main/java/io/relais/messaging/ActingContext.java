package io.relais.messaging;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Who is acting, and in which request, for the code running on this thread. The web layer binds it for
 * every HTTP request; other entry points (the benchmark, imports) bind their own. Commands dispatched
 * without one are refused, so no event can be written without saying who caused it.
 *
 * @param userId        the acting user, or the system component acting
 * @param onBehalfOf    for system actions, the user on whose behalf; otherwise null
 * @param correlationId the id shared by everything one request caused
 * @param changeReason  why, as the caller said it; null when they gave no reason
 */
public record ActingContext(String userId, String onBehalfOf, String correlationId, String changeReason) {

    /** A context that gives no reason: the system's own actions, the benchmark, imports. */
    public ActingContext(String userId, String onBehalfOf, String correlationId) {
        this(userId, onBehalfOf, correlationId, null);
    }

    private static final ThreadLocal<ActingContext> CURRENT = new ThreadLocal<>();

    public static Optional<ActingContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public <T> T call(Callable<T> action) throws Exception {
        ActingContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return action.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}

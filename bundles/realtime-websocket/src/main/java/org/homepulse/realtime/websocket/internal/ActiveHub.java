package org.homepulse.realtime.websocket.internal;

/**
 * The hub of the active component, for endpoint instances.
 *
 * <p>Why a static: Jetty instantiates the endpoint's {@code Configurator} itself
 * (from the {@code @ServerEndpoint} annotation) and asks it for an endpoint per
 * connection, so neither can be handed a reference by DS. The registration is of
 * the class, and the class lives in this bundle's class loader: one bundle, one
 * active component, one hub. Set in activate before the endpoint is registered,
 * cleared in deactivate; a connection arriving in between is refused with 1013.
 */
final class ActiveHub {

    private static volatile RealtimeHub current;

    private ActiveHub() {
    }

    static RealtimeHub get() {
        return current;
    }

    static synchronized void set(RealtimeHub hub) {
        current = hub;
    }

    /** Clears only if {@code hub} is still the active one (a newer activation keeps its own). */
    static synchronized void clear(RealtimeHub hub) {
        if (current == hub) {
            current = null;
        }
    }
}

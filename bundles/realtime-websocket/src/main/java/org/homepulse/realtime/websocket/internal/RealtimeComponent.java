package org.homepulse.realtime.websocket.internal;

import java.util.Map;

import org.homepulse.status.snapshot.SystemStatusListener;
import org.homepulse.status.snapshot.SystemStatusSource;
import org.ops4j.pax.web.service.WebContainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OSGi face of the WebSocket: registers {@code /ws/system} with Pax Web and a
 * {@link SystemStatusListener} that hands published snapshots to the hub.
 *
 * <p>Why {@link WebContainer#registerWebSocket} with the endpoint class and not a
 * whiteboard service: in Pax Web 8.0.34 the whiteboard extender resolves the target
 * context and stores the element under separate locks; when the default context
 * changes in between (which happens on some cold boots) the element is kept without
 * a context and never registered again, leaving a 404 until a restart. A direct
 * registration goes to the server model in one step. Registering the class (not an
 * instance) also keeps the annotation's configurator, which Pax Web replaces for
 * whiteboard instances; that configurator is how the handshake headers are captured.
 */
@Component(name = RealtimeSettings.PID, configurationPid = RealtimeSettings.PID, immediate = true, service = {})
public final class RealtimeComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeComponent.class);

    private final WebContainer webContainer;
    private final RealtimeHub hub;
    private final ServiceRegistration<SystemStatusListener> listener;

    @Activate
    public RealtimeComponent(@Reference(name = "webContainer") WebContainer webContainer,
            @Reference(name = "source") SystemStatusSource source,
            Map<String, Object> properties, BundleContext bundleContext) {
        this.webContainer = webContainer;
        RealtimeSettings settings = RealtimeSettings.from(properties);
        JaasRealmLogin login = new JaasRealmLogin(RealtimeComponent.class.getClassLoader());
        if (!login.proxyModuleVisible()) {
            LOG.warn("{} is not visible to this bundle: realm logins will fail and every client will get 4401",
                    JaasRealmLogin.PROXY_LOGIN_MODULE);
        }
        this.hub = new RealtimeHub(settings, source, login, System::nanoTime);
        ActiveHub.set(hub); // before registering: the first upgrade may follow at once
        try {
            webContainer.registerWebSocket(SystemStatusEndpoint.class, null);
        } catch (RuntimeException e) {
            ActiveHub.clear(hub);
            hub.close();
            LOG.error("Could not register the WebSocket endpoint {}: {}", SystemStatusEndpoint.PATH, e.toString());
            throw e; // leaves the component unsatisfied, visible in scr:info
        }
        LOG.info("WebSocket endpoint {} registered ({})", SystemStatusEndpoint.PATH, settings);
        // Registered by hand, not declared: this component needs the aggregator's source and the
        // aggregator tracks listeners, and a declared listener service closes that circle for SCR
        // (a "Circular reference detected" error whenever both restart).
        this.listener = bundleContext.registerService(SystemStatusListener.class, hub::publish, null);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        hub.reconfigure(RealtimeSettings.from(properties));
    }

    @Deactivate
    void deactivate() {
        listener.unregister();
        try {
            webContainer.unregisterWebSocket(SystemStatusEndpoint.class, null);
        } catch (RuntimeException e) {
            // Pax Web may have dropped it already (its own bundle stopping): nothing left to undo.
            LOG.debug("Unregistering {}: {}", SystemStatusEndpoint.PATH, e.toString());
        }
        ActiveHub.clear(hub);
        hub.close();
        LOG.info("WebSocket endpoint {} unregistered", SystemStatusEndpoint.PATH);
    }
}

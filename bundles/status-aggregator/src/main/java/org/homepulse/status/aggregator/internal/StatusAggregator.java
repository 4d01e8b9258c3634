package org.homepulse.status.aggregator.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.homepulse.status.StatusChangeNotifier;
import org.homepulse.status.StatusProvider;
import org.homepulse.status.snapshot.SystemStatus;
import org.homepulse.status.snapshot.SystemStatusListener;
import org.homepulse.status.snapshot.SystemStatusSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The OSGi face of the {@link StatusHub}: tracks {@link StatusProvider} and
 * {@link SystemStatusListener} services and offers the notifier and the current
 * snapshot. Bind methods may run before activation, so early arrivals are queued.
 */
@Component(name = "org.homepulse.status", configurationPid = "org.homepulse.status", immediate = true,
        service = { StatusChangeNotifier.class, SystemStatusSource.class })
public final class StatusAggregator implements StatusChangeNotifier, SystemStatusSource {

    private final Object lock = new Object();
    private StatusHub hub;
    /** Providers bound before activation, with their origin for log lines. */
    private final Map<StatusProvider, String> early = new IdentityHashMap<>();
    /** Shared with the hub, which reads it on its publisher thread. */
    private final List<SystemStatusListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    void activate(Map<String, Object> properties) {
        StatusHub started = new StatusHub(AggregatorSettings.from(properties), listeners);
        Map<StatusProvider, String> queued;
        synchronized (lock) {
            hub = started;
            queued = new IdentityHashMap<>(early);
            early.clear();
        }
        queued.forEach(started::addProvider);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        hub().reconfigure(AggregatorSettings.from(properties));
    }

    @Deactivate
    void deactivate() {
        StatusHub stopping;
        synchronized (lock) {
            stopping = hub;
            hub = null;
        }
        stopping.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(ServiceReference<StatusProvider> ref, StatusProvider provider) {
        Bundle bundle = ref.getBundle(); // null once the service is already gone again
        String origin = "service " + ref.getProperty(Constants.SERVICE_ID) + " of bundle "
                + (bundle == null ? "?" : bundle.getSymbolicName());
        StatusHub h;
        synchronized (lock) {
            h = hub;
            if (h == null) {
                early.put(provider, origin);
                return;
            }
        }
        h.addProvider(provider, origin);
    }

    void removeProvider(StatusProvider provider) {
        StatusHub h;
        synchronized (lock) {
            h = hub;
            if (h == null) {
                early.remove(provider);
                return;
            }
        }
        h.removeProvider(provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(SystemStatusListener listener) {
        listeners.add(listener);
    }

    void removeListener(SystemStatusListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void statusChanged(String providerId) {
        StatusHub h = hubOrNull();
        if (h != null && providerId != null) {
            h.signal(providerId);
        }
    }

    @Override
    public SystemStatus current() {
        return hub().current();
    }

    private StatusHub hubOrNull() {
        synchronized (lock) {
            return hub;
        }
    }

    private StatusHub hub() {
        StatusHub h = hubOrNull();
        if (h == null) {
            throw new IllegalStateException("the status aggregator is not active");
        }
        return h;
    }
}

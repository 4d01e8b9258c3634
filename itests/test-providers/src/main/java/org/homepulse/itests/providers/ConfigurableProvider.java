package org.homepulse.itests.providers;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.PrimaryField;
import org.homepulse.status.Reason;
import org.homepulse.status.StatusChangeNotifier;
import org.homepulse.status.StatusProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * One StatusProvider per factory configuration of PID {@code org.homepulse.test.provider}:
 * {@code id}, {@code mode} ({@code up}, {@code down}, {@code throw}, {@code block}) and
 * {@code reason} (a {@link Reason} name, for {@code down}). Written the way the SPI
 * tells third-party authors to.
 */
@Component(configurationPid = "org.homepulse.test.provider", configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ConfigurableProvider implements StatusProvider {

    private volatile String id;
    private volatile String mode;
    private volatile IntegrationStatus status;
    private final CountDownLatch released = new CountDownLatch(1);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StatusChangeNotifier notifier;

    @Activate
    void activate(Map<String, Object> config) {
        id = String.valueOf(config.get("id"));
        apply(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        apply(config);
        StatusChangeNotifier n = notifier;
        if (n != null) {
            n.statusChanged(id);
        }
    }

    @Deactivate
    void deactivate() {
        released.countDown();
    }

    private void apply(Map<String, Object> config) {
        mode = String.valueOf(config.getOrDefault("mode", "up"));
        Object reason = config.get("reason");
        status = "down".equals(mode)
                ? IntegrationStatus.down(Reason.valueOf(String.valueOf(reason == null ? "UNREACHABLE" : reason)))
                : IntegrationStatus.up();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Test provider " + id;
    }

    @Override
    public PrimaryField primary() {
        return PrimaryField.CONNECTED;
    }

    @Override
    public IntegrationStatus status() {
        if ("throw".equals(mode)) {
            throw new IllegalStateException("test provider " + id + " fails on purpose");
        }
        if ("block".equals(mode)) {
            try {
                released.await(); // until the configuration is deleted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return status;
    }
}

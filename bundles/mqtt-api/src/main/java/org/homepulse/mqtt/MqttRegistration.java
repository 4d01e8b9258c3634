package org.homepulse.mqtt;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Ends a subscription or removes a connection listener. After {@link #close()}
 * returns no new call is started; one already running may still finish.
 */
@ProviderType
public interface MqttRegistration extends AutoCloseable {

    /** Idempotent, non-blocking, never throws. */
    @Override
    void close();
}

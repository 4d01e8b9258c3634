/**
 * Test support for anything that talks MQTT: a real Mosquitto broker per test
 * ({@link org.homepulse.mqtt.testing.MosquittoBroker}), a throw-away certificate
 * authority for TLS tests ({@link org.homepulse.mqtt.testing.TestCertificates}) and
 * deadline-based waiting instead of sleeps ({@link org.homepulse.mqtt.testing.Await}).
 *
 * <p>Test-only. Exported as a bundle solely so in-container tests can use it.
 */
@Export
@Version("0.1.0")
package org.homepulse.mqtt.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

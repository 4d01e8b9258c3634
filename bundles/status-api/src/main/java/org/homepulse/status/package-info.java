/**
 * The HomePulse status SPI: what an integration bundle implements so that its
 * health shows live on every dashboard.
 *
 * <h2>Writing an integration</h2>
 * <ol>
 * <li>Register a {@link org.homepulse.status.StatusProvider} service (a DS
 * {@code @Component} is enough). Its {@code id()} is the key of your entry in
 * the {@code system_status} payload.</li>
 * <li>Keep your current state in an {@link org.homepulse.status.IntegrationStatus}
 * field and return it from {@code status()}: a read, never I/O.</li>
 * <li>When something happens at the edge (socket closed, broker said hello,
 * config saved), update that field and call
 * {@link org.homepulse.status.StatusChangeNotifier#statusChanged(String)}.</li>
 * <li>If your status depends on time ("no traffic for 75 s"), compute it inside
 * {@code status()} from timestamps: the hub re-reads every provider on its tick.</li>
 * </ol>
 */
@Export
@Version("1.0.0")
package org.homepulse.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

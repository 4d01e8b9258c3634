/**
 * The hub's published view: the whole {@code system_status} snapshot, for the
 * bundles that deliver it (WebSocket, REST, console). Integration authors do not
 * need this package.
 */
@Export
@Version("1.0.0")
package org.homepulse.status.snapshot;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

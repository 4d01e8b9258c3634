package org.homepulse.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Boots the real HomePulse distribution (one boot per test class) on free ports,
 * resolving everything offline from the build's local Maven repository. Tests run
 * inside that Karaf and reach the hub the way a user's script does: over HTTP on
 * loopback.
 */
public abstract class HubTestSupport {

    /** The user the distribution ships in etc/users.properties. */
    protected static final String USER = "homepulse";
    protected static final String PASSWORD = "homepulse";
    protected static final Duration EDGE = Duration.ofSeconds(1);
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Inject
    protected FeaturesService features;

    @Inject
    protected ServiceComponentRuntime scr;

    private final List<org.osgi.service.cm.Configuration> createdConfigs = new ArrayList<>();
    private final List<Bundle> installedBundles = new ArrayList<>();
    private final List<HubClient> clients = new ArrayList<>();

    @Configuration
    public Option[] config() {
        String version = System.getProperty("homepulse.version");
        String localRepo = System.getProperty("homepulse.localRepository");
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration()
                        .frameworkUrl(maven().groupId("org.homepulse").artifactId("homepulse-distribution")
                                .version(version).type("tar.gz"))
                        .name("HomePulse")
                        .unpackDirectory(new File(System.getProperty("project.build.directory", "target"), "exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                keepRuntimeFolder(), // its data/log/karaf.log explains a failure
                logLevel(LogLevel.INFO),
                // Offline: bundles and features come from the build's local repository only.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        localRepo),
                // Free ports, so a hub running on this machine does not clash.
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        Integer.toString(httpPort())),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(FreePort.next())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        Integer.toString(FreePort.next())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        Integer.toString(FreePort.next())),
                systemProperty("homepulse.test.http.port").value(Integer.toString(httpPort())),
                systemProperty("homepulse.version").value(version),
                systemProperty("homepulse.test.reports").value(new File(
                        System.getProperty("project.build.directory", "target"), "benchmarks").getAbsolutePath())));
        options.addAll(Arrays.asList(extraOptions()));
        return options.toArray(new Option[0]);
    }

    private static int chosenHttpPort;

    private static synchronized int httpPort() {
        if (chosenHttpPort == 0) {
            chosenHttpPort = FreePort.next();
        }
        return chosenHttpPort;
    }

    /** For subclasses that need more in the container. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /** The hub's HTTP port inside the container. */
    protected static int port() {
        return Integer.getInteger("homepulse.test.http.port");
    }

    protected static String version() {
        return System.getProperty("homepulse.version");
    }

    /** An authenticated client that has received its first snapshot. */
    protected HubClient connect() {
        HubClient client = track(HubClient.connect(port(), USER, PASSWORD));
        client.awaitStatus(0, PATIENCE, "snapshot on connect", payload -> true);
        return client;
    }

    protected HubClient track(HubClient client) {
        clients.add(client);
        return client;
    }

    protected Bundle installBundle(String artifactId) throws BundleException {
        Bundle bundle = bundleContext.installBundle("mvn:org.homepulse/" + artifactId + "/" + version());
        installedBundles.add(bundle);
        bundle.start();
        return bundle;
    }

    /** Creates a factory configuration that lives until the test ends. */
    protected org.osgi.service.cm.Configuration factoryConfig(String factoryPid, String name, Object... keyValues)
            throws IOException {
        org.osgi.service.cm.Configuration config = configAdmin.getFactoryConfiguration(factoryPid, name, "?");
        config.update(dictionary(keyValues));
        createdConfigs.add(config);
        return config;
    }

    /**
     * Changes keys of a configuration that a feature shipped as etc/PID.cfg, the way
     * {@code config:edit} does, and returns once the running component has them
     * (see {@link ShippedConfig} for the fileinstall race this avoids).
     */
    protected void editShippedConfig(String pid, String... keyValues) throws Exception {
        java.util.Map<String, String> changes = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            changes.put(keyValues[i], keyValues[i + 1]);
        }
        new ShippedConfig(configAdmin, scr, pid).edit(PATIENCE, changes);
    }

    protected static Dictionary<String, Object> dictionary(Object... keyValues) {
        Dictionary<String, Object> d = new Hashtable<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            d.put((String) keyValues[i], keyValues[i + 1]);
        }
        return d;
    }

    /**
     * Pax Exam starts a test once its probe is in, which can be before the hub's
     * endpoint is registered: wait until /ws/system serves a snapshot.
     */
    @Before
    public void awaitHub() {
        Await.until("/ws/system serving after boot", Duration.ofSeconds(60),
                () -> HubClient.servesSnapshot(port(), Duration.ofSeconds(5), USER, PASSWORD));
    }

    @After
    public void cleanUp() throws Exception {
        for (HubClient client : clients) {
            client.close();
        }
        for (org.osgi.service.cm.Configuration config : createdConfigs) {
            try {
                config.delete();
            } catch (IllegalStateException alreadyDeleted) {
                // deleted by the test itself
            }
        }
        for (Bundle bundle : installedBundles) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        }
        clients.clear();
        createdConfigs.clear();
        installedBundles.clear();
    }
}

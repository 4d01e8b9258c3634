package org.homepulse.itests;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Edits a configuration that a feature ships as {@code etc/PID.cfg} the way
 * {@code config:edit} does, and returns only once the change has landed where it
 * counts: in ConfigAdmin, in the file, and in the running component (whose name is
 * its PID in HomePulse).
 *
 * <p>Why it is careful: when Karaf writes a feature's .cfg, fileinstall may read it
 * half-written and a change made before it settles is overwritten (the distribution
 * ships its .cfg files in etc/ for that reason, but a test must not depend on it).
 * So this first waits until ConfigAdmin holds exactly what the (non-empty) file says,
 * then edits once, then requires that the change lands.
 */
final class ShippedConfig {

    private final ConfigurationAdmin configAdmin;
    private final ServiceComponentRuntime scr;
    private final String pid;
    private final Path file;

    ShippedConfig(ConfigurationAdmin configAdmin, ServiceComponentRuntime scr, String pid) {
        this.configAdmin = configAdmin;
        this.scr = scr;
        this.pid = pid;
        this.file = Path.of(System.getProperty("karaf.etc"), pid + ".cfg");
    }

    void edit(Duration patience, Map<String, String> changes) throws IOException {
        awaitOrExplain("fileinstall settled on " + file.getFileName(), patience, this::fileinstallSettled, changes);
        Configuration config = configAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> properties = config.getProperties();
        changes.forEach(properties::put);
        config.update(properties);
        // A change that does not land fails the test rather than being applied again: a retry
        // would hide a comeback of the fileinstall race that the distribution avoids.
        awaitOrExplain("the change to " + pid + " in ConfigAdmin, the file and the component", patience,
                () -> landed(changes), changes);
    }

    /** Waits; a timeout says where each changed key stands at that moment. */
    private void awaitOrExplain(String what, Duration timeout, BooleanSupplier condition, Map<String, String> changes) {
        try {
            Await.until(what, timeout, condition);
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; " + state(changes), timedOut);
        }
    }

    private boolean fileinstallSettled() {
        Map<String, String> inFile = fileContent();
        Map<String, String> inAdmin = adminContent();
        return !inFile.isEmpty() && inAdmin != null && inAdmin.containsKey("felix.fileinstall.filename")
                && withoutBookkeeping(inAdmin).equals(inFile);
    }

    private boolean landed(Map<String, String> changes) {
        Map<String, String> inAdmin = adminContent();
        return inAdmin != null && contains(inAdmin, changes) && contains(fileContent(), changes)
                && contains(componentContent(), changes);
    }

    private String state(Map<String, String> changes) {
        return "wanted " + changes + ", ConfigAdmin has " + pick(adminContent(), changes) + ", the file has "
                + pick(fileContent(), changes) + ", the component has " + pick(componentContent(), changes);
    }

    private static boolean contains(Map<String, String> actual, Map<String, String> wanted) {
        return actual != null && actual.entrySet().containsAll(wanted.entrySet());
    }

    private static Map<String, String> pick(Map<String, String> from, Map<String, String> keys) {
        if (from == null) {
            return null;
        }
        Map<String, String> picked = new TreeMap<>();
        keys.keySet().forEach(k -> picked.put(k, secret(k) ? masked(from.get(k)) : from.get(k)));
        return picked;
    }

    /** Test secrets too stay out of output: the tests check that the log never shows one. */
    private static boolean secret(String key) {
        return key.contains("password") || key.contains("token");
    }

    private static String masked(String value) {
        return value == null ? null : value.isEmpty() ? "(empty)" : "(set)";
    }

    private Map<String, String> fileContent() {
        if (!Files.isRegularFile(file)) {
            return Collections.emptyMap();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return Collections.emptyMap(); // being rewritten: try again on the next poll
        }
        Map<String, String> content = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> content.put(k, p.getProperty(k)));
        return content;
    }

    private Map<String, String> adminContent() {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            return found == null || found[0].getProperties() == null ? null : strings(found[0].getProperties());
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, String> componentContent() {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (pid.equals(description.name)) {
                for (ComponentConfigurationDTO active : scr.getComponentConfigurationDTOs(description)) {
                    Map<String, String> content = new TreeMap<>();
                    active.properties.forEach((k, v) -> content.put(k, String.valueOf(v)));
                    return content;
                }
            }
        }
        return null;
    }

    private static Map<String, String> strings(Dictionary<String, Object> properties) {
        Map<String, String> content = new TreeMap<>();
        for (java.util.Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            content.put(key, String.valueOf(properties.get(key)));
        }
        return content;
    }

    private static Map<String, String> withoutBookkeeping(Map<String, String> content) {
        Map<String, String> copy = new TreeMap<>(content);
        copy.remove("service.pid");
        copy.remove("service.factoryPid");
        copy.remove("felix.fileinstall.filename");
        return copy;
    }
}

package org.homepulse.realtime.websocket.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Real JAAS, with a realm configured the way Karaf does it: by a module class name resolved through the TCCL. */
public class JaasRealmLoginTest {

    /** Accepts karaf/karaf; "broken" makes the module fail the way a misconfigured realm does. */
    public static final class TestModule implements LoginModule {
        private CallbackHandler handler;
        private boolean ok;

        @Override
        public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            handler = callbackHandler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] { name, password });
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if ("broken".equals(name.getName())) {
                throw new LoginException("backend down while checking user " + name.getName());
            }
            ok = "karaf".equals(name.getName()) && "karaf".equals(new String(password.getPassword()));
            if (!ok) {
                throw new FailedLoginException("Password for " + name.getName() + " does not match");
            }
            return true;
        }

        @Override
        public boolean commit() {
            return ok;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }

    private Configuration previous;
    /** A context loader that sees nothing, like a pool thread's in OSGi. */
    private final ClassLoader blind = new URLClassLoader(new URL[0], null);

    @Before
    public void configure() {
        try {
            previous = Configuration.getConfiguration();
        } catch (SecurityException e) {
            previous = null; // no default JAAS file: fine
        }
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                if (!"karaf".equals(name)) {
                    return null;
                }
                return new AppConfigurationEntry[] { new AppConfigurationEntry(TestModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of()) };
            }
        });
    }

    @After
    public void restore() {
        Configuration.setConfiguration(previous);
    }

    private boolean loginOnBlindThread(JaasRealmLogin login, String realm, String user, String password)
            throws RealmLogin.RealmUnavailableException {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(blind);
        try {
            boolean result = login.login(realm, user, password);
            assertSame("the context class loader is restored", blind, thread.getContextClassLoader());
            return result;
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    public void theModuleIsLoadedThroughTheBundleLoaderWhateverTheThreadHas() throws Exception {
        JaasRealmLogin login = new JaasRealmLogin(TestModule.class.getClassLoader());
        assertTrue(loginOnBlindThread(login, "karaf", "karaf", "karaf"));
        assertFalse(loginOnBlindThread(login, "karaf", "karaf", "wrong"));
        assertFalse(loginOnBlindThread(login, "karaf", "stranger", "karaf"));
        assertTrue("Karaf's proxy module is visible to the bundle's loader", login.proxyModuleVisible());
    }

    @Test
    public void aFailingOrMissingRealmIsReportedWithoutTheUserName() throws Exception {
        JaasRealmLogin login = new JaasRealmLogin(TestModule.class.getClassLoader());
        for (String realm : new String[] { "karaf", "no-such-realm" }) {
            try {
                loginOnBlindThread(login, realm, "broken", "secret-pw");
                fail("expected the realm to be unavailable");
            } catch (RealmLogin.RealmUnavailableException e) {
                assertFalse(e.getMessage(), e.getMessage().contains("broken"));
                assertFalse(e.getMessage(), e.getMessage().contains("secret-pw"));
                assertTrue(e.getMessage(), e.getMessage().contains(realm));
            }
        }
    }

    @Test
    public void withALoaderThatCannotSeeTheModuleLoginFailsClosed() {
        JaasRealmLogin login = new JaasRealmLogin(blind);
        try {
            loginOnBlindThread(login, "karaf", "karaf", "karaf");
            fail("a module that cannot be loaded must not let anyone in");
        } catch (RealmLogin.RealmUnavailableException e) {
            // expected
        }
        assertFalse(login.proxyModuleVisible());
    }
}

package org.homepulse.realtime.websocket.internal;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;

/**
 * A login against a Karaf JAAS realm ({@code karaf} by default: {@code etc/users.properties}).
 *
 * <p>Karaf's JAAS configuration names {@link ProxyLoginModule} as every realm's
 * module, and {@link LoginContext} loads that class through the thread context
 * class loader captured when the context is created. Our threads have no useful
 * context loader, so the bundle's own loader (which imports
 * {@code org.apache.karaf.jaas.boot}, exported by Karaf's system bundle) is set
 * for the duration of the login.
 *
 * <p>Any user of the realm is accepted, whatever its roles: the hub has no
 * role model yet, and the status it streams is the same for every user.
 */
final class JaasRealmLogin implements RealmLogin {

    /** The class the JAAS configuration names; referenced so the bundle imports its package. */
    static final String PROXY_LOGIN_MODULE = ProxyLoginModule.class.getName();

    private final ClassLoader loader;

    JaasRealmLogin(ClassLoader loader) {
        this.loader = loader;
    }

    /** True if this bundle can load the class JAAS will ask for: a quick self-check for the activation log. */
    boolean proxyModuleVisible() {
        try {
            Class.forName(PROXY_LOGIN_MODULE, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean login(String realm, String user, String password) throws RealmUnavailableException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            LoginContext context = new LoginContext(realm, new Subject(), callbacks -> {
                for (javax.security.auth.callback.Callback callback : callbacks) {
                    if (callback instanceof NameCallback) {
                        ((NameCallback) callback).setName(user);
                    } else if (callback instanceof PasswordCallback) {
                        ((PasswordCallback) callback).setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            try {
                context.logout(); // we keep no Subject: only the yes/no answer matters
            } catch (LoginException e) {
                // nothing held that needs releasing
            }
            return true;
        } catch (FailedLoginException e) {
            return false; // unknown user or wrong password
        } catch (LoginException | RuntimeException e) {
            // Exception texts of login modules may quote the user name: report the type only.
            throw new RealmUnavailableException("realm '" + realm + "' failed: " + e.getClass().getName());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

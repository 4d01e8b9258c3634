package org.homepulse.realtime.websocket.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A realm with fixed users that counts how often it is asked. */
final class FakeRealm implements RealmLogin {

    private final Map<String, String> users;
    final AtomicInteger logins = new AtomicInteger();
    volatile boolean unavailable;

    FakeRealm(Map<String, String> users) {
        this.users = users;
    }

    @Override
    public boolean login(String realm, String user, String password) throws RealmUnavailableException {
        logins.incrementAndGet();
        if (unavailable) {
            throw new RealmUnavailableException("realm '" + realm + "' failed: javax.security.auth.login.LoginException");
        }
        return "karaf".equals(realm) && password.equals(users.get(user));
    }
}

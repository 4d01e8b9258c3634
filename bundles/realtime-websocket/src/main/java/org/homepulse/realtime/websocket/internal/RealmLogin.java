package org.homepulse.realtime.websocket.internal;

/** Checks a user name and password against a realm. May block (a realm can be LDAP): call it off I/O threads. */
interface RealmLogin {

    /**
     * @return true if the realm accepts the user, false if it rejects the credentials
     * @throws RealmUnavailableException if the realm could not decide (missing, misconfigured, failing)
     */
    boolean login(String realm, String user, String password) throws RealmUnavailableException;

    /** The realm could not judge the credentials. Its message never contains them. */
    final class RealmUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        RealmUnavailableException(String message) {
            super(message);
        }
    }
}

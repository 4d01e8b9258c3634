package org.homepulse.realtime.websocket.internal;

/**
 * What a client presented to prove who it is. Holds secrets: no {@code toString}
 * of a credential ever shows them.
 */
abstract class Credential {

    /** Something was presented but could not be read (bad base64, no colon, empty token): never a fall-through. */
    static final Credential MALFORMED = new Credential() {
        @Override
        String kind() {
            return "malformed";
        }
    };

    private Credential() {
    }

    /** For log lines: "basic", "bearer", ... */
    abstract String kind();

    @Override
    public String toString() {
        return "Credential[" + kind() + "]";
    }

    /** A realm user name and password (HTTP Basic). */
    static final class UserPassword extends Credential {
        final String user;
        final String password;

        UserPassword(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        String kind() {
            return "basic";
        }
    }

    /** A shared secret (HTTP Bearer). */
    static final class Token extends Credential {
        final String token;

        Token(String token) {
            this.token = token;
        }

        @Override
        String kind() {
            return "bearer";
        }
    }
}

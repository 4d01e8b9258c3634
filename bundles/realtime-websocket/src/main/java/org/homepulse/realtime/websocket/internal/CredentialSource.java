package org.homepulse.realtime.websocket.internal;

/**
 * One place a client can put its credentials on the upgrade request. The
 * {@link Authenticator} asks each source in turn; a browser-login cookie is meant
 * to become one more source beside the two header sources.
 */
interface CredentialSource {

    /**
     * @return the credential this source found, {@link Credential#MALFORMED} if it
     *         found one it cannot read, or {@code null} if this source has nothing
     */
    Credential find(HandshakeInfo handshake);
}

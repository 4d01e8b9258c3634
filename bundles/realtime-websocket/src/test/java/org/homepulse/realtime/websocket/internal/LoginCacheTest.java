package org.homepulse.realtime.websocket.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class LoginCacheTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    public void aRememberedLoginIsFreshUntilItExpires() {
        LoginCache cache = new LoginCache(60);
        long t0 = 123 * SECOND;
        assertFalse(cache.isFresh("karaf", "u", "p", t0));
        cache.remember("karaf", "u", "p", t0);
        assertTrue(cache.isFresh("karaf", "u", "p", t0 + 59 * SECOND));
        assertFalse(cache.isFresh("karaf", "u", "p", t0 + 60 * SECOND));
        assertEquals("expired entries are dropped", 0, cache.size());
    }

    @Test
    public void anyDifferenceInRealmUserOrPasswordMisses() {
        LoginCache cache = new LoginCache(60);
        cache.remember("karaf", "u", "p", 0);
        assertFalse(cache.isFresh("karaf", "u", "P", 1));
        assertFalse(cache.isFresh("karaf", "U", "p", 1));
        assertFalse(cache.isFresh("other", "u", "p", 1));
        cache.remember("karaf", "ab", "c", 0);
        assertFalse("parts cannot slide into each other", cache.isFresh("karaf", "a", "bc", 1));
    }

    @Test
    public void keysAreSaltedDigestsNotPasswords() {
        LoginCache one = new LoginCache(60);
        LoginCache two = new LoginCache(60);
        String key = one.key("karaf", "user", "hunter2");
        assertEquals(64, key.length());
        assertFalse(key.contains("hunter2"));
        assertEquals(key, one.key("karaf", "user", "hunter2"));
        assertNotEquals("a per-instance salt", key, two.key("karaf", "user", "hunter2"));
    }

    @Test
    public void disabledCacheRemembersNothing() {
        LoginCache cache = new LoginCache(0);
        cache.remember("karaf", "u", "p", 0);
        assertFalse(cache.isFresh("karaf", "u", "p", 0));
        assertEquals(0, cache.size());
    }

    @Test
    public void sizeIsBounded() {
        LoginCache cache = new LoginCache(3600);
        for (int i = 0; i < LoginCache.MAX_ENTRIES * 3; i++) {
            cache.remember("karaf", "user" + i, "p", i);
        }
        assertEquals(LoginCache.MAX_ENTRIES, cache.size());
        assertTrue("the newest stays", cache.isFresh("karaf", "user" + (LoginCache.MAX_ENTRIES * 3 - 1), "p", 1000));
        assertFalse("the oldest went", cache.isFresh("karaf", "user0", "p", 1000));
    }
}

package org.homepulse.transport.mqtt.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.homepulse.status.StatusChangeNotifier;

/** Records every "status changed" signal, as the aggregator would receive it. */
final class RecordingNotifier implements StatusChangeNotifier {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void statusChanged(String providerId) {
        calls.add(providerId);
    }

    int count() {
        return calls.size();
    }
}

package dev.atelier.webhooks.internal;

import static dev.atelier.webhooks.internal.DeliveryStates.State.FAILED;
import static dev.atelier.webhooks.internal.DeliveryStates.State.PENDING;
import static dev.atelier.webhooks.internal.DeliveryStates.State.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatesTest {

    @Test
    void aPendingDeliveryIsRetriedOrEnds() {
        assertThat(DeliveryStates.allowed(PENDING, PENDING)).isTrue();
        assertThat(DeliveryStates.allowed(PENDING, SUCCEEDED)).isTrue();
        assertThat(DeliveryStates.allowed(PENDING, FAILED)).isTrue();
    }

    @Test
    void aFinishedDeliveryOnlyGoesBackToPendingByRedelivery() {
        assertThat(DeliveryStates.allowed(SUCCEEDED, PENDING)).isTrue();
        assertThat(DeliveryStates.allowed(FAILED, PENDING)).isTrue();
        assertThat(DeliveryStates.allowed(SUCCEEDED, FAILED)).isFalse();
        assertThat(DeliveryStates.allowed(FAILED, SUCCEEDED)).isFalse();
        assertThat(DeliveryStates.allowed(SUCCEEDED, SUCCEEDED)).isFalse();
    }
}

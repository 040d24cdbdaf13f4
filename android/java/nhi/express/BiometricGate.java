// Quick sign-in on Android: the prompt that unlocks the Keystore key for one signature. The
// Rust side (nhi-client's platform/android_keystore.rs) makes the key and prepares the
// Signature; this shows the system's BiometricPrompt with that Signature as its CryptoObject
// (a strong biometric only), signs the message once it is unlocked and hands the bytes back.
package nhi.express;

import android.app.Activity;
import android.hardware.biometrics.BiometricManager;
import android.hardware.biometrics.BiometricPrompt;
import android.os.CancellationSignal;
import java.security.Signature;

public final class BiometricGate {
    private BiometricGate() {}

    /** The signature, or null with the prompt's error code (0 when none). */
    private static native void onResult(long handle, byte[] signature, int error);

    public static void authenticate(
            Activity activity, Signature signature, byte[] message, String reason, long handle) {
        activity.runOnUiThread(() -> {
            BiometricPrompt prompt = new BiometricPrompt.Builder(activity)
                    .setTitle(reason)
                    .setAllowedAuthenticators(BiometricManager.Authenticators.BIOMETRIC_STRONG)
                    .setNegativeButton(activity.getString(android.R.string.cancel),
                            activity.getMainExecutor(),
                            (dialog, which) -> onResult(handle, null, 13))
                    .build();
            prompt.authenticate(
                    new BiometricPrompt.CryptoObject(signature),
                    new CancellationSignal(),
                    activity.getMainExecutor(),
                    new BiometricPrompt.AuthenticationCallback() {
                        @Override
                        public void onAuthenticationSucceeded(BiometricPrompt.AuthenticationResult result) {
                            try {
                                Signature unlocked = result.getCryptoObject().getSignature();
                                unlocked.update(message);
                                onResult(handle, unlocked.sign(), 0);
                            } catch (Exception e) {
                                onResult(handle, null, -1);
                            }
                        }

                        @Override
                        public void onAuthenticationError(int code, CharSequence text) {
                            onResult(handle, null, code);
                        }
                    });
        });
    }
}

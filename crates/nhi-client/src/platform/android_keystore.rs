//! Quick sign-in's key on Android: a P-256 key made in the Android Keystore (StrongBox where
//! the phone has one), which never leaves it and signs only inside a BiometricPrompt with a
//! strong biometric (`setUserAuthenticationRequired(true)`, `AUTH_BIOMETRIC_STRONG`, no
//! grace period), and is invalidated when a new fingerprint or face is enrolled.
//!
//! Rust makes and finds the key and prepares the `Signature` through JNI; the prompt needs
//! an Activity and a callback object, which `nhi.express.BiometricGate` (android/java, built
//! into the APK) provides: it unlocks the signature with the prompt, signs the message and
//! hands the bytes back to [`Java_nhi_express_BiometricGate_onResult`].

use jni::objects::{JByteArray, JClass, JObject, JValue};
use jni::sys::{jint, jlong};
use jni::{JNIEnv, JavaVM};
use tokio::sync::oneshot;

use super::authenticator::{AuthenticatorError, Availability, DeviceAuthenticator, Pending};

/// `BiometricManager.Authenticators.BIOMETRIC_STRONG`.
const BIOMETRIC_STRONG: jint = 0x000F;
/// `BiometricManager.BIOMETRIC_SUCCESS` and `BIOMETRIC_ERROR_NONE_ENROLLED`.
const BIOMETRIC_SUCCESS: jint = 0;
const NONE_ENROLLED: jint = 11;
/// `KeyProperties.PURPOSE_SIGN`, `KeyProperties.AUTH_BIOMETRIC_STRONG`.
const PURPOSE_SIGN: jint = 4;
const AUTH_BIOMETRIC_STRONG: jint = 1;
/// `BiometricPrompt.BIOMETRIC_ERROR_CANCELED`, `…_USER_CANCELED`, `…_NEGATIVE_BUTTON`.
const PROMPT_CANCELLED: [jint; 3] = [5, 10, 13];
/// An X.509 SubjectPublicKeyInfo of a P-256 key ends with the 65-byte uncompressed point.
const POINT_BYTES: usize = 65;

type Answer = oneshot::Sender<Result<Vec<u8>, AuthenticatorError>>;

pub struct AndroidKeystore;

fn failed(error: impl std::fmt::Display) -> AuthenticatorError {
    AuthenticatorError::Failed(error.to_string())
}

/// The app's Java VM and Activity, as the NDK glue hands them over.
fn vm_and_activity() -> Result<(JavaVM, JObject<'static>), AuthenticatorError> {
    let context = ndk_context::android_context();
    // SAFETY: the NDK glue keeps the VM and the Activity alive for the app's lifetime.
    let vm = unsafe { JavaVM::from_raw(context.vm().cast()) }.map_err(failed)?;
    let activity = unsafe { JObject::from_raw(context.context().cast()) };
    Ok((vm, activity))
}

/// Runs `work` with a JNI environment of this thread; a Java exception becomes its class's
/// name in the error (and is cleared).
fn with_env<T>(
    work: impl FnOnce(&mut JNIEnv, &JObject<'static>) -> jni::errors::Result<T>,
) -> Result<T, AuthenticatorError> {
    let (vm, activity) = vm_and_activity()?;
    let mut env = vm.attach_current_thread().map_err(failed)?;
    match work(&mut env, &activity) {
        Ok(value) => Ok(value),
        Err(jni::errors::Error::JavaException) => Err(exception(&mut env)),
        Err(other) => Err(failed(other)),
    }
}

/// The pending Java exception, cleared, as an error: a key invalidated by a new enrolment
/// (or gone) is told apart.
fn exception(env: &mut JNIEnv) -> AuthenticatorError {
    let thrown = env.exception_occurred();
    let _ = env.exception_clear();
    let name = thrown
        .ok()
        .and_then(|t| {
            let class = env
                .call_method(&t, "getClass", "()Ljava/lang/Class;", &[])
                .ok()?
                .l()
                .ok()?;
            let name = env
                .call_method(&class, "getName", "()Ljava/lang/String;", &[])
                .ok()?
                .l()
                .ok()?;
            env.get_string(&name.into()).ok().map(String::from)
        })
        .unwrap_or_default();
    if name.ends_with("KeyPermanentlyInvalidatedException")
        || name.ends_with("UnrecoverableKeyException")
    {
        AuthenticatorError::KeyInvalidated
    } else {
        AuthenticatorError::Failed(name)
    }
}

/// The loaded `AndroidKeyStore`.
fn keystore<'l>(env: &mut JNIEnv<'l>) -> jni::errors::Result<JObject<'l>> {
    let kind = env.new_string("AndroidKeyStore")?;
    let store = env
        .call_static_method(
            "java/security/KeyStore",
            "getInstance",
            "(Ljava/lang/String;)Ljava/security/KeyStore;",
            &[JValue::Object(&kind)],
        )?
        .l()?;
    let none = JObject::null();
    env.call_method(
        &store,
        "load",
        "(Ljava/security/KeyStore$LoadStoreParameter;)V",
        &[JValue::Object(&none)],
    )?;
    Ok(store)
}

/// A `KeyGenParameterSpec` for a P-256 signing key under `alias` that only a strong
/// biometric unlocks, each use.
fn key_spec<'l>(
    env: &mut JNIEnv<'l>,
    alias: &str,
    strongbox: bool,
) -> jni::errors::Result<JObject<'l>> {
    let alias = env.new_string(alias)?;
    let builder = env.new_object(
        "android/security/keystore/KeyGenParameterSpec$Builder",
        "(Ljava/lang/String;I)V",
        &[JValue::Object(&alias), JValue::Int(PURPOSE_SIGN)],
    )?;
    let curve = env.new_string("secp256r1")?;
    let curve = env.new_object(
        "java/security/spec/ECGenParameterSpec",
        "(Ljava/lang/String;)V",
        &[JValue::Object(&curve)],
    )?;
    let builder_type = "Landroid/security/keystore/KeyGenParameterSpec$Builder;";
    env.call_method(
        &builder,
        "setAlgorithmParameterSpec",
        format!("(Ljava/security/spec/AlgorithmParameterSpec;){builder_type}"),
        &[JValue::Object(&curve)],
    )?;
    let sha256 = env.new_string("SHA-256")?;
    let digests = env.new_object_array(1, "java/lang/String", &sha256)?;
    env.call_method(
        &builder,
        "setDigests",
        format!("([Ljava/lang/String;){builder_type}"),
        &[JValue::Object(&digests)],
    )?;
    env.call_method(
        &builder,
        "setUserAuthenticationRequired",
        format!("(Z){builder_type}"),
        &[JValue::Bool(1)],
    )?;
    // Zero seconds: the key is unlocked for one operation, by the prompt itself.
    env.call_method(
        &builder,
        "setUserAuthenticationParameters",
        format!("(II){builder_type}"),
        &[JValue::Int(0), JValue::Int(AUTH_BIOMETRIC_STRONG)],
    )?;
    env.call_method(
        &builder,
        "setInvalidatedByBiometricEnrollment",
        format!("(Z){builder_type}"),
        &[JValue::Bool(1)],
    )?;
    if strongbox {
        env.call_method(
            &builder,
            "setIsStrongBoxBacked",
            format!("(Z){builder_type}"),
            &[JValue::Bool(1)],
        )?;
    }
    env.call_method(
        &builder,
        "build",
        "()Landroid/security/keystore/KeyGenParameterSpec;",
        &[],
    )?
    .l()
}

/// Makes the key pair; its public half's encoding (X.509 SubjectPublicKeyInfo).
fn generate(env: &mut JNIEnv, alias: &str, strongbox: bool) -> jni::errors::Result<Vec<u8>> {
    let spec = key_spec(env, alias, strongbox)?;
    let (ec, provider) = (env.new_string("EC")?, env.new_string("AndroidKeyStore")?);
    let generator = env
        .call_static_method(
            "java/security/KeyPairGenerator",
            "getInstance",
            "(Ljava/lang/String;Ljava/lang/String;)Ljava/security/KeyPairGenerator;",
            &[JValue::Object(&ec), JValue::Object(&provider)],
        )?
        .l()?;
    env.call_method(
        &generator,
        "initialize",
        "(Ljava/security/spec/AlgorithmParameterSpec;)V",
        &[JValue::Object(&spec)],
    )?;
    let pair = env
        .call_method(
            &generator,
            "generateKeyPair",
            "()Ljava/security/KeyPair;",
            &[],
        )?
        .l()?;
    let public = env
        .call_method(&pair, "getPublic", "()Ljava/security/PublicKey;", &[])?
        .l()?;
    let encoded = env.call_method(&public, "getEncoded", "()[B", &[])?.l()?;
    env.convert_byte_array(JByteArray::from(encoded))
}

impl DeviceAuthenticator for AndroidKeystore {
    fn availability(&self) -> Availability {
        let answer = with_env(|env, activity| {
            let name = env.new_string("biometric")?;
            let manager = env
                .call_method(
                    activity,
                    "getSystemService",
                    "(Ljava/lang/String;)Ljava/lang/Object;",
                    &[JValue::Object(&name)],
                )?
                .l()?;
            if manager.is_null() {
                return Ok(None);
            }
            env.call_method(
                &manager,
                "canAuthenticate",
                "(I)I",
                &[JValue::Int(BIOMETRIC_STRONG)],
            )?
            .i()
            .map(Some)
        });
        match answer {
            Ok(Some(BIOMETRIC_SUCCESS)) => Availability::Available,
            Ok(Some(NONE_ENROLLED)) => Availability::NothingEnrolled,
            _ => Availability::NoPromptOnThisSystem,
        }
    }

    fn has_key(&self, alias: &str) -> bool {
        with_env(|env, _| {
            let store = keystore(env)?;
            let alias = env.new_string(alias)?;
            env.call_method(
                &store,
                "containsAlias",
                "(Ljava/lang/String;)Z",
                &[JValue::Object(&alias)],
            )?
            .z()
        })
        .unwrap_or(false)
    }

    fn create_key<'a>(&'a self, alias: &'a str) -> Pending<'a, Vec<u8>> {
        Box::pin(async move {
            // StrongBox where the phone has one; otherwise the Keystore's TEE.
            let encoded = with_env(|env, _| generate(env, alias, true))
                .or_else(|_| with_env(|env, _| generate(env, alias, false)))?;
            if encoded.len() < POINT_BYTES {
                return Err(failed("unexpected public key encoding"));
            }
            Ok(encoded[encoded.len() - POINT_BYTES..].to_vec())
        })
    }

    fn sign<'a>(
        &'a self,
        alias: &'a str,
        message: &'a [u8],
        reason: &'a str,
    ) -> Pending<'a, Vec<u8>> {
        Box::pin(async move {
            let (done, answer) = oneshot::channel();
            let handle = Box::into_raw(Box::new(done)) as jlong;
            let started = with_env(|env, activity| {
                let store = keystore(env)?;
                let name = env.new_string(alias)?;
                let none = JObject::null();
                let key = env
                    .call_method(
                        &store,
                        "getKey",
                        "(Ljava/lang/String;[C)Ljava/security/Key;",
                        &[JValue::Object(&name), JValue::Object(&none)],
                    )?
                    .l()?;
                if key.is_null() {
                    return Ok(false);
                }
                let algorithm = env.new_string("SHA256withECDSA")?;
                let signature = env
                    .call_static_method(
                        "java/security/Signature",
                        "getInstance",
                        "(Ljava/lang/String;)Ljava/security/Signature;",
                        &[JValue::Object(&algorithm)],
                    )?
                    .l()?;
                // Throws KeyPermanentlyInvalidatedException after a new enrolment.
                env.call_method(
                    &signature,
                    "initSign",
                    "(Ljava/security/PrivateKey;)V",
                    &[JValue::Object(&key)],
                )?;
                let gate = gate_class(env, activity)?;
                let message = env.byte_array_from_slice(message)?;
                let reason = env.new_string(reason)?;
                env.call_static_method(
                    &gate,
                    "authenticate",
                    "(Landroid/app/Activity;Ljava/security/Signature;[BLjava/lang/String;J)V",
                    &[
                        JValue::Object(activity),
                        JValue::Object(&signature),
                        JValue::Object(&message),
                        JValue::Object(&reason),
                        JValue::Long(handle),
                    ],
                )?;
                Ok(true)
            });
            match started {
                Ok(true) => answer.await.map_err(failed)?,
                other => {
                    // The gate never got the handle: take the sender back.
                    // SAFETY: made by Box::into_raw above and not handed to Java.
                    drop(unsafe { Box::from_raw(handle as *mut Answer) });
                    match other {
                        Ok(_) => Err(AuthenticatorError::KeyInvalidated),
                        Err(e) => Err(e),
                    }
                }
            }
        })
    }

    fn delete_key(&self, alias: &str) -> Result<(), AuthenticatorError> {
        with_env(|env, _| {
            let store = keystore(env)?;
            let alias = env.new_string(alias)?;
            env.call_method(
                &store,
                "deleteEntry",
                "(Ljava/lang/String;)V",
                &[JValue::Object(&alias)],
            )?;
            Ok(())
        })
    }
}

/// `nhi.express.BiometricGate`, through the app's class loader (a thread attached from
/// native code sees only the system's classes by name).
fn gate_class<'l>(env: &mut JNIEnv<'l>, activity: &JObject) -> jni::errors::Result<JClass<'l>> {
    let loader = env
        .call_method(activity, "getClassLoader", "()Ljava/lang/ClassLoader;", &[])?
        .l()?;
    let name = env.new_string("nhi.express.BiometricGate")?;
    let class = env
        .call_method(
            &loader,
            "loadClass",
            "(Ljava/lang/String;)Ljava/lang/Class;",
            &[JValue::Object(&name)],
        )?
        .l()?;
    Ok(JClass::from(class))
}

/// Called by `BiometricGate` once the prompt ends: the signature over the message, or the
/// prompt's error code.
#[no_mangle]
pub extern "system" fn Java_nhi_express_BiometricGate_onResult<'l>(
    env: JNIEnv<'l>,
    _class: JClass<'l>,
    handle: jlong,
    signature: JByteArray<'l>,
    error: jint,
) {
    if handle == 0 {
        return;
    }
    // SAFETY: `handle` is the Box made in `sign`, which the gate calls back exactly once.
    let done = unsafe { Box::from_raw(handle as *mut Answer) };
    let result = if error != 0 || signature.is_null() {
        if PROMPT_CANCELLED.contains(&error) {
            Err(AuthenticatorError::Cancelled)
        } else {
            Err(AuthenticatorError::Failed(format!(
                "biometric prompt error {error}"
            )))
        }
    } else {
        env.convert_byte_array(&signature).map_err(failed)
    };
    let _ = done.send(result);
}

// Passkeys (WebAuthn) for the web build's quick sign-in (生物辨識輔助登入). The app hands over
// the backend's options as JSON, binary fields in base64url, and gets the browser's
// credential back the same way — the shapes webauthn-rs reads. A file (not an inline script),
// so the page's content security policy allows it.

function bytes(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

function text(buffer) {
  let binary = "";
  for (const b of new Uint8Array(buffer)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function credentialIds(list) {
  return (list || []).map((c) => ({ ...c, id: bytes(c.id) }));
}

window.nhiPasskeys = {
  // Whether this device has its own authenticator that verifies the user (a fingerprint,
  // a face, the screen lock): what a passkey here needs.
  async available() {
    return Boolean(
      window.PublicKeyCredential &&
        (await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()),
    );
  },

  async create(json) {
    const options = JSON.parse(json);
    options.challenge = bytes(options.challenge);
    options.user = { ...options.user, id: bytes(options.user.id) };
    options.excludeCredentials = credentialIds(options.excludeCredentials);
    const c = await navigator.credentials.create({ publicKey: options });
    return JSON.stringify({
      id: c.id,
      rawId: text(c.rawId),
      type: c.type,
      response: {
        attestationObject: text(c.response.attestationObject),
        clientDataJSON: text(c.response.clientDataJSON),
      },
      clientExtensionResults: {},
    });
  },

  async get(json) {
    const options = JSON.parse(json);
    options.challenge = bytes(options.challenge);
    options.allowCredentials = credentialIds(options.allowCredentials);
    const c = await navigator.credentials.get({ publicKey: options });
    return JSON.stringify({
      id: c.id,
      rawId: text(c.rawId),
      type: c.type,
      response: {
        authenticatorData: text(c.response.authenticatorData),
        clientDataJSON: text(c.response.clientDataJSON),
        signature: text(c.response.signature),
        userHandle: c.response.userHandle ? text(c.response.userHandle) : null,
      },
      clientExtensionResults: {},
    });
  },
};

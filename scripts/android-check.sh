#!/usr/bin/env bash
# Type-checks the phone build for Android (aarch64) without the Android NDK, which cannot be
# had here: Debian's clang stands in as the target C compiler for the build scripts that
# compile C (ring), with a freestanding header set just large enough for them. Nothing is
# linked, so nothing from the NDK's libc is needed.

source "$(dirname "$0")/lib.sh"

rustup target list --installed | grep -qx aarch64-linux-android || {
  log "Adding the aarch64-linux-android target"
  rustup target add aarch64-linux-android
}

shim="$ROOT/target/android-check"
mkdir -p "$shim/bin" "$shim/include"
freestanding_headers "$shim"
cat > "$shim/bin/aarch64-linux-android-clang" <<SH
#!/bin/sh
exec clang --target=aarch64-linux-android24 -ffreestanding -nostdlibinc -isystem "$shim/include" "\$@"
SH
chmod +x "$shim/bin/aarch64-linux-android-clang"

# A placeholder CA: the phone build compiles its backend's CA in, and a check needs a file.
printf '%s\n' '-----BEGIN CERTIFICATE-----' '-----END CERTIFICATE-----' > "$shim/placeholder-ca.pem"

log "Type-checking and linting the Android build (features: mobile)"
CC_aarch64_linux_android="$shim/bin/aarch64-linux-android-clang" \
AR_aarch64_linux_android=ar \
NHI_BACKEND_URL="https://10.0.2.2:8443" \
NHI_BACKEND_CA="$shim/placeholder-ca.pem" \
  cargo clippy --target aarch64-linux-android --no-default-features --features mobile --bin nhi-mobile -- -D warnings

log "A phone build without a backend address must not compile"
if CC_aarch64_linux_android="$shim/bin/aarch64-linux-android-clang" AR_aarch64_linux_android=ar \
  env -u NHI_BACKEND_URL -u NHI_BACKEND_CA \
  cargo clippy --target aarch64-linux-android --no-default-features --features mobile --bin nhi-mobile -- -D warnings 2> "$shim/no-address.log"; then
  echo "the phone build compiled without NHI_BACKEND_URL"
  exit 1
fi
grep -q "phone builds cannot start a backend" "$shim/no-address.log"
echo "refused as expected: $(grep -m1 'phone builds cannot start a backend' "$shim/no-address.log")"

#!/usr/bin/env bash
# Type-checks the app's iOS side (nhi-client for aarch64-apple-ios: the Keychain store and
# quick sign-in's Secure Enclave key) without Xcode, which cannot be had here: Debian's clang
# stands in as the target C compiler for the build scripts that compile C (ring), with a
# freestanding header set just large enough for them, and an empty SDK root so that cc-rs
# does not look for xcrun. Nothing is linked.

source "$(dirname "$0")/lib.sh"

rustup target list --installed | grep -qx aarch64-apple-ios || {
  log "Adding the aarch64-apple-ios target"
  rustup target add aarch64-apple-ios
}

shim="$ROOT/target/ios-check"
mkdir -p "$shim/bin" "$shim/include" "$shim/sdk"
echo '#define assert(expr) ((void)0)' > "$shim/include/assert.h"
cat > "$shim/include/string.h" <<'H'
typedef __SIZE_TYPE__ size_t;
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memmove(void *dst, const void *src, size_t n);
size_t strlen(const char *s);
H
cat > "$shim/include/TargetConditionals.h" <<'H'
#define TARGET_OS_IPHONE 1
#define TARGET_OS_IOS 1
#define TARGET_OS_OSX 0
#define TARGET_OS_MAC 1
H
cat > "$shim/bin/ios-clang" <<SH
#!/bin/sh
exec clang --target=arm64-apple-ios13 -ffreestanding -nostdlibinc -isystem "$shim/include" "\$@"
SH
chmod +x "$shim/bin/ios-clang"

log "Type-checking and linting the iOS side of the app (nhi-client, features: keyring)"
SDKROOT="$shim/sdk" CC_aarch64_apple_ios="$shim/bin/ios-clang" AR_aarch64_apple_ios=ar \
  cargo clippy -p nhi-client --target aarch64-apple-ios --features keyring -- -D warnings
